// Working calendars on Howard Hinnant's date/tz library and the OS time zone database
// (g++ 12 has no std::chrono::zoned_time). Only this file sees a date type.
#include "routing/calendar.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <chrono>
#include <date/tz.h>
#include <fmt/format.h>
#include <limits>
#include <optional>

namespace tkt {

struct Calendar::Zone {
    const date::time_zone* zone = nullptr;
};

namespace {

constexpr Seconds k_day = 86400;
constexpr Seconds k_week = 7 * k_day;
constexpr Timestamp k_end_of_time = std::numeric_limits<Timestamp>::max();
constexpr std::array<std::string_view, 7> k_day_names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

Error invalid(const std::string& message) {
    return Error(Exit::config, message);
}

bool is_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Returns `day` (days since 1970-01-01) as an index into k_day_names.
std::size_t weekday_of(std::int64_t day) {
    // 1970-01-01 was a Thursday, index 3.
    return static_cast<std::size_t>(((day + 3) % 7 + 7) % 7);
}

std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
    const auto quotient = value / divisor;
    return quotient * divisor > value ? quotient - 1 : quotient;
}

std::size_t parse_day(std::string_view name) {
    const auto found = std::find(k_day_names.begin(), k_day_names.end(), name);
    if (found == k_day_names.end()) {
        throw invalid(fmt::format("unknown day '{}'{} (valid: mon, tue, wed, thu, fri, sat, sun)", name,
                                  did_you_mean(name, k_day_names)));
    }
    return static_cast<std::size_t>(found - k_day_names.begin());
}

// Parses "HH:MM", or "24:00" for the end of the day, into seconds after midnight.
std::optional<Seconds> parse_clock(std::string_view text) {
    if (text.size() != 5 || text[2] != ':' || !is_digits(text.substr(0, 2)) || !is_digits(text.substr(3))) {
        return std::nullopt;
    }
    const Seconds hours = (text[0] - '0') * 10 + (text[1] - '0');
    const Seconds minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if ((hours < 24 && minutes < 60) || (hours == 24 && minutes == 0)) {
        return hours * 3600 + minutes * 60;
    }
    return std::nullopt;
}

struct Hours {
    Seconds open = 0;
    Seconds close = 0;
};

Hours parse_hours(std::string_view text) {
    const auto dash = text.find('-');
    const auto open = dash == std::string_view::npos ? std::nullopt : parse_clock(text.substr(0, dash));
    const auto close = dash == std::string_view::npos ? std::nullopt : parse_clock(text.substr(dash + 1));
    if (!open || !close) {
        throw invalid(fmt::format("invalid hours '{}' (write \"HH:MM-HH:MM\", e.g. \"09:00-18:00\")", text));
    }
    // One range within one local day: a night shift would need two calendars' worth of rules.
    if (*open >= *close) {
        throw invalid(fmt::format("invalid hours '{}': the day must open before it closes", text));
    }
    return {*open, *close};
}

// Parses a holiday "YYYY-MM-DD" into days since 1970-01-01.
std::int64_t parse_holiday(std::string_view text) {
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' && is_digits(text.substr(0, 4)) &&
                        is_digits(text.substr(5, 2)) && is_digits(text.substr(8, 2));
    const auto midnight = shaped ? parse_timestamp(text) : std::nullopt;
    if (!midnight) {
        throw invalid(fmt::format("invalid holiday '{}' (write a date as \"YYYY-MM-DD\")", text));
    }
    return *midnight / k_day;
}

const date::time_zone* find_zone(const std::string& name) {
    try {
        return date::locate_zone(name);
    } catch (const std::runtime_error&) {
        throw invalid(fmt::format("unknown time zone '{}'", name));
    }
}

// One day's working hours as instants: [begin, end).
struct Window {
    Timestamp begin = 0;
    Timestamp end = 0;
};

// The arithmetic of a calendar. Days are local dates counted from 1970-01-01, local
// times seconds since local 1970-01-01 00:00.
class Schedule {
public:
    Schedule(const date::time_zone& zone, const std::array<bool, 7>& days, Seconds open, Seconds close,
             const std::vector<std::int64_t>& holidays)
        : m_zone(zone), m_days(days), m_open(open), m_close(close), m_holidays(holidays),
          m_working_days(std::count(days.begin(), days.end(), true)) {}

    std::int64_t local_day(Timestamp at) const {
        const auto local = m_zone.to_local(date::sys_seconds{std::chrono::seconds{at}});
        return floor_div(local.time_since_epoch().count(), k_day);
    }

    // A local time the clocks skip (spring forward) becomes the instant they jump: both
    // choices agree there. One the clocks repeat (fall back) is taken at its first
    // occurrence, when the wall clock first shows it: the team opens then, and goes
    // home then. Making the same choice for every edge keeps the mapping monotonic, so
    // windows never overlap or invert, and "00:00-24:00" stays seamless: one day's
    // close is exactly the next day's opening.
    Timestamp to_utc(std::int64_t local_seconds) const {
        const date::local_seconds local{std::chrono::seconds{local_seconds}};
        return m_zone.to_sys(local, date::choose::earliest).time_since_epoch().count();
    }

    Timestamp midnight(std::int64_t day) const { return to_utc(day * k_day); }

