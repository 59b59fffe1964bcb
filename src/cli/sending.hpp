// Handing recorded replies to sendmail, for the commands that send them (reply,
// escalate), and the acknowledgement a mail delivery queued (new --email).
#pragma once

#include "actions/acknowledge.hpp"
#include "actions/reply.hpp"
#include "cli/context.hpp"

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

// Sends `acknowledgement` of ticket `ticket`, when one was queued, and warns of what
// went wrong with it: never an error, since the mail it answers is stored, and a
// failed one stays queued for 'tkt outbox flush'.
void send_acknowledgement(const Acknowledgement& acknowledgement, TicketId ticket, Context& context);

}  // namespace tkt::cli
