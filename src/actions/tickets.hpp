// The verbs: what a user does to tickets, each one whole transaction over the store.
// The CLI calls these; they hold the rules (what a valid ticket is, what a status
// change records), and never print.
#pragma once

#include "core/address.hpp"
#include "core/ticket.hpp"
#include "store/store.hpp"

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// Whether a command writes what it would do, or only says it: a dry run rolls back.
enum class DryRun { no, yes };

// Something done to a new ticket inside its creating transaction: routing on arrival.
using TicketHook = std::function<void(Store&, TicketId, const Actor&)>;

// Checks `ticket` (non-empty subject and body, valid UTF-8, plausible requester, valid
// tags) and throws a data (65) or usage (64) error that says what is wrong.
void validate_new_ticket(const NewTicket& ticket);

// Checks a ticket's `subject` (valid UTF-8, not blank, not too long); throws a data
// error (65) that says what is wrong.
void validate_subject(std::string_view subject);

// Returns the requester `text` names, with its name: a mail address ("Bob
// <bob@example.com>"), a phone number read in `country` (stored E.164) or a chat
// identity (people/identity.hpp); throws a data error (65) when it is none of them.
Address requester_address(std::string_view text, std::string_view country);

// Opens a ticket from `ticket`: the ticket row, its first inbound message, a `created`
// event and whatever `on_created` does, in one transaction. Returns the new id.
TicketId create_ticket(Store& store, const NewTicket& ticket, const Actor& actor, const TicketHook& on_created = {});

// Returns ticket `id` with its tags; throws "no ticket N" (exit 1).
Ticket require_ticket(Store& store, TicketId id);

// Returns ticket `id` with its messages and events; throws "no ticket N" (exit 1).
TicketRecord load_ticket(Store& store, TicketId id);

// Returns ticket `id` as one conversation: load_ticket() with the messages and
// attachments of the tickets merged into it (and into those), in time order, each
// message keeping the ticket_id it came to.
TicketRecord load_conversation(Store& store, TicketId id);

// What a status change did to one ticket.
struct StatusChange {
    TicketId id = 0;
    Status from = Status::new_;
    Status to = Status::new_;
    bool changed = false;  // false when the ticket already had that status
};

// Moves `ticket` to `target` and records a `status` event with the detail {"from",
// "to"}, and "by" (what caused it: "reply", "mail", "merge") when given; a move out of
// solved or closed is a `reopened` event, whoever causes it, and a first move to
// solved or closed sets solved_at. Runs in the caller's transaction.
void change_status(Store& store, const Ticket& ticket, Status target, const Actor& actor, std::string_view by = {});

// Whether a new owner keeps a ticket to the end or covers for its owner for a while
// (a holiday, a shift); the owner's introduction to the customer says which.
enum class Ownership { to_the_end, temporary };

// Gives ticket `id` to `to` (nullopt: nobody) and records an `assigned` event with
// `from`, `to`, what caused it (`by`: "hand", "reply", "next", "escalation", a
// routing strategy) and, for `ownership` temporary, "temporary": true. Runs in the
// caller's transaction.
void record_assignment(Store& store, TicketId id, const std::optional<std::string>& from,
                       const std::optional<std::string>& to, std::string_view by, const Actor& actor,
                       Ownership ownership = Ownership::to_the_end);

// Folds the tickets `sources` into ticket `into` (a duplicate of the same request): each
// is closed and marked merged, with a `merged` event on both sides ({"into"} and
// {"from"}); its messages stay with it, mail that threads to it goes to `into`, and
// metrics count the request once. One transaction; a source that is `into`, already
// merged, or missing, or a merged `into`, is an error and nothing changes.
std::vector<StatusChange> merge_tickets(Store& store, std::span<const TicketId> sources, TicketId into,
                                        const Actor& actor);

// Returns the ticket that stands for `id`: `id` itself, or the one it was merged into,
// followed to the end.
TicketId surviving_ticket(Store& store, TicketId id);

// Closes the tickets `ids` in one transaction (an unknown id changes none of them);
// nothing is written in a dry run.
std::vector<StatusChange> close_tickets(Store& store, std::span<const TicketId> ids, const Actor& actor,
                                        DryRun dry_run = DryRun::no);

// Reopens the solved or closed tickets among `ids` in one transaction; nothing is
// written in a dry run.
std::vector<StatusChange> reopen_tickets(Store& store, std::span<const TicketId> ids, const Actor& actor,
                                         DryRun dry_run = DryRun::no);

// What a tag change did to one ticket: the tags really added and removed.
struct TagChange {
    TicketId id = 0;
    std::vector<std::string> added;
    std::vector<std::string> removed;
};

// Adds and removes tags on ticket `id` in one transaction, recording a `tagged` event
// when anything changed. A tag both added and removed is a usage error.
TagChange change_tags(Store& store, TicketId id, std::span<const std::string> add, std::span<const std::string> remove,
                      const Actor& actor);

// Changes the tags of each of `ids` as change_tags does, all in one transaction: an
// unknown id changes none (exit 1). Nothing is written in a dry run.
std::vector<TagChange> change_tags_of(Store& store, std::span<const TicketId> ids, std::span<const std::string> add,
                                      std::span<const std::string> remove, const Actor& actor, DryRun dry_run);

}  // namespace tkt
