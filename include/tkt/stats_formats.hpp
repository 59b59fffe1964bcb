// A report's forms: JSON (DESIGN.md 8's shape), CSV, Markdown, Prometheus text
// exposition and a self-contained HTML page. Every form reads the same Metrics through
// one list of fields, so the numbers are the same in each.
#pragma once

#include "tkt/stats.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

enum class Unit { count, seconds, share, hours, rate };

// One metric as every form shows it: its JSON path ("first_reply.median"), its label
// for people, its unit and its value in a Metrics (nullopt: no data).
struct MetricField {
    std::string_view path;
    std::string_view label;
    Unit unit = Unit::count;
    std::optional<double> (*value)(const Metrics&, const StatsReport&) = nullptr;
};

// Returns the metrics of a report in the order every form lists them.
std::span<const MetricField> metric_fields();

// The agent columns: replies, solved, hours, per_hour, replies_per_hour.
std::span<const MetricField> agent_fields();
std::optional<double> agent_value(std::string_view path, const AgentLoad& agent);

// Returns `value` of `unit` for people: "42", "1h 35m", "74.4%", "8.00"; "-" for none.
std::string format_metric(std::optional<double> value, Unit unit);

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
