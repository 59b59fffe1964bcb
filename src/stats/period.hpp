// The time and the groups of a metrics report: --since and --until as users write
// them, the day and hour buckets of a period, and what a report may be grouped by.
#pragma once

#include "store/stats_facts.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// What a report is grouped by. A ticket's metrics go to its queue, line, owner, channel,
// priority, customer or each of its tags; replies to their author; time buckets (local
// hours, days, ISO weeks from Monday, months) take each thing when it happened.
enum class StatsGroup { none, queue, line, agent, channel, priority, day, hour, week, month, tag, customer };

std::string_view to_string(StatsGroup group);
std::optional<StatsGroup> parse_stats_group(std::string_view name);
std::span<const std::string_view> stats_group_names();

// Parses --since and --until as a user writes them, relative to `now` and the local time
// zone (TZ): dates and date-times (local unless they carry Z or an offset), Unix seconds,
// "today", "yesterday", "this-week" and "last-week" (from Monday), "this-month" and
// "last-month", and durations back from now ("7d", "12h"); "last week" may be written
// with a space. A named day, week or month given to --since alone also ends the period
// with it (yesterday: until today's midnight; last-week: until this Monday). Without --since: the last 24 hours. Throws
// a usage error (64) that names the bad value or an until before since.
Period parse_period(const std::optional<std::string>& since, const std::optional<std::string>& until, Timestamp now);

// A local-time bucket: its start and its label ("2026-11-22 10:00", "2026-11-22",
// "2026-W47", "2026-11").
struct Bucket {
    Timestamp start = 0;
    std::string label;
};

// Returns the consecutive local-time buckets of `group` (hour, day, week or month)
// covering [since, until) (at least one); none for other groups.
std::vector<Bucket> time_buckets(StatsGroup group, Period period);

}  // namespace tkt
