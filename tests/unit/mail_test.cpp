#include "core/text.hpp"
#include "mail/charset.hpp"
#include "mail/classify.hpp"
#include "mail/dedup.hpp"
#include "mail/encoded_words.hpp"
#include "mail/inbound.hpp"
#include "mail/parse.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace tkt;

namespace {

std::string hex_bytes(std::string_view hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
    }
    return out;
}

std::string make_message(const std::string& headers, const std::string& body) {
    return "From: Ivan <ivan@example.ru>\r\nTo: support@example.com\r\nMessage-ID: <m1@example.ru>\r\n" + headers +
           "\r\n" + body;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

}  // namespace

TEST_CASE("mail::parse_mail headers") {
    SUBCASE("RFC 2047 B words split across folded lines") {
        const auto mail = mail::parse(make_message("Subject: =?UTF-8?B?0JPQtNC1INC80L7RjyA=?=\r\n"
                                                   " =?UTF-8?B?0L/QvtGB0YvQu9C60LA/?=\r\n",
                                                   "x\r\n"),
                                      {});
        CHECK(mail.subject == "Где моя посылка?");
    }
    SUBCASE("a character split across two words") {
        const auto mail =
            mail::parse(make_message("Subject: =?UTF-8?B?0J/RgNC40A==?= =?UTF-8?B?stC10YI=?=\r\n", "x\r\n"), {});
        CHECK(mail.subject == "Привет");
    }
    SUBCASE("words in different charsets, text between them kept") {
        CHECK(decode_encoded_words("Re: =?iso-8859-1?Q?caf=E9?= and =?UTF-8?Q?=D1=87=D0=B0=D0=B9?=") ==
              "Re: café and чай");
    }
    SUBCASE("a malformed word passes as text") {
        CHECK(decode_encoded_words("=?UTF-8?X?abc?= =?broken") == "=?UTF-8?X?abc?= =?broken");
    }
    SUBCASE("RFC 2047 Q word in koi8-r") {
        const auto mail = mail::parse(make_message("Subject: =?koi8-r?Q?=FA=C1=CB=C1=DA?= 58213\r\n", "x\r\n"), {});
        CHECK(mail.subject == "Заказ 58213");
    }
    SUBCASE("raw koi8-r subject without a charset (RT's expected value)") {
        const auto mail =
            mail::parse(make_message("Subject: " + hex_bytes("d4c5d3d420d4c5d3d4") + "\r\n", "x\r\n"), {});
        CHECK(mail.subject == "тест тест");
    }
    SUBCASE("From, Date, ids, To and Cc") {
        const auto mail = mail::parse("From: =?UTF-8?B?0JjQstCw0L0g0JjQstCw0L3QvtCy?= <Ivan@Example.RU>\r\n"
                                      "To: Support <support@example.com>, other@example.com\r\nCc: boss@example.ru\r\n"
                                      "Date: Sun, 22 Nov 2026 13:00:00 +0300\r\nMessage-ID: <abc@example.ru>\r\n"
                                      "In-Reply-To: <tkt-ticket-7@support.example.com>\r\n"
                                      "References: <first@example.ru> <second@example.ru>\r\n\r\nbody\r\n",
                                      {});
        CHECK(mail.from.name == "Иван Иванов");
        CHECK(mail.from.email == "ivan@example.ru");
        CHECK(mail.date == 1795341600);
        CHECK(mail.message_id == "abc@example.ru");
        CHECK(mail.in_reply_to == std::vector<std::string>{"tkt-ticket-7@support.example.com"});
        CHECK(mail.references == std::vector<std::string>{"first@example.ru", "second@example.ru"});
        CHECK(mail.to == std::vector<std::string>{"support@example.com", "other@example.com"});
        CHECK(mail.cc == std::vector<std::string>{"boss@example.ru"});
    }
}

