// The kind of a message, the mbox variants, and the dedup key of mail without a
// Message-ID.
#include "mail/archive.hpp"
#include "mail/charset.hpp"
#include "mail/classify.hpp"
#include "mail/dedup.hpp"
#include "mail/inbound.hpp"
#include "mail/parse.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace tkt;
using tkt::test::write_file;

namespace {

MailKind kind_of(std::vector<MailHeader> headers, std::string type = "text/plain",
                 std::string from = "ivan@example.ru") {
    return classify_mail(headers, type, from);
}

// Headers a list manager adds, among them the ones that point at its bounce handling.
std::vector<MailHeader> list_headers() {
    return {{"Return-Path", "<dev-bounces+ivan=example.ru@lists.example.org>"},
            {"Sender", "owner-dev@lists.example.org"},
            {"Errors-To", "dev-bounces@lists.example.org"},
            {"List-Id", "Developers <dev.lists.example.org>"}};
}

std::vector<MailHeader> with(std::vector<MailHeader> headers, const std::vector<MailHeader>& more) {
    headers.insert(headers.end(), more.begin(), more.end());
    return headers;
}

std::string key_of(std::string_view raw) {
    return mail::dedup_key(InboundMail{}, raw);
}

std::vector<RawMessage> read_mbox(const std::filesystem::path& path) {
    std::vector<RawMessage> messages;
    auto source = open_mbox(path);
    while (auto message = source->next()) {
        messages.push_back(std::move(*message));
    }
    CHECK(source->progress().done == source->progress().total);
    return messages;
}

std::vector<RawMessage> read_mbox_text(const test::TempDir& dir, std::string_view bytes) {
    write_file(dir / "in.mbox", bytes);
    return read_mbox(dir / "in.mbox");
}

}  // namespace

TEST_CASE("mail::classify_mail reports") {
    SUBCASE("a read receipt is automatic, the request for one is not") {
        CHECK(kind_of({}, "multipart/report; report-type=disposition-notification") == MailKind::automatic);
        CHECK(kind_of({{"Disposition-Notification-To", "<ivan@example.ru>"}}) == MailKind::human);
        CHECK(kind_of({{"Return-Receipt-To", "<ivan@example.ru>"}}) == MailKind::human);
    }
    SUBCASE("an abuse report is automatic") {
        CHECK(kind_of({}, "multipart/report; report-type=feedback-report") == MailKind::automatic);
        CHECK(kind_of({}, "multipart/report; report-type=\"feedback-report\"") == MailKind::automatic);
        CHECK(kind_of({}, "multipart/mixed") == MailKind::human);
    }
    SUBCASE("a delivery report is a bounce, from whomever") {
        CHECK(kind_of({}, "multipart/report; report-type=delivery-status") == MailKind::bounce);
        CHECK(kind_of({}, "Multipart/Report; Report-Type=Delivery-Status") == MailKind::bounce);
        CHECK(kind_of({{"Auto-Submitted", "auto-replied"}}, "multipart/report; report-type=delivery-status") ==
              MailKind::bounce);
    }
    SUBCASE("a report of no known type is still automatic") {
        CHECK(kind_of({}, "multipart/report") == MailKind::automatic);
        CHECK(kind_of({}, "multipart/report; report-type=tlsrpt") == MailKind::automatic);
    }
    SUBCASE("only a multipart/report is a report") {
        CHECK(kind_of({}, "multipart/mixed; report-type=delivery-status") == MailKind::human);
        CHECK(kind_of({}, "text/plain; report-type=disposition-notification") == MailKind::human);
    }
}

