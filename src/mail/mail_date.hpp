// Internal to src/mail/. Date headers as mail writes them, beyond what GMime's date parser reads.
#pragma once

#include "core/time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tkt::mail {

// Returns `value` with a 12-hour time ("3:15:00 PM", "12:05am") written as the 24-hour
// time RFC 5322 asks for, the AM/PM word gone; `value` unchanged when it has none.
std::string with_24_hour_time(std::string_view value);

// Returns the instant of the Date header `value`, or nullopt when it does not parse.
std::optional<Timestamp> parse_mail_date(std::string_view value);

}  // namespace tkt::mail
