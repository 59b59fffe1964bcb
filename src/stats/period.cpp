// A report's period and its time buckets, in the local time zone (TZ).
#include "stats/period.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <array>
#include <ctime>
#include <fmt/format.h>

namespace tkt {
namespace {

constexpr std::array<std::string_view, 8> k_group_names{"none",    "queue",    "line", "agent",
                                                        "channel", "priority", "day",  "hour"};

std::tm local_fields(Timestamp at) {
    const auto seconds = static_cast<std::time_t>(at);
    std::tm fields{};
    localtime_r(&seconds, &fields);
    return fields;
}

// Returns the instant of local `fields`, normalizing out-of-range days and letting the
// zone decide daylight saving time.
Timestamp local_instant(std::tm fields) {
    fields.tm_isdst = -1;
    return static_cast<Timestamp>(std::mktime(&fields));
}

Timestamp local_midnight(Timestamp at, int add_days = 0) {
    std::tm fields = local_fields(at);
    fields.tm_hour = fields.tm_min = fields.tm_sec = 0;
    fields.tm_mday += add_days;
    return local_instant(fields);
}

bool has_offset(std::string_view text) {
    if (text.ends_with('Z') || text.ends_with('z')) {
        return true;
    }
    // After "YYYY-MM-DD", a sign can only start an offset.
    return text.size() > 10 && text.find_first_of("+-", 10) != std::string_view::npos;
}

// Parses one end of a period. `named_end` receives the end of a named day (today,
// yesterday), which closes the period when --until is not given.
Timestamp parse_instant(std::string_view option, std::string_view text, Timestamp now,
                        std::optional<Timestamp>* named_end) {
    if (text == "today" || text == "yesterday") {
        const Timestamp start = local_midnight(now, text == "today" ? 0 : -1);
        if (named_end != nullptr && text == "yesterday") {
            *named_end = local_midnight(now);
        }
        return start;
    }
    if (text == "this-week") {
        const std::tm fields = local_fields(now);
        return local_midnight(now, -((fields.tm_wday + 6) % 7));
    }
    if (!text.empty() && text.back() >= 'a' && text.back() <= 'z') {
        if (const auto length = parse_duration(text)) {
            return now - *length;
        }
    }
    const auto parsed = parse_timestamp(text);
    if (!parsed) {
        throw usage_error(fmt::format("{} '{}': expected a date (2026-11-21), a date-time (2026-11-21T09:00, "
                                      "local unless it has Z or an offset), today, yesterday, this-week or "
                                      "a duration back from now (7d)",
                                      option, text));
    }
    const bool unix_seconds = std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (unix_seconds || has_offset(text)) {
        return *parsed;
    }
    // The date-time as written, read on the local clock rather than UTC's.
    const auto seconds = static_cast<std::time_t>(*parsed);
    std::tm fields{};
    gmtime_r(&seconds, &fields);
    return local_instant(fields);
}

}  // namespace

std::string_view to_string(StatsGroup group) {
    return k_group_names.at(static_cast<std::size_t>(group));
}

std::span<const std::string_view> stats_group_names() {
    return std::span(k_group_names).subspan(1);
}

std::optional<StatsGroup> parse_stats_group(std::string_view name) {
    const auto found = std::find(k_group_names.begin(), k_group_names.end(), name);
    if (found == k_group_names.end() || found == k_group_names.begin()) {
        return std::nullopt;
    }
    return static_cast<StatsGroup>(found - k_group_names.begin());
}

Period parse_period(const std::optional<std::string>& since, const std::optional<std::string>& until, Timestamp now) {
    std::optional<Timestamp> named_end;
    Period period{now - 86400, now};
    if (since) {
        period.since = parse_instant("--since", *since, now, &named_end);
    }
    if (until) {
        period.until = parse_instant("--until", *until, now, nullptr);
    } else if (named_end) {
        period.until = *named_end;
    }
    if (period.until < period.since) {
        throw usage_error(fmt::format("the period ends before it starts (--until {} is before --since {})",
                                      format_iso8601(period.until), format_iso8601(period.since)));
    }
    return period;
}

std::vector<Bucket> time_buckets(StatsGroup group, Period period) {
    std::vector<Bucket> buckets;
    if (group != StatsGroup::day && group != StatsGroup::hour) {
        return buckets;
    }
    const bool days = group == StatsGroup::day;
    // A column per bucket: ten thousand (27 years of days, 416 days of hours) is past any
    // report a person reads, and the bound keeps a typo in a date from running for ever.
    constexpr Timestamp k_max_buckets = 10000;
    const Timestamp step = days ? 86400 : 3600;
    const Timestamp approximate = period.until / step - period.since / step;  // cannot overflow
    if (approximate > k_max_buckets) {
        throw usage_error(fmt::format("--by {} over this period makes {} groups, more than {}: narrow "
                                      "--since and --until",
                                      days ? "day" : "hour", approximate, k_max_buckets));
    }
    // The local day or hour holding since (an hour: local minutes and seconds off,
    // whatever the zone's offset).
    const std::tm since_fields = local_fields(period.since);
    Timestamp start =
        days ? local_midnight(period.since) : period.since - since_fields.tm_min * 60 - since_fields.tm_sec;
    while (start < period.until || buckets.empty()) {
        const std::tm fields = local_fields(start);
        buckets.push_back(
            {start, days ? fmt::format("{:04}-{:02}-{:02}", fields.tm_year + 1900, fields.tm_mon + 1, fields.tm_mday)
                         : fmt::format("{:04}-{:02}-{:02} {:02}:00", fields.tm_year + 1900, fields.tm_mon + 1,
                                       fields.tm_mday, fields.tm_hour)});
        start = days ? local_midnight(start, 1) : start + 3600;
    }
    return buckets;
}

}  // namespace tkt