TEST_CASE("mail::classify_mail lists") {
    SUBCASE("a list manager's headers") {
        CHECK(kind_of({{"List-Id", "<dev.lists.example.org>"}}) == MailKind::list);
        CHECK(kind_of({{"List-Post", "<mailto:dev@lists.example.org>"}}) == MailKind::list);
        CHECK(kind_of({{"List-Help", "<mailto:dev-request@lists.example.org?subject=help>"}}) == MailKind::list);
        CHECK(kind_of({{"Mailing-List", "contact dev-help@example.org; run by ezmlm"}}) == MailKind::list);
        CHECK(kind_of({{"Precedence", "list"}}) == MailKind::list);
        CHECK(kind_of({{"precedence", " List "}}) == MailKind::list);
    }
    SUBCASE("List-Unsubscribe counts with a bulk sender's marks only") {
        CHECK(kind_of({{"List-Unsubscribe", "<mailto:u@example.com>"}}) == MailKind::human);
        CHECK(kind_of({{"List-Unsubscribe", "<https://example.com/u>"}, {"Precedence", "bulk"}}) == MailKind::list);
        CHECK(kind_of({{"List-Unsubscribe", "<https://example.com/u>"},
                       {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}}) == MailKind::list);
    }
    SUBCASE("Precedence bulk alone is vacation(1)'s: automatic") {
        CHECK(kind_of({{"Precedence", "bulk"}}) == MailKind::automatic);
        CHECK(kind_of({{"Precedence", "junk"}}) == MailKind::automatic);
    }
    SUBCASE("a list's bounce handling does not make its mail a bounce") {
        CHECK(kind_of(list_headers()) == MailKind::list);
        CHECK(kind_of(list_headers(), "text/plain", "postmaster@example.org") == MailKind::list);
        CHECK(kind_of(with(list_headers(), {{"Auto-Submitted", "auto-replied"}})) == MailKind::list);
        CHECK(kind_of({{"Errors-To", "dev-bounces@lists.example.org"}}) == MailKind::human);
        CHECK(kind_of({{"Sender", "owner-dev@lists.example.org"}}) == MailKind::human);
        CHECK(kind_of({{"Return-Path", "<dev-bounces@lists.example.org>"}}) == MailKind::human);
    }
    SUBCASE("a real bounce sent to or through a list stays a bounce") {
        CHECK(kind_of(with(list_headers(), {{"Precedence", "list"}}), "multipart/report; report-type=delivery-status",
                      "MAILER-DAEMON@mx.example.org") == MailKind::bounce);
        CHECK(kind_of({{"To", "dev@lists.example.org"},
                       {"X-Failed-Recipients", "gone@example.org"},
                       {"Precedence", "list"}}) == MailKind::bounce);
        CHECK(kind_of({{"Return-Path", "<>"}, {"List-Id", "<dev.lists.example.org>"}}) == MailKind::bounce);
        CHECK(kind_of(list_headers(), "text/plain", "MAILER-DAEMON@mx.example.org") == MailKind::bounce);
        CHECK(kind_of({}, "text/plain", "MAILER-DAEMON@mx.example.org") == MailKind::bounce);
        CHECK(kind_of({}, "text/plain", "postmaster@example.org") == MailKind::bounce);
    }
    SUBCASE("a broken report from MAILER-DAEMON is still a bounce") {
        CHECK(kind_of({}, "multipart/report", "Mailer-Daemon@example.com") == MailKind::bounce);
    }
    SUBCASE("the kind is called list") {
        CHECK(to_string(MailKind::list) == "list");
        CHECK(to_string(MailKind::automatic) == "auto");
    }
}

TEST_CASE("mail::classify_mail null Return-Path") {
    CHECK(kind_of({{"Return-Path", "<>"}}) == MailKind::bounce);
    CHECK(kind_of({{"Return-Path", "<>"}, {"Auto-Submitted", "no"}}) == MailKind::bounce);
    // RFC 3834 asks auto-replies to go out from the null path.
    CHECK(kind_of({{"Return-Path", "<>"}, {"Auto-Submitted", "auto-replied"}}) == MailKind::automatic);
    CHECK(kind_of({{"Return-Path", "<>"}, {"Auto-Submitted", "auto-replied"}}, "text/plain",
                  "mailer-daemon@mx.example.org") == MailKind::bounce);
    CHECK(kind_of({{"Return-Path", "<>"}, {"Auto-Submitted", "auto-replied"}, {"X-Failed-Recipients", "a@b.c"}}) ==
          MailKind::bounce);
}

