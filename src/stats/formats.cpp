// The metric list every form reads, and the JSON, CSV and Markdown forms.
#include "stats/formats.hpp"

#include "core/text.hpp"

#include <array>
#include <cmath>
#include <fmt/format.h>

namespace tkt {
namespace {

// One metric as every form shows it: its JSON path ("first_reply.median"), its label
// for people, its unit and its value in a Metrics (nullopt: no data).
struct MetricField {
    std::string_view path;
    std::string_view label;
    Unit unit = Unit::count;
    std::optional<double> (*value)(const Metrics&, const StatsReport&) = nullptr;
};

std::optional<double> number(std::int64_t value) {
    return static_cast<double>(value);
}

std::optional<double> number(const std::optional<Seconds>& value) {
    return value ? std::optional(static_cast<double>(*value)) : std::nullopt;
}

const std::optional<double>& number(const std::optional<double>& value) {
    return value;
}

// A field whose value is `expression` over Metrics `m` (and StatsReport `r`).
#define TKT_FIELD(path, label, unit, expression)                                                                       \
    MetricField {                                                                                                      \
        path, label, unit, [](const Metrics& m, const StatsReport& r) -> std::optional<double> {                       \
            (void)r;                                                                                                   \
            (void)m;                                                                                                   \
            return number(expression);                                                                                 \
        }                                                                                                              \
    }

const std::array k_fields{
    TKT_FIELD("created", "Tickets created", Unit::count, m.created),
    TKT_FIELD("solved", "Tickets solved", Unit::count, m.solved),
    TKT_FIELD("reopened", "Tickets reopened", Unit::count, m.reopened),
    TKT_FIELD("backlog", "Backlog at the end", Unit::count, m.backlog),
    TKT_FIELD("first_reply.count", "First replies", Unit::count, m.first_reply.count),
    TKT_FIELD("first_reply.median", "First reply, median", Unit::seconds, m.first_reply.median),
    TKT_FIELD("first_reply.p90", "First reply, p90", Unit::seconds, m.first_reply.p90),
    TKT_FIELD("first_reply.mean", "First reply, mean", Unit::seconds, m.first_reply.mean),
    TKT_FIELD("first_reply.within.threshold", "First reply threshold", Unit::seconds, std::int64_t{r.within}),
    TKT_FIELD("first_reply.within.share", "First reply within threshold", Unit::share, m.within_share),
    TKT_FIELD("first_reply.within_target.judged", "First replies judged by SLA target", Unit::count,
              m.within_target_judged),
    TKT_FIELD("first_reply.within_target.share", "First reply within SLA target", Unit::share, m.within_target_share),
    TKT_FIELD("reply_time.count", "Replies timed", Unit::count, m.reply_time.count),
    TKT_FIELD("reply_time.median", "Reply time, median", Unit::seconds, m.reply_time.median),
    TKT_FIELD("reply_time.p90", "Reply time, p90", Unit::seconds, m.reply_time.p90),
    TKT_FIELD("resolution.count", "Resolutions", Unit::count, m.resolution.count),
    TKT_FIELD("resolution.median", "Resolution, median", Unit::seconds, m.resolution.median),
    TKT_FIELD("resolution.p90", "Resolution, p90", Unit::seconds, m.resolution.p90),
    TKT_FIELD("escalated", "Escalated", Unit::count, m.escalated),
    TKT_FIELD("escalation_rate", "Escalation rate", Unit::share, m.escalation_rate),
    TKT_FIELD("escalations_received", "Escalations received", Unit::count, m.escalations_received),
    TKT_FIELD("repeat_contacts", "Repeat contacts", Unit::count, m.repeat_contacts),
    TKT_FIELD("repeat_contact_rate", "Repeat contact rate", Unit::share, m.repeat_contact_rate),
    TKT_FIELD("one_touch", "One-touch tickets", Unit::count, m.one_touch),
    TKT_FIELD("one_touch_rate", "One-touch rate", Unit::share, m.one_touch_rate),
    TKT_FIELD("csat.rated", "CSAT, rated", Unit::count, m.rated),
    TKT_FIELD("csat.good", "CSAT, good (4-5)", Unit::count, m.good),
    TKT_FIELD("csat.share_good", "CSAT, share good", Unit::share, m.share_good),
    TKT_FIELD("csat.average", "CSAT, average (1-5)", Unit::rate, m.csat_average),
    TKT_FIELD("sla_breaches.first_reply", "SLA breached: first reply", Unit::count, m.breached_first_reply),
    TKT_FIELD("sla_breaches.next_reply", "SLA breached: next reply", Unit::count, m.breached_next_reply),
    TKT_FIELD("sla_breaches.resolve", "SLA breached: resolve", Unit::count, m.breached_resolve),
};

#undef TKT_FIELD

const std::array k_agent_fields{
    MetricField{"replies", "Replies", Unit::count, nullptr},
    MetricField{"bulk_replies", "Bulk replies", Unit::count, nullptr},
    MetricField{"solved", "Solved", Unit::count, nullptr},
    MetricField{"hours", "Active hours", Unit::hours, nullptr},
    MetricField{"per_hour", "Solved per hour", Unit::rate, nullptr},
    MetricField{"replies_per_hour", "Replies per hour", Unit::rate, nullptr},
    MetricField{"rated", "Rated", Unit::count, nullptr},
    MetricField{"csat_average", "CSAT average", Unit::rate, nullptr},
    MetricField{"share_good", "CSAT good", Unit::share, nullptr},
};

// A JSON number: a whole number for counts and whole seconds, else a real.
nlohmann::ordered_json json_value(std::optional<double> value, Unit unit) {
    if (!value) {
        return nullptr;
    }
    if ((unit == Unit::count || unit == Unit::seconds) && std::floor(*value) == *value) {
        return static_cast<std::int64_t>(*value);
    }
    return *value;
}

nlohmann::ordered_json agents_json(const Metrics& metrics) {
    auto agents = nlohmann::ordered_json::array();
    for (const auto& agent : metrics.agents) {
        nlohmann::ordered_json entry{{"agent", agent.agent}};
        for (const auto& field : k_agent_fields) {
            entry[std::string(field.path)] = json_value(agent_value(field.path, agent), field.unit);
        }
        agents.push_back(std::move(entry));
    }
    return agents;
}

nlohmann::ordered_json metrics_json(const Metrics& metrics, const StatsReport& report) {
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    for (const auto& field : k_fields) {
        nlohmann::ordered_json* node = &json;
        std::string_view path = field.path;
        for (auto dot = path.find('.'); dot != std::string_view::npos; dot = path.find('.')) {
            node = &(*node)[std::string(path.substr(0, dot))];
            path.remove_prefix(dot + 1);
        }
        (*node)[std::string(path)] = json_value(field.value(metrics, report), field.unit);
    }
    json["agents"] = agents_json(metrics);
    return json;
}

std::string csv_number(std::optional<double> value, Unit unit) {
    return value ? json_value(value, unit).dump() : std::string();
}

void csv_rows(std::string& out, const StatsReport& report, std::string_view group, const Metrics& metrics) {
    const std::string by(report.by == StatsGroup::none ? std::string_view() : to_string(report.by));
    for (const auto& field : k_fields) {
        out += fmt::format("{},{},,{},{}\n", by, csv_field(group), field.path,
                           csv_number(field.value(metrics, report), field.unit));
    }
    for (const auto& agent : metrics.agents) {
        for (const auto& field : k_agent_fields) {
            out += fmt::format("{},{},{},{},{}\n", by, csv_field(group), csv_field(agent.agent), field.path,
                               csv_number(agent_value(field.path, agent), field.unit));
        }
    }
}

std::string markdown_cell(std::string_view text) {
    std::string cell;
    for (const char c : text) {
        cell += c == '|' ? std::string("\\|") : std::string(1, c == '\n' ? ' ' : c);
    }
    return cell;
}

void markdown_table(std::string& out, const TextTable& table) {
    const auto line = [&](const std::vector<std::string>& cells) {
        out += "|";
        for (const auto& cell : cells) {
            out += fmt::format(" {} |", markdown_cell(cell));
        }
        out += "\n";
    };
    line(table.header);
    out += "|";
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        out += i == 0 ? " --- |" : " ---: |";
    }
    out += "\n";
    for (const auto& row : table.rows) {
        line(row);
    }
}

}  // namespace

