// Conversations on every channel (issue 18): a customer's chat line, call summary or
// web message joined to its ticket, or opening one, with the effects a threaded mail
// has; an external message id makes each delivery count once, as a Message-ID does.
#pragma once

#include "actions/acknowledge.hpp"
#include "actions/tickets.hpp"
#include "people/identity.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tkt {

// One inbound message from a channel other than mail.
struct InboundMessage {
    std::optional<TicketId> ticket;          // the ticket it joins, when the caller knows it
    std::optional<std::string> thread;       // the platform's conversation id ("jivo:9876")
    std::optional<std::string> external_id;  // the platform's message id: stored once
    Identity from;                           // the customer (parse_identity's form)
    Channel channel = Channel::chat;
    std::string subject;  // for a new ticket; empty: from the body's first line
    std::string body;
    std::optional<Timestamp> at;  // when it was said, if not now (a transcript)
    std::string recorded_by;      // the agent who typed it in, if one did
    std::optional<int> rating;    // a platform's rating form (1..5): the body is its comment
};

// Whether a message that joins no ticket may open one (tkt new) or not (tkt add).
enum class Opening { allowed, refused };

enum class InboundOutcome { created, added, duplicate };

// Returns "created", "added" or "duplicate".
std::string_view to_string(InboundOutcome outcome);

struct InboundResult {
    InboundOutcome outcome = InboundOutcome::created;
    TicketId ticket = 0;
    bool reopened = false;
    Acknowledgement acknowledgement = {};     // of a ticket it opened, when the desk sends one
    std::optional<int> rated = std::nullopt;  // the score recorded: the message was a rating
};

// What storing inbound messages needs to know.
struct InboundSettings {
    Seconds repeat_window = 7 * 86400;
    TicketHook on_new_ticket;  // routing on arrival, in the same transaction
    // Acknowledges a ticket a message opened, in the same transaction (acknowledge.hpp).
    std::function<Acknowledgement(Store&, TicketId, MailKind, Timestamp)> acknowledge = {};
};

// Stores `message` inside the caller's write transaction: a known external id changes
// nothing; a message for a ticket (given, or its thread's) joins it: the next-reply
// clock starts, a solved, closed or pending ticket reopens, an unknown language is
// detected; any other opens a ticket (a repeat contact of the customer's last one
// within the window, through any of their identities) when `opening` allows, else a
// data error (65). A message with a `rating`, or one to a solved or closed ticket that
// reads as a rating (read_rating_reply), is recorded as the customer's rating instead:
// it starts no clock and reopens nothing. Throws a data error for a message that is not valid (empty body without a
// rating, invalid UTF-8, a time in the future, a rating out of 1..5 or for no ticket).
InboundResult store_inbound(Store& store, const InboundMessage& message, const InboundSettings& settings,
                            Opening opening, Timestamp now);

// What became of one message of a batch: stored, or refused for a fault of its own.
struct BatchOutcome {
    std::optional<InboundResult> stored;
    std::string refused;  // why, when not stored
};

// Stores `messages` (store_inbound) in one write transaction, each in a savepoint of
// its own, and returns what became of each, in order. A message refused for a fault of
// its own (a data, usage or not-found error: bad content, an unknown ticket or thread)
// is rolled back alone and its error is its outcome; any other failure, the database's,
// rolls back the whole batch and is thrown.
std::vector<BatchOutcome> store_inbound_batch(Store& store, std::span<const InboundMessage> messages,
                                              const InboundSettings& settings, Opening opening, Timestamp now);

// Does what a person's message does to `ticket`, inside the caller's transaction: an
// unknown language is detected from `subject` and `body`; a solved, closed or pending
// ticket reopens (a status event "by" `by`). Returns true when it reopened a solved or
// closed one.
bool react_to_customer(Store& store, const Ticket& ticket, std::string_view subject, std::string_view body,
                       const Actor& actor, std::string_view by);

// Returns a ticket's subject made from `body`: its first non-empty line, shortened.
std::string subject_from_body(std::string_view body);

}  // namespace tkt
