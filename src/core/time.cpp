#include "core/time.hpp"

#include <charconv>
#include <chrono>
#include <fmt/format.h>

namespace tkt {
namespace {

// Reads exactly `digits` decimal digits at `pos`, advancing it.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t digits) {
    if (pos + digits > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    pos += digits;
    return value;
}

bool expect(std::string_view text, std::size_t& pos, char wanted) {
    if (pos < text.size() && text[pos] == wanted) {
        ++pos;
        return true;
    }
    return false;
}

// Parses "Z", "+03:00", "+0300" or "-05" at `pos` into seconds east of UTC.
std::optional<Seconds> read_offset(std::string_view text, std::size_t& pos) {
    if (pos == text.size()) {
        return 0;
    }
    if (expect(text, pos, 'Z') || expect(text, pos, 'z')) {
        return 0;
    }
    const char sign = text[pos];
    if (sign != '+' && sign != '-') {
        return std::nullopt;
    }
    ++pos;
    const auto hours = read_number(text, pos, 2);
    if (!hours) {
        return std::nullopt;
    }
    int minutes = 0;
    if (pos < text.size()) {
        expect(text, pos, ':');
        const auto m = read_number(text, pos, 2);
        if (!m) {
            return std::nullopt;
        }
        minutes = *m;
    }
    if (*hours > 23 || minutes > 59) {
        return std::nullopt;
    }
    const Seconds offset = *hours * 3600 + minutes * 60;
    return sign == '+' ? offset : -offset;
}

std::optional<Timestamp> parse_iso8601(std::string_view text) {
    using namespace std::chrono;
    std::size_t pos = 0;
    const auto y = read_number(text, pos, 4);
    if (!y || !expect(text, pos, '-')) {
        return std::nullopt;
    }
    const auto mo = read_number(text, pos, 2);
    if (!mo || !expect(text, pos, '-')) {
        return std::nullopt;
    }
    const auto d = read_number(text, pos, 2);
    if (!d) {
        return std::nullopt;
    }
    const year_month_day date{year{*y}, month{static_cast<unsigned>(*mo)}, day{static_cast<unsigned>(*d)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    Timestamp at = sys_days{date}.time_since_epoch().count() * Timestamp{86400};
    if (pos == text.size()) {
        return at;
    }
    if (!expect(text, pos, 'T') && !expect(text, pos, 't') && !expect(text, pos, ' ')) {
        return std::nullopt;
    }
    const auto h = read_number(text, pos, 2);
    if (!h || !expect(text, pos, ':')) {
        return std::nullopt;
    }
    const auto mi = read_number(text, pos, 2);
    if (!mi) {
        return std::nullopt;
    }
    int s = 0;
    if (expect(text, pos, ':')) {
        const auto sec = read_number(text, pos, 2);
        if (!sec) {
            return std::nullopt;
        }
        s = *sec;
    }
    if (*h > 23 || *mi > 59 || s > 60) {
        return std::nullopt;
    }
    const auto offset = read_offset(text, pos);
    if (!offset || pos != text.size()) {
        return std::nullopt;
    }
    return at + *h * 3600 + *mi * 60 + s - *offset;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos) {
        Timestamp value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error == std::errc() && end == text.data() + text.size()) {
            return value;
        }
        return std::nullopt;
    }
    return parse_iso8601(text);
}

std::optional<Seconds> parse_duration(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    Seconds unit = 1;
    std::string_view number = text;
    switch (text.back()) {
    case 's': unit = 1; break;
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = 86400; break;
    case 'w': unit = 7 * 86400; break;
    default: unit = 0; break;
    }
    if (unit != 0) {
        number.remove_suffix(1);
    } else {
        unit = 1;
    }
    Seconds value = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (number.empty() || error != std::errc() || end != number.data() + number.size() || value < 0 ||
        value > (Seconds{1} << 40) / unit) {
        return std::nullopt;
    }
    return value * unit;
}

std::string format_iso8601(Timestamp at) {
    using namespace std::chrono;
    const sys_seconds instant{seconds{at}};
    const auto days = floor<std::chrono::days>(instant);
    const year_month_day date{days};
    const hh_mm_ss time{instant - days};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), time.hours().count(),
                       time.minutes().count(), time.seconds().count());
}

std::string format_age(Seconds length) {
    if (length < 0) {
        length = 0;
    }
    if (length < 60) {
        return fmt::format("{}s", length);
    }
    if (length < 3600) {
        return fmt::format("{}m", length / 60);
    }
    if (length < 86400) {
        return fmt::format("{}h", length / 3600);
    }
    return fmt::format("{}d", length / 86400);
}

}  // namespace tkt