std::optional<double> agent_value(std::string_view path, const AgentLoad& agent) {
    if (path == "replies") {
        return static_cast<double>(agent.replies);
    }
    if (path == "bulk_replies") {
        return static_cast<double>(agent.bulk_replies);
    }
    if (path == "solved") {
        return static_cast<double>(agent.solved);
    }
    if (path == "hours") {
        return agent.hours;
    }
    if (path == "rated") {
        return static_cast<double>(agent.rated);
    }
    if (path == "csat_average") {
        return agent.csat_average;
    }
    if (path == "share_good") {
        return agent.share_good;
    }
    return path == "per_hour" ? agent.per_hour : agent.replies_per_hour;
}

std::string format_metric(std::optional<double> value, Unit unit) {
    if (!value) {
        return "-";
    }
    switch (unit) {
    case Unit::count: return fmt::format("{}", static_cast<std::int64_t>(*value));
    case Unit::share: return fmt::format("{:.1f}%", *value * 100);
    case Unit::hours:
    case Unit::rate: return fmt::format("{:.2f}", *value);
    case Unit::seconds: break;
    }
    if (*value < 60) {
        return std::floor(*value) == *value ? fmt::format("{}s", static_cast<std::int64_t>(*value))
                                            : fmt::format("{:.1f}s", *value);
    }
    auto rest = static_cast<std::int64_t>(std::llround(*value));
    std::string text;
    for (const auto& [size, unit_name] :
         {std::pair<std::int64_t, char>{86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}}) {
        if (rest >= size) {
            text += fmt::format("{}{}{}", text.empty() ? "" : " ", rest / size, unit_name);
            rest %= size;
        }
    }
    return text;
}

