#include "routing/holidays.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace tkt {
namespace {

using std::chrono::month_day;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr std::array<std::string_view, 2> k_names{"ru", "none"};

// Russia's Labour Code, article 112: January 1 to 6 and 8 are the New Year holidays,
// January 7 is Christmas.
constexpr std::array<month_day, 8> k_ru_january{
    std::chrono::January / 1, std::chrono::January / 2, std::chrono::January / 3, std::chrono::January / 4,
    std::chrono::January / 5, std::chrono::January / 6, std::chrono::January / 7, std::chrono::January / 8};

// The other public holidays of article 112: Defender of the Fatherland Day, Women's
// Day, Spring and Labour Day, Victory Day, Russia Day, Unity Day.
constexpr std::array<month_day, 6> k_ru_others{std::chrono::February / 23, std::chrono::March / 8,
                                               std::chrono::May / 1,       std::chrono::May / 9,
                                               std::chrono::June / 12,     std::chrono::November / 4};

bool is_weekend(sys_days day) {
    const std::chrono::weekday weekday{day};
    return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

std::vector<year_month_day> russian_holidays(std::chrono::year year) {
    std::vector<sys_days> days_off;
    for (const auto& holiday : k_ru_january) {
        if (const sys_days day{year / holiday}; !is_weekend(day)) {
            days_off.push_back(day);
        }
    }
    std::vector<sys_days> on_weekends;
    for (const auto& holiday : k_ru_others) {
        const sys_days day{year / holiday};
        (is_weekend(day) ? on_weekends : days_off).push_back(day);
    }
    // Article 112 moves the weekend day off to the next working day after the holiday,
    // except for January's: the yearly decree places those. Every holiday is in the
    // list before the first move, so a moved day never lands on one.
    for (const auto holiday : on_weekends) {
        auto moved = holiday + std::chrono::days{1};
        while (is_weekend(moved) || std::find(days_off.begin(), days_off.end(), moved) != days_off.end()) {
            moved += std::chrono::days{1};
        }
        days_off.push_back(moved);
    }
    std::sort(days_off.begin(), days_off.end());
    return {days_off.begin(), days_off.end()};
}

}  // namespace

std::optional<HolidayRules> parse_holiday_rules(std::string_view name) {
    if (name == "ru") {
        return HolidayRules::ru;
    }
    if (name == "none") {
        return HolidayRules::none;
    }
    return std::nullopt;
}

std::span<const std::string_view> holiday_rules_names() {
    return k_names;
}

std::vector<std::chrono::year_month_day> public_holidays(HolidayRules rules, std::chrono::year year) {
    switch (rules) {
    case HolidayRules::ru: return russian_holidays(year);
    case HolidayRules::none: break;
    }
    return {};
}

std::string format_date(const std::chrono::year_month_day& day) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                       static_cast<unsigned>(day.day()));
}

}  // namespace tkt
