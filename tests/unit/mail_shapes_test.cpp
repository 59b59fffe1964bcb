// Inbound mail shapes that real mail takes and that tkt once read wrong; each one a
// message written here by hand.
#include "mail/charset_labels.hpp"
#include "tkt/mail.hpp"
#include "tkt/text.hpp"

#include <doctest/doctest.h>

using namespace tkt;

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