TEST_CASE("mail::parse_mail reports") {
    const std::string original = "From: support@example.com\r\nMessage-ID: <reply-7@support.example.com>\r\n"
                                 "Subject: Re: help\r\n";
    SUBCASE("a read receipt threads by the headers it returns") {
        const auto mail =
            mail::parse("From: Ivan <ivan@example.ru>\r\nTo: support@example.com\r\nSubject: Read: Re: help\r\n"
                        "MIME-Version: 1.0\r\n"
                        "Content-Type: multipart/report; report-type=disposition-notification; "
                        "boundary=b\r\n\r\n"
                        "--b\r\nContent-Type: text/plain\r\n\r\nYour message was displayed.\r\n"
                        "--b\r\nContent-Type: message/disposition-notification\r\n\r\n"
                        "Final-Recipient: rfc822; ivan@example.ru\r\nOriginal-Message-ID: "
                        "<reply-7@support.example.com>\r\n"
                        "Disposition: manual-action/MDN-sent-manually; displayed\r\n"
                        "--b\r\nContent-Type: text/rfc822-headers\r\n\r\n" +
                            original + "\r\n--b--\r\n",
                        {});
        CHECK(mail.kind == MailKind::automatic);
        CHECK(mail.returned_ids == std::vector<std::string>{"reply-7@support.example.com"});
    }
    SUBCASE("an abuse report returns the message complained of") {
        const auto mail =
            mail::parse("From: abuse@isp.example\r\nTo: support@example.com\r\nSubject: Abuse "
                        "report\r\nMIME-Version: 1.0\r\n"
                        "Content-Type: multipart/report; report-type=feedback-report; boundary=b\r\n\r\n"
                        "--b\r\nContent-Type: text/plain\r\n\r\nA user marked this as spam.\r\n"
                        "--b\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nVersion: "
                        "1\r\n"
                        "--b\r\nContent-Type: message/rfc822\r\n\r\n" +
                            original + "\r\nHello\r\n--b--\r\n",
                        {});
        CHECK(mail.kind == MailKind::automatic);
        CHECK(mail.returned_ids == std::vector<std::string>{"reply-7@support.example.com"});
    }
    SUBCASE("list mail read whole") {
        const auto mail = mail::parse("Return-Path: <dev-bounces@lists.example.org>\r\nFrom: Ivan <ivan@example.ru>\r\n"
                                      "To: dev@lists.example.org\r\nList-Id: <dev.lists.example.org>\r\nSubject: [dev] "
                                      "hi\r\n\r\nhi\r\n",
                                      {});
        CHECK(mail.kind == MailKind::list);
    }
}

