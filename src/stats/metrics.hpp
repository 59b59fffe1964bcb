// Metrics over a period (DESIGN.md 8): what the store records, gathered once and
// aggregated as a whole and per group. Definitions are in tkt(1), STATISTICS.
#pragma once

#include "core/filter.hpp"
#include "core/ticket.hpp"
#include "routing/sla.hpp"
#include "stats/period.hpp"
#include "store/stats_facts.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

class Store;

struct StatsOptions {
    Period period;
    StatsGroup by = StatsGroup::none;
    Filter where;           // no SLA terms (a report's tickets are not judged "now")
    Seconds within = 3600;  // the first-reply threshold
    Seconds repeat_window = 7 * 86400;
    bool business_hours = false;  // durations in working time of each ticket's SLA calendar
    Timestamp now = 0;            // what "still unanswered" is judged against
};

// Median, 90th percentile (nearest rank: the value at rank ceil(p·n) of the n sorted
// values) and mean of a set of durations; nullopt when there are none.
struct DurationStats {
    std::int64_t count = 0;
    double sum = 0;
    std::optional<Seconds> median;
    std::optional<Seconds> p90;
    std::optional<double> mean;
};

// Returns the nearest-rank `percent`-th percentile (1..100) of `values`: the value at
// rank ceil(percent/100 · n) when sorted; reorders them.
std::optional<Seconds> nearest_rank(std::vector<Seconds>& values, int percent);

DurationStats summarize(std::vector<Seconds> values);

struct AgentLoad {
    std::string agent;
    std::int64_t replies = 0;       // the agent's own, one ticket at a time
    std::int64_t bulk_replies = 0;  // sent as part of a reply to many tickets at once
    std::int64_t solved = 0;
    double hours = 0;                // active 15-minute slots × 0.25
    std::optional<double> per_hour;  // solved per active hour
    std::optional<double> replies_per_hour;
    std::int64_t rated = 0;  // tickets whose current rating, given in the period, is credited to them
    std::int64_t good = 0;
    std::optional<double> csat_average;
    std::optional<double> share_good;
};

struct Metrics {
    std::int64_t created = 0;
    std::int64_t solved = 0;
    std::int64_t reopened = 0;
    std::int64_t backlog = 0;
    DurationStats first_reply;
    std::int64_t within = 0;         // answered within the threshold
    std::int64_t within_judged = 0;  // answered, or unanswered past the threshold
    std::optional<double> within_share;
    // The same against each ticket's SLA policy's own first-reply target, in its calendar;
    // tickets without such a policy are not judged.
    std::int64_t within_target = 0;
    std::int64_t within_target_judged = 0;
    std::optional<double> within_target_share;
    DurationStats reply_time;
    DurationStats resolution;
    std::int64_t escalated = 0;
    std::optional<double> escalation_rate;
    std::int64_t escalations_received = 0;  // by agent or line: escalated to it
    std::int64_t repeat_contacts = 0;
    std::optional<double> repeat_contact_rate;
    std::int64_t one_touch = 0;
    std::optional<double> one_touch_rate;
    std::int64_t rated = 0;
    std::int64_t good = 0;
    std::int64_t score_sum = 0;
    std::optional<double> share_good;
    std::optional<double> csat_average;  // the mean score
    std::int64_t breached_first_reply = 0;
    std::int64_t breached_next_reply = 0;
    std::int64_t breached_resolve = 0;
    std::vector<AgentLoad> agents;  // by login
};

struct StatsReport {
    Period period;
    StatsGroup by = StatsGroup::none;
    Seconds within = 3600;
    bool business_hours = false;
    Metrics total;
    std::vector<std::pair<std::string, Metrics>> groups;  // in key order (time for buckets)
    std::vector<Seconds> first_replies;                   // every first-reply time of the total, sorted
};

// Measures a duration from `start` to `end` for ticket `id`: calendar seconds, or
// working seconds of the ticket's SLA calendar.
using DurationMeasure = std::function<Seconds(TicketId id, Timestamp start, Timestamp end)>;

// A ticket's first-reply target under its SLA policy, and the time from `start` to
// `end` as that policy counts it (working time of its calendar, or clock time).
struct TargetTime {
    Seconds target = 0;
    Seconds elapsed = 0;
};
using FirstReplyTarget = std::function<std::optional<TargetTime>(TicketId id, Timestamp start, Timestamp end)>;

// Returns the facts of `options`' period and filter from `store`, in one read
// transaction, for reports grouped by each of `groups`.
StatsFacts gather_stats(Store& store, const StatsOptions& options, std::span<const StatsGroup> groups);

// Aggregates `facts` into a report grouped by `by`, measuring durations with `measure`
// and judging first replies against `target` too when it is given.
StatsReport aggregate_stats(const StatsFacts& facts, const StatsOptions& options, StatsGroup by,
                            const DurationMeasure& measure, const FirstReplyTarget& target = {});

// Returns a measure of working time under each ticket's SLA policy in `sla` (tickets
// without one, or on a 24x7 policy, in calendar time), reading tickets from `store`.
DurationMeasure business_hours_measure(Store& store, const SlaConfig& sla);

// Returns plain calendar time: end - start.
DurationMeasure calendar_measure();

// Returns the first-reply target of each ticket's policy in `sla` (nullopt for a ticket
// that no policy with a first_reply target applies to), reading tickets from `store`.
FirstReplyTarget sla_first_reply_target(Store& store, const SlaConfig& sla);

}  // namespace tkt