TEST_CASE("mail::parse_mail bodies") {
    SUBCASE("koi8-r declared") {
        const auto mail =
            mail::parse(make_message("Content-Type: text/plain; charset=koi8-r\r\n",
                                     hex_bytes("fac4d2c1d7d3d4d7d5cad4c52c20d0cfd3d9cccbc120cec520d0d2c9dbccc12e")),
                        {});
        CHECK(mail.body == "Здравствуйте, посылка не пришла.\n");
    }
    SUBCASE("windows-1251 declared") {
        const auto mail = mail::parse(
            make_message("Content-Type: text/plain; charset=windows-1251\r\n", hex_bytes("c4eee1f0fbe920e4e5edfc21")),
            {});
        CHECK(mail.body == "Добрый день!\n");
    }
    SUBCASE("windows-1251 undeclared") {
        const auto mail = mail::parse(
            make_message("", hex_bytes("c4eee1f0fbe920e4e5edfc2120cfeef1fbebeae020ede520eff0e8f8ebe02c20f2f0"
                                       "e5eae8ede320ede520eee1edeee2ebffe5f2f1ff2e")),
            {});
        CHECK(mail.body == "Добрый день! Посылка не пришла, трекинг не обновляется.\n");
    }
    SUBCASE("HTML only") {
        const auto mail =
            mail::parse(make_message("Content-Type: text/html; charset=utf-8\r\n",
                                     "<html><head><title>t</title><style>p{color:red}</style></head><body>"
                                     "<script>alert(1)</script><p>Hello&nbsp;&amp; welcome,</p><p>line one<br>line "
                                     "two</p><div>caf&eacute; &#8212; ok</div></body></html>"),
                        {});
        CHECK(mail.body == "Hello\u00a0& welcome,\n\nline one\nline two\n\ncafé — ok\n");
    }
    SUBCASE("nested multipart with an RFC 2231 filename") {
        const std::string raw =
            make_message("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=outer\r\n",
                         "--outer\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n"
                         "--inner\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nПривет\r\n"
                         "--inner\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Привет</p>\r\n--inner--\r\n"
                         "--outer\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
                         "Content-Disposition: attachment; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82.pdf\r\n\r\n"
                         "JVBERi0xLjQK\r\n--outer--\r\n");
        const auto mail = mail::parse(raw, {});
        CHECK(mail.body == "Привет\n");
        REQUIRE(mail.attachments.size() == 1);
        CHECK(mail.attachments[0].filename == "отчёт.pdf");
        CHECK(mail.attachments[0].content_type == "application/pdf");
        CHECK(mail.attachments[0].size == 9);
        CHECK(mail.attachments[0].sha256 == sha256_hex("%PDF-1.4\n"));
    }
    SUBCASE("binary garbage still gives valid UTF-8") {
        std::string garbage;
        for (int i = 0; i < 4096; ++i) {
            garbage += static_cast<char>((i * 7919 + 13) % 256);
        }
        const auto mail = mail::parse(garbage, {});
        CHECK(is_valid_utf8(mail.subject));
        CHECK(is_valid_utf8(mail.body));
    }
}

TEST_CASE("mail::classify_mail") {
    auto kind = [](std::vector<MailHeader> headers, std::string type = "text/plain",
                   std::string from = "ivan@example.ru") { return classify_mail(headers, type, from); };
    CHECK(kind({}) == MailKind::human);
    CHECK(kind({{"Auto-Submitted", "no"}}) == MailKind::human);
    CHECK(kind({{"Auto-Submitted", "auto-replied"}}) == MailKind::automatic);
    CHECK(kind({{"Precedence", "bulk"}}) == MailKind::automatic);
    CHECK(kind({{"precedence", "List"}}) == MailKind::list);
    CHECK(kind({{"Precedence", "first-class"}}) == MailKind::human);
    CHECK(kind({{"X-Autoreply", "yes"}}) == MailKind::automatic);
    CHECK(kind({{"X-Autorespond", "x"}}) == MailKind::automatic);
    CHECK(kind({{"X-Auto-Response-Suppress", "All"}}) == MailKind::automatic);
    CHECK(kind({{"List-Unsubscribe", "<mailto:u@x>"}}) == MailKind::human);
    CHECK(kind({{"List-Unsubscribe", "<https://x/u>"}, {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}}) ==
          MailKind::list);
    CHECK(kind({{"Return-Path", "<>"}}) == MailKind::bounce);
    CHECK(kind({{"Return-Path", "<ivan@example.ru>"}}) == MailKind::human);
    CHECK(kind({}, "text/plain", "MAILER-DAEMON@mx.example.com") == MailKind::bounce);
    CHECK(kind({}, "text/plain", "postmaster@example.com") == MailKind::bounce);
    CHECK(kind({}, "multipart/report; report-type=delivery-status") == MailKind::bounce);
    CHECK(kind({{"X-Failed-Recipients", "a@b.c"}}) == MailKind::bounce);
    CHECK(kind({{"X-Tkt-Loop", "support@example.com"}, {"Precedence", "bulk"}}) == MailKind::own_loop);
}

