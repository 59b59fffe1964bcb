// GMime reads RFC 5322 dates and their common obsolete forms; a 12-hour time with
// AM/PM it takes for an unknown zone after 3:15, which is 12 hours off for every PM.
#include "mail/mail_date.hpp"

#include "core/text.hpp"
#include "mail/gmime_support.hpp"

#include <charconv>
#include <fmt/format.h>
#include <vector>

namespace tkt::mail {
namespace {

enum class Half { am, pm };

std::optional<Half> half_of_day(std::string_view word) {
    const std::string lower = ascii_lower(word);
    if (lower == "am" || lower == "a.m." || lower == "a.m") {
        return Half::am;
    }
    if (lower == "pm" || lower == "p.m." || lower == "p.m") {
        return Half::pm;
    }
    return std::nullopt;
}

// Returns "15:15:00" for "3:15:00" in the afternoon; nullopt when `time` is no 12-hour
// clock time.
std::optional<std::string> to_24_hour(std::string_view time, Half half) {
    unsigned hour = 0;
    const auto [end, error] = std::from_chars(time.data(), time.data() + time.size(), hour);
    const std::string_view rest(end, static_cast<std::size_t>(time.data() + time.size() - end));
    if (error != std::errc() || hour < 1 || hour > 12 || !rest.starts_with(':') || rest.size() < 3) {
        return std::nullopt;
    }
    // 12 AM is the hour after midnight, 12 PM the hour after noon.
    const unsigned hour24 = hour % 12 + (half == Half::pm ? 12 : 0);
    return fmt::format("{:02}{}", hour24, rest);
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto start = text.find_first_not_of(" \t\r\n", pos);
        if (start == std::string_view::npos) {
            break;
        }
        const auto end = std::min(text.find_first_of(" \t\r\n", start), text.size());
        out.push_back(text.substr(start, end - start));
        pos = end;
    }
    return out;
}

// Splits "3:15pm" into the time and its half of the day.
std::optional<std::pair<std::string_view, Half>> glued_time(std::string_view word) {
    for (const std::size_t suffix : {std::size_t{2}, std::size_t{4}}) {
        if (word.size() > suffix && word.find(':') != std::string_view::npos) {
            if (const auto half = half_of_day(word.substr(word.size() - suffix))) {
                return std::pair{word.substr(0, word.size() - suffix), *half};
            }
        }
    }
    return std::nullopt;
}

}  // namespace

std::string with_24_hour_time(std::string_view value) {
    const auto parts = words(value);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::optional<std::string> time;
        std::size_t used = 1;
        if (const auto half = i + 1 < parts.size() ? half_of_day(parts[i + 1]) : std::nullopt) {
            time = to_24_hour(parts[i], *half);
            used = 2;
        } else if (const auto glued = glued_time(parts[i])) {
            time = to_24_hour(glued->first, glued->second);
        }
        if (time) {
            std::vector<std::string> out(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(i));
            out.push_back(*time);
            out.insert(out.end(), parts.begin() + static_cast<std::ptrdiff_t>(i + used), parts.end());
            return join(out, " ");
        }
    }
    return std::string(value);
}

std::optional<Timestamp> parse_mail_date(std::string_view value) {
    const std::string text = with_24_hour_time(value.substr(0, 200));
    GDateTime* date = g_mime_utils_header_decode_date(text.c_str());
    if (date == nullptr) {
        return std::nullopt;
    }
    const Timestamp at = g_date_time_to_unix(date);
    g_date_time_unref(date);
    return at;
}

}  // namespace tkt::mail
