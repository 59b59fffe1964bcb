#include "cli/output.hpp"

#include "core/text.hpp"

#include <ctime>
#include <fmt/format.h>

namespace tkt::cli {
namespace {

std::string_view ansi_code(Style style) {
    switch (style) {
    case Style::bold: return "1";
    case Style::dim: return "2";
    case Style::red: return "31";
    case Style::bold_red: return "1;31";
    case Style::green: return "32";
    case Style::yellow: return "33";
    case Style::cyan: return "36";
    case Style::none: break;
    }
    return "";
}

// The narrowest the last column (a subject, a description, a detail) gets before other
// columns give up width: a quarter of the line, and never fewer than 10 columns, which
// say too little to be worth a row. It is what a person reads a table for.
constexpr std::size_t k_last_share = 4;
constexpr std::size_t k_min_last_width = 10;

// The narrowest any column gets before every column must give: a status, a priority,
// an id or an age is that short, and cut it says nothing.
constexpr std::size_t k_min_column_width = 8;

// Narrows the widest of `widths` that is above its floor in `floors`, one column at a
// time, until they sum to at most `room`; stops when every width is at its floor.
void narrow_widest(std::vector<std::size_t>& widths, const std::vector<std::size_t>& floors, std::size_t room) {
    std::size_t total = 0;
    for (const std::size_t width : widths) {
        total += width;
    }
    while (total > room) {
        std::optional<std::size_t> widest;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            if (widths[c] > floors[c] && (!widest || widths[c] >= widths[*widest])) {
                widest = c;
            }
        }
        if (!widest) {
            return;
        }
        --widths[*widest];
        --total;
    }
}

// Narrows the column `widths` of a table under `header` so that its lines, two spaces
// between columns, fit in `line_width` columns: first the last column (down to a
// k_last_share of the line), then the widest columns (down to k_min_column_width or
// their title), then any, down to one column each, so that no line wraps on the
// terminal.
void fit_columns(std::vector<std::size_t>& widths, const std::vector<std::string>& header, std::size_t line_width) {
    const std::size_t gaps = 2 * (widths.size() - 1);
    const std::size_t room = line_width > gaps ? line_width - gaps : 0;
    std::vector<std::size_t> floors = widths;
    floors.back() =
        std::min(widths.back(), std::max({line_width / k_last_share, k_min_last_width, display_width(header.back())}));
    narrow_widest(widths, floors, room);
    for (std::size_t c = 0; c + 1 < widths.size(); ++c) {
        floors[c] = std::min(widths[c], std::max(k_min_column_width, display_width(header[c])));
    }
    narrow_widest(widths, floors, room);
    narrow_widest(widths, std::vector<std::size_t>(widths.size(), 1), room);
}

}  // namespace

nlohmann::ordered_json optional_time(const std::optional<Timestamp>& at) {
    return at ? nlohmann::ordered_json(format_iso8601(*at)) : nlohmann::ordered_json(nullptr);
}

std::string paint(const Terminal& terminal, std::string_view text, Style style) {
    if (!terminal.color || style == Style::none) {
        return std::string(text);
    }
    return fmt::format("\x1b[{}m{}\x1b[0m", ansi_code(style), text);
}

Style style_of(Status status) {
    switch (status) {
    case Status::new_: return Style::cyan;
    case Status::open: return Style::green;
    case Status::pending: return Style::yellow;
    case Status::solved:
    case Status::closed: return Style::dim;
    }
    return Style::none;
}

Style style_of(Priority priority) {
    switch (priority) {
    case Priority::urgent: return Style::bold_red;
    case Priority::high: return Style::red;
    case Priority::low: return Style::dim;
    case Priority::normal: break;
    }
    return Style::none;
}

void JsonArrayWriter::add(const nlohmann::ordered_json& item) {
    m_out << (m_any ? ",\n  " : "[\n  ");
    m_any = true;
    // JSON text has no line breaks inside strings: each one starts a line to indent.
    const std::string text = item.dump(2);
    std::string indented;
    indented.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        indented += c;
        if (c == '\n') {
            indented += "  ";
        }
    }
    m_out << indented;
}

