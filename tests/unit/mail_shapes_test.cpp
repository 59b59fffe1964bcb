// Inbound mail shapes that real mail takes and that tkt once read wrong; each one a
// message written here by hand.
#include "core/text.hpp"
#include "mail/charset.hpp"
#include "mail/charset_labels.hpp"
#include "mail/inbound.hpp"
#include "mail/parse.hpp"

#include <doctest/doctest.h>

using namespace tkt;

namespace {

constexpr std::string_view k_headers = "From: Ivan <ivan@example.ru>\r\nTo: support@example.com\r\n"
                                       "Message-ID: <shape@example.ru>\r\nSubject: shape\r\n";

// Returns a single-part message: the common headers, `headers`, a blank line, `body`.
std::string make_message(std::string_view headers, std::string_view body) {
    return std::string(k_headers) + std::string(headers) + "\r\n" + std::string(body);
}

// Returns a multipart/mixed message (boundary "b") of `parts`, each its headers, a
// blank line and its body, closed by `closing` ("--b--\r\n", or less).
std::string make_multipart(std::initializer_list<std::string_view> parts, std::string_view closing = "--b--\r\n") {
    std::string out = std::string(k_headers) + "MIME-Version: 1.0\r\n" +
                      "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\npreamble\r\n";
    for (const auto part : parts) {
        out += "--b\r\n" + std::string(part) + "\r\n";
    }
    return out + std::string(closing);
}

std::vector<std::string> filenames(const InboundMail& mail) {
    std::vector<std::string> out;
    for (const auto& attachment : mail.attachments) {
        out.push_back(attachment.filename);
    }
    return out;
}

}  // namespace

TEST_CASE("mail::shapes inline text with a filename") {
    SUBCASE("the only part is the body, not an attachment") {
        const auto mail = mail::parse(make_message("Content-Type: text/plain; charset=utf-8\r\n"
                                                   "Content-Disposition: inline; filename=\"note.txt\"\r\n",
                                                   "Посылка не пришла.\r\n"),
                                      {});
        CHECK(mail.body == "Посылка не пришла.\n");
        CHECK(mail.attachments.empty());
    }
    SUBCASE("the first part of multipart/mixed is the body, not an attachment") {
        const auto mail = mail::parse(make_multipart({"Content-Type: text/plain\r\n"
                                                      "Content-Disposition: inline; filename=body.txt\r\n\r\n"
                                                      "Hello, my order is late.",
                                                      "Content-Type: image/png; name=a.png\r\n"
                                                      "Content-Transfer-Encoding: base64\r\n\r\niVBORw0K"}),
                                      {});
        CHECK(mail.body == "Hello, my order is late.\n");
        CHECK(filenames(mail) == std::vector<std::string>{"a.png"});
    }
    SUBCASE("a later one is body text in order and also an attachment") {
        const auto mail = mail::parse(make_multipart({"Content-Type: text/plain\r\n\r\nThe log is below.",
                                                      "Content-Type: text/plain; name=\"log.txt\"\r\n"
                                                      "Content-Disposition: inline; filename=\"log.txt\"\r\n\r\n"
                                                      "error 42",
                                                      "Content-Type: text/plain\r\n\r\nThanks."}),
                                      {});
        CHECK(mail.body == "The log is below.\nerror 42\nThanks.\n");
        REQUIRE(mail.attachments.size() == 1);
        CHECK(mail.attachments[0].filename == "log.txt");
        CHECK(mail.attachments[0].content_type == "text/plain");
        CHECK(mail.attachments[0].size == 8);
        CHECK(mail.attachments[0].sha256 == sha256_hex("error 42"));
    }
    SUBCASE("Content-Disposition: attachment stays out of the body") {
        const auto mail = mail::parse(make_multipart({"Content-Type: text/plain\r\n\r\nSee attached.",
                                                      "Content-Type: text/plain\r\n"
                                                      "Content-Disposition: attachment; filename=a.csv\r\n\r\n"
                                                      "1,2,3"}),
                                      {});
        CHECK(mail.body == "See attached.\n");
        CHECK(filenames(mail) == std::vector<std::string>{"a.csv"});
    }
}

