// Mail into tickets: dedup, threading, loops and repeat contacts (DESIGN.md 6), for
// `tkt new --email` and `tkt import`.
#pragma once

#include "actions/acknowledge.hpp"
#include "actions/tickets.hpp"
#include "core/config.hpp"
#include "mail/inbound.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace tkt {

// Which time a stored message is dated by.
enum class MessageDates {
    arrival,  // the clock: live mail, whose Date header is the sender's claim
    header,   // the Date header when plausible: archives, whose arrival is long past
};

struct IngestSettings {
    std::string subject_tag = "[Support #{id}]";  // as in config.toml [mail]
    Seconds repeat_window = 7 * 86400;
    bool trusted = false;  // honour X-Tkt-* control headers
    MessageDates dates = MessageDates::arrival;
    // Called for each new ticket inside the same transaction: routing on arrival.
    TicketHook on_new_ticket;
    // Called after it for a ticket a message opened, with the mail's kind and the
    // ticket's time: the acknowledgement on arrival (acknowledge.hpp), queued with it.
    std::function<Acknowledgement(Store&, TicketId, MailKind, Timestamp)> acknowledge;
};

// Returns the settings that `config` gives, trusting control headers per `trusted`.
IngestSettings ingest_settings(const Config& config, bool trusted);

enum class IngestOutcome { created, threaded, duplicate, loop };

// Returns "created", "threaded", "duplicate" or "loop".
std::string_view to_string(IngestOutcome outcome);

struct IngestResult {
    IngestOutcome outcome = IngestOutcome::created;
    TicketId ticket = 0;  // 0 for a loop, which is not stored
    MailKind kind = MailKind::human;
    bool reopened = false;
    Acknowledgement acknowledgement;          // of a created ticket, when settings.acknowledge is set
    std::optional<int> rated = std::nullopt;  // the score of a reply read as the customer's rating
};

// Stores the message `raw`, already parsed into `mail`, inside the caller's write
// transaction: a known Message-ID changes nothing; a message that threads joins its
// ticket (a human one reopens a solved or closed ticket, unless it reads as a rating,
// read_rating_reply, which it records); any other opens a ticket.
// Events are recorded as the sender's, at `agent.now`.
IngestResult ingest_parsed(Store& store, const InboundMail& mail, std::string_view raw, const IngestSettings& settings,
                           const Actor& agent);

// Parses `raw` and stores it in one write transaction of its own (BEGIN IMMEDIATE, so
// parallel deliveries of one message make one ticket). Throws exit 65 only for input
// that is not a message; a failure in storing one is never 65 (a mail server bounces
// on it), but 75 for what passes (locked, disk full) and 70 for tkt's own faults.
IngestResult ingest_mail(Store& store, std::string_view raw, const IngestSettings& settings, const Actor& actor);

}  // namespace tkt