TEST_CASE("mail::dedup_key without a Message-ID") {
    const std::string message = "Date: Sun, 22 Nov 2026 09:00:00 +0000\nFrom: ivan@example.ru\n"
                                "Subject: where is my parcel\n\nHello,\nFrom Moscow with love.\n";
    const std::string key = key_of(message);
    CHECK(key.starts_with("sha256-"));
    CHECK(key.ends_with("@tkt.invalid"));
    CHECK(key.size() == 7 + 64 + 12);
    SUBCASE("the same whatever carried it") {
        CHECK(key_of("Received: from a by b; Sun, 22 Nov 2026 09:00:01 +0000\n"
                     "Received: from mx1.example.com\n\tby mx2.example.com; Sun, 22 Nov 2026 "
                     "09:00:02 +0000\n"
                     "Return-Path: <ivan@example.ru>\nDelivered-To: support@example.com\n"
                     "X-Original-To: help@example.com\nEnvelope-To: support@example.com\n"
                     "Authentication-Results: mx.example.com; spf=pass\nReceived-SPF: pass\n"
                     "ARC-Seal: i=1; a=rsa-sha256; cv=none\nX-Spam-Status: No, score=-1.0\n"
                     "X-Spam-Level: \nX-Virus-Scanned: amavisd-new\n" +
                     message) == key);
        CHECK(key_of("Return-Path: <ivan@example.ru>\n" + message + "X-Spam-Checker-Version: 3.4\n") != key);
    }
    SUBCASE("the same wherever it is kept") {
        const std::string stored = "Status: RO\nX-Status: A\nX-Keywords: $label1\nX-UID: 17\n"
                                   "Content-Length: 42\nLines: 2\nX-Mozilla-Status: 0001\n";
        CHECK(key_of(stored + message) == key);
        CHECK(key_of("From ivan@example.ru Sun Nov 22 09:00:01 2026\n" + message) == key);
        CHECK(key_of(message + "\n\n") == key);
    }
    SUBCASE("the same in CRLF and LF") {
        std::string crlf;
        for (const char c : message) {
            crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        }
        CHECK(key_of(crlf) == key);
    }
    SUBCASE("the same quoted as mboxo or mboxrd") {
        std::string quoted = message;
        CHECK(key_of(quoted.insert(quoted.find("From Moscow"), ">")) == key);
        CHECK(key_of(quoted.insert(quoted.find("From Moscow"), ">")) == key);
        CHECK(quoted.find(">>From Moscow") != std::string::npos);
    }
    SUBCASE("a different message, or a different sending, differs") {
        CHECK(key_of("Date: Sun, 22 Nov 2026 09:05:00 +0000\n" + message.substr(message.find('\n') + 1)) != key);
        CHECK(key_of(message + "P.S.\n") != key);
        CHECK(key_of("DKIM-Signature: v=1; d=example.ru; t=1\n" + message) != key);
        CHECK(key_of("X-Mailer: mutt\n" + message) != key);
        CHECK(key_of(message.substr(0, message.find("\n\n")) + "\nReceived-By: a person\n\n") !=
              key_of(message.substr(0, message.find("\n\n")) + "\n\n"));
    }
    SUBCASE("text that is not a message keeps every byte") {
        CHECK(key_of("raw") == "sha256-" + sha256_hex("raw") + "@tkt.invalid");
        CHECK(key_of("hello") != key_of("world"));
    }
    SUBCASE("a Message-ID is the key") {
        InboundMail mail;
        mail.message_id = "abc@example.ru";
        CHECK(mail::dedup_key(mail, message) == "abc@example.ru");
    }
}