void JsonArrayWriter::finish() {
    m_out << (m_any ? "\n]\n" : "[]\n");
}

std::string found_ticket_line(const Ticket& ticket, const Terminal& terminal) {
    return fmt::format("{}  {}  {}  {}", paint(terminal, std::to_string(ticket.id), Style::bold),
                       paint(terminal, to_string(ticket.status), style_of(ticket.status)),
                       format_local_time(ticket.created_at).substr(0, 10), squash_whitespace(ticket.subject));
}

void print_table(std::ostream& out, const Terminal& terminal, const std::vector<std::string>& header,
                 const std::vector<std::vector<Cell>>& rows) {
    std::vector<std::size_t> widths(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) {
        widths[c] = display_width(header[c]);
        for (const auto& row : rows) {
            widths[c] = std::max(widths[c], display_width(row.at(c).text));
        }
    }
    // Only a terminal has a width to fit; a pipe gets whole lines.
    if (terminal.is_tty) {
        fit_columns(widths, header, terminal.width);
    }
    auto print_row = [&](const std::vector<Cell>& cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::string text = truncate_to_width(cells[c].text, widths[c]);
            line += paint(terminal, text, cells[c].style);
            if (c + 1 < cells.size()) {
                line += std::string(widths[c] - display_width(text) + 2, ' ');
            }
        }
        out << line << '\n';
    };
    std::vector<Cell> header_cells;
    for (const auto& title : header) {
        header_cells.push_back({title, Style::bold});
    }
    print_row(header_cells);
    for (const auto& row : rows) {
        print_row(row);
    }
}

std::string format_local_time(Timestamp at) {
    const std::time_t time = at;
    std::tm local{};
    localtime_r(&time, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &local);
    return buffer;
}

std::string tsv_field(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c == '\t' || c == '\n' || c == '\r') {
            c = ' ';
        }
    }
    return out;
}

nlohmann::ordered_json to_json(const Ticket& ticket) {
    return {
        {"id", ticket.id},
        {"subject", ticket.subject},
        {"requester", ticket.requester},
        {"requester_name", ticket.requester_name},
        {"channel", to_string(ticket.channel)},
        {"language", optional_value(ticket.language)},
        {"queue", optional_value(ticket.queue)},
        {"line", ticket.line},
        {"priority", to_string(ticket.priority)},
        {"status", to_string(ticket.status)},
        {"assignee", optional_value(ticket.assignee)},
        {"created_at", format_iso8601(ticket.created_at)},
        {"updated_at", format_iso8601(ticket.updated_at)},
        {"first_reply_at", optional_time(ticket.first_reply_at)},
        {"solved_at", optional_time(ticket.solved_at)},
        {"csat", optional_value(ticket.csat)},
        {"merged_into", optional_value(ticket.merged_into)},
        {"parent_id", optional_value(ticket.parent_id)},
        {"tags", ticket.tags},
    };
}

nlohmann::ordered_json to_json(const Message& message) {
    return {
        {"id", message.id},
        {"ticket", message.ticket_id},
        {"direction", to_string(message.direction)},
        {"internal", message.direction == Direction::note},
        {"message_id", optional_value(message.message_id)},
        {"in_reply_to", optional_value(message.in_reply_to)},
        {"author", message.author},
        {"subject", message.subject},
        {"body", message.body},
        {"auto", message.automatic},
        {"channel", message.channel ? nlohmann::ordered_json(to_string(*message.channel)) : nullptr},
        {"created_at", format_iso8601(message.created_at)},
        {"sent_at", message.sent_at ? nlohmann::ordered_json(format_iso8601(*message.sent_at)) : nullptr},
        {"rating", message.rating ? nlohmann::ordered_json(*message.rating) : nullptr},
    };
}

nlohmann::ordered_json to_json(const Event& event) {
    return {
        {"id", event.id},
        {"at", format_iso8601(event.at)},
        {"actor", event.actor},
        {"kind", event.kind},
        {"detail", nlohmann::ordered_json::parse(event.detail, nullptr, false)},
    };
}

