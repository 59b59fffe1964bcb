#include "core/text.hpp"

#include <array>
#include <doctest/doctest.h>

using namespace tkt;

TEST_CASE("text::is_valid_utf8") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("Где моя посылка?"));
    CHECK(is_valid_utf8("日本語 and emoji 🎉"));
    CHECK_FALSE(is_valid_utf8("\xff"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a UTF-16 surrogate
    CHECK_FALSE(is_valid_utf8("\xd0"));              // cut in the middle
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // beyond U+10FFFF
}

TEST_CASE("text::display_width") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("посылка") == 7);
    CHECK(display_width("日本") == 4);
    CHECK(display_width("e\xcc\x81") == 1);  // e + combining acute
}

TEST_CASE("text::truncate_to_width") {
    CHECK(truncate_to_width("short", 10) == "short");
    CHECK(truncate_to_width("exactly10!", 10) == "exactly10!");
    CHECK(truncate_to_width("a longer subject", 8) == "a longe…");
    CHECK(truncate_to_width("посылка не пришла", 8) == "посылка…");
    CHECK(truncate_to_width("日本語日本語", 5) == "日本…");
}

TEST_CASE("text::squash_whitespace and trim") {
    CHECK(squash_whitespace("  a\n\tb   c ") == "a b c");
    CHECK(trim("  x y \n") == "x y");
    CHECK(trim(" \t\n").empty());
}

TEST_CASE("text::did_you_mean") {
    constexpr std::array<std::string_view, 4> k_commands{"list", "new", "show", "close"};
    SUBCASE("a transposition") {
        CHECK(did_you_mean("lsit", k_commands) == " (did you mean 'list'?)");
    }
    SUBCASE("a missing letter") {
        CHECK(did_you_mean("clse", k_commands) == " (did you mean 'close'?)");
    }
    SUBCASE("another word entirely") {
        CHECK(did_you_mean("frobnicate", k_commands).empty());
    }
}

TEST_CASE("text::split and join") {
    CHECK(split("a,b,,c", ',') == std::vector<std::string>{"a", "b", "", "c"});
    CHECK(split("", ',') == std::vector<std::string>{""});
    const std::vector<std::string> parts{"x", "y"};
    CHECK(join(parts, ", ") == "x, y");
}
