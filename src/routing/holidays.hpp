// Public holidays computed from a country's labour law, for the holidays of a working
// calendar (sla.toml [[calendar]]): what `tkt init` writes into its starter calendar.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// The law a calendar's holidays are computed from: none, or Russia's Labour Code.
enum class HolidayRules { none, ru };

// Returns the rules named `name` ("ru", "none"), or nullopt.
std::optional<HolidayRules> parse_holiday_rules(std::string_view name);

// Returns the names parse_holiday_rules() accepts, for messages.
std::span<const std::string_view> holiday_rules_names();

// Returns the days from Monday to Friday of `year` that are days off under `rules`,
// in date order; weekends are left out, since a Monday-to-Friday calendar has them off
// already. For `ru`, the Labour Code's article 112: the fixed public holidays, and for
// one other than January's that falls on a Saturday or Sunday, the day off moved to
// the next working day. The government's yearly decree, which moves further days off,
// is not law that can be computed: it is not included.
std::vector<std::chrono::year_month_day> public_holidays(HolidayRules rules, std::chrono::year year);

// Returns `day` as "YYYY-MM-DD", the way sla.toml writes holidays.
std::string format_date(const std::chrono::year_month_day& day);

}  // namespace tkt