    bool is_working_day(std::int64_t day) const {
        return m_days[weekday_of(day)] && !std::binary_search(m_holidays.begin(), m_holidays.end(), day);
    }

    // The window of `day` in UTC: on a DST day it is still open..close local time, and
    // so an hour shorter or longer when the change falls inside it.
    std::optional<Window> window(std::int64_t day) const {
        if (!is_working_day(day)) {
            return std::nullopt;
        }
        return Window{to_utc(day * k_day + m_open), to_utc(day * k_day + m_close)};
    }

    Seconds week_work() const { return m_working_days * (m_close - m_open); }

    // Returns how many whole weeks from the local midnight of `day` begin no earlier
    // than `from`, end no later than `until` and keep one UTC offset: weeks whose
    // working time is plain arithmetic.
    std::int64_t plain_weeks(std::int64_t day, Timestamp from, Timestamp until) const {
        const auto info = m_zone.get_info(date::local_seconds{std::chrono::seconds{day * k_day}});
        if (info.result != date::local_info::unique) {
            return 0;
        }
        const Timestamp start = day * k_day - info.first.offset.count();
        // Strictly before the next change: a local midnight that falls back onto the
        // change itself would map an hour later under the new offset.
        const Timestamp end = std::min(until, info.first.end.time_since_epoch().count() - 1);
        return start < from || end < start ? 0 : (end - start) / k_week;
    }

    // Returns the working seconds in `weeks` plain weeks from `day`: the working days
    // in them, less the holidays that fall on working days.
    Seconds work_in(std::int64_t day, std::int64_t weeks) const {
        const auto first = std::lower_bound(m_holidays.begin(), m_holidays.end(), day);
        const auto last = std::lower_bound(first, m_holidays.end(), day + 7 * weeks);
        const auto holidays = std::count_if(first, last, [this](std::int64_t h) { return m_days[weekday_of(h)]; });
        return (weeks * m_working_days - holidays) * (m_close - m_open);
    }

private:
    const date::time_zone& m_zone;
    const std::array<bool, 7>& m_days;
    Seconds m_open;
    Seconds m_close;
    const std::vector<std::int64_t>& m_holidays;
    std::int64_t m_working_days;
};

}  // namespace

Calendar Calendar::make(const CalendarSpec& spec) {
    Calendar calendar;
    calendar.m_name = spec.name;
    calendar.m_timezone = spec.timezone;
    calendar.m_zone = std::make_shared<Zone>(Zone{find_zone(spec.timezone)});
    for (const auto& day : spec.days) {
        calendar.m_days[parse_day(day)] = true;
    }
    // Without a working day, add() would look for an opening forever.
    if (std::find(calendar.m_days.begin(), calendar.m_days.end(), true) == calendar.m_days.end()) {
        throw invalid("'days' must name at least one working day");
    }
    const auto hours = parse_hours(spec.hours);
    calendar.m_open = hours.open;
    calendar.m_close = hours.close;
    for (const auto& holiday : spec.holidays) {
        calendar.m_holidays.push_back(parse_holiday(holiday));
    }
    std::sort(calendar.m_holidays.begin(), calendar.m_holidays.end());
    calendar.m_holidays.erase(std::unique(calendar.m_holidays.begin(), calendar.m_holidays.end()),
                              calendar.m_holidays.end());
    return calendar;
}

Timestamp Calendar::add(Timestamp start, Seconds work) const {
    const Schedule schedule(*m_zone->zone, m_days, m_open, m_close, m_holidays);
    Seconds remaining = std::max<Seconds>(work, 0);
    auto day = schedule.local_day(start);
    while (true) {
        // Skip whole weeks while the answer lies beyond them, so that 10,000 hours take
        // a few dozen steps; `remaining` stays positive, the last week is walked.
        if (remaining > schedule.week_work()) {
            const auto weeks =
                std::min(schedule.plain_weeks(day, start, k_end_of_time), (remaining - 1) / schedule.week_work());
            if (weeks > 0) {
                remaining -= schedule.work_in(day, weeks);
                day += 7 * weeks;
                continue;
            }
        }
        if (const auto window = schedule.window(day)) {
            const auto from = std::max(window->begin, start);
            if (from < window->end) {
                if (remaining <= window->end - from) {
                    return from + remaining;
                }
                remaining -= window->end - from;
            }
        }
        ++day;
    }
}

Seconds Calendar::between(Timestamp from, Timestamp to) const {
    const Schedule schedule(*m_zone->zone, m_days, m_open, m_close, m_holidays);
    Seconds total = 0;
    for (auto day = schedule.local_day(from); from < to && schedule.midnight(day) < to;) {
        if (to - from > k_week) {
            if (const auto weeks = schedule.plain_weeks(day, from, to); weeks > 0) {
                total += schedule.work_in(day, weeks);
                day += 7 * weeks;
                continue;
            }
        }
        if (const auto window = schedule.window(day)) {
            total += std::max<Seconds>(0, std::min(window->end, to) - std::max(window->begin, from));
        }
        ++day;
    }
    return total;
}

bool Calendar::is_working(Timestamp at) const {
    const Schedule schedule(*m_zone->zone, m_days, m_open, m_close, m_holidays);
    const auto window = schedule.window(schedule.local_day(at));
    return window && window->begin <= at && at < window->end;
}

}  // namespace tkt