nlohmann::ordered_json stats_json(const StatsReport& report) {
    nlohmann::ordered_json json{
        {"period", {{"since", format_iso8601(report.period.since)}, {"until", format_iso8601(report.period.until)}}},
        {"by", report.by == StatsGroup::none ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(to_string(report.by))},
        {"business_hours", report.business_hours},
        {"total", metrics_json(report.total, report)},
    };
    auto groups = nlohmann::ordered_json::array();
    for (const auto& [key, metrics] : report.groups) {
        groups.push_back({{"key", key}, {"metrics", metrics_json(metrics, report)}});
    }
    json["groups"] = std::move(groups);
    return json;
}

std::string stats_csv(const StatsReport& report) {
    std::string out = "by,group,agent,metric,value\n";
    csv_rows(out, report, "", report.total);
    for (const auto& [key, metrics] : report.groups) {
        csv_rows(out, report, key, metrics);
    }
    return out;
}

TextTable metrics_table(const StatsReport& report) {
    TextTable table{{"Metric", "Total"}, {}};
    for (const auto& group : report.groups) {
        table.header.push_back(group.first);
    }
    for (const auto& field : k_fields) {
        std::vector<std::string> row{std::string(field.label),
                                     format_metric(field.value(report.total, report), field.unit)};
        for (const auto& group : report.groups) {
            row.push_back(format_metric(field.value(group.second, report), field.unit));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

TextTable agents_table(const StatsReport& report) {
    TextTable table{{"Agent"}, {}};
    for (const auto& field : k_agent_fields) {
        table.header.emplace_back(field.label);
    }
    for (const auto& agent : report.total.agents) {
        std::vector<std::string> row{agent.agent};
        for (const auto& field : k_agent_fields) {
            row.push_back(format_metric(agent_value(field.path, agent), field.unit));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

std::string stats_markdown(const StatsReport& report) {
    std::string out =
        fmt::format("## Support metrics, {} to {}{}\n\n", format_iso8601(report.period.since),
                    format_iso8601(report.period.until), report.business_hours ? " (business hours)" : "");
    markdown_table(out, metrics_table(report));
    if (!report.total.agents.empty()) {
        out += "\n";
        markdown_table(out, agents_table(report));
    }
    return out;
}

}  // namespace tkt
