// The Prometheus text exposition format (0.0.4) of a report, for node_exporter's
// textfile collector: every family once, HELP and TYPE first, its samples together,
// the total without a group label and each group with one, no timestamps.
#include "stats/formats.hpp"

#include <cmath>
#include <fmt/format.h>

namespace tkt {
namespace {

std::string label_value(std::string_view text) {
    std::string escaped;
    for (const char c : text) {
        switch (c) {
        case '\\': escaped += "\\\\"; break;
        case '"': escaped += "\\\""; break;
        case '\n': escaped += "\\n"; break;
        default: escaped += c;
        }
    }
    return escaped;
}

std::string sample_value(std::optional<double> value) {
    if (!value || std::isnan(*value)) {
        return "NaN";
    }
    if (std::floor(*value) == *value && std::fabs(*value) < 1e15) {
        return fmt::format("{}", static_cast<std::int64_t>(*value));
    }
    return fmt::format("{}", *value);
}

// Label sets as written between braces: "" for none, else `name="value",...`. A pair
// with no value is left out: the total has no group label.
std::string labels(std::initializer_list<std::pair<std::string_view, std::string_view>> pairs) {
    std::string text;
    for (const auto& [name, value] : pairs) {
        if (!name.empty() && !value.empty()) {
            text += fmt::format("{}{}=\"{}\"", text.empty() ? "" : ",", name, label_value(value));
        }
    }
    return text;
}

class Exposition {
public:
    explicit Exposition(const StatsReport& report)
        : m_report(report), m_group(report.by == StatsGroup::none ? std::string_view() : to_string(report.by)) {}

    // A gauge family with the total and each group's value.
    void gauge(std::string_view name, std::string_view help, std::optional<double> (*value)(const Metrics&)) {
        header(name, help, "gauge");
        each_metrics([&](const Metrics& metrics, std::string_view key) {
            sample(name, labels({{m_group, key}}), value(metrics));
        });
    }

    // A summary family of a duration: median and p90 as quantiles, _sum and _count.
    void summary(std::string_view name, std::string_view help, const DurationStats& (*value)(const Metrics&)) {
        header(name, help, "summary");
        each_metrics([&](const Metrics& metrics, std::string_view key) {
            const DurationStats& stats = value(metrics);
            const auto quantile = [&](std::string_view q, const std::optional<Seconds>& v) {
                sample(name, labels({{m_group, key}, {"quantile", q}}),
                       v ? std::optional(static_cast<double>(*v)) : std::nullopt);
            };
            quantile("0.5", stats.median);
            quantile("0.9", stats.p90);
            sample(fmt::format("{}_sum", name), labels({{m_group, key}}), stats.sum);
            sample(fmt::format("{}_count", name), labels({{m_group, key}}), static_cast<double>(stats.count));
        });
    }

    // A gauge per SLA target.
    void breaches() {
        header("tkt_sla_breached_tickets", "Tickets whose SLA target was due in the period and missed.", "gauge");
        each_metrics([&](const Metrics& metrics, std::string_view key) {
            const std::pair<std::string_view, std::int64_t> targets[] = {{"first_reply", metrics.breached_first_reply},
                                                                         {"next_reply", metrics.breached_next_reply},
                                                                         {"resolve", metrics.breached_resolve}};
            for (const auto& [target, count] : targets) {
                sample("tkt_sla_breached_tickets", labels({{m_group, key}, {"target", target}}),
                       static_cast<double>(count));
            }
        });
    }

    // A gauge per agent. Groups by agent already are agents: only the total lists them.
    void agents(std::string_view field, std::string_view name, std::string_view help) {
        header(name, help, "gauge");
        each_metrics([&](const Metrics& metrics, std::string_view key) {
            if (!key.empty() && m_report.by == StatsGroup::agent) {
                return;
            }
            for (const auto& agent : metrics.agents) {
                sample(name, labels({{m_group, key}, {"agent", agent.agent}}), agent_value(field, agent));
            }
        });
    }

    void constant(std::string_view name, std::string_view help, double value) {
        header(name, help, "gauge");
        sample(name, "", value);
    }

    std::string take() { return std::move(m_text); }

private:
    template <class Write> void each_metrics(Write write) {
        write(m_report.total, std::string_view());
        for (const auto& [key, metrics] : m_report.groups) {
            write(metrics, key);
        }
    }

    void header(std::string_view name, std::string_view help, std::string_view type) {
        m_text += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
    }

    void sample(std::string_view name, const std::string& label_text, std::optional<double> value) {
        m_text += fmt::format("{}{}{}{} {}\n", name, label_text.empty() ? "" : "{", label_text,
                              label_text.empty() ? "" : "}", sample_value(value));
    }

