#include "actions/tickets.hpp"

#include "core/address.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "people/identity.hpp"
#include "routing/language.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tkt {
namespace {

// The longest subject tkt stores; longer ones are cut, since mail clients show less.
constexpr std::size_t k_max_subject_bytes = 998;

// Moves each of `ids` to `target` where `applies` says the move makes sense,
// recording an event of `kind`; one transaction for all of them.
template <class Applies>
std::vector<StatusChange> move_tickets(Store& store, std::span<const TicketId> ids, Status target, const Actor& actor,
                                       DryRun dry_run, Applies applies) {
    auto transaction = store.begin_write();
    std::vector<StatusChange> changes;
    changes.reserve(ids.size());
    for (const TicketId id : ids) {
        const Ticket ticket = require_ticket(store, id);
        StatusChange change{id, ticket.status, target, applies(ticket.status)};
        if (change.changed) {
            change_status(store, ticket, target, actor);
        }
        changes.push_back(change);
    }
    if (dry_run == DryRun::no) {
        transaction.commit();
    }
    return changes;
}

}  // namespace

void validate_subject(std::string_view subject) {
    if (!is_valid_utf8(subject)) {
        throw data_error("the subject must be valid UTF-8");
    }
    if (trim(subject).empty()) {
        throw data_error("the subject is empty");
    }
    if (subject.size() > k_max_subject_bytes) {
        throw data_error(
            fmt::format("the subject is {} bytes long; the limit is {}", subject.size(), k_max_subject_bytes));
    }
}

Address requester_address(std::string_view text, std::string_view country) {
    auto identity = parse_identity(text, country);
    if (!identity) {
        throw data_error(fmt::format("invalid requester: {}", identity_problem(text, country)));
    }
    return Address{std::move(identity->name), std::move(identity->value)};
}

void validate_new_ticket(const NewTicket& ticket) {
    if (!is_valid_utf8(ticket.subject) || !is_valid_utf8(ticket.body) || !is_valid_utf8(ticket.requester_name)) {
        throw data_error("the subject, body and name must be valid UTF-8");
    }
    validate_subject(ticket.subject);
    if (trim(ticket.body).empty()) {
        throw data_error("the body is empty");
    }
    if (!is_identity(ticket.requester)) {
        throw data_error(fmt::format("invalid requester '{}' (a mail address, +E.164 phone number or "
                                     "platform:id chat identity)",
                                     ticket.requester));
    }
    for (const auto& tag : ticket.tags) {
        if (!is_valid_tag(tag)) {
            throw usage_error(fmt::format("invalid tag '{}' (no spaces or commas, and it may not "
                                          "start with + or -)",
                                          tag));
        }
    }
}

TicketId create_ticket(Store& store, const NewTicket& ticket, const Actor& actor, const TicketHook& on_created) {
    validate_new_ticket(ticket);
    NewTicket row = ticket;
    if (!row.language) {
        if (auto detected = message_language(ticket.subject, ticket.body); !detected.empty()) {
            row.language = std::move(detected);
        }
    }
    auto transaction = store.begin_write();
    const TicketId id = store.insert_ticket(row, actor.now);
    Message message;
    message.ticket_id = id;
    message.direction = Direction::in;
    message.author = format_address(Address{ticket.requester_name, ticket.requester});
    message.subject = ticket.subject;
    message.body = ticket.body;
    message.created_at = actor.now;
    store.insert_message(message);
    nlohmann::json detail{{"channel", to_string(ticket.channel)}, {"priority", to_string(ticket.priority)}};
    if (ticket.queue) {
        detail["queue"] = *ticket.queue;
    }
    store.insert_event(id, actor.now, actor.login, "created", detail.dump());
    if (on_created) {
        on_created(store, id, actor);
    }
    transaction.commit();
    return id;
}

void change_status(Store& store, const Ticket& ticket, Status target, const Actor& actor, std::string_view by) {
    // A status moves on from the ticket's last change, never before it: mail dated earlier
    // (it waited in a queue), or a process whose clock was read before it waited for the
    // lock, must not put a reopening before the solve it undoes in the history.
    const Timestamp at = std::max(actor.now, ticket.updated_at);
    const auto solved_at = is_finished(target) ? std::optional(at) : std::nullopt;
    store.update_status(ticket.id, target, solved_at, at);
    nlohmann::json detail{{"from", to_string(ticket.status)}, {"to", to_string(target)}};
    if (!by.empty()) {
        detail["by"] = by;
    }
    // Every move out of solved or closed is a reopening, whoever caused it.
    const bool reopening = is_finished(ticket.status) && !is_finished(target);
    store.insert_event(ticket.id, at, actor.login, reopening ? "reopened" : "status", detail.dump());
}

Ticket require_ticket(Store& store, TicketId id) {
    auto ticket = store.find_ticket(id);
    if (!ticket) {
        throw not_found("ticket", id);
    }
    return std::move(*ticket);
}

void record_assignment(Store& store, TicketId id, const std::optional<std::string>& from,
                       const std::optional<std::string>& to, std::string_view by, const Actor& actor,
                       Ownership ownership) {
    store.set_assignee(id, to, actor.now);
    const auto login = [](const std::optional<std::string>& value) {
        return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
    };
    nlohmann::json detail{{"from", login(from)}, {"to", login(to)}, {"by", by}};
    if (ownership == Ownership::temporary && to) {
        detail["temporary"] = true;
    }
    store.insert_event(id, actor.now, actor.login, "assigned", detail.dump());
}