TEST_CASE("mail::shapes Content-Type without a subtype or that does not parse") {
    SUBCASE("text alone is text/plain") {
        const auto mail = mail::parse(make_message("Content-Type: text\r\n", "Where is my parcel?\r\n"), {});
        CHECK(mail.body == "Where is my parcel?\n");
        CHECK(mail.attachments.empty());
    }
    SUBCASE("text with a charset keeps the charset") {
        const auto mail = mail::parse(
            make_message("Content-Type: text; charset=koi8-r\r\n", "\xE7\xC4\xC5 \xD0\xCF\xD3\xD9\xCC\xCB\xC1?\r\n"),
            {});
        CHECK(mail.body == "Где посылка?\n");
    }
    SUBCASE("garbage is text/plain") {
        const auto mail = mail::parse(make_message("Content-Type: ;;; /garbage\r\n", "Hello\r\n"), {});
        CHECK(mail.body == "Hello\n");
        CHECK(mail.attachments.empty());
    }
    SUBCASE("a declared application/octet-stream stays an attachment") {
        const auto mail = mail::parse(make_multipart({"Content-Type: text/plain\r\n\r\nHi",
                                                      "Content-Type: Application/Octet-Stream\r\n\r\nbytes"}),
                                      {});
        CHECK(mail.body == "Hi\n");
        REQUIRE(mail.attachments.size() == 1);
        CHECK(mail.attachments[0].content_type == "application/octet-stream");
    }
    SUBCASE("the name of Content-Type when Content-Disposition has none") {
        const auto mail =
            mail::parse(make_multipart({"Content-Type: text/plain\r\n\r\nHi",
                                        "Content-Type: application/pdf; name*0*=koi8-r''%D3%DE%C5%D4; name*1=.pdf\r\n"
                                        "Content-Disposition: attachment\r\n"
                                        "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=",
                                        "Content-Type: application/pdf; name=\"=?UTF-8?B?0LDQutGCLnBkZg==?=\"\r\n"
                                        "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0="}),
                        {});
        CHECK(filenames(mail) == std::vector<std::string>{"счет.pdf", "акт.pdf"});
    }
    SUBCASE("raw bytes in a type name no type, and never reach the database") {
        const auto mail = mail::parse(
            make_message("MIME-Version: 1.0\r\nContent-Type: text/\xF6\xBB\x9E\x85n; encoding=utf-8\r\n", "Hi\r\n"),
            {});
        for (const auto& attachment : mail.attachments) {
            CHECK(is_valid_utf8(attachment.content_type));
        }
        CHECK(is_valid_utf8(mail.body));
    }
    SUBCASE("a Content-Type that does not parse keeps its name") {
        const auto mail = mail::parse(make_multipart({"Content-Type: text/plain\r\n\r\nHi",
                                                      "Content-Type: text; name=\"notes.txt\"\r\n\r\nnotes"}),
                                      {});
        CHECK(mail.body == "Hi\nnotes\n");
        CHECK(filenames(mail) == std::vector<std::string>{"notes.txt"});
    }
}

TEST_CASE("mail::shapes HTML beside plain text in multipart/mixed") {
    SUBCASE("an HTML part with words the plain parts lack joins the body in order") {
        const auto mail = mail::parse(make_multipart({"Content-Type: text/plain\r\n\r\nMy order is late.",
                                                      "Content-Type: text/html\r\n\r\n"
                                                      "<p>Order <b>58213</b>, paid by card.</p>",
                                                      "Content-Type: text/plain\r\n\r\nIvan"}),
                                      {});
        // Parts are joined by a line break; text from HTML ends in one, so a blank line follows.
        CHECK(mail.body == "My order is late.\nOrder 58213, paid by card.\n\nIvan\n");
    }
    SUBCASE("an HTML copy of the plain text is not repeated") {
        const auto mail =
            mail::parse(make_multipart({"Content-Type: text/plain\r\n\r\nMy order is late.",
                                        "Content-Type: text/html\r\n\r\n<p>My <i>order</i> is late.</p>"}),
                        {});
        CHECK(mail.body == "My order is late.\n");
    }
    SUBCASE("two HTML parts and no plain one both make the body") {
        const auto mail = mail::parse(make_multipart({"Content-Type: text/html\r\n\r\n<p>first</p>",
                                                      "Content-Type: text/html\r\n\r\n<p>second</p>"}),
                                      {});
        CHECK(mail.body == "first\n\nsecond\n");
    }
    SUBCASE("multipart/alternative still shows the plain alternative only") {
        const std::string alternative = "Content-Type: multipart/alternative; boundary=\"a\"\r\n\r\n"
                                        "--a\r\nContent-Type: text/plain\r\n\r\nplain words\r\n"
                                        "--a\r\nContent-Type: text/html\r\n\r\n<p>html words</p>\r\n--a--";
        const auto mail = mail::parse(make_multipart({alternative}), {});
        CHECK(mail.body == "plain words\n");
    }
    SUBCASE("an alternative not shown keeps its attachments") {
        const std::string alternative = "Content-Type: multipart/alternative; boundary=\"a\"\r\n\r\n"
                                        "--a\r\nContent-Type: text/plain\r\n\r\nplain words\r\n"
                                        "--a\r\nContent-Type: multipart/related; boundary=\"r\"\r\n\r\n"
                                        "--r\r\nContent-Type: text/html\r\n\r\n<img src=\"cid:logo\">\r\n"
                                        "--r\r\nContent-Type: image/png; name=logo.png\r\nContent-Transfer-Encoding: "
                                        "base64\r\n\r\n"
                                        "iVBORw0K\r\n--r--\r\n--a--";
        const auto mail = mail::parse(make_multipart({alternative}), {});
        CHECK(mail.body == "plain words\n");
        CHECK(filenames(mail) == std::vector<std::string>{"logo.png"});
    }
}

