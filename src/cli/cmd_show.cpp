#include "actions/attachments.hpp"
#include "actions/notes.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/pager.hpp"
#include "cli/ticket_args.hpp"
#include "core/address.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>
#include <sstream>

namespace tkt::cli {
namespace {

// Returns " (dated ...)" when the sender's Date header names another minute than the
// one the message arrived in: a wrong clock is worth seeing, a few seconds are not.
std::string sender_date(const Message& message) {
    if (!message.sent_at) {
        return "";
    }
    const std::string sent = format_local_time(*message.sent_at);
    return sent == format_local_time(message.created_at) ? "" : fmt::format(" (dated {})", sent);
}

struct ShowOptions {
    std::string id;
    bool json = false;
    Paging paging = Paging::automatic;
};

void print_history(const std::vector<Event>& events, const Terminal& terminal, std::ostream& out) {
    std::vector<std::vector<Cell>> rows;
    for (const auto& event : events) {
        rows.push_back({{format_local_time(event.at)}, {event.actor}, {event.kind}, {describe_event(event)}});
    }
    print_table(out, terminal, {"WHEN", "WHO", "WHAT", "DETAIL"}, rows);
}

// Prints `record` to `out` as a person reads it: its fields, its messages, its history.
void print_ticket(const TicketRecord& record, Context& context, std::ostream& out) {
    const Ticket& t = record.ticket;
    const Terminal& terminal = context.terminal();
    auto print_field = [&](std::string_view name, std::string_view value, Style style = Style::none) {
        out << fmt::format("{:<14}{}\n", name, paint(terminal, value, style));
    };
    out << paint(terminal, fmt::format("Ticket #{}: {}", t.id, squash_whitespace(t.subject)), Style::bold) << '\n';
    print_field("Status:", to_string(t.status), style_of(t.status));
    print_field("Priority:", to_string(t.priority), style_of(t.priority));
    print_field("Queue:", fmt::format("{} (line {})", t.queue.value_or("-"), t.line));
    print_field("Assignee:", t.assignee.value_or("-"));
    print_field("Requester:", format_address(Address{t.requester_name, t.requester}));
    print_field("Channel:", to_string(t.channel));
    print_field("Language:", t.language.value_or("unknown"));
    print_field("Created:",
                fmt::format("{} ({} ago)", format_local_time(t.created_at), format_age(context.now() - t.created_at)));
    print_field("Updated:", format_local_time(t.updated_at));
    if (t.solved_at) {
        print_field("First solved:", format_local_time(*t.solved_at));
    }
    if (t.parent_id) {
        print_field("Follows:", fmt::format("#{}", *t.parent_id));
    }
    if (t.csat) {
        print_field("Rated:", fmt::format("{} of 5", *t.csat));
    }
    if (t.merged_into) {
        print_field("Merged into:", fmt::format("#{}", *t.merged_into));
    }
    if (!t.tags.empty()) {
        print_field("Tags:", join(t.tags, " "));
    }
    // The next line reads first what the one before handed over.
    if (const Message* note = handover_note(record)) {
        print_field("Handover:",
                    fmt::format("{} ({}, {})", truncate_to_width(squash_whitespace(note->body), 60), note->author,
                                format_local_time(note->created_at)),
                    Style::bold);
    }
    std::size_t number = 0;  // as numbered_attachments() counts, message by message
    for (const auto& message : record.messages) {
        const std::string kind = message.direction == Direction::note ? "note (internal, never sent)"
                                                                      : std::string(to_string(message.direction));
        std::string heading = fmt::format("--- {} {} {}{}{}", kind, format_local_time(message.created_at),
                                          message.author, message.automatic ? " [auto]" : "", sender_date(message));
        if (message.channel) {
            heading += fmt::format(" [{}]", to_string(*message.channel));
        }
        if (message.rating) {
            heading += fmt::format(" [rating {}]", *message.rating);
        }
        if (message.ticket_id != t.id) {
            heading += fmt::format(" [merged from #{}]", message.ticket_id);
        }
        out << '\n' << paint(terminal, heading, Style::bold) << '\n';
        out << message.body << (message.body.ends_with('\n') || message.body.empty() ? "" : "\n");
        for (const auto& attachment : record.attachments) {
            if (attachment.message_id == message.id) {
                out << fmt::format("[attachment {}: {} ({}, {} bytes)]\n", ++number,
                                   attachment.filename.empty() ? "unnamed" : attachment.filename,
                                   attachment.content_type, attachment.size);
            }
        }
    }
    out << '\n';
    print_history(record.events, terminal, out);
}

TicketId single_id(const std::string& word) {
    return parse_ticket_ids(std::span(&word, 1)).front();
}

// Prints `record` to `out` as JSON: the ticket with its messages, attachments and events.
void print_ticket_json(const TicketRecord& record, std::ostream& out) {
    nlohmann::ordered_json json = to_json(record.ticket);
    json["messages"] = nlohmann::ordered_json::array();
    for (const auto& message : record.messages) {
        json["messages"].push_back(to_json(message));
    }
    json["attachments"] = nlohmann::ordered_json::array();
    std::size_t number = 0;
    for (const auto& attachment : numbered_attachments(record)) {
        json["attachments"].push_back({{"number", ++number},
                                       {"message", attachment.message_id},
                                       {"filename", attachment.filename},
                                       {"content_type", attachment.content_type},
                                       {"size", attachment.size},
                                       {"sha256", attachment.sha256}});
    }
    json["events"] = nlohmann::ordered_json::array();
    for (const auto& event : record.events) {
        json["events"].push_back(to_json(event));
    }
    out << json.dump(2) << '\n';
}

// A ticket can run to many screens, so it is printed whole into `text` first, then
// paged when it does not fit.
void run_show(const ShowOptions& options, Context& context) {
    const auto record = load_conversation(context.existing_store(), single_id(options.id));
    std::ostringstream text;
    if (options.json) {
        print_ticket_json(record, text);
    } else {
        print_ticket(record, context, text);
    }
    print_paged(text.str(), context.out(), context.terminal(), options.paging);
}

void run_history(const ShowOptions& options, Context& context) {
    const auto record = load_ticket(context.existing_store(), single_id(options.id));
    std::ostringstream text;
    if (options.json) {
        print_json_array(text, record.events, [](const Event& event) { return to_json(event); });
    } else {
        print_history(record.events, context.terminal(), text);
    }
    print_paged(text.str(), context.out(), context.terminal(), options.paging);
}

void declare_one_ticket(CLI::App& command, Context& context, void (*run)(const ShowOptions&, Context&)) {
    auto options = std::make_shared<ShowOptions>();
    command.add_option("id", options->id, "The ticket id")->required()->type_name("ID");
    command.add_flag("--json", options->json, "Print JSON");
    command.add_flag_callback(
        "--no-pager", [options] { options->paging = Paging::never; },
        "Print straight to the terminal, not through $TKT_PAGER, $PAGER or less");
    command.callback([options, &context, run] { run(*options, context); });
}

}  // namespace

void declare_show(CLI::App& command, Context& context) {
    declare_one_ticket(command, context, run_show);
}

void declare_history(CLI::App& command, Context& context) {
    declare_one_ticket(command, context, run_history);
}

}  // namespace tkt::cli