    const StatsReport& m_report;
    std::string_view m_group;
    std::string m_text;
};

std::optional<double> count(std::int64_t value) {
    return static_cast<double>(value);
}

}  // namespace

std::string stats_prometheus(const StatsReport& report) {
    Exposition out(report);
    out.constant("tkt_report_period_start_timestamp_seconds", "Start of the report's period (Unix time).",
                 static_cast<double>(report.period.since));
    out.constant("tkt_report_period_end_timestamp_seconds", "End of the report's period (Unix time, exclusive).",
                 static_cast<double>(report.period.until));
    out.gauge("tkt_tickets_created", "Tickets created in the period.",
              [](const Metrics& m) { return count(m.created); });
    out.gauge("tkt_tickets_solved", "Tickets first solved or closed in the period.",
              [](const Metrics& m) { return count(m.solved); });
    out.gauge("tkt_tickets_reopened", "Tickets reopened in the period.",
              [](const Metrics& m) { return count(m.reopened); });
    out.gauge("tkt_tickets_backlog", "Tickets open (new, open, pending) at the end of the period.",
              [](const Metrics& m) { return count(m.backlog); });
    out.summary("tkt_first_reply_seconds",
                "Time from a ticket's creation to its first reply, tickets created in the period.",
                [](const Metrics& m) -> const DurationStats& { return m.first_reply; });
    out.constant("tkt_first_reply_threshold_seconds", "The first-reply threshold of tkt_first_reply_within_ratio.",
                 static_cast<double>(report.within));
    out.gauge("tkt_first_reply_within_ratio", "Share of tickets created in the period answered within the threshold.",
              [](const Metrics& m) { return m.within_share; });
    out.summary("tkt_reply_time_seconds",
                "Time from a customer's oldest unanswered message to the reply, replies in the period.",
                [](const Metrics& m) -> const DurationStats& { return m.reply_time; });
    out.summary("tkt_resolution_seconds", "Time from creation to first solved or closed, tickets solved in the period.",
                [](const Metrics& m) -> const DurationStats& { return m.resolution; });
    out.gauge("tkt_tickets_escalated", "Tickets created in the period and escalated to a higher line.",
              [](const Metrics& m) { return count(m.escalated); });
    out.gauge("tkt_escalation_ratio", "Escalated over created.", [](const Metrics& m) { return m.escalation_rate; });
    out.gauge("tkt_tickets_repeat_contacts",
              "Tickets created in the period whose requester had opened another shortly before.",
              [](const Metrics& m) { return count(m.repeat_contacts); });
    out.gauge("tkt_repeat_contact_ratio", "Repeat contacts over created.",
              [](const Metrics& m) { return m.repeat_contact_rate; });
    out.gauge("tkt_tickets_one_touch", "Tickets solved in the period with exactly one reply.",
              [](const Metrics& m) { return count(m.one_touch); });
    out.gauge("tkt_one_touch_ratio", "One-touch over solved.", [](const Metrics& m) { return m.one_touch_rate; });
    out.gauge("tkt_csat_rated_tickets", "Tickets rated in the period.",
              [](const Metrics& m) { return count(m.rated); });
    out.gauge("tkt_csat_good_tickets", "Tickets rated 4 or 5 in the period.",
              [](const Metrics& m) { return count(m.good); });
    out.gauge("tkt_csat_good_ratio", "Good ratings over ratings.", [](const Metrics& m) { return m.share_good; });
    out.gauge("tkt_first_reply_within_target_ratio",
              "First replies within the first-reply target of each ticket's SLA policy, over those judged.",
              [](const Metrics& m) { return m.within_target_share; });
    out.gauge("tkt_csat_average_score", "The mean rating, from 1 to 5.",
              [](const Metrics& m) { return m.csat_average; });
    out.breaches();
    out.agents("replies", "tkt_agent_replies", "Replies an agent sent in the period, one ticket at a time.");
    out.agents("bulk_replies", "tkt_agent_bulk_replies",
               "Replies an agent sent in the period as part of a reply to many tickets at once.");
    out.agents("solved", "tkt_agent_solved_tickets", "Tickets an agent owned that were solved in the period.");
    out.agents("hours", "tkt_agent_active_hours", "15-minute slots with any recorded work, in hours.");
    out.agents("per_hour", "tkt_agent_solved_per_active_hour", "Solved tickets per active hour.");
    out.agents("rated", "tkt_agent_rated_tickets",
               "Tickets rated in the period whose rating is credited to the agent (the last to reply before the "
               "solve).");
    out.agents("csat_average", "tkt_agent_csat_average_score", "The mean of the ratings credited to the agent.");
    return out.take();
}

}  // namespace tkt
