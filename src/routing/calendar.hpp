// Business hours: when a team works, in its own time zone, and the arithmetic of
// working time that SLA targets are counted in (DESIGN.md 4, sla.toml [[calendar]]).
#pragma once

#include "core/time.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// What a [[calendar]] table says, as written: validated by Calendar::make.
struct CalendarSpec {
    std::string name;
    std::string timezone = "UTC";  // an IANA name, e.g. "Europe/Moscow"
    std::vector<std::string> days{"mon", "tue", "wed", "thu", "fri"};
    std::string hours = "09:00-18:00";  // one range a day, local time; "00:00-24:00" for all day
    std::vector<std::string> holidays;  // local dates, "2026-12-31"
};

// A working calendar: working days, one range of working hours on each, holidays, in a
// time zone whose daylight-saving changes it follows.
class Calendar {
public:
    // Validates `spec` and builds the calendar; throws a configuration error (exit 78)
    // without a position, which the loader prefixes with file:line:col: an unknown time
    // zone or day name, malformed hours or dates, no working day at all.
    static Calendar make(const CalendarSpec& spec);

    const std::string& name() const { return m_name; }
    const std::string& timezone() const { return m_timezone; }

    // Returns the instant at which `work` seconds of working time have passed since
    // `start` (when `start` is outside working hours the count begins at the next
    // opening; `work` 0 gives that opening, or `start` itself when it is inside).
    Timestamp add(Timestamp start, Seconds work) const;

    // Returns the working seconds between `from` and `to` (0 when `to` <= `from`).
    Seconds between(Timestamp from, Timestamp to) const;

    // Returns true when `at` falls inside working hours.
    bool is_working(Timestamp at) const;

private:
    struct Zone;
    Calendar() = default;

    std::string m_name;
    std::string m_timezone;
    std::shared_ptr<const Zone> m_zone;
    std::array<bool, 7> m_days{};  // index 0 is Monday
    Seconds m_open = 0;            // seconds after local midnight
    Seconds m_close = 0;
    std::vector<std::int64_t> m_holidays;  // local dates as days since 1970-01-01, sorted
};

}  // namespace tkt
