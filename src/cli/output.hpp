// How commands print: colour, aligned tables, local times, and the JSON and CSV forms
// of tickets, messages and events.
#pragma once

#include "cli/context.hpp"
#include "core/ticket.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace tkt::cli {

enum class Style { none, bold, dim, red, bold_red, green, yellow, cyan };

// Returns `text` wrapped in the ANSI codes of `style` when `terminal` has colour.
std::string paint(const Terminal& terminal, std::string_view text, Style style);

// Returns the style that shows a status or a priority at a glance.
Style style_of(Status status);
Style style_of(Priority priority);

// Returns a found ticket's line on a terminal (search, similar): its id in bold, its
// status, the day it was opened and its subject, without a newline.
std::string found_ticket_line(const Ticket& ticket, const Terminal& terminal);

struct Cell {
    std::string text;
    Style style = Style::none;
};

// Prints rows as aligned columns under a bold header. On a terminal, columns are cut
// (ending in "…") so that no line is wider than it: the last column first, then the
// widest; a pipe gets whole lines.
void print_table(std::ostream& out, const Terminal& terminal, const std::vector<std::string>& header,
                 const std::vector<std::vector<Cell>>& rows);

// Returns `at` in the local time zone as "2026-11-22 10:30".
std::string format_local_time(Timestamp at);

// Returns `text` made safe for one TSV field: tabs and line breaks become spaces.
std::string tsv_field(std::string_view text);

// Returns `value` as JSON, null when there is none.
template <class T> nlohmann::ordered_json optional_value(const std::optional<T>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

// Returns `at` as ISO 8601 JSON, null when there is none.
nlohmann::ordered_json optional_time(const std::optional<Timestamp>& at);

// Prints `items` as a JSON array, each made by `to_json`, indented.
// Writes a JSON array to `out` an item at a time, laid out as nlohmann's dump(2) lays
// out the whole array, so that a list of any length never sits whole in memory.
class JsonArrayWriter {
public:
    explicit JsonArrayWriter(std::ostream& out) : m_out(out) {}
    void add(const nlohmann::ordered_json& item);
    // Closes the array ("[]" when nothing was added) and ends the line.
    void finish();

private:
    std::ostream& m_out;
    bool m_any = false;
};

template <class Items, class ToJson> void print_json_array(std::ostream& out, const Items& items, ToJson to_json) {
    JsonArrayWriter array(out);
    for (const auto& item : items) {
        array.add(to_json(item));
    }
    array.finish();
}

// Returns the JSON form of each kind of record, as documented in tkt(1).
nlohmann::ordered_json to_json(const Ticket& ticket);
nlohmann::ordered_json to_json(const Message& message);
nlohmann::ordered_json to_json(const Event& event);

// Returns a short human summary of an event's detail, e.g. "open → closed".
std::string describe_event(const Event& event);

}  // namespace tkt::cli