TEST_CASE("mail::open_mbox variants") {
    test::TempDir dir;
    const std::string one = "From: a@example.com\nSubject: one\n\nbody one\n";
    const std::string two = "From: b@example.com\nSubject: two\n\nbody two\n";
    SUBCASE("mboxo: a blank line, then From_ lines") {
        const std::string first = "From a@example.com Sun Nov 22 10:00:00 2026\n" + one + "\n";
        const auto messages = read_mbox_text(dir, first + "From b@example.com Sun Nov 22 10:00:01 2026\n" + two + "\n");
        REQUIRE(messages.size() == 2);
        CHECK(messages[0].bytes == one);
        CHECK(messages[1].bytes == two);
        CHECK(messages[0].origin == (dir / "in.mbox").string() + ":0");
        CHECK(messages[1].origin == (dir / "in.mbox").string() + ":" + std::to_string(first.size()));
    }
    SUBCASE("mboxrd unquotes one '>' of '>From ' and '>>From '") {
        const auto messages =
            read_mbox_text(dir, "From a@example.com Sun Nov 22 10:00:00 2026\nSubject: q\n\n>From here\n"
                                ">>From there\n> From nowhere\n>Fromage\n\n");
        REQUIRE(messages.size() == 1);
        CHECK(messages[0].bytes == "Subject: q\n\nFrom here\n>From there\n> From nowhere\n>Fromage\n");
    }
    SUBCASE("a From_ line with no blank line before it, and a header after it, parts messages") {
        const auto messages = read_mbox_text(dir, "From a@example.com Sun Nov 22 10:00:00 2026\n" + one +
                                                      "From b@example.com  Mon Nov  2 09:05:33 2026\n" + two);
        REQUIRE(messages.size() == 2);
        CHECK(messages[0].bytes == one);
        CHECK(messages[1].bytes == two);
    }
    SUBCASE("a body line that starts 'From ' is not a separator") {
        const std::string body = "From: a@example.com\n\nHi,\nFrom Moscow with love\nFrom now on:\n\nFrom all of us\n"
                                 "Ivan\n\nFrom x@example.com Sun Nov 22 10:00:00 2026\nthe full form, but no header\n";
        const auto messages = read_mbox_text(dir, "From a@example.com Sun Nov 22 10:00:00 2026\n" + body);
        REQUIRE(messages.size() == 1);
        CHECK(messages[0].bytes == body);
    }
    SUBCASE("a short From_ line after a blank line, with a header after it, parts messages") {
        const auto messages = read_mbox_text(dir, "From -\n" + one + "\nFrom someone\n" + two);
        REQUIRE(messages.size() == 2);
        CHECK(messages[0].bytes == one);
        CHECK(messages[1].bytes == two);
    }
    SUBCASE("From_ dates as writers write them") {
        for (const std::string line :
             {"From MAILER-DAEMON Fri Jul  8 12:08:34 2011", "From 1781@xxx Wed Jun 05 12:34:56 +0000 2024",
              "From user Wed Dec  2 05:53 1992 remote from host", "From - Mon Jan 01 00:00:00 2024",
              "From \"john doe\"@example.com Thu Nov 29 21:33:09 2001"}) {
            CAPTURE(line);
            const auto messages =
                read_mbox_text(dir, "From a@example.com Sun Nov 22 10:00:00 2026\n" + one + line + "\n" + two);
            CHECK(messages.size() == 2);
        }
    }
    SUBCASE("CRLF line ends") {
        const auto messages =
            read_mbox_text(dir, "From a@example.com Sun Nov 22 10:00:00 2026\r\nSubject: one\r\n\r\n>From one\r\n\r\n"
                                "From b@example.com Sun Nov 22 10:00:00 2026\r\nSubject: two\r\n\r\ntwo\r\n\r\n");
        REQUIRE(messages.size() == 2);
        CHECK(messages[0].bytes == "Subject: one\r\n\r\nFrom one\r\n");
        CHECK(messages[1].bytes == "Subject: two\r\n\r\ntwo\r\n");
    }
    SUBCASE("an empty message is a message, not lines of the one before it") {
        const auto messages = read_mbox_text(dir, "From a@example.com Sun Nov 22 10:00:00 2026\n" + one +
                                                      "\nFrom b@example.com Sun Nov 22 10:00:01 2026\n\n"
                                                      "From c@example.com Sun Nov 22 10:00:02 2026\n" +
                                                      two);
        REQUIRE(messages.size() == 3);
        CHECK(messages[0].bytes == one);
        CHECK(messages[1].bytes.empty());
        CHECK(messages[2].bytes == two);
    }
    SUBCASE("RFC 822's 'Name :' header after a From_ line") {
        const auto messages = read_mbox_text(dir, "From a@example.com Sun Nov 22 10:00:00 2026\n" + one +
                                                      "From b@example.com Sun Nov 22 10:00:01 2026\n"
                                                      "Subject  : two\n\ntwo\n");
        REQUIRE(messages.size() == 2);
        CHECK(messages[1].bytes == "Subject  : two\n\ntwo\n");
    }
    SUBCASE("a file without From_ lines is one message; blank lines before it are none") {
        auto messages = read_mbox_text(dir, one);
        REQUIRE(messages.size() == 1);
        CHECK(messages[0].bytes == one);
        messages = read_mbox_text(dir, "\n\nFrom a@example.com Sun Nov 22 10:00:00 2026\n" + one);
        REQUIRE(messages.size() == 1);
        CHECK(messages[0].bytes == one);
        CHECK(read_mbox_text(dir, "").empty());
    }
}

