// Aggregating a period's facts into metrics, as a whole and per group (DESIGN.md 8).
#include "stats/metrics.hpp"

#include "store/store.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <memory>
#include <unordered_map>

namespace tkt {
namespace {

constexpr double k_slot_hours = 0.25;  // a 15-minute slot of activity

std::optional<double> ratio(std::int64_t part, std::int64_t whole) {
    return whole == 0 ? std::nullopt : std::optional(static_cast<double>(part) / static_cast<double>(whole));
}

struct AgentTally {
    std::int64_t replies = 0;
    std::int64_t bulk_replies = 0;
    std::int64_t solved = 0;
    std::int64_t rated = 0;
    std::int64_t good = 0;
    std::int64_t score_sum = 0;
    std::vector<Timestamp> slots;  // with repeats until finished
};

// One group's metrics while facts are added.
struct Tally {
    Metrics metrics;
    std::vector<Seconds> first_reply;
    std::vector<Seconds> reply_time;
    std::vector<Seconds> resolution;
    std::vector<TicketId> reopened;
    std::array<std::vector<TicketId>, 3> breached;  // first reply, next reply, resolve
    std::map<std::string, AgentTally> agents;
};

std::int64_t distinct_count(std::vector<TicketId>& ids) {
    std::sort(ids.begin(), ids.end());
    return std::unique(ids.begin(), ids.end()) - ids.begin();
}

Metrics finish(Tally& tally) {
    Metrics m = std::move(tally.metrics);
    m.first_reply = summarize(std::move(tally.first_reply));
    m.reply_time = summarize(std::move(tally.reply_time));
    m.resolution = summarize(std::move(tally.resolution));
    m.reopened = distinct_count(tally.reopened);
    m.breached_first_reply = distinct_count(tally.breached[0]);
    m.breached_next_reply = distinct_count(tally.breached[1]);
    m.breached_resolve = distinct_count(tally.breached[2]);
    m.within_share = ratio(m.within, m.within_judged);
    m.within_target_share = ratio(m.within_target, m.within_target_judged);
    m.escalation_rate = ratio(m.escalated, m.created);
    m.repeat_contact_rate = ratio(m.repeat_contacts, m.created);
    m.one_touch_rate = ratio(m.one_touch, m.solved);
    m.share_good = ratio(m.good, m.rated);
    m.csat_average = ratio(m.score_sum, m.rated);
    for (auto& [login, agent] : tally.agents) {
        std::sort(agent.slots.begin(), agent.slots.end());
        const auto slots = std::unique(agent.slots.begin(), agent.slots.end()) - agent.slots.begin();
        AgentLoad load;
        load.agent = login;
        load.replies = agent.replies;
        load.bulk_replies = agent.bulk_replies;
        load.solved = agent.solved;
        load.hours = static_cast<double>(slots) * k_slot_hours;
        if (load.hours > 0) {
            load.per_hour = static_cast<double>(load.solved) / load.hours;
            load.replies_per_hour = static_cast<double>(load.replies) / load.hours;
        }
        load.rated = agent.rated;
        load.good = agent.good;
        load.csat_average = ratio(agent.score_sum, agent.rated);
        load.share_good = ratio(agent.good, agent.rated);
        m.agents.push_back(std::move(load));
    }
    return m;
}

// Open at `at`: created before it and, after the last change before it, not finished.
// Returns the intervals (from, to] of `at` for which the ticket is open.
std::vector<std::pair<Timestamp, Timestamp>> open_intervals(const StatsFacts::Open& ticket) {
    constexpr Timestamp k_forever = std::numeric_limits<Timestamp>::max();
    std::vector<std::pair<Timestamp, Timestamp>> intervals;
    bool open = true;
    Timestamp opened = ticket.created_at;
    for (const auto& [at, finished] : ticket.changes) {
        if (finished && open) {
            intervals.emplace_back(opened, at);
            open = false;
        } else if (!finished && !open) {
            opened = at;
            open = true;
        }
    }
    if (open) {
        intervals.emplace_back(opened, k_forever);
    }
    return intervals;
}

class Aggregator {
public:
    Aggregator(const StatsFacts& facts, const StatsOptions& options, StatsGroup by, const DurationMeasure& measure,
               const FirstReplyTarget& target)
        : m_facts(facts), m_options(options), m_by(by), m_measure(measure), m_target(target) {
        Period span = options.period;
        if (facts.first_created) {
            // No empty buckets before the first ticket of the store.
            span.since = std::clamp(*facts.first_created, span.since, span.until);
        }
        m_buckets = time_buckets(by, span);
        for (const auto& bucket : m_buckets) {
            m_groups[bucket.label];
        }
    }

