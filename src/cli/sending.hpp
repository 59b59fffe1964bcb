// Handing recorded replies to sendmail, for the commands that send them (reply,
// escalate), and the acknowledgement a mail delivery queued (new --email).
#pragma once

#include "actions/acknowledge.hpp"
#include "actions/reply.hpp"
#include "cli/context.hpp"

#include <span>
#include <utility>
#include <vector>

namespace tkt::cli {

// How messages go out for a command: mail.parallel sendmail processes at a time, and
// "sending: 1200 of 5000" drawn on stderr while many go, when it is a terminal (the
// line is cleared when the object goes).
class SendingLine {
public:
    explicit SendingLine(Context& context);
    SendingLine(const SendingLine&) = delete;
    SendingLine& operator=(const SendingLine&) = delete;
    ~SendingLine();

    // Returns the options to give send_outbox.
    SendOptions options();

private:
    Context& m_context;
    bool m_shown = false;
};

// Sends the outbox entries of `recorded`, printing one line for each sent; a failure
// leaves it queued and ends the command with exit 75.
void send_queued(const std::vector<RecordedReply>& recorded, Context& context);

// A ticket and the acknowledgement its arrival queued.
using TicketAcknowledgement = std::pair<TicketId, Acknowledgement>;

// Sends the acknowledgements that were queued among `acknowledgements`, all in one
// send_outbox (mail.parallel at a time), and warns of what went wrong with each: never
// an error, since the messages they answer are stored, and a failed one stays queued
// for 'tkt outbox flush'.
void send_acknowledgements(std::span<const TicketAcknowledgement> acknowledgements, Context& context);

// Sends `acknowledgement` of ticket `ticket` as send_acknowledgements does.
void send_acknowledgement(const Acknowledgement& acknowledgement, TicketId ticket, Context& context);

}  // namespace tkt::cli