TicketRecord load_ticket(Store& store, TicketId id) {
    auto transaction = store.begin_read();
    TicketRecord record{require_ticket(store, id), store.messages(id), store.events(id), store.attachments(id),
                        store.thread_of_ticket(id)};
    transaction.commit();
    return record;
}

TicketRecord load_conversation(Store& store, TicketId id) {
    auto transaction = store.begin_read();
    TicketRecord record{require_ticket(store, id), store.messages(id), store.events(id), store.attachments(id),
                        store.thread_of_ticket(id)};
    std::vector<TicketId> merged = store.merged_into(id);
    // Merges cannot loop (a merged ticket takes none), but stay bounded anyway.
    for (std::size_t next = 0; next < merged.size() && next < 1024; ++next) {
        for (auto& message : store.messages(merged[next])) {
            record.messages.push_back(std::move(message));
        }
        for (auto& attachment : store.attachments(merged[next])) {
            record.attachments.push_back(std::move(attachment));
        }
        for (const auto deeper : store.merged_into(merged[next])) {
            merged.push_back(deeper);
        }
    }
    transaction.commit();
    std::stable_sort(record.messages.begin(), record.messages.end(), [](const Message& a, const Message& b) {
        return std::tie(a.created_at, a.id) < std::tie(b.created_at, b.id);
    });
    return record;
}

std::vector<StatusChange> merge_tickets(Store& store, std::span<const TicketId> sources, TicketId into,
                                        const Actor& actor) {
    if (std::find(sources.begin(), sources.end(), into) != sources.end()) {
        throw usage_error(fmt::format("ticket {} cannot be merged into itself", into));
    }
    auto transaction = store.begin_write();
    if (const Ticket target = require_ticket(store, into); target.merged_into) {
        throw usage_error(
            fmt::format("ticket {} was merged into ticket {}: merge into that one", into, *target.merged_into));
    }
    std::vector<StatusChange> changes;
    for (const TicketId id : sources) {
        const Ticket ticket = require_ticket(store, id);
        if (ticket.merged_into) {
            throw usage_error(fmt::format("ticket {} is already merged into ticket {}", id, *ticket.merged_into));
        }
        store.set_merged(id, into, actor.now);
        if (ticket.status != Status::closed) {
            change_status(store, ticket, Status::closed, actor, "merge");
        }
        store.insert_event(id, actor.now, actor.login, "merged", nlohmann::json{{"into", into}}.dump());
        store.insert_event(into, actor.now, actor.login, "merged", nlohmann::json{{"from", id}}.dump());
        store.touch(into, actor.now);
        changes.push_back(StatusChange{id, ticket.status, Status::closed, ticket.status != Status::closed});
    }
    transaction.commit();
    return changes;
}

TicketId surviving_ticket(Store& store, TicketId id) {
    // A chain cannot loop (a merged ticket takes no merges), but stay bounded anyway.
    for (int hop = 0; hop < 64; ++hop) {
        const auto ticket = store.find_ticket(id);
        if (!ticket || !ticket->merged_into) {
            break;
        }
        id = *ticket->merged_into;
    }
    return id;
}

std::vector<StatusChange> close_tickets(Store& store, std::span<const TicketId> ids, const Actor& actor,
                                        DryRun dry_run) {
    return move_tickets(store, ids, Status::closed, actor, dry_run, [](Status from) { return from != Status::closed; });
}

std::vector<StatusChange> reopen_tickets(Store& store, std::span<const TicketId> ids, const Actor& actor,
                                         DryRun dry_run) {
    return move_tickets(store, ids, Status::open, actor, dry_run, [](Status from) { return is_finished(from); });
}

TagChange change_tags(Store& store, TicketId id, std::span<const std::string> add, std::span<const std::string> remove,
                      const Actor& actor) {
    return change_tags_of(store, std::span(&id, 1), add, remove, actor, DryRun::no).front();
}

std::vector<TagChange> change_tags_of(Store& store, std::span<const TicketId> ids, std::span<const std::string> add,
                                      std::span<const std::string> remove, const Actor& actor, DryRun dry_run) {
    for (const auto& tag : add) {
        if (std::find(remove.begin(), remove.end(), tag) != remove.end()) {
            throw usage_error(fmt::format("tag '{}' is both added and removed", tag));
        }
    }
    for (const auto& tag : add) {
        if (!is_valid_tag(tag)) {
            throw usage_error(fmt::format("invalid tag '{}' (no spaces or commas)", tag));
        }
    }
    auto transaction = store.begin_write();
    std::vector<TagChange> changes;
    changes.reserve(ids.size());
    for (const TicketId id : ids) {
        require_ticket(store, id);
        TagChange change{id, {}, {}};
        for (const auto& tag : add) {
            if (store.add_tag(id, tag, actor.now)) {
                change.added.push_back(tag);
            }
        }
        for (const auto& tag : remove) {
            if (store.remove_tag(id, tag, actor.now)) {
                change.removed.push_back(tag);
            }
        }
        if (!change.added.empty() || !change.removed.empty()) {
            store.insert_event(id, actor.now, actor.login, "tagged",
                               nlohmann::json{{"added", change.added}, {"removed", change.removed}}.dump());
        }
        changes.push_back(std::move(change));
    }
    if (dry_run == DryRun::no) {
        transaction.commit();
    }
    return changes;
}

}  // namespace tkt
