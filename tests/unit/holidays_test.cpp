#include "routing/holidays.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace tkt;

namespace {

// Returns the days off of `year` under `rules` as "YYYY-MM-DD", for readable failures.
std::vector<std::string> days_off(HolidayRules rules, int year) {
    std::vector<std::string> dates;
    for (const auto& day : public_holidays(rules, std::chrono::year{year})) {
        dates.push_back(format_date(day));
    }
    return dates;
}

bool has(const std::vector<std::string>& dates, const std::string& date) {
    return std::find(dates.begin(), dates.end(), date) != dates.end();
}

}  // namespace

TEST_CASE("holidays::public_holidays") {
    SUBCASE("ru 2026: March 8 is a Sunday and May 9 a Saturday, both moved to Monday") {
        const std::vector<std::string> expected{"2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06",
                                                "2026-01-07", "2026-01-08", "2026-02-23", "2026-03-09",
                                                "2026-05-01", "2026-05-11", "2026-06-12", "2026-11-04"};
        CHECK(days_off(HolidayRules::ru, 2026) == expected);
    }
    SUBCASE("ru 2027: May 1, May 9 and June 12 on a weekend, moved to Monday") {
        const std::vector<std::string> expected{"2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06",
                                                "2027-01-07", "2027-01-08", "2027-02-23", "2027-03-08",
                                                "2027-05-03", "2027-05-10", "2027-06-14", "2027-11-04"};
        CHECK(days_off(HolidayRules::ru, 2027) == expected);
    }
    SUBCASE("ru: a holiday on a weekend is not listed, it is off already") {
        CHECK_FALSE(has(days_off(HolidayRules::ru, 2027), "2027-01-02"));  // Saturday
        CHECK_FALSE(has(days_off(HolidayRules::ru, 2026), "2026-05-09"));  // Saturday
        CHECK_FALSE(has(days_off(HolidayRules::ru, 2026), "2026-03-08"));  // Sunday
    }
    SUBCASE("ru: January's holidays on a weekend are not moved by the law") {
        // 2026-01-03 and 04 are a weekend: the decree, not article 112, moves them.
        CHECK_FALSE(has(days_off(HolidayRules::ru, 2026), "2026-01-09"));
        CHECK_FALSE(has(days_off(HolidayRules::ru, 2027), "2027-01-11"));
    }
    SUBCASE("ru 2028: January 1 and 2 on a weekend, March 8 on a Wednesday") {
        CHECK(days_off(HolidayRules::ru, 2028).front() == "2028-01-03");
        CHECK(has(days_off(HolidayRules::ru, 2028), "2028-03-08"));
    }
    SUBCASE("none lists nothing") {
        CHECK(days_off(HolidayRules::none, 2026).empty());
    }
}

TEST_CASE("holidays::parse_holiday_rules") {
    CHECK(parse_holiday_rules("ru") == HolidayRules::ru);
    CHECK(parse_holiday_rules("none") == HolidayRules::none);
    CHECK_FALSE(parse_holiday_rules("RU"));
    CHECK_FALSE(parse_holiday_rules(""));
    CHECK(holiday_rules_names().size() == 2);
}

TEST_CASE("holidays::format_date") {
    using namespace std::chrono;
    CHECK(format_date(2027y / January / 4) == "2027-01-04");
    CHECK(format_date(2026y / December / 31) == "2026-12-31");
}
