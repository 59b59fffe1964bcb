// Editing tickets by hand: their fields (`tkt set`) and transfers between queues and
// lines (`tkt move`), each change an event with what it was before and after.
#pragma once

#include "actions/route.hpp"
#include "actions/ticket_language.hpp"
#include "core/address.hpp"
#include "routing/rules.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tkt {

// What to change on each ticket; a field left nullopt stays as it is.
struct TicketEdit {
    std::optional<Priority> priority;
    std::optional<std::string> subject;
    std::optional<std::optional<std::string>> queue;  // an inner nullopt: no queue (routing takes it again)
    std::optional<int> line;
    std::optional<LanguageChoice> language;
    std::optional<Address> requester;
    std::string reason;  // why: recorded with every change, required for a transfer

    bool empty() const { return !priority && !subject && !queue && !line && !language && !requester; }
};

// Returns the fields `tkt set` changes, for help and errors.
std::string_view editable_fields();

// Adds the change "FIELD:VALUE" of `word` to `edit` (priority, subject, queue, line,
// language, requester; "queue:none" takes the queue away); an unknown field, a value
// that is not valid for its field, or a field given twice is a usage error (64), a
// subject or requester tkt would refuse on a new ticket a data error (65).
void add_field_change(TicketEdit& edit, std::string_view word, std::string_view country);

// One field changed on one ticket, as the event records it; nullopt is none/unknown.
struct FieldChange {
    std::string field;
    std::optional<std::string> from;
    std::optional<std::string> to;
};

// What an edit did to one ticket: its changes (none when it had the values already)
// and, when a transfer put it in the pool, the owner it no longer has.
struct TicketEditOutcome {
    TicketId id = 0;
    std::vector<FieldChange> changes;
    std::optional<std::string> dropped_owner;
};

// Applies `edit` to each of `ids` in one transaction: one `changed` event per field
// changed ({"field", "from", "to"} and "reason" when given). A change of queue or line
// is a transfer: it needs a reason (else 64), and when the new queue's on_transfer is
// pool (routing.toml, the default) an owner is dropped with an `assigned` event (by
// "transfer"). An unknown queue (when routing.toml names queues) or a line beyond
// routing's last is a usage error; an unknown id is exit 1; either changes nothing.
// Nothing is written in a dry run.
std::vector<TicketEditOutcome> edit_tickets(Store& store, const Routing& routing, std::span<const TicketId> ids,
                                            const TicketEdit& edit, const Actor& actor, DryRun dry_run = DryRun::no);

}  // namespace tkt