    StatsReport run() {
        add_created();
        add_solved();
        add_replies();
        add_happenings();
        add_ratings();
        add_activity();
        add_backlog();
        StatsReport report{m_options.period, m_by, m_options.within, m_options.business_hours, {}, {}, {}};
        report.first_replies = m_total.first_reply;
        std::sort(report.first_replies.begin(), report.first_replies.end());
        report.total = finish(m_total);
        for (auto& [key, tally] : m_groups) {
            report.groups.emplace_back(key, finish(tally));
        }
        return report;
    }

private:
    bool by_time() const { return !m_buckets.empty(); }

    // The group of a fact: its ticket's key, `person` for agent groups (an author, an
    // owner), or the time bucket of `at`.
    Tally* group_of(const StatsKeys& keys, Timestamp at, const std::string* person = nullptr) {
        switch (m_by) {
        case StatsGroup::none: return nullptr;
        case StatsGroup::queue: return &m_groups[keys.queue.value_or("(none)")];
        case StatsGroup::line: return &m_groups[std::to_string(keys.line)];
        case StatsGroup::agent:
            return &m_groups[person != nullptr && !person->empty() ? *person : keys.assignee.value_or("(none)")];
        case StatsGroup::channel: return &m_groups[std::string(to_string(keys.channel))];
        case StatsGroup::tag:
        case StatsGroup::customer: return nullptr;  // count() adds to these itself
        case StatsGroup::priority: return &m_groups[std::string(to_string(keys.priority))];
        case StatsGroup::day:
        case StatsGroup::hour:
        case StatsGroup::week:
        case StatsGroup::month: {
            const auto after = std::upper_bound(m_buckets.begin(), m_buckets.end(), at,
                                                [](Timestamp t, const Bucket& b) { return t < b.start; });
            return &m_groups[(after == m_buckets.begin() ? after : after - 1)->label];
        }
        }
        return nullptr;
    }

    // Calls `add` on the total and on the fact's group: by tag, on each of its ticket's
    // tags ("(none)" without); by tag or customer, a fact of no ticket (activity) is in
    // the total alone.
    template <class Add> void count(const StatsKeys& keys, Timestamp at, Add add, const std::string* person = nullptr) {
        add(m_total);
        if (m_by == StatsGroup::tag || m_by == StatsGroup::customer) {
            if (!keys.labelled) {
                return;
            }
            if (m_by == StatsGroup::customer) {
                add(m_groups[keys.customer]);
            } else if (keys.tags.empty()) {
                add(m_groups["(none)"]);
            } else {
                for (const auto& tag : keys.tags) {
                    add(m_groups[tag]);
                }
            }
            return;
        }
        if (Tally* group = group_of(keys, at, person)) {
            add(*group);
        }
    }

