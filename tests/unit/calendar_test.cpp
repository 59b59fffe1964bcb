#include "core/error.hpp"
#include "routing/calendar.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace tkt;

namespace {

constexpr Seconds k_minute = 60;
constexpr Seconds k_hour = 3600;
const std::vector<std::string> k_every_day{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

Timestamp at(const char* text) {
    const auto parsed = parse_timestamp(text);
    REQUIRE(parsed);
    return *parsed;
}

// A Monday-to-Friday calendar in `timezone`; other fields as given.
Calendar office(const std::string& timezone, const std::string& hours = "09:00-18:00",
                std::vector<std::string> holidays = {}) {
    CalendarSpec spec;
    spec.name = "office";
    spec.timezone = timezone;
    spec.hours = hours;
    spec.holidays = std::move(holidays);
    return Calendar::make(spec);
}

Calendar every_day(const std::string& timezone, const std::string& hours) {
    CalendarSpec spec;
    spec.timezone = timezone;
    spec.days = k_every_day;
    spec.hours = hours;
    return Calendar::make(spec);
}

// Returns the instant `work` after `start` on `calendar`, in ISO 8601 for readable failures.
std::string add(const Calendar& calendar, const char* start, Seconds work) {
    return format_iso8601(calendar.add(at(start), work));
}

std::string make_error(const CalendarSpec& spec) {
    return test::config_error_of([&] { Calendar::make(spec); });
}

}  // namespace

TEST_CASE("calendar::add") {
    const auto moscow = office("Europe/Moscow");
    SUBCASE("a Friday-evening ticket is due on Monday morning") {
        CHECK(add(moscow, "2026-11-20T19:00:00+03:00", 30 * k_minute) == "2026-11-23T06:30:00Z");
    }
    SUBCASE("inside hours, the same day") {
        CHECK(add(moscow, "2026-11-18T10:00:00+03:00", 2 * k_hour) == "2026-11-18T09:00:00Z");
        CHECK(add(moscow, "2026-11-18T09:00:00+03:00", 9 * k_hour) == "2026-11-18T15:00:00Z");
    }
    SUBCASE("the rest of Friday, then Monday") {
        CHECK(add(moscow, "2026-11-20T17:45:00+03:00", 30 * k_minute) == "2026-11-23T06:15:00Z");
    }
    SUBCASE("weekends are skipped") {
        CHECK(add(moscow, "2026-11-21T12:00:00+03:00", 30 * k_minute) == "2026-11-23T06:30:00Z");
        CHECK(add(moscow, "2026-11-22T23:59:00+03:00", 10 * k_hour) == "2026-11-24T07:00:00Z");
    }
    SUBCASE("before opening, the count begins at the opening") {
        CHECK(add(moscow, "2026-11-18T03:00:00+03:00", k_hour) == "2026-11-18T07:00:00Z");
    }
    SUBCASE("no work: the next opening, or the start itself inside hours") {
        CHECK(add(moscow, "2026-11-21T12:00:00+03:00", 0) == "2026-11-23T06:00:00Z");
        CHECK(add(moscow, "2026-11-18T18:00:00+03:00", 0) == "2026-11-19T06:00:00Z");
        CHECK(add(moscow, "2026-11-18T11:11:00+03:00", 0) == "2026-11-18T08:11:00Z");
        CHECK(add(moscow, "2026-11-18T09:00:00+03:00", 0) == "2026-11-18T06:00:00Z");
    }
    SUBCASE("a holiday is skipped") {
        const auto with_holiday = office("Europe/Moscow", "09:00-18:00", {"2026-11-23"});
        CHECK(add(with_holiday, "2026-11-20T19:00:00+03:00", 30 * k_minute) == "2026-11-24T06:30:00Z");
    }
    SUBCASE("a run of holidays over the new year") {
        const auto new_year =
            office("Europe/Moscow", "09:00-18:00",
                   {"2026-12-31", "2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"});
        CHECK(add(new_year, "2026-12-30T17:00:00+03:00", 2 * k_hour) == "2027-01-11T07:00:00Z");
        CHECK(add(new_year, "2026-12-31T10:00:00+03:00", 0) == "2027-01-11T06:00:00Z");
    }
    SUBCASE("the same UTC start in different time zones") {
        // 2026-11-20T12:00Z is a Friday: 15:00 in Moscow, 07:00 in New York, 21:00 in
        // Tokyo, 17:30 in Kolkata.
        CHECK(add(moscow, "2026-11-20T12:00:00Z", k_hour) == "2026-11-20T13:00:00Z");
        CHECK(add(office("America/New_York"), "2026-11-20T12:00:00Z", k_hour) == "2026-11-20T15:00:00Z");
        CHECK(add(office("Asia/Tokyo"), "2026-11-20T12:00:00Z", k_hour) == "2026-11-23T01:00:00Z");
        CHECK(add(office("Asia/Kolkata"), "2026-11-20T12:00:00Z", k_hour) == "2026-11-23T04:00:00Z");
        CHECK(add(office("UTC"), "2026-11-20T12:00:00Z", k_hour) == "2026-11-20T13:00:00Z");
    }
    SUBCASE("a close at 24:00") {
        const auto late_shift = office("UTC", "18:00-24:00");
        CHECK(add(late_shift, "2026-11-18T23:00:00Z", k_hour) == "2026-11-19T00:00:00Z");
        CHECK(add(late_shift, "2026-11-18T23:00:00Z", 2 * k_hour) == "2026-11-19T19:00:00Z");
        CHECK(add(late_shift, "2026-11-20T23:30:00Z", k_hour) == "2026-11-23T18:30:00Z");
    }
    SUBCASE("all day, every day is plain addition") {
        const auto always = every_day("Europe/Moscow", "00:00-24:00");
        CHECK(add(always, "2026-11-20T19:00:00Z", 100 * k_hour) == "2026-11-24T23:00:00Z");
    }
    SUBCASE("negative work counts as none") {
        CHECK(add(moscow, "2026-11-21T12:00:00+03:00", -k_hour) == "2026-11-23T06:00:00Z");
    }
}

TEST_CASE("calendar::add across daylight-saving changes") {
    const auto new_york = office("America/New_York");
    const auto berlin = office("Europe/Berlin");
    SUBCASE("spring forward: Monday opens at 09:00 EDT, an hour earlier in UTC") {
        CHECK(add(new_york, "2026-03-06T17:00:00-05:00", 2 * k_hour) == "2026-03-09T14:00:00Z");
        CHECK(add(berlin, "2026-03-27T17:30:00+01:00", k_hour) == "2026-03-30T07:30:00Z");
    }
    SUBCASE("fall back: Monday opens at 09:00 EST, an hour later in UTC") {
        CHECK(add(new_york, "2026-10-30T17:00:00-04:00", 2 * k_hour) == "2026-11-02T15:00:00Z");
        CHECK(add(berlin, "2026-10-23T17:30:00+02:00", k_hour) == "2026-10-26T08:30:00Z");
    }
    SUBCASE("a window containing the change is still local hours, an hour shorter or longer") {
        const auto mornings = every_day("America/New_York", "00:00-12:00");
        CHECK(add(mornings, "2026-03-08T00:00:00-05:00", 11 * k_hour) == "2026-03-08T16:00:00Z");
        CHECK(add(mornings, "2026-03-08T00:00:00-05:00", 12 * k_hour) == "2026-03-09T05:00:00Z");
        CHECK(add(mornings, "2026-11-01T00:00:00-04:00", 13 * k_hour) == "2026-11-01T17:00:00Z");
    }
    SUBCASE("an opening in the skipped hour opens when the clocks jump") {
        const auto early = every_day("Europe/Berlin", "02:30-06:00");
        CHECK(add(early, "2026-03-29T00:00:00Z", 0) == "2026-03-29T01:00:00Z");
        CHECK(add(early, "2026-03-29T00:00:00Z", 3 * k_hour) == "2026-03-29T04:00:00Z");
    }
    SUBCASE("an opening in the repeated hour opens at its first occurrence") {
        const auto early = every_day("Europe/Berlin", "02:30-06:00");
        CHECK(add(early, "2026-10-25T00:00:00Z", 0) == "2026-10-25T00:30:00Z");
        CHECK(add(early, "2026-10-25T00:00:00Z", 4 * k_hour + 30 * k_minute) == "2026-10-25T05:00:00Z");
    }
    SUBCASE("all day, every day stays plain addition across both changes") {
        const auto always = every_day("America/New_York", "00:00-24:00");
        CHECK(always.add(at("2026-03-07T12:00:00Z"), 48 * k_hour) == at("2026-03-09T12:00:00Z"));
        CHECK(always.add(at("2026-01-01T00:00:00Z"), 8760 * k_hour) == at("2027-01-01T00:00:00Z"));
    }
}

TEST_CASE("calendar::add with a large amount of work") {
    const auto moscow = office("Europe/Moscow");
    const auto berlin = office("Europe/Berlin", "09:00-18:00", {"2026-12-24", "2026-12-25", "2027-01-01"});
    SUBCASE("10,000 hours is 1111 nine-hour days and one hour") {
        CHECK(add(moscow, "2026-01-05T09:00:00+03:00", 10000 * k_hour) == "2030-04-09T07:00:00Z");
    }
    SUBCASE("whole weeks skipped over DST changes and holidays agree with between") {
        const auto start = at("2026-02-10T11:00:00Z");
        const auto due = berlin.add(start, 10000 * k_hour);
        CHECK(berlin.between(start, due) == 10000 * k_hour);
        CHECK(berlin.is_working(due - 1));
    }
    SUBCASE("100,000 tickets of a day's work each, over the spring change") {
        const auto first = at("2026-01-01T00:00:00Z");
        int wrong = 0;
        for (Timestamp start = first; start < first + 100000 * 97; start += 97) {
            wrong += berlin.between(start, berlin.add(start, 9 * k_hour)) == 9 * k_hour ? 0 : 1;
        }
        CHECK(wrong == 0);
    }
}

TEST_CASE("calendar::between") {
    const auto moscow = office("Europe/Moscow");
    SUBCASE("the inverse of add") {
        for (const char* start : {"2026-11-20T19:00:00+03:00", "2026-11-18T10:00:00+03:00", "2026-11-21T00:00:00Z"}) {
            for (const Seconds work : {Seconds{0}, 30 * k_minute, 9 * k_hour, 100 * k_hour, 2000 * k_hour}) {
                CAPTURE(start);
                CAPTURE(work);
                CHECK(moscow.between(at(start), moscow.add(at(start), work)) == work);
            }
        }
    }
    SUBCASE("within a day, and nothing at night or on weekends") {
        CHECK(moscow.between(at("2026-11-18T10:00:00+03:00"), at("2026-11-18T12:30:00+03:00")) == 150 * k_minute);
        CHECK(moscow.between(at("2026-11-18T19:00:00+03:00"), at("2026-11-19T08:00:00+03:00")) == 0);
        CHECK(moscow.between(at("2026-11-21T00:00:00+03:00"), at("2026-11-23T00:00:00+03:00")) == 0);
    }
    SUBCASE("a week, a year") {
        CHECK(moscow.between(at("2026-11-16T00:00:00+03:00"), at("2026-11-23T00:00:00+03:00")) == 45 * k_hour);
        CHECK(moscow.between(at("2026-01-01T00:00:00+03:00"), at("2027-01-01T00:00:00+03:00")) == 261 * 9 * k_hour);
        const auto berlin = office("Europe/Berlin", "09:00-18:00", {"2026-12-31", "2026-12-26"});
        CHECK(berlin.between(at("2026-01-01T00:00:00+01:00"), at("2027-01-01T00:00:00+01:00")) == 260 * 9 * k_hour);
    }
    SUBCASE("all day, every day is the plain difference, DST or not") {
        const auto always = every_day("America/New_York", "00:00-24:00");
        CHECK(always.between(at("2026-01-01T00:00:00Z"), at("2026-12-01T07:00:00Z")) ==
              at("2026-12-01T07:00:00Z") - at("2026-01-01T00:00:00Z"));
    }
    SUBCASE("the spring-forward Sunday's morning is eleven hours, the fall-back one thirteen") {
        const auto mornings = every_day("America/New_York", "00:00-12:00");
        CHECK(mornings.between(at("2026-03-08T00:00:00Z"), at("2026-03-09T00:00:00Z")) == 11 * k_hour);
        CHECK(mornings.between(at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z")) == 13 * k_hour);
    }
    SUBCASE("an empty or reversed range") {
        CHECK(moscow.between(at("2026-11-18T12:00:00Z"), at("2026-11-18T12:00:00Z")) == 0);
        CHECK(moscow.between(at("2026-11-18T12:00:00Z"), at("2026-11-18T08:00:00Z")) == 0);
    }
}

TEST_CASE("calendar::is_working") {
    const auto moscow = office("Europe/Moscow", "09:00-18:00", {"2026-12-31"});
    CHECK(moscow.is_working(at("2026-11-18T09:00:00+03:00")));
    CHECK(moscow.is_working(at("2026-11-18T17:59:59+03:00")));
    CHECK_FALSE(moscow.is_working(at("2026-11-18T18:00:00+03:00")));
    CHECK_FALSE(moscow.is_working(at("2026-11-18T08:59:59+03:00")));
    CHECK_FALSE(moscow.is_working(at("2026-11-21T12:00:00+03:00")));
    CHECK_FALSE(moscow.is_working(at("2026-12-31T12:00:00+03:00")));
    CHECK(moscow.is_working(at("2026-12-30T12:00:00+03:00")));
    const auto late_shift = office("UTC", "18:00-24:00");
    CHECK(late_shift.is_working(at("2026-11-20T23:59:59Z")));
    CHECK_FALSE(late_shift.is_working(at("2026-11-21T00:00:00Z")));
}

TEST_CASE("calendar::make") {
    CalendarSpec spec;
    SUBCASE("the defaults are a valid calendar") {
        const auto calendar = Calendar::make(spec);
        CHECK(calendar.timezone() == "UTC");
        CHECK(calendar.is_working(at("2026-11-18T09:00:00Z")));
    }
    SUBCASE("name and time zone are kept") {
        spec.name = "msk";
        spec.timezone = "Europe/Moscow";
        CHECK(Calendar::make(spec).name() == "msk");
        CHECK(Calendar::make(spec).timezone() == "Europe/Moscow");
    }
    SUBCASE("an unknown time zone") {
        spec.timezone = "Europe/Moskow";
        CHECK(make_error(spec) == "unknown time zone 'Europe/Moskow'");
        spec.timezone = "";
        CHECK(make_error(spec) == "unknown time zone ''");
    }
    SUBCASE("an unknown day") {
        spec.days = {"mon", "Tue"};
        CHECK(make_error(spec) == "unknown day 'Tue' (did you mean 'tue'?) (valid: mon, tue, wed, thu, fri, sat, sun)");
        spec.days = {"holiday"};
        CHECK(make_error(spec) == "unknown day 'holiday' (valid: mon, tue, wed, thu, fri, sat, sun)");
    }
    SUBCASE("no working day") {
        spec.days = {};
        CHECK(make_error(spec) == "'days' must name at least one working day");
    }
    SUBCASE("malformed hours") {
        for (const char* hours :
             {"9:00-18:00", "09:00", "09:00-25:00", "09:60-18:00", "09:00-24:30", "09.00-18.00", "", "09:00 - 18:00"}) {
            spec.hours = hours;
            CHECK(make_error(spec) ==
                  fmt::format("invalid hours '{}' (write \"HH:MM-HH:MM\", e.g. \"09:00-18:00\")", hours));
        }
    }
    SUBCASE("hours that close before they open") {
        spec.hours = "18:00-09:00";
        CHECK(make_error(spec) == "invalid hours '18:00-09:00': the day must open before it closes");
        spec.hours = "09:00-09:00";
        CHECK(make_error(spec) == "invalid hours '09:00-09:00': the day must open before it closes");
        spec.hours = "24:00-24:00";
        CHECK(make_error(spec) == "invalid hours '24:00-24:00': the day must open before it closes");
    }
    SUBCASE("a close at 24:00 is allowed") {
        spec.hours = "00:00-24:00";
        CHECK(make_error(spec) == "");
    }
    SUBCASE("malformed holidays") {
        for (const char* holiday : {"2026-02-30", "2026-2-3", "31.12.2026", "2026-12-31T00:00", "1767139200"}) {
            spec.holidays = {"2026-12-31", holiday};
            CHECK(make_error(spec) == fmt::format("invalid holiday '{}' (write a date as \"YYYY-MM-DD\")", holiday));
        }
    }
}
