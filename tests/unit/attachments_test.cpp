#include "actions/attachments.hpp"
#include "mail/charset.hpp"
#include "mail/parse.hpp"

#include <doctest/doctest.h>

using namespace tkt;

TEST_CASE("attachments::safe_file_name") {
    SUBCASE("a plain name stays") {
        CHECK(safe_file_name("report.pdf", "f") == "report.pdf");
    }
    SUBCASE("non-ASCII stays") {
        CHECK(safe_file_name("журнал.log", "f") == "журнал.log");
    }
    SUBCASE("folders are dropped") {
        CHECK(safe_file_name("../../etc/passwd", "f") == "passwd");
    }
    SUBCASE("backslash folders too") {
        CHECK(safe_file_name("C:\\Users\\x\\a.txt", "f") == "a.txt");
    }
    SUBCASE("leading dots and spaces go") {
        CHECK(safe_file_name(" .bashrc", "f") == "bashrc");
    }
    SUBCASE("trailing dots go") {
        CHECK(safe_file_name("a.txt..", "f") == "a.txt");
    }
    SUBCASE("control characters go") {
        CHECK(safe_file_name("a\nb\x1b[31m.txt", "f") == "ab[31m.txt");
    }
    SUBCASE("a NUL ends nothing") {
        CHECK(safe_file_name(std::string_view("a\0b", 3), "f") == "ab");
    }
    SUBCASE("bytes that are no UTF-8 go") {
        CHECK(safe_file_name("a\xff.txt", "f") == "a.txt");
    }
    SUBCASE("nothing left: the fallback") {
        CHECK(safe_file_name("..", "attachment-2") == "attachment-2");
    }
    SUBCASE("a folder only: the fallback") {
        CHECK(safe_file_name("dir/", "f") == "f");
    }
    SUBCASE("empty: the fallback") {
        CHECK(safe_file_name("", "f") == "f");
    }
    SUBCASE("long names are cut at a character") {
        std::string name;
        for (int i = 0; i < 150; ++i) {
            name += "я";
        }
        CHECK(safe_file_name(name, "f").size() == 200);
    }
}

TEST_CASE("mail::attachment_content") {
    const std::string raw = "From: a@example.com\r\nMessage-ID: <x@example.com>\r\n"
                            "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                            "--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n"
                            "--b\r\nContent-Type: image/png; name=a.png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                            "iVBORw0KGgo=\r\n"
                            "--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\nhi\r\n"
                            "--b\r\nContent-Type: text/plain; name=notes.txt\r\nContent-Disposition: attachment\r\n\r\n"
                            "line one\r\nline two";  // no closing boundary
    const InboundMail mail = mail::parse(raw, {});
    REQUIRE(mail.attachments.size() == 3);
    SUBCASE("binary, decoded") {
        CHECK(mail::attachment_content(raw, 0) == std::string("\x89PNG\r\n\x1a\n"));
    }
    SUBCASE("an attached message has no bytes") {
        CHECK(mail::attachment_content(raw, 1) == std::string());
    }
    SUBCASE("the bytes parsing recorded") {
        CHECK(sha256_hex(*mail::attachment_content(raw, 2)) == mail.attachments[2].sha256);
    }
    SUBCASE("past the last: none") {
        CHECK(!mail::attachment_content(raw, 3));
    }
    SUBCASE("no message at all: none") {
        CHECK(!mail::attachment_content("", 0));
    }
}