    // Each fact of a created ticket goes to who did it (tkt(1), STATISTICS, Credit): by
    // agent, the ticket itself to the agent who took it up first (its first reply or
    // its escalation, whichever came first), the first reply to its author, the
    // escalation to who escalated and, as received, to the agent it went to; a ticket
    // nobody took up, to its owner. By line, everything to the line it started on but
    // what the escalation's receiving line received.
    void add_created() {
        const auto is_agent = [](const std::string& who) {
            return !who.empty() && !who.starts_with('(') && who.find('@') == std::string::npos;
        };
        for (const auto& ticket : m_facts.created) {
            const StatsFacts::Credit& credit = ticket.credit;
            std::optional<Seconds> first_reply;
            if (ticket.first_reply_at) {
                first_reply = m_measure(ticket.id, ticket.created_at, *ticket.first_reply_at);
            }
            const bool escalated_first = is_agent(credit.escalated_by) && credit.escalated_at &&
                                         (!ticket.first_reply_at || *credit.escalated_at < *ticket.first_reply_at);
            const std::string* taker = escalated_first                 ? &credit.escalated_by
                                       : !credit.first_replier.empty() ? &credit.first_replier
                                                                       : nullptr;
            StatsKeys started = ticket.keys;
            started.line = credit.from_line.value_or(ticket.keys.line);
            count(
                started, ticket.created_at,
                [&](Tally& t) {
                    ++t.metrics.created;
                    t.metrics.repeat_contacts += ticket.repeat ? 1 : 0;
                },
                taker);
            // Against the ticket's own policy: answered in time, late, or unanswered past it.
            std::optional<bool> in_target;
            if (m_target) {
                if (const auto judged =
                        m_target(ticket.id, ticket.created_at, ticket.first_reply_at.value_or(m_options.now))) {
                    if (ticket.first_reply_at || judged->elapsed > judged->target) {
                        in_target = judged->elapsed <= judged->target;
                    }
                }
            }
            const auto add_target = [&](Tally& t) {
                if (in_target) {
                    t.metrics.within_target += *in_target ? 1 : 0;
                    ++t.metrics.within_target_judged;
                }
            };
            if (first_reply) {
                count(
                    started, ticket.created_at,
                    [&](Tally& t) {
                        t.first_reply.push_back(*first_reply);
                        t.metrics.within += *first_reply <= m_options.within ? 1 : 0;
                        ++t.metrics.within_judged;
                        add_target(t);
                    },
                    credit.first_replier.empty() ? taker : &credit.first_replier);
            } else {
                const bool late = m_measure(ticket.id, ticket.created_at, m_options.now) > m_options.within;
                count(
                    started, ticket.created_at,
                    [&](Tally& t) {
                        t.metrics.within_judged += late ? 1 : 0;
                        add_target(t);
                    },
                    taker);
            }
            if (ticket.escalated) {
                count(
                    started, ticket.created_at, [](Tally& t) { ++t.metrics.escalated; },
                    is_agent(credit.escalated_by) ? &credit.escalated_by : taker);
                StatsKeys received = ticket.keys;
                received.line = credit.to_line.value_or(ticket.keys.line);
                count(
                    received, ticket.created_at, [](Tally& t) { ++t.metrics.escalations_received; },
                    credit.received_by.empty() ? nullptr : &credit.received_by);
            }
        }
    }

    void add_solved() {
        for (const auto& ticket : m_facts.solved) {
            const Seconds resolution = m_measure(ticket.id, ticket.created_at, ticket.solved_at);
            count(
                ticket.keys, ticket.solved_at,
                [&](Tally& t) {
                    ++t.metrics.solved;
                    t.metrics.one_touch += ticket.replies == 1 ? 1 : 0;
                    t.resolution.push_back(resolution);
                    if (!ticket.owner.empty()) {
                        ++t.agents[ticket.owner].solved;
                    }
                },
                &ticket.owner);
        }
    }

    void add_replies() {
        for (const auto& reply : m_facts.replies) {
            std::optional<Seconds> wait;
            if (reply.waiting_since) {
                wait = m_measure(reply.id, *reply.waiting_since, reply.at);
            }
            // An outage message to 5,000 tickets is one action, not 5,000 answers of the
            // agent's own: it counts apart, and by agent the wait it ends (the customer's
            // still ends) stays with the ticket's owner, as its first reply does.
            count(
                reply.keys, reply.at,
                [&](Tally& t) {
                    ++(reply.bulk ? t.agents[reply.author].bulk_replies : t.agents[reply.author].replies);
                    if (wait) {
                        t.reply_time.push_back(*wait);
                    }
                },
                reply.bulk ? nullptr : &reply.author);
        }
    }