namespace {

using Detail = nlohmann::ordered_json;

// Returns `key` of `detail` as text: a string as it is, null as "nobody", else JSON.
std::string text(const Detail& detail, const char* key) {
    const Detail value = detail.value(key, Detail());
    return value.is_string() ? value.get<std::string>() : value.is_null() ? "nobody" : value.dump();
}

// Returns the words for a kind of mail, "" for a person's.
std::string mail_kind(const Detail& detail) {
    const std::string kind = detail.value("kind", "human");
    if (kind == "human") {
        return "";
    }
    return kind == "auto" ? ", automatic" : kind == "list" ? ", list mail" : ", " + kind;
}

std::string quoted_list(const Detail& names) {
    std::vector<std::string> quoted;
    for (const auto& name : names) {
        quoted.push_back(fmt::format("\"{}\"", name.is_string() ? name.get<std::string>() : name.dump()));
    }
    return join(quoted, ", ");
}

std::string tag_changes(const Detail& added, const Detail& removed) {
    std::vector<std::string> parts;
    for (const auto& tag : added) {
        parts.push_back("+" + tag.get<std::string>());
    }
    for (const auto& tag : removed) {
        parts.push_back("-" + tag.get<std::string>());
    }
    return join(parts, " ");
}

std::string created(const Detail& detail) {
    std::string words = "by " + text(detail, "channel") + mail_kind(detail);
    if (detail.contains("queue")) {
        words += ", into " + text(detail, "queue");
    }
    if (detail.contains("priority") && text(detail, "priority") != "normal") {
        words += ", " + text(detail, "priority");
    }
    if (detail.contains("repeat_of")) {
        words += ", repeat of #" + text(detail, "repeat_of");
    }
    if (detail.contains("thread")) {
        words += ", thread " + text(detail, "thread");
    }
    return detail.contains("message_id") ? words + ", message " + text(detail, "message_id") : words;
}

// A customer's message: mail by its Message-ID, other channels by how it came, and who
// typed it in when an agent did.
std::string received(const Detail& detail) {
    if (detail.contains("message_id")) {
        return "message " + text(detail, "message_id") + mail_kind(detail);
    }
    std::string words = "by " + text(detail, "channel");
    if (detail.contains("thread")) {
        words += ", thread " + text(detail, "thread");
    }
    if (detail.contains("id")) {
        words += ", id " + text(detail, "id");
    }
    return detail.contains("recorded_by") ? words + ", recorded by " + text(detail, "recorded_by") : words;
}

std::string routed(const Detail& detail) {
    std::string words = detail.value("queue", Detail()).is_null() ? "to no queue" : "to " + text(detail, "queue");
    words += ", line " + text(detail, "line") + ", " + text(detail, "priority");
    const std::string tags = tag_changes(detail.value("tags", Detail::array()), Detail::array());
    words += tags.empty() ? "" : ", " + tags;
    const Detail rules = detail.value("rules", Detail::array());
    words += fmt::format(" by rule{} {}", rules.size() == 1 ? "" : "s", quoted_list(rules));
    const Detail before = detail.value("from_queue", Detail());
    return before.is_null() ? words : words + " (was in " + before.get<std::string>() + ")";
}

// The WHO column says whether a person or the SLA escalated ("(sla)").
std::string escalated(const Detail& detail) {
    return fmt::format("line {} → {}: {}", text(detail, "from_line"), text(detail, "to_line"), text(detail, "reason"));
}

std::string breached(const Detail& detail) {
    std::string words =
        fmt::format("{} of policy \"{}\", due {}", text(detail, "target"), text(detail, "policy"), text(detail, "due"));
    if (detail.contains("escalate_to_line")) {
        words += ", to line " + text(detail, "escalate_to_line");
    }
    if (detail.contains("priority")) {
        words += ", " + text(detail, "priority");
    }
    const std::string tags = tag_changes(detail.value("tags", Detail::array()), Detail::array());
    return tags.empty() ? words : words + ", " + tags;
}

std::string rated(const Detail& detail) {
    std::string words = text(detail, "score") + " of 5";
    if (!detail.value("previous", Detail()).is_null()) {
        words += " (was " + text(detail, "previous") + ")";
    }
    // Older ratings say neither how they came nor whom they credit.
    const std::string source = detail.value("source", std::string());
    if (source == "reply") {
        words += ", by the customer's reply";
    } else if (source == "customer") {
        words += ", by the customer";
    }
    if (const Detail& agent = detail.value("agent", Detail()); agent.is_string()) {
        words += ", for " + agent.get<std::string>();
    }
    return detail.contains("comment") ? words + ": " + text(detail, "comment") : words;
}

std::string replied(const Detail& detail) {
    const std::string how = detail.contains("template") ? text(detail, "template") : "message";
    std::string way;
    if (detail.contains("outcome")) {
        way = ", by call: " + text(detail, "outcome");
    } else if (detail.value("queued", false)) {
        way = ", by " + (detail.contains("channel") ? text(detail, "channel") : std::string("mail"));
    }
    const Detail& bulk = detail.value("bulk", Detail());
    const std::string part = bulk.is_object() ? fmt::format(" as part of a reply to {} tickets (bulk {})",
                                                            bulk.value("tickets", 0), bulk.value("id", 0))
                                              : "";
    return fmt::format("to {} ({}, {}{}){}", text(detail, "to"), how, text(detail, "lang"), way, part);
}

// Returns any other detail as key=value words, tags as +tag and -tag.
std::string generic(const Detail& detail) {
    std::vector<std::string> parts;
    const std::string tags =
        tag_changes(detail.value("added", Detail::array()), detail.value("removed", Detail::array()));
    if (!tags.empty()) {
        parts.push_back(tags);
    }
    for (const auto& [key, value] : detail.items()) {
        if (key != "added" && key != "removed") {
            parts.push_back(fmt::format("{}={}", key, value.is_string() ? value.get<std::string>() : value.dump()));
        }
    }
    return join(parts, " ");
}

}  // namespace