TEST_CASE("mail::bounce returns the original's Message-ID") {
    const std::string raw =
        "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.com>\r\nTo: support@example.com\r\n"
        "Subject: Undelivered Mail\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
        "--b\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
        "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.com\r\n\r\n"
        "Final-Recipient: rfc822; gone@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "--b\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: support@example.com\r\n"
        "Message-ID: <reply-1@support.example.com>\r\nSubject: Re: help\r\n\r\n--b--\r\n";
    const auto mail = mail::parse(raw, {});
    CHECK(mail.kind == MailKind::bounce);
    CHECK(mail.returned_ids == std::vector<std::string>{"reply-1@support.example.com"});
    CHECK(mail.body == "The mail could not be delivered.\n");
}

TEST_CASE("mail::control headers only from trusted input") {
    const std::string raw = make_message("X-Tkt-Queue: billing\r\nX-Tkt-Tags: vip, web\r\n", "x\r\n");
    CHECK_FALSE(mail::parse(raw, {}).control.queue);
    const auto trusted = mail::parse(raw, MailOptions{true});
    CHECK(trusted.control.queue == "billing");
    CHECK(trusted.control.tags == std::vector<std::string>{"vip", "web"});
}

TEST_CASE("mail::dedup_key") {
    InboundMail with_id;
    with_id.message_id = "abc@example.ru";
    CHECK(mail::dedup_key(with_id, "raw") == "abc@example.ru");
    CHECK(mail::dedup_key(InboundMail{}, "raw") == "sha256-" + sha256_hex("raw") + "@tkt.invalid");
}

TEST_CASE("mail::every message of the shared corpora parses into valid UTF-8") {
    const std::filesystem::path corpora = TKT_CORPORA_DIR;
    // The corpus is part of the test: missing data fails, it does not skip.
    REQUIRE(std::filesystem::is_directory(corpora / "spamassassin"));
    std::map<std::string, int> kinds;
    int messages = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpora)) {
        const auto extension = entry.path().extension();
        if (!entry.is_regular_file() || entry.path().string().find("mustache") != std::string::npos ||
            extension == ".md" || extension == ".json" || entry.path().filename() == "LICENSE") {
            continue;
        }
        CAPTURE(entry.path().string());
        const auto mail = mail::parse(read_file(entry.path()), {});
        CHECK(is_valid_utf8(mail.subject));
        CHECK(is_valid_utf8(mail.body));
        CHECK(is_valid_utf8(mail.from.name));
        for (const auto& attachment : mail.attachments) {
            CHECK(is_valid_utf8(attachment.filename));
        }
        ++kinds[std::string(to_string(mail.kind))];
        ++messages;
    }
    CHECK(messages > 3400);
    CHECK(kinds["bounce"] >= 10);
    CHECK(kinds["list"] > 1000);
    CHECK(kinds["auto"] >= 10);
    SUBCASE("RT: a raw koi8-r subject without a charset reads as Russian") {
        const auto mail = mail::parse(read_file(corpora / "rt" / "russian-subject-no-content-type"), {});
        CHECK(mail.subject == "тест тест");
    }
    SUBCASE("RT: a delivery report is a bounce that names the original") {
        const auto mail = mail::parse(read_file(corpora / "rt" / "multipart-report"), {});
        CHECK(mail.kind == MailKind::bounce);
        CHECK(mail.returned_ids.size() == 1);
    }
}