    void add_happenings() {
        for (const auto& happening : m_facts.happenings) {
            using Happened = StatsFacts::Happened;
            count(happening.keys, happening.at, [&](Tally& t) {
                switch (happening.what) {
                case Happened::reopened: t.reopened.push_back(happening.id); break;
                case Happened::breached_first_reply: t.breached[0].push_back(happening.id); break;
                case Happened::breached_next_reply: t.breached[1].push_back(happening.id); break;
                case Happened::breached_resolve: t.breached[2].push_back(happening.id); break;
                }
            });
        }
    }

    // A rating goes to the agent it is credited to (the conversation it rates), by agent
    // and in each agent's line; one with no agent to credit stays with the ticket's owner.
    void add_ratings() {
        for (const auto& rating : m_facts.ratings) {
            const bool good = rating.score >= 4;
            count(
                rating.keys, rating.at,
                [&](Tally& t) {
                    ++t.metrics.rated;
                    t.metrics.good += good ? 1 : 0;
                    t.metrics.score_sum += rating.score;
                    if (!rating.agent.empty()) {
                        AgentTally& agent = t.agents[rating.agent];
                        ++agent.rated;
                        agent.good += good ? 1 : 0;
                        agent.score_sum += rating.score;
                    }
                },
                &rating.agent);
        }
    }

    void add_activity() {
        for (const auto& activity : m_facts.activity) {
            count(
                activity.keys, std::max(activity.slot, m_options.period.since),
                [&](Tally& t) { t.agents[activity.agent].slots.push_back(activity.slot); }, &activity.agent);
        }
    }

    // The backlog at the end of the period, or of each time bucket.
    void add_backlog() {
        std::vector<Timestamp> ends;
        for (std::size_t i = 1; i < m_buckets.size(); ++i) {
            ends.push_back(m_buckets[i].start);
        }
        const Timestamp until = m_options.period.until;
        ends.push_back(until);
        std::vector<std::int64_t> changes(ends.size() + 1, 0);
        for (const auto& ticket : m_facts.open) {
            for (const auto& [from, to] : open_intervals(ticket)) {
                if (from < until && until <= to) {
                    count(ticket.keys, until, [](Tally& t) { ++t.metrics.backlog; });
                }
                if (by_time()) {
                    // The bucket ends in (from, to] see it open.
                    const auto first = std::upper_bound(ends.begin(), ends.end(), from) - ends.begin();
                    const auto last = std::upper_bound(ends.begin(), ends.end(), to) - ends.begin();
                    ++changes[static_cast<std::size_t>(first)];
                    --changes[static_cast<std::size_t>(last)];
                }
            }
        }
        if (!by_time()) {
            return;
        }
        // count() put every ticket open at until in the last bucket; each bucket takes
        // its own end's backlog instead.
        std::int64_t open = 0;
        for (std::size_t i = 0; i < m_buckets.size(); ++i) {
            open += changes[i];
            m_groups[m_buckets[i].label].metrics.backlog = open;
        }
    }

