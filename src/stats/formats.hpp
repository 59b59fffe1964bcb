// A report's forms: JSON (DESIGN.md 8's shape), CSV, Markdown, Prometheus text
// exposition and a self-contained HTML page. The forms for machines and people read the
// same Metrics through one list of fields (src/stats/formats.cpp), so the numbers are
// the same in each.
#pragma once

#include "stats/metrics.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

enum class Unit { count, seconds, share, hours, rate };

// Returns an agent's value of one of the agent fields (replies, solved, hours,
// per_hour, replies_per_hour).
std::optional<double> agent_value(std::string_view path, const AgentLoad& agent);

// Returns `value` of `unit` for people: "42", "1h 35m", "74.4%", "8.00"; "-" for none.
std::string format_metric(std::optional<double> value, Unit unit);

// A report laid out for people, every value formatted: the header and the rows.
struct TextTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

// Returns the metrics with a row per field: its label, the total, then each group.
TextTable metrics_table(const StatsReport& report);

// Returns the total's agents with a row per agent and a column per agent field.
TextTable agents_table(const StatsReport& report);

// Returns the report as JSON, in DESIGN.md 8's shape (durations in seconds, shares in
// 0..1, null for a metric without data).
nlohmann::ordered_json stats_json(const StatsReport& report);

// Returns the report as CSV, one value a row: by,group,agent,metric,value (group "" is
// the total; agent "" a group's own metric).
std::string stats_csv(const StatsReport& report);

// Returns the report as Markdown tables: the metrics (a column per group) and the agents.
std::string stats_markdown(const StatsReport& report);

// Returns the report in the Prometheus text exposition format (version 0.0.4), for
// node_exporter's textfile collector: HELP and TYPE for each family, no timestamps.
std::string stats_prometheus(const StatsReport& report);

// What the HTML page shows: the report asked for and the same facts by day, by queue
// and by agent, for its charts.
struct HtmlReport {
    const StatsReport& main;
    const StatsReport& by_day;
    const StatsReport& by_queue;
    const StatsReport& by_agent;
    std::string title;
};

// Returns one self-contained HTML page: no scripts, no network resources, inline SVG
// charts of volume per day, the first-reply distribution, the backlog, and per-queue
// and per-agent bars, then the tables.
std::string stats_html(const HtmlReport& report);

}  // namespace tkt
