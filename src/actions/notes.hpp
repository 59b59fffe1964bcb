// Internal notes: what agents tell each other about a ticket, a handover above all.
// A note is a message of direction `note`: never sent, never a reply or a customer's
// message in any metric, clock, thread or language guess (DESIGN.md 8).
#pragma once

#include "core/ticket.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace tkt {

// Returns the text of a note as it is kept: `body` without trailing line breaks;
// throws a data error (65) when it is not valid UTF-8 or is blank.
std::string note_text(std::string_view body);

// Records `body` (already note_text) as a note by `actor` on ticket `id` with a
// `noted` event ({"message", "excerpt"} and `by`, what caused it, when given), in the
// caller's transaction; returns the message's row.
std::int64_t record_note(Store& store, TicketId id, std::string_view body, const Actor& actor,
                         std::string_view by = {});

// Adds the note `body` to ticket `id` in one transaction; returns the message's row.
// An unknown ticket is exit 1, a blank note 65.
std::int64_t add_note(Store& store, TicketId id, std::string_view body, const Actor& actor);

// Returns the handover note of `record`: the note its last escalation carried, if that
// escalation carried one; nullptr otherwise.
const Message* handover_note(const TicketRecord& record);

}  // namespace tkt
