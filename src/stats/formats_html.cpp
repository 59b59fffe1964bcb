// A report as one self-contained HTML page: inline CSS and SVG charts, no scripts and
// no network resources, so that it can be mailed or opened from cron's output folder.
#include "core/text.hpp"
#include "stats/formats.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <limits>

namespace tkt {
namespace {

constexpr int k_width = 720;
constexpr int k_height = 220;
constexpr int k_left = 48;    // room for the value axis
constexpr int k_bottom = 40;  // room for the labels
constexpr int k_top = 16;
constexpr std::string_view k_blue = "#3b6ea8";
constexpr std::string_view k_green = "#4c9a52";
constexpr std::string_view k_orange = "#d08a2c";

struct Series {
    std::string name;
    std::string_view color;
    std::vector<double> values;
};

double largest(const std::vector<Series>& series) {
    double top = 0;
    for (const auto& one : series) {
        for (const double value : one.values) {
            top = std::max(top, value);
        }
    }
    return top > 0 ? top : 1;
}

std::string legend(const std::vector<Series>& series) {
    std::string out = "<p class=\"legend\">";
    for (const auto& one : series) {
        out += fmt::format("<span><i style=\"background:{}\"></i>{}</span>", one.color, escape_html(one.name));
    }
    return out + "</p>";
}

std::string chart_start(std::string_view title, double top) {
    std::string out = fmt::format(
        "<figure><figcaption>{}</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
        "role=\"img\" aria-label=\"{}\">",
        escape_html(title), k_width, k_height, escape_html(title));
    const int plot = k_height - k_top - k_bottom;
    for (int step = 0; step <= 4; ++step) {
        const double y = k_top + plot - plot * step / 4.0;
        out += fmt::format("<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" class=\"grid\"/>"
                           "<text x=\"{}\" y=\"{:.1f}\" class=\"axis\" text-anchor=\"end\">{}</text>",
                           k_left, k_width, y, y, k_left - 4, y + 4, fmt::format("{:.4g}", top * step / 4.0));
    }
    return out;
}

// Vertical bars, a cluster per label with one bar per series.
std::string bar_chart(std::string_view title, const std::vector<std::string>& labels,
                      const std::vector<Series>& series) {
    const double top = largest(series);
    std::string out = chart_start(title, top);
    const int plot = k_height - k_top - k_bottom;
    const double slot = labels.empty() ? 0 : static_cast<double>(k_width - k_left) / static_cast<double>(labels.size());
    const double bar = slot * 0.8 / static_cast<double>(std::max<std::size_t>(series.size(), 1));
    const std::size_t label_every = std::max<std::size_t>(1, labels.size() / 12);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const double x = k_left + slot * static_cast<double>(i) + slot * 0.1;
        for (std::size_t s = 0; s < series.size(); ++s) {
            const double value = series[s].values.at(i);
            const double h = plot * value / top;
            out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
                               "<title>{}: {} {:.6g}</title></rect>",
                               x + bar * static_cast<double>(s), k_top + plot - h, std::max(bar - 1, 0.5), h,
                               series[s].color, escape_html(labels[i]), escape_html(series[s].name), value);
        }
        if (i % label_every == 0) {
            out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"axis\" text-anchor=\"middle\">{}</text>",
                               x + slot * 0.4, k_height - k_bottom + 14, escape_html(labels[i]));
        }
    }
    return out + "</svg>" + legend(series) + "</figure>\n";
}

// A line through the values, for a level over time (the backlog).
std::string line_chart(std::string_view title, const std::vector<std::string>& labels, const Series& series) {
    const double top = largest({series});
    std::string out = chart_start(title, top);
    const int plot = k_height - k_top - k_bottom;
    // Inset by half a label at each end, so that the first and last labels fit.
    constexpr int k_inset = 36;
    const double step =
        labels.size() > 1 ? static_cast<double>(k_width - k_left - 2 * k_inset) / static_cast<double>(labels.size() - 1)
                          : 0;
    std::string points;
    const std::size_t label_every = std::max<std::size_t>(1, labels.size() / 12);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const double x = k_left + k_inset + step * static_cast<double>(i);
        const double y = k_top + plot - plot * series.values.at(i) / top;
        points += fmt::format("{:.1f},{:.1f} ", x, y);
        out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"><title>{}: {:.6g}</title></circle>",
                           x, y, series.color, escape_html(labels[i]), series.values.at(i));
        if (i % label_every == 0) {
            out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"axis\" text-anchor=\"middle\">{}</text>", x,
                               k_height - k_bottom + 14, escape_html(labels[i]));
        }
    }
    out +=
        fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>", points, series.color);
    return out + "</svg>" + legend({series}) + "</figure>\n";
}

std::vector<std::string> keys_of(const StatsReport& report) {
    std::vector<std::string> keys;
    for (const auto& group : report.groups) {
        keys.push_back(group.first);
    }
    return keys;
}

Series series_of(const StatsReport& report, std::string name, std::string_view color, double (*value)(const Metrics&)) {
    Series series{std::move(name), color, {}};
    for (const auto& group : report.groups) {
        series.values.push_back(value(group.second));
    }
    return series;
}

std::string first_reply_chart(const StatsReport& report) {
    constexpr std::array<std::pair<Seconds, std::string_view>, 8> k_bins{
        {{300, "≤5m"},
         {900, "5–15m"},
         {1800, "15–30m"},
         {3600, "30m–1h"},
         {4 * 3600, "1–4h"},
         {8 * 3600, "4–8h"},
         {86400, "8–24h"},
         {std::numeric_limits<Seconds>::max(), ">24h"}}};
    std::vector<std::string> labels;
    Series counts{"tickets", k_blue, {}};
    for (const auto& [limit, label] : k_bins) {
        labels.emplace_back(label);
        counts.values.push_back(0);
    }
    for (const Seconds value : report.first_replies) {
        const auto bin = std::find_if(k_bins.begin(), k_bins.end(), [&](const auto& b) { return value <= b.first; });
        ++counts.values.at(static_cast<std::size_t>(bin - k_bins.begin()));
    }
    return bar_chart("First reply time (tickets created in the period)", labels, {counts});
}

