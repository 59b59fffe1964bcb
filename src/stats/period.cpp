// A report's period and its time buckets, in the local time zone (TZ).
#include "stats/period.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <array>
#include <ctime>
#include <fmt/format.h>

namespace tkt {
namespace {

constexpr std::array<std::string_view, 12> k_group_names{"none", "queue", "line", "agent", "channel", "priority",
                                                         "day",  "hour",  "week", "month", "tag",     "customer"};

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

// The local midnight that starts the ISO week (Monday) holding `at`, `add_weeks` on.
Timestamp local_monday(Timestamp at, int add_weeks = 0) {
    const std::tm fields = local_fields(at);
    return local_midnight(at, -((fields.tm_wday + 6) % 7) + 7 * add_weeks);
}

// The local midnight that starts the month holding `at`, `add_months` on.
Timestamp local_month(Timestamp at, int add_months = 0) {
    std::tm fields = local_fields(at);
    fields.tm_hour = fields.tm_min = fields.tm_sec = 0;
    fields.tm_mday = 1;
    fields.tm_mon += add_months;
    return local_instant(fields);
}

// Parses one end of a period. `named_end` receives the end of a named day, week or
// month gone (yesterday, last-week, last-month), which closes the period when --until
// is not given.
Timestamp parse_instant(std::string_view option, std::string_view text, Timestamp now,
                        std::optional<Timestamp>* named_end) {
    const auto named = [&](Timestamp start, Timestamp end) {
        if (named_end != nullptr) {
            *named_end = end;
        }
        return start;
    };
    if (text == "today") {
        return local_midnight(now);
    }
    if (text == "yesterday") {
        return named(local_midnight(now, -1), local_midnight(now));
    }
    if (text == "this-week") {
        return local_monday(now);
    }
    if (text == "last-week" || text == "last week") {
        return named(local_monday(now, -1), local_monday(now));
    }
    if (text == "this-month") {
        return local_month(now);
    }
    if (text == "last-month" || text == "last month") {
        return named(local_month(now, -1), local_month(now));
    }
    if (!text.empty() && text.back() >= 'a' && text.back() <= 'z') {
        if (const auto length = parse_duration(text)) {
            return now - *length;
        }
    }
    const auto parsed = parse_timestamp(text);
    if (!parsed) {
        throw usage_error(fmt::format("{} '{}': expected a date (2026-11-21), a date-time (2026-11-21T09:00, "
                                      "local unless it has Z or an offset), today, yesterday, this-week, "
                                      "last-week, this-month, last-month or a duration back from now (7d)",
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
    const std::array<StatsGroup, 4> k_time_groups{StatsGroup::hour, StatsGroup::day, StatsGroup::week,
                                                  StatsGroup::month};
    if (std::find(k_time_groups.begin(), k_time_groups.end(), group) == k_time_groups.end()) {
        return buckets;
    }
    // A column per bucket: ten thousand (27 years of days, 416 days of hours) is past any
    // report a person reads, and the bound keeps a typo in a date from running for ever.
    constexpr Timestamp k_max_buckets = 10000;
    const Timestamp step = group == StatsGroup::hour ? 3600 : group == StatsGroup::day ? 86400 : 7 * 86400;
    const Timestamp approximate = period.until / step - period.since / step;  // cannot overflow
    if (approximate > k_max_buckets) {
        throw usage_error(fmt::format("--by {} over this period makes {} groups, more than {}: narrow "
                                      "--since and --until",
                                      to_string(group), approximate, k_max_buckets));
    }
    // The local hour, day, week or month holding since (an hour: local minutes and
    // seconds off, whatever the zone's offset).
    const std::tm since_fields = local_fields(period.since);
    Timestamp start = 0;
    switch (group) {
    case StatsGroup::hour: start = period.since - since_fields.tm_min * 60 - since_fields.tm_sec; break;
    case StatsGroup::day: start = local_midnight(period.since); break;
    case StatsGroup::week: start = local_monday(period.since); break;
    default: start = local_month(period.since); break;
    }
    while (start < period.until || buckets.empty()) {
        const std::tm fields = local_fields(start);
        const int year = fields.tm_year + 1900;
        const int month = fields.tm_mon + 1;
        switch (group) {
        case StatsGroup::hour:
            buckets.push_back(
                {start, fmt::format("{:04}-{:02}-{:02} {:02}:00", year, month, fields.tm_mday, fields.tm_hour)});
            start += 3600;
            break;
        case StatsGroup::day:
            buckets.push_back({start, fmt::format("{:04}-{:02}-{:02}", year, month, fields.tm_mday)});
            start = local_midnight(start, 1);
            break;
        case StatsGroup::week: {
            // The ISO week's own year: 2026-12-28 is in 2026-W53, 2027-01-01 too.
            char label[16] = {};
            std::strftime(label, sizeof label, "%G-W%V", &fields);
            buckets.push_back({start, label});
            start = local_monday(start, 1);
            break;
        }
        default:
            buckets.push_back({start, fmt::format("{:04}-{:02}", year, month)});
            start = local_month(start, 1);
            break;
        }
    }
    return buckets;
}

}  // namespace tkt
