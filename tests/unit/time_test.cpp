#include "core/time.hpp"

#include <doctest/doctest.h>

using namespace tkt;

TEST_CASE("time::parse_timestamp") {
    SUBCASE("unix seconds") {
        CHECK(parse_timestamp("1763805600") == 1763805600);
    }
    SUBCASE("a date is midnight UTC") {
        CHECK(parse_timestamp("2026-11-22") == 1795305600);
    }
    SUBCASE("date-time in UTC") {
        CHECK(parse_timestamp("2026-11-22T10:00:00Z") == 1795341600);
    }
    SUBCASE("no offset means UTC") {
        CHECK(parse_timestamp("2026-11-22T10:00") == 1795341600);
    }
    SUBCASE("a space for the T") {
        CHECK(parse_timestamp("2026-11-22 10:00:00") == 1795341600);
    }
    SUBCASE("an offset") {
        CHECK(parse_timestamp("2026-11-22T13:00:00+03:00") == 1795341600);
    }
    SUBCASE("a compact offset") {
        CHECK(parse_timestamp("2026-11-22T05:00:00-0500") == 1795341600);
    }
    SUBCASE("a leap day") {
        CHECK(parse_timestamp("2028-02-29").has_value());
    }
    SUBCASE("not a leap day") {
        CHECK_FALSE(parse_timestamp("2027-02-29"));
    }
    SUBCASE("month 13") {
        CHECK_FALSE(parse_timestamp("2026-13-01"));
    }
    SUBCASE("hour 24") {
        CHECK_FALSE(parse_timestamp("2026-11-22T24:00"));
    }
    SUBCASE("trailing junk") {
        CHECK_FALSE(parse_timestamp("2026-11-22T10:00Zjunk"));
    }
    SUBCASE("words") {
        CHECK_FALSE(parse_timestamp("yesterday"));
    }
    SUBCASE("empty") {
        CHECK_FALSE(parse_timestamp(""));
    }
}

TEST_CASE("time::parse_duration") {
    CHECK(parse_duration("30s") == 30);
    CHECK(parse_duration("15m") == 900);
    CHECK(parse_duration("2h") == 7200);
    CHECK(parse_duration("7d") == 604800);
    CHECK(parse_duration("2w") == 1209600);
    CHECK(parse_duration("90") == 90);
    CHECK_FALSE(parse_duration(""));
    CHECK_FALSE(parse_duration("h"));
    CHECK_FALSE(parse_duration("-5m"));
    CHECK_FALSE(parse_duration("5 m"));
    CHECK_FALSE(parse_duration("5y"));
    CHECK_FALSE(parse_duration("99999999999999999999d"));
}

TEST_CASE("time::format") {
    CHECK(format_iso8601(1795341600) == "2026-11-22T10:00:00Z");
    CHECK(format_iso8601(0) == "1970-01-01T00:00:00Z");
    CHECK(format_age(59) == "59s");
    CHECK(format_age(3599) == "59m");
    CHECK(format_age(7200) == "2h");
    CHECK(format_age(3 * 86400 + 5) == "3d");
    CHECK(format_age(-10) == "0s");
}
