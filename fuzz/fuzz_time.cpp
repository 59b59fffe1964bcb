// Fuzzes the parsers of time: durations, timestamps and report periods. The whole
// input is one value; for a period, a first line is --since and a second --until.
// Usage errors (tkt::Error) are expected; anything else escaping is a finding.
#include "core/error.hpp"
#include "core/time.hpp"
#include "fuzz_support.hpp"
#include "stats/metrics.hpp"

#include <ctime>

namespace {

using namespace tkt;

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z, a Sunday
constexpr Timestamp k_year_0 = -62167219200;
constexpr Timestamp k_year_10000 = 253402300800;

// Periods are local time: a zone with daylight saving time, set once per process.
void use_time_zone() {
    static const bool done = [] {
        ::setenv("TZ", "Europe/Berlin", 1);
        ::tzset();
        return true;
    }();
    (void)done;
}

void check_duration(std::string_view text) {
    const auto length = parse_duration(text);
    if (length && (*length < 0 || *length > (Seconds{1} << 40))) {
        fuzz::broken_promise("a duration out of range");
    }
    if (length) {
        format_age(*length);
    }
}

// A timestamp formats and parses back to itself, within the years ISO 8601 writes.
void check_timestamp(std::string_view text) {
    const auto at = parse_timestamp(text);
    if (!at || *at < k_year_0 || *at >= k_year_10000) {
        return;
    }
    const std::string written = format_iso8601(*at);
    if (parse_timestamp(written) != at) {
        fuzz::broken_promise("timestamp '" + written + "' does not parse back to itself");
    }
}

void check_period(const std::optional<std::string>& since, const std::optional<std::string>& until) {
    Period period;
    try {
        period = parse_period(since, until, k_now);
    } catch (const Error&) {
        return;
    }
    if (period.until < period.since) {
        fuzz::broken_promise("a period that ends before it starts");
    }
    // Reports bucket at most a year or so by hour: longer periods are the user's choice.
    // In doubles: the ends may be as far apart as the whole of int64.
    if (static_cast<double>(period.until) - static_cast<double>(period.since) > 400.0 * 86400) {
        return;
    }
    for (const auto group : {StatsGroup::day, StatsGroup::hour}) {
        const auto buckets = time_buckets(group, period);
        if (buckets.empty() || buckets.front().start > period.since) {
            fuzz::broken_promise("time buckets that do not cover the period's start");
        }
        for (std::size_t i = 1; i < buckets.size(); ++i) {
            if (buckets[i].start <= buckets[i - 1].start) {
                fuzz::broken_promise("time buckets out of order");
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    use_time_zone();
    const std::string_view text = fuzz::as_text(data, size);
    check_duration(text);
    check_timestamp(text);
    const auto lines = fuzz::split_parts(text, '\n', 2);
    if (lines.size() == 1) {
        check_period(std::string(text), std::nullopt);
        check_period(std::nullopt, std::string(text));
    } else {
        check_period(std::string(lines[0]), std::string(lines[1]));
    }
    return 0;
}
