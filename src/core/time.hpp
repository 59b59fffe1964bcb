// Time as tkt stores it: Unix seconds, UTC. Parsing and formatting of instants and durations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tkt {

// An instant in Unix seconds, UTC.
using Timestamp = std::int64_t;

// A length of time in seconds.
using Seconds = std::int64_t;

// Parses `text` as Unix seconds ("1763800000") or ISO 8601: a date ("2026-11-22",
// midnight UTC) or a date-time ("2026-11-22T10:30", "...:15Z", "...+03:00"; a space
// may replace the T; no offset means UTC).
std::optional<Timestamp> parse_timestamp(std::string_view text);

// Parses a duration such as "30s", "15m", "2h", "7d" or "2w" (a whole number and one
// unit; "90" alone means seconds).
std::optional<Seconds> parse_duration(std::string_view text);

// Formats `at` as ISO 8601 in UTC, e.g. "2026-11-22T10:30:00Z".
std::string format_iso8601(Timestamp at);

// Formats `length` compactly in its largest whole unit, e.g. "45s", "12m", "3h", "5d".
std::string format_age(Seconds length);

}  // namespace tkt
