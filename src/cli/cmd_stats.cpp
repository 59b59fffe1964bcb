#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "stats/formats.hpp"
#include "stats/metrics.hpp"

#include <array>
#include <fmt/format.h>
#include <sstream>

namespace tkt::cli {
namespace {

constexpr std::array<std::string_view, 6> k_formats{"table", "json", "csv", "markdown", "prometheus", "html"};

struct StatsCommandOptions {
    std::optional<std::string> since;
    std::optional<std::string> until;
    std::string by = "none";
    std::string where;
    std::string within = "1h";
    bool business_hours = false;
    std::string format = "table";
    std::optional<std::string> output;
};

StatsGroup group_option(std::string_view name) {
    if (name == "none") {
        return StatsGroup::none;
    }
    if (const auto group = parse_stats_group(name)) {
        return *group;
    }
    const auto names = stats_group_names();
    throw usage_error(
        fmt::format("--by '{}': expected one of {}{}", name, fmt::join(names, ", "), did_you_mean(name, names)));
}

void check_format(std::string_view format) {
    if (std::find(k_formats.begin(), k_formats.end(), format) != k_formats.end()) {
        return;
    }
    throw usage_error(fmt::format("--format '{}': expected one of {}{}", format, fmt::join(k_formats, ", "),
                                  did_you_mean(format, k_formats)));
}

StatsOptions report_options(const StatsCommandOptions& options, Context& context) {
    StatsOptions report;
    report.now = context.now();
    report.period = parse_period(options.since, options.until, report.now);
    report.by = group_option(options.by);
    const auto within = parse_duration(options.within);
    if (!within || *within <= 0) {
        throw usage_error(fmt::format("--within '{}': expected a duration such as 30s, 15m or 1h", options.within));
    }
    report.within = *within;
    report.business_hours = options.business_hours;
    report.repeat_window = context.config().repeat_window;
    if (!options.where.empty()) {
        FilterContext relative_to = context.filter_context();
        relative_to.now = report.now;
        report.where = parse_filter(filter_words(options.where), relative_to);
        if (report.where.has_sla_terms()) {
            throw usage_error(fmt::format("--where '{}': breaching and due are judged at one moment, not over a "
                                          "period; use sla_breaches in the report",
                                          options.where));
        }
    }
    return report;
}

// Prints `table` aligned, under the terminal's own `header` words.
void print_text_table(std::ostream& out, const Terminal& terminal, const std::vector<std::string>& header,
                      const TextTable& table) {
    std::vector<std::vector<Cell>> rows;
    for (const auto& row : table.rows) {
        rows.emplace_back(row.begin(), row.end());
    }
    print_table(out, terminal, header, rows);
}

void print_report_table(std::ostream& out, const StatsReport& report, const Terminal& terminal) {
    out << fmt::format("Support metrics, {} to {}{}\n", format_local_time(report.period.since),
                       format_local_time(report.period.until), report.business_hours ? " (business hours)" : "");
    const TextTable metrics = metrics_table(report);
    std::vector<std::string> header{"METRIC", "TOTAL"};
    header.insert(header.end(), metrics.header.begin() + 2, metrics.header.end());
    print_text_table(out, terminal, header, metrics);
    if (!report.total.agents.empty()) {
        out << '\n';
        print_text_table(
            out, terminal,
            {"AGENT", "REPLIES", "BULK", "SOLVED", "HOURS", "SOLVED/H", "REPLIES/H", "RATED", "CSAT", "GOOD"},
            agents_table(report));
    }
}

std::string render(const StatsCommandOptions& options, const StatsOptions& report_options, const StatsFacts& facts,
                   const DurationMeasure& measure, const FirstReplyTarget& target, const Terminal& terminal) {
    const StatsReport report = aggregate_stats(facts, report_options, report_options.by, measure, target);
    if (options.format == "json") {
        return stats_json(report).dump(2) + "\n";
    }
    if (options.format == "csv") {
        return stats_csv(report);
    }
    if (options.format == "markdown") {
        return stats_markdown(report);
    }
    if (options.format == "prometheus") {
        return stats_prometheus(report);
    }
    if (options.format == "html") {
        const StatsReport by_day = aggregate_stats(facts, report_options, StatsGroup::day, measure, target);
        const StatsReport by_queue = aggregate_stats(facts, report_options, StatsGroup::queue, measure, target);
        const StatsReport by_agent = aggregate_stats(facts, report_options, StatsGroup::agent, measure, target);
        return stats_html({report, by_day, by_queue, by_agent, "Support metrics"});
    }
    std::ostringstream out;
    print_report_table(out, report, terminal);
    return out.str();
}

void run_stats(const StatsCommandOptions& options, Context& context) {
    check_format(options.format);
    const StatsOptions report = report_options(options, context);
    Store& store = context.existing_store();
    // The HTML page also shows the facts by day, queue and agent.
    std::vector<StatsGroup> groups{report.by};
    if (options.format == "html") {
        groups.insert(groups.end(), {StatsGroup::day, StatsGroup::queue, StatsGroup::agent});
    }
    const StatsFacts facts = gather_stats(store, report, groups);
    const DurationMeasure measure =
        report.business_hours ? business_hours_measure(store, context.sla()) : calendar_measure();
    // Each ticket's first reply against its own policy's target, as the SLA counts it. A
    // broken sla.toml does not stop a nightly report: it goes without that judgement,
    // and says why.
    FirstReplyTarget target;
    try {
        target = sla_first_reply_target(store, context.sla());
    } catch (const Error& error) {
        if (error.code() != Exit::config) {
            throw;
        }
        context.err() << "tkt: warning: " << error.what() << " (first replies are not judged against SLA targets)\n";
    }
    // A file gets no colour, whatever stdout is.
    const Terminal terminal = options.output ? Terminal{} : context.terminal();
    const std::string text = render(options, report, facts, measure, target, terminal);
    if (options.output) {
        write_file_atomically(*options.output, text);
    } else {
        context.out() << text;
    }
}

}  // namespace

void declare_stats(CLI::App& command, Context& context) {
    auto options = std::make_shared<StatsCommandOptions>();
    command
        .add_option("--since", options->since,
                    "Start of the period: a date, a date-time, today, yesterday, this-week, last-week, this-month, "
                    "last-month or 7d (default: 24h ago)")
        ->type_name("WHEN");
    command
        .add_option("--until", options->until,
                    "End of the period, excluded (default: now; after --since "
                    "yesterday: today's midnight)")
        ->type_name("WHEN");
    command
        .add_option("--by", options->by,
                    "Group by queue, line, agent, channel, priority, hour, day, week (ISO, from Monday), month, tag or "
                    "customer")
        ->type_name("GROUP");
    command.add_option("--where", options->where, "Only tickets matching the filter (as for list)")
        ->type_name("FILTER");
    command.add_option("--within", options->within, "First-reply threshold for the within share (default 1h)")
        ->type_name("DURATION");
    command.add_flag("--business-hours", options->business_hours,
                     "Measure durations in working time of each ticket's SLA calendar");
    command.add_option("--format", options->format, "table, json, csv, markdown, prometheus or html")
        ->type_name("FORMAT");
    command.add_option("--output", options->output, "Write to FILE atomically (temporary file, then rename)")
        ->type_name("FILE");
    command.callback([options, &context] { run_stats(*options, context); });
}

}  // namespace tkt::cli
