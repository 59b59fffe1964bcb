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

using Lines = std::vector<std::string>;

TEST_CASE("text::wrap_words") {
    SUBCASE("text that fits stays one line") {
        CHECK(wrap_words("Close tickets", 80) == Lines{"Close tickets"});
        CHECK(wrap_words("exactly ten", 11) == Lines{"exactly ten"});
    }
    SUBCASE("lines break between words, never inside one") {
        CHECK(wrap_words("Show a ticket with its messages", 12) == Lines{"Show a", "ticket with", "its messages"});
    }
    SUBCASE("a word wider than the line gets a line of its own") {
        CHECK(wrap_words("see $XDG_DATA_HOME/tkt/tkt.db now", 10) == Lines{"see", "$XDG_DATA_HOME/tkt/tkt.db", "now"});
    }
    SUBCASE("runs of spaces are one space") {
        CHECK(wrap_words("a  b   c", 80) == Lines{"a b c"});
        CHECK(wrap_words(" REQUIRED ", 80) == Lines{"REQUIRED"});
    }
    SUBCASE("line breaks in the text stay") {
        CHECK(wrap_words("one\ntwo three", 80) == Lines{"one", "two three"});
        CHECK(wrap_words("one\n\ntwo", 80) == Lines{"one", "", "two"});
    }
    SUBCASE("cyrillic counts one column a letter, not two bytes") {
        CHECK(wrap_words("Где моя посылка", 11) == Lines{"Где моя", "посылка"});
    }
    SUBCASE("wide characters count two columns") {
        CHECK(wrap_words("日本 語語 abc", 7) == Lines{"日本", "語語", "abc"});
        CHECK(wrap_words("日本 abc", 8) == Lines{"日本 abc"});
    }
    SUBCASE("no text, no lines") {
        CHECK(wrap_words("", 80).empty());
    }
}
