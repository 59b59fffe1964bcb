#include "cli/help.hpp"

#include <doctest/doctest.h>

using tkt::cli::wrap_words;
using Lines = std::vector<std::string>;

TEST_CASE("cli::wrap_words") {
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