    const StatsFacts& m_facts;
    const StatsOptions& m_options;
    StatsGroup m_by;
    const DurationMeasure& m_measure;
    const FirstReplyTarget& m_target;
    std::vector<Bucket> m_buckets;
    Tally m_total;
    std::map<std::string, Tally> m_groups;
};

}  // namespace

std::optional<Seconds> nearest_rank(std::vector<Seconds>& values, int percent) {
    if (values.empty()) {
        return std::nullopt;
    }
    const std::size_t n = values.size();
    const std::size_t rank = (static_cast<std::size_t>(percent) * n + 99) / 100;  // ceil(p·n)
    const auto at = values.begin() + static_cast<std::ptrdiff_t>(std::max<std::size_t>(rank, 1) - 1);
    std::nth_element(values.begin(), at, values.end());
    return *at;
}

DurationStats summarize(std::vector<Seconds> values) {
    DurationStats stats;
    stats.count = static_cast<std::int64_t>(values.size());
    for (const Seconds value : values) {
        stats.sum += static_cast<double>(value);
    }
    stats.median = nearest_rank(values, 50);
    stats.p90 = nearest_rank(values, 90);
    if (stats.count > 0) {
        stats.mean = stats.sum / static_cast<double>(stats.count);
    }
    return stats;
}

StatsFacts gather_stats(Store& store, const StatsOptions& options, std::span<const StatsGroup> groups) {
    const bool keyed = std::any_of(groups.begin(), groups.end(), [](StatsGroup group) {
        return group == StatsGroup::queue || group == StatsGroup::line || group == StatsGroup::channel ||
               group == StatsGroup::priority;
    });
    const bool credited = std::any_of(groups.begin(), groups.end(), [](StatsGroup group) {
        return group == StatsGroup::agent || group == StatsGroup::line;
    });
    const bool labelled = std::any_of(groups.begin(), groups.end(), [](StatsGroup group) {
        return group == StatsGroup::tag || group == StatsGroup::customer;
    });
    auto read = store.begin_read();
    StatsFacts facts =
        store.stats_facts(options.period, options.where, options.repeat_window, keyed, credited, labelled);
    read.commit();
    return facts;
}

StatsReport aggregate_stats(const StatsFacts& facts, const StatsOptions& options, StatsGroup by,
                            const DurationMeasure& measure, const FirstReplyTarget& target) {
    return Aggregator(facts, options, by, measure, target).run();
}

FirstReplyTarget sla_first_reply_target(Store& store, const SlaConfig& sla) {
    const bool any = std::any_of(sla.policies.begin(), sla.policies.end(),
                                 [](const SlaPolicy& policy) { return policy.first_reply.has_value(); });
    if (!any) {
        return {};
    }
    // Each ticket's policy, looked up once (nullptr: none with a first-reply target).
    auto policies = std::make_shared<std::unordered_map<TicketId, const SlaPolicy*>>();
    return [&store, &sla, policies](TicketId id, Timestamp start, Timestamp end) -> std::optional<TargetTime> {
        auto found = policies->find(id);
        if (found == policies->end()) {
            const SlaPolicy* policy = nullptr;
            if (const auto ticket = store.find_ticket(id)) {
                policy = sla.policy_for(*ticket);
            }
            found = policies->emplace(id, policy != nullptr && policy->first_reply ? policy : nullptr).first;
        }
        const SlaPolicy* policy = found->second;
        if (policy == nullptr) {
            return std::nullopt;
        }
        const Seconds elapsed =
            policy->calendar != nullptr ? policy->calendar->between(start, end) : std::max<Seconds>(end - start, 0);
        return TargetTime{*policy->first_reply, elapsed};
    };
}

DurationMeasure calendar_measure() {
    return [](TicketId, Timestamp start, Timestamp end) { return std::max<Seconds>(end - start, 0); };
}

DurationMeasure business_hours_measure(Store& store, const SlaConfig& sla) {
    // Each ticket's calendar, looked up once (nullptr: calendar time).
    auto calendars = std::make_shared<std::unordered_map<TicketId, const Calendar*>>();
    return [&store, &sla, calendars](TicketId id, Timestamp start, Timestamp end) -> Seconds {
        auto found = calendars->find(id);
        if (found == calendars->end()) {
            const Calendar* calendar = nullptr;
            if (const auto ticket = store.find_ticket(id)) {
                if (const SlaPolicy* policy = sla.policy_for(*ticket)) {
                    calendar = policy->calendar;
                }
            }
            found = calendars->emplace(id, calendar).first;
        }
        return found->second != nullptr ? found->second->between(start, end) : std::max<Seconds>(end - start, 0);
    };
}

}  // namespace tkt