std::string agents_chart(const StatsReport& report) {
    std::vector<std::string> labels;
    Series replies{"replies", k_blue, {}};
    Series solved{"solved", k_green, {}};
    for (const auto& agent : report.total.agents) {
        labels.push_back(agent.agent);
        replies.values.push_back(static_cast<double>(agent.replies));
        solved.values.push_back(static_cast<double>(agent.solved));
    }
    return bar_chart("Replies and tickets solved per agent", labels, {replies, solved});
}

std::string html_table(const TextTable& table) {
    std::string out = "<table><thead><tr>";
    for (const auto& cell : table.header) {
        out += fmt::format("<th>{}</th>", escape_html(cell));
    }
    out += "</tr></thead><tbody>";
    for (const auto& row : table.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string_view cell = i == 0 ? "th" : "td";
            out += fmt::format("<{}>{}</{}>", cell, escape_html(row[i]), cell);
        }
        out += "</tr>";
    }
    return out + "</tbody></table>\n";
}

std::optional<double> number_of(std::int64_t value) {
    return static_cast<double>(value);
}

std::string kpi(std::string_view label, std::optional<double> value, Unit unit) {
    return fmt::format("<div class=\"kpi\"><b>{}</b><span>{}</span></div>", escape_html(format_metric(value, unit)),
                       escape_html(label));
}

constexpr std::string_view k_style = R"css(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:2rem auto;max-width:60rem;color:#222;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}
.period{color:#666;margin-top:0}
.kpis{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}
.kpi{border:1px solid #ddd;border-radius:6px;padding:.6rem .9rem;min-width:8rem}
.kpi b{display:block;font-size:1.4rem}
.kpi span{color:#666;font-size:.85rem}
figure{margin:1.5rem 0}
figcaption{font-weight:600;margin-bottom:.3rem}
svg{width:100%;height:auto;background:#fcfcfc;border:1px solid #eee}
.grid{stroke:#e4e4e4}
.axis{font-size:10px;fill:#666}
.legend span{margin-right:1rem;font-size:.85rem}
.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
th,td{border-bottom:1px solid #eee;padding:.25rem .6rem;text-align:right}
th:first-child{text-align:left}
thead th{border-bottom:2px solid #ccc}
)css";

}  // namespace

std::string stats_html(const HtmlReport& report) {
    const StatsReport& main = report.main;
    const Metrics& total = main.total;
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n"
        "<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"period\">{} to {}{}</p>\n<div class=\"kpis\">",
        escape_html(report.title), k_style, escape_html(report.title), format_iso8601(main.period.since),
        format_iso8601(main.period.until), main.business_hours ? ", business hours" : "");
    out += kpi("created", number_of(total.created), Unit::count);
    out += kpi("solved", number_of(total.solved), Unit::count);
    out += kpi("backlog at the end", number_of(total.backlog), Unit::count);
    out +=
        kpi("first reply, median",
            total.first_reply.median ? std::optional<double>(*total.first_reply.median) : std::nullopt, Unit::seconds);
    out += kpi(fmt::format("answered within {}", format_metric(static_cast<double>(main.within), Unit::seconds)),
               total.within_share, Unit::share);
    out += kpi("first reply, p90", total.first_reply.p90 ? std::optional<double>(*total.first_reply.p90) : std::nullopt,
               Unit::seconds);
    out += kpi("escalation rate", total.escalation_rate, Unit::share);
    out += kpi("repeat contacts", total.repeat_contact_rate, Unit::share);
    out += kpi("CSAT good", total.share_good, Unit::share);
    out += kpi(fmt::format("CSAT average of {}", total.rated), total.csat_average, Unit::rate);
    out += kpi("SLA breaches",
               number_of(total.breached_first_reply + total.breached_next_reply + total.breached_resolve), Unit::count);
    out += "</div>\n";
    const auto days = keys_of(report.by_day);
    out += bar_chart(
        "Volume per day", days,
        {series_of(report.by_day, "created", k_blue, [](const Metrics& m) { return static_cast<double>(m.created); }),
         series_of(report.by_day, "solved", k_green, [](const Metrics& m) { return static_cast<double>(m.solved); })});
    out += first_reply_chart(main);
    out += line_chart("Backlog at the end of each day", days,
                      series_of(report.by_day, "open tickets", k_orange,
                                [](const Metrics& m) { return static_cast<double>(m.backlog); }));
    out += bar_chart(
        "Tickets per queue", keys_of(report.by_queue),
        {series_of(report.by_queue, "created", k_blue, [](const Metrics& m) { return static_cast<double>(m.created); }),
         series_of(report.by_queue, "solved", k_green, [](const Metrics& m) { return static_cast<double>(m.solved); }),
         series_of(report.by_queue, "backlog", k_orange,
                   [](const Metrics& m) { return static_cast<double>(m.backlog); })});
    out += agents_chart(report.by_agent);
    out += "<h2>Metrics</h2>\n" + html_table(metrics_table(main));
    if (!total.agents.empty()) {
        out += "<h2>Agents</h2>\n" + html_table(agents_table(main));
    }
    out += "<p class=\"period\">Percentiles are nearest-rank; durations in " +
           std::string(main.business_hours ? "working time of each ticket's SLA calendar" : "calendar time") +
           ". Generated by tkt stats.</p>\n</body>\n</html>\n";
    return out;
}

}  // namespace tkt