TEST_CASE("mail::shapes format=flowed") {
    const std::string flowed = "This is one \r\n"
                               "paragraph.\r\n"
                               "> Quoted one \r\n"
                               "> paragraph.\r\n"
                               ">> Deeper \r\n"
                               ">> still.\r\n"
                               "> Back at one.\r\n"
                               " From the space-stuffed line.\r\n"
                               "-- \r\n"
                               "Ivan\r\n";
    SUBCASE("soft breaks joined, quotes kept at their depth, the signature separator kept") {
        const auto mail = mail::parse(make_message("Content-Type: text/plain; format=flowed\r\n", flowed), {});
        CHECK(mail.body == "This is one paragraph.\n"
                           "> Quoted one paragraph.\n"
                           ">> Deeper still.\n"
                           "> Back at one.\n"
                           "From the space-stuffed line.\n"
                           "-- \n"
                           "Ivan\n");
    }
    SUBCASE("DelSp=yes removes the space of a soft break") {
        const auto mail = mail::parse(
            make_message("Content-Type: text/plain; format=\"Flowed\"; DelSp=Yes\r\n", "Очень длин \r\nное слово\r\n"),
            {});
        CHECK(mail.body == "Очень длинное слово\n");
    }
    SUBCASE("a soft line before another quote depth ends its paragraph") {
        const auto mail =
            mail::parse(make_message("Content-Type: text/plain; format=flowed\r\n", "> quoted \r\nmine\r\n"), {});
        CHECK(mail.body == "> quoted \nmine\n");
    }
    SUBCASE("without format=flowed a trailing space is no soft break") {
        const auto mail = mail::parse(make_message("Content-Type: text/plain\r\n", "one \r\ntwo\r\n"), {});
        CHECK(mail.body == "one \ntwo\n");
    }
}

TEST_CASE("mail::shapes charset labels") {
    SUBCASE("labels resolve to iconv names, any case, blanks around ignored") {
        CHECK(mail::iconv_name_for_label("win-1257") == "CP1257");
        CHECK(mail::iconv_name_for_label("cp-850") == "CP850");
        CHECK(mail::iconv_name_for_label("x-mac-roman") == "MACINTOSH");
        CHECK(mail::iconv_name_for_label("unicode-1-1-utf-7") == "UTF-7");
        CHECK(mail::iconv_name_for_label("x-cp1251") == "CP1251");
        CHECK(mail::iconv_name_for_label(" CP1251 ") == "CP1251");
        CHECK(mail::iconv_name_for_label("Windows-1251") == "CP1251");
        CHECK(mail::iconv_name_for_label("ks_c_5601-1987") == "CP949");
        CHECK(mail::iconv_name_for_label("latin1") == "CP1252");
        CHECK(mail::iconv_name_for_label("ascii") == "CP1252");
        CHECK(mail::iconv_name_for_label("ms932") == "CP932");
        CHECK(mail::iconv_name_for_label("x-sjis") == "CP932");
        CHECK(mail::iconv_name_for_label("csKOI8R") == "KOI8-R");
        CHECK(mail::iconv_name_for_label("koi8") == "KOI8-R");
        CHECK(mail::iconv_name_for_label("gb2312") == "GB18030");
        CHECK(mail::iconv_name_for_label("x-koi8-r") == "KOI8-R");
        CHECK(mail::iconv_name_for_label("windows_1250") == "CP1250");
        CHECK_FALSE(mail::iconv_name_for_label("x-unknown"));
        CHECK_FALSE(mail::iconv_name_for_label("cp12"));
    }
    SUBCASE("text in those labels converts as declared") {
        CHECK(to_utf8("\xD0\xEE\xE1\xE5\xF0\xF2\xE0\xF1", "win-1257") == "Šīįåšņąń");
        CHECK(to_utf8("\x82\xA0", "cp-850") == "éá");
        CHECK(to_utf8("caf\x8E", "x-mac-roman") == "café");
        CHECK(to_utf8("+BD8EPgRBBEsEOwQ6BDA-", "unicode-1-1-utf-7") == "посылка");
        CHECK(to_utf8("\xEF\xEE\xF1\xFB\xEB\xEA\xE0", "x-cp1251") == "посылка");
        CHECK(to_utf8("\xC6\xF7\xBD\xBA\xC5\xB8", "ks_c_5601-1987") == "포스타");
        CHECK(to_utf8("\x93quoted\x94 \x80", "latin1") == "“quoted” €");
        CHECK(to_utf8("\x83\x65\x83\x58\x83\x67", "x-sjis") == "テスト");
        CHECK(to_utf8("\xD0\xCF\xD3\xD9\xCC\xCB\xC1", " csKOI8R ") == "посылка");
        CHECK(to_utf8("\xC4\xE3", "gb2312") == "你");
    }
}

