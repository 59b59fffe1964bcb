#include "actions/edit_ticket.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tkt {
namespace {

constexpr std::string_view k_fields = "priority, subject, queue, line, language, requester";

template <class T> void set_once(std::optional<T>& slot, T value, std::string_view field) {
    if (slot) {
        throw usage_error(fmt::format("'{}' is given twice: set each field once", field));
    }
    slot = std::move(value);
}

Priority priority_value(std::string_view value) {
    if (const auto priority = parse_priority(ascii_lower(value))) {
        return *priority;
    }
    const std::vector<std::string> valid(priority_names().begin(), priority_names().end());
    throw usage_error(fmt::format("unknown priority '{}'{} (valid: {})", value, did_you_mean(value, priority_names()),
                                  join(valid, ", ")));
}

int line_value(std::string_view value) {
    int line = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), line);
    if (error != std::errc() || end != value.data() + value.size() || line < 1) {
        throw usage_error(fmt::format("invalid line '{}' (lines are numbered 1, 2, ...)", value));
    }
    return line;
}

// A transfer must say why and go somewhere routing knows.
void check_transfer(const Routing& routing, const TicketEdit& edit) {
    if (!edit.queue && !edit.line) {
        return;
    }
    if (trim(edit.reason).empty()) {
        throw usage_error("a move to another queue or line needs a reason: --reason TEXT says why");
    }
    const auto known = routing.queues();
    if (edit.queue && *edit.queue && !known.empty() &&
        std::find(known.begin(), known.end(), **edit.queue) == known.end()) {
        const std::vector<std::string_view> names(known.begin(), known.end());
        throw usage_error(fmt::format("unknown queue '{}'{} (routing.toml names: {})", **edit.queue,
                                      did_you_mean(**edit.queue, names), join(known, ", ")));
    }
    if (edit.line && *edit.line > routing.last_line()) {
        throw usage_error(fmt::format("there is no line {}: the last line is {}", *edit.line, routing.last_line()));
    }
}

nlohmann::json event_value(std::string_view field, const std::optional<std::string>& value) {
    if (!value) {
        return nullptr;
    }
    return field == "line" ? nlohmann::json(std::stoi(*value)) : nlohmann::json(*value);
}

// Writes what `outcome.changes` says of `ticket`, with their events, in the caller's
// transaction.
void apply(Store& store, const Routing& routing, const Ticket& ticket, const TicketEdit& edit,
           TicketEditOutcome& outcome, const Actor& actor) {
    const Ticket& t = ticket;
    const auto queue = edit.queue.value_or(t.queue);
    const int line = edit.line.value_or(t.line);
    const bool transfer = queue != t.queue || line != t.line;
    if (transfer || edit.priority.value_or(t.priority) != t.priority) {
        store.set_routing(t.id, queue, line, edit.priority.value_or(t.priority), actor.now);
    }
    if (edit.subject && *edit.subject != t.subject) {
        store.set_subject(t.id, *edit.subject, actor.now);
    }
    if (edit.requester && (edit.requester->email != t.requester || edit.requester->name != t.requester_name)) {
        store.set_requester(t.id, edit.requester->email, edit.requester->name, actor.now);
    }
    for (const auto& change : outcome.changes) {
        if (change.field == "language") {
            store.set_language(t.id, change.to);
        }
        nlohmann::json detail{{"field", change.field},
                              {"from", event_value(change.field, change.from)},
                              {"to", event_value(change.field, change.to)}};
        if (!trim(edit.reason).empty()) {
            detail["reason"] = trim(edit.reason);
        }
        store.insert_event(t.id, actor.now, actor.login, "changed", detail.dump());
    }
    // Another department picks its own owner, unless its queue says the owner stays.
    if (transfer && t.assignee && routing.on_transfer(queue) == Transfer::to_pool) {
        record_assignment(store, t.id, t.assignee, std::nullopt, "transfer", actor);
        outcome.dropped_owner = t.assignee;
    }
    if (!outcome.changes.empty()) {
        store.touch(t.id, actor.now);
    }
}

TicketEditOutcome edit_one(Store& store, const Routing& routing, const Ticket& t, const TicketEdit& edit,
                           const std::optional<std::optional<std::string>>& language, const Actor& actor) {
    TicketEditOutcome outcome{t.id, {}, {}};
    const auto see = [&](std::string field, std::optional<std::string> from, std::optional<std::string> to) {
        if (from != to) {
            outcome.changes.push_back(FieldChange{std::move(field), std::move(from), std::move(to)});
        }
    };
    if (edit.priority) {
        see("priority", std::string(to_string(t.priority)), std::string(to_string(*edit.priority)));
    }
    if (edit.subject) {
        see("subject", t.subject, *edit.subject);
    }
    if (edit.queue) {
        see("queue", t.queue, *edit.queue);
    }
    if (edit.line) {
        see("line", std::to_string(t.line), std::to_string(*edit.line));
    }
    if (language) {
        see("language", t.language, *language);
    }
    if (edit.requester) {
        see("requester", format_address(Address{t.requester_name, t.requester}), format_address(*edit.requester));
    }
    apply(store, routing, t, edit, outcome, actor);
    return outcome;
}

}  // namespace

std::string_view editable_fields() {
    return k_fields;
}

void add_field_change(TicketEdit& edit, std::string_view word, std::string_view country) {
    const auto colon = word.find(':');
    const std::string field = ascii_lower(word.substr(0, colon));
    const std::string_view value = colon == std::string_view::npos ? std::string_view() : word.substr(colon + 1);
    if (field == "priority") {
        set_once(edit.priority, priority_value(value), field);
    } else if (field == "subject") {
        validate_subject(value);
        set_once(edit.subject, std::string(value), field);
    } else if (field == "queue") {
        if (value.empty()) {
            throw usage_error("give the queue: queue:NAME, or queue:none to take it away");
        }
        set_once(edit.queue, value == "none" ? std::nullopt : std::optional<std::string>(value), field);
    } else if (field == "line") {
        set_once(edit.line, line_value(value), field);
    } else if (field == "language" || field == "lang") {
        set_once(edit.language, parse_language_choice(value), std::string_view("language"));
    } else if (field == "requester") {
        set_once(edit.requester, requester_address(value, country), field);
    } else {
        throw usage_error(fmt::format("tkt set cannot change '{}' (it changes: {})", word.substr(0, colon), k_fields));
    }
}

std::vector<TicketEditOutcome> edit_tickets(Store& store, const Routing& routing, std::span<const TicketId> ids,
                                            const TicketEdit& edit, const Actor& actor, DryRun dry_run) {
    check_transfer(routing, edit);
    // Detection reads messages, which are only ever added: it can run before the write.
    const auto languages =
        edit.language ? language_targets(store, ids, *edit.language) : std::vector<std::optional<std::string>>();
    auto transaction = store.begin_write();
    std::vector<TicketEditOutcome> outcomes;
    outcomes.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::optional<std::optional<std::string>> language;
        if (edit.language) {
            language = languages[i];
        }
        outcomes.push_back(edit_one(store, routing, require_ticket(store, ids[i]), edit, language, actor));
    }
    if (dry_run == DryRun::no) {
        transaction.commit();
    }
    return outcomes;
}

}  // namespace tkt