TEST_CASE("mail::open_mbox Content-Length") {
    test::TempDir dir;
    const std::string from_line = "From a@example.com Sun Nov 22 10:00:00 2026\n";
    const std::string tail = "From b@example.com Sun Nov 22 10:00:01 2026\nSubject: two\n\ntwo\n";
    SUBCASE("mboxcl2: the count decides, and From lines in the body stay as they are") {
        const std::string body = "From a@example.com Sun Nov 22 10:00:00 2026\nTo: x@example.com\n>From here\n";
        const std::string message = "Subject: one\nContent-Length: " + std::to_string(body.size()) + "\n\n" + body;
        const auto messages = read_mbox_text(dir, from_line + message + "\n" + tail);
        REQUIRE(messages.size() == 2);
        CHECK(messages[0].bytes == message);
        CHECK_FALSE(messages[0].error);
        CHECK(messages[1].bytes == "Subject: two\n\ntwo\n");
    }
    SUBCASE("mboxcl: counted, and quoted") {
        const std::string body = ">From here\n>>From there\n";
        const std::string headers = "Subject: one\ncontent-length: " + std::to_string(body.size()) + "\n\n";
        const auto messages = read_mbox_text(dir, from_line + headers + body + "\n" + tail);
        REQUIRE(messages.size() == 2);
        CHECK(messages[0].bytes == headers + "From here\n>From there\n");
    }
    SUBCASE("a count that ends at the next From_ line without a blank line, or at the end") {
        auto messages = read_mbox_text(dir, from_line + "Content-Length: 4\n\nabc\n" + tail);
        REQUIRE(messages.size() == 2);
        CHECK(messages[0].bytes == "Content-Length: 4\n\nabc\n");
        messages = read_mbox_text(dir, from_line + "Content-Length: 4\n\nabc\n");
        REQUIRE(messages.size() == 1);
        CHECK(messages[0].bytes == "Content-Length: 4\n\nabc\n");
        messages = read_mbox_text(dir, from_line + "Content-Length: 0\n\n\n" + tail);
        REQUIRE(messages.size() == 2);
        CHECK(messages[0].bytes == "Content-Length: 0\n\n");
    }
    SUBCASE("a count past the end of the file is a failure at its offset") {
        const auto messages = read_mbox_text(dir, tail + "\n" + from_line + "Content-Length: 400\n\nshort\n");
        REQUIRE(messages.size() == 2);
        CHECK_FALSE(messages[0].error);
        REQUIRE(messages[1].error);
        CHECK(*messages[1].error == "its Content-Length (400 bytes) runs past the end of the file");
        CHECK(messages[1].origin == (dir / "in.mbox").string() + ":" + std::to_string(tail.size() + 1));
        CHECK(messages[1].bytes.empty());
    }
    SUBCASE("a count that ends elsewhere than a From_ line is a failure; the next message is read") {
        const auto messages = read_mbox_text(dir, from_line + "Content-Length: 3\n\nbody longer than three\n\n" + tail);
        REQUIRE(messages.size() == 2);
        REQUIRE(messages[0].error);
        CHECK(*messages[0].error == "its Content-Length (3 bytes) does not end where a 'From ' line begins");
        CHECK(messages[1].bytes == "Subject: two\n\ntwo\n");
    }
    SUBCASE("a count too large to keep is skipped whole when it is right") {
        // Far enough past the buffer that the reader checks the end and skips by seeking.
        const std::string body(30u << 20, 'x');
        const auto messages = read_mbox_text(dir, from_line + "Content-Length: " + std::to_string(body.size()) +
                                                      "\n\n" + body + "\n" + tail);
        REQUIRE(messages.size() == 2);
        REQUIRE(messages[0].error);
        CHECK(*messages[0].error == "larger than 25 MiB");
        CHECK(messages[1].bytes == "Subject: two\n\ntwo\n");
    }
    SUBCASE("a malformed count is no count") {
        const auto messages = read_mbox_text(dir, from_line + "Content-Length: many\n\nbody\n\n" + tail);
        REQUIRE(messages.size() == 2);
        CHECK_FALSE(messages[0].error);
        CHECK(messages[0].bytes == "Content-Length: many\n\nbody\n");
    }
}