TEST_CASE("mail::shapes attachments at a broken end of a multipart") {
    const std::string content = "line one\r\nline two \xD0\xBF";  // what the sender encoded
    const std::string part = "Content-Type: application/octet-stream; name=a.bin\r\n"
                             "Content-Transfer-Encoding: 8bit\r\n\r\n" +
                             content;
    const auto only_attachment = [](const std::string& raw) {
        const auto mail = mail::parse(raw, {});
        REQUIRE(mail.attachments.size() == 1);
        return mail.attachments[0];
    };
    SUBCASE("a closing boundary with its newline (the reference)") {
        const auto attachment = only_attachment(make_multipart({"Content-Type: text/plain\r\n\r\nHi", part}));
        CHECK(attachment.size == static_cast<std::int64_t>(content.size()));
        CHECK(attachment.sha256 == sha256_hex(content));
    }
    SUBCASE("a closing boundary without a final newline") {
        const auto attachment = only_attachment(make_multipart({"Content-Type: text/plain\r\n\r\nHi", part}, "--b--"));
        CHECK(attachment.size == static_cast<std::int64_t>(content.size()));
        CHECK(attachment.sha256 == sha256_hex(content));
    }
    SUBCASE("no closing boundary at all") {
        const auto attachment = only_attachment(make_multipart({"Content-Type: text/plain\r\n\r\nHi", part}, ""));
        CHECK(attachment.size == static_cast<std::int64_t>(content.size()));
        CHECK(attachment.sha256 == sha256_hex(content));
    }
    SUBCASE("quoted-printable without a closing boundary") {
        const auto attachment = only_attachment(
            make_multipart({"Content-Type: text/plain\r\n\r\nHi",
                            "Content-Type: text/plain; name=a.txt\r\nContent-Disposition: attachment\r\n"
                            "Content-Transfer-Encoding: quoted-printable\r\n\r\nline one\r\nline two =D0=BF"},
                           ""));
        CHECK(attachment.sha256 == sha256_hex(content));
    }
    SUBCASE("base64 with a closing boundary without a final newline") {
        const auto attachment =
            only_attachment(make_multipart({"Content-Type: text/plain\r\n\r\nHi",
                                            "Content-Type: image/png; name=p.png\r\n"
                                            "Content-Transfer-Encoding: base64\r\n\r\nbGluZSBvbmUNCmxpbmUgdHdvINC/"},
                                           "--b--"));
        CHECK(attachment.sha256 == sha256_hex(content));
    }
    SUBCASE("a single-part message keeps its final line break") {
        const auto mail = mail::parse(make_message("Content-Type: text/plain\r\n", "line\r\n"), {});
        CHECK(mail.body == "line\n");
    }
}