std::string describe_event(const Event& event) {
    const auto detail = Detail::parse(event.detail, nullptr, false);
    if (!detail.is_object()) {
        return {};
    }
    const std::string& kind = event.kind;
    if (kind == "created") {
        return created(detail);
    }
    if (kind == "received") {
        return received(detail);
    }
    if (kind == "routed") {
        return routed(detail);
    }
    if (kind == "unrouted") {
        return "not routed: " + text(detail, "reason");
    }
    if (kind == "escalated") {
        return escalated(detail);
    }
    if (kind == "sla_breached") {
        return breached(detail);
    }
    if (kind == "rated") {
        return rated(detail);
    }
    if (kind == "replied") {
        return replied(detail);
    }
    if (kind == "noted") {
        return fmt::format("internal note{}: {}", detail.value("by", "") == "escalation" ? " for the next line" : "",
                           text(detail, "excerpt"));
    }
    if (kind == "acknowledged") {
        return fmt::format("to {} ({}, {}, by {})", text(detail, "to"), text(detail, "template"), text(detail, "lang"),
                           detail.contains("channel") ? text(detail, "channel") : std::string("mail"));
    }
    if (kind == "unacknowledged") {
        return text(detail, "reason");
    }
    if (kind == "changed") {
        const auto value = [&](const char* key) {
            const Detail& v = detail.value(key, Detail());
            const bool language = text(detail, "field") == "language";
            return v.is_string() ? v.get<std::string>() : v.is_number() ? v.dump() : language ? "unknown" : "none";
        };
        const std::string reason = detail.contains("reason") ? ": " + text(detail, "reason") : "";
        return fmt::format("{}: {} → {}{}", text(detail, "field"), value("from"), value("to"), reason);
    }
    if (kind == "merged") {
        return detail.contains("into") ? "into #" + text(detail, "into") : "#" + text(detail, "from") + " merged in";
    }
    if (detail.contains("from") && detail.contains("to")) {
        const std::string temporary = detail.value("temporary", false) ? ", for now" : "";
        const std::string by = detail.contains("by") ? " (" + text(detail, "by") + temporary + ")" : "";
        return fmt::format("{} → {}{}", text(detail, "from"), text(detail, "to"), by);
    }
    return generic(detail);
}

}  // namespace tkt::cli