TEST_CASE("mail::shapes headers") {
    SUBCASE("a UTF-8 byte order mark before the first header") {
        const auto mail = mail::parse("\xEF\xBB\xBF" + make_message("", "body\r\n"), {});
        CHECK(mail.from.email == "ivan@example.ru");
        CHECK(mail.subject == "shape");
        CHECK(mail.body == "body\n");
    }
    SUBCASE("no blank line between headers and body") {
        const auto mail = mail::parse("From: ivan@example.ru\nSubject: late\nMy parcel is late.\nIvan\n", {});
        CHECK(mail.subject == "late");
        CHECK(mail.body == "My parcel is late.\nIvan\n");
        CHECK(mail.has_headers);
    }
    SUBCASE("a stray line between header fields is not taken for the body") {
        const auto mail = mail::parse("From: ivan@example.ru\nnoise here\nSubject: late\n\nbody\n", {});
        CHECK(mail.subject == "late");
        CHECK(mail.body == "body\n");
    }
    SUBCASE("a comment holds the only display name") {
        const auto mail = mail::parse("From: nsb (Nathaniel Borenstein)\nSubject: x\n\nbody\n", {});
        CHECK(mail.from.name == "Nathaniel Borenstein");
        CHECK(mail.from.email.empty());
    }
    SUBCASE("an encoded word holds the display name") {
        const auto mail = mail::parse("From: =?gb2312?B?1dTHrsvv?= <user@host.example>\n\nbody\n", {});
        CHECK(mail.from.name == "赵钱孙");
        CHECK(mail.from.email == "user@host.example");
    }
    SUBCASE("a gb2312 word with a GBK character") {
        const auto mail = mail::parse("From: =?gb2312?B?1dTpRg==?= <user@host.example>\n\nbody\n", {});
        CHECK(mail.from.name == "赵镕");
    }
    SUBCASE("an encoded word is never an address") {
        const auto name_only = mail::parse("From: =?utf-8?B?SXZhbiBQZXRyb3Y=?=\n\nbody\n", {});
        CHECK(name_only.from.name == "Ivan Petrov");
        CHECK(name_only.from.email.empty());
        const auto address_inside = mail::parse("From: =?utf-8?Q?ivan=40example.ru?=\n\nbody\n", {});
        CHECK(address_inside.from.name == "ivan@example.ru");
        CHECK(address_inside.from.email.empty());
    }
    SUBCASE("a bare local part is no address, yet a bounce is still a bounce") {
        const auto mail = mail::parse("From: MAILER-DAEMON\nSubject: failure\n\nbody\n", {});
        CHECK(mail.from.email.empty());
        CHECK(mail.kind == MailKind::bounce);
    }
}

TEST_CASE("mail::shapes dates with AM and PM") {
    const auto date_of = [](std::string_view date) {
        return mail::parse(make_message("Date: " + std::string(date) + "\r\n", "x\r\n"), {}).date;
    };
    CHECK(date_of("Mon, 7 Dec 2026 3:15:00 PM +0300") == 1796645700);  // 12:15:00Z
    CHECK(date_of("Mon, 7 Dec 2026 3:15:00 AM +0300") == 1796602500);  // 00:15:00Z
    CHECK(date_of("Mon, 7 Dec 2026 12:05 AM +0000") == 1796601900);    // 00:05:00Z
    CHECK(date_of("Mon, 7 Dec 2026 12:30 PM +0000") == 1796646600);    // 12:30:00Z
    CHECK(date_of("Mon, 7 Dec 2026 11:59:59pm -0100") == 1796691599);  // next day 00:59:59Z
    CHECK(date_of("Mon, 7 Dec 2026 15:15:00 +0300") == 1796645700);    // 24-hour, unchanged
    CHECK_FALSE(date_of("yesterday"));
}

TEST_CASE("mail::shapes input that has no header at all") {
    SUBCASE("random bytes") {
        std::string bytes;
        std::uint32_t state = 12345;
        for (int i = 0; i < 4096; ++i) {
            state = state * 1103515245u + 12345u;
            bytes += static_cast<char>(state >> 24);
        }
        const auto mail = mail::parse(bytes, {});
        CHECK_FALSE(mail.has_headers);
        CHECK(is_valid_utf8(mail.body));
    }
    SUBCASE("a text file") {
        CHECK_FALSE(mail::parse("Hello,\nmy parcel is late.\n", {}).has_headers);
    }
    SUBCASE("an mbox From line and nothing else that is a header") {
        CHECK_FALSE(mail::parse("From ivan@example.ru Mon Dec  7 10:00:00 2026\nHello\n", {}).has_headers);
    }
    SUBCASE("a message has headers") {
        CHECK(mail::parse(make_message("", "x\r\n"), {}).has_headers);
        CHECK(mail::parse("From ivan@example.ru Mon Dec  7 10:00:00 2026\nSubject: x\n\nbody\n", {}).has_headers);
    }
}
