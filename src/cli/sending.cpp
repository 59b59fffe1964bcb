// Handing recorded replies to sendmail, for the commands that send them (reply, escalate),
// and the acknowledgements of what arrived (new --email, new --json).
#include "cli/sending.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {

SendingLine::SendingLine(Context& context) : m_context(context) {}

SendingLine::~SendingLine() {
    if (m_shown) {
        m_context.err() << "\r\x1b[K" << std::flush;
    }
}

SendOptions SendingLine::options() {
    SendOptions options{m_context.config().mail.parallel, {}};
    if (m_context.terminal().progress) {
        options.progress = [this](std::size_t done, std::size_t total) {
            if (total > 1) {
                m_context.err() << fmt::format("\rsending: {} of {}\x1b[K", done, total) << std::flush;
                m_shown = true;
            }
        };
    }
    return options;
}

void send_queued(const std::vector<RecordedReply>& recorded, Context& context) {
    std::vector<std::int64_t> ids;
    for (const auto& reply : recorded) {
        if (reply.outbox_id) {  // a reply to a caller is a call: nothing to send
            ids.push_back(*reply.outbox_id);
        }
    }
    if (ids.empty()) {
        return;
    }
    std::vector<Delivery> deliveries;
    try {
        SendingLine line(context);
        deliveries = send_outbox(context.store(), senders_of(context.config()), ids, context.now(), line.options());
    } catch (const Error& error) {
        // The replies are recorded whatever happens here: a retry of the command would
        // record them twice, so the way on is the outbox.
        if (error.code() != Exit::temp_fail) {
            throw;
        }
        // "recorded and queued", as below: scripts (and tests/load) tell by it that the
        // way on is 'tkt outbox flush', not running the command again.
        throw Error(Exit::temp_fail, fmt::format("the reply is recorded and queued, but handing it to sendmail "
                                                 "stopped ('tkt outbox' shows what waits): {}",
                                                 error.what()));
    }
    std::vector<std::string> failures;
    for (const auto& delivery : deliveries) {
        if (delivery.result.ok) {
            const auto by = delivery.item.channel == Channel::email
                                ? std::string()
                                : fmt::format(" by {}", to_string(delivery.item.channel));
            context.out() << fmt::format("sent reply on ticket {} to {}{}\n", delivery.item.ticket_id,
                                         delivery.item.recipient, by);
        } else {
            failures.push_back(fmt::format("ticket {}: {}", delivery.item.ticket_id, delivery.result.error));
        }
    }
    if (!failures.empty()) {
        throw Error(Exit::temp_fail,
                    fmt::format("could not send {} (recorded and queued; 'tkt outbox flush' "
                                "retries): {}",
                                failures.size() == 1 ? "the reply" : "the replies", join(failures, "; ")));
    }
}

void send_acknowledgements(std::span<const TicketAcknowledgement> acknowledgements, Context& context) {
    const auto warn = [&](const std::string& problem) { context.err() << "tkt: warning: " << problem << '\n'; };
    const auto still_queued = [&](TicketId ticket, const std::string& why) {
        warn(fmt::format("the acknowledgement of ticket {} is not sent yet ('tkt outbox' shows it, 'tkt outbox "
                         "flush' retries): {}",
                         ticket, why));
    };
    std::vector<std::int64_t> ids;
    for (const auto& [ticket, acknowledgement] : acknowledgements) {
        if (acknowledgement.problem) {
            warn(*acknowledgement.problem);
        }
        if (acknowledgement.outbox_id) {
            ids.push_back(*acknowledgement.outbox_id);
        }
    }
    if (ids.empty()) {  // send_outbox would take an empty list for the whole outbox
        return;
    }
    try {
        SendingLine line(context);
        for (const auto& delivery :
             send_outbox(context.store(), senders_of(context.config()), ids, context.now(), line.options())) {
            if (!delivery.result.ok) {
                still_queued(delivery.item.ticket_id, delivery.result.error);
            }
        }
    } catch (const Error& error) {
        // The mail server must hear 0: its messages are stored whatever happens here.
        for (const auto& [ticket, acknowledgement] : acknowledgements) {
            if (acknowledgement.outbox_id) {
                still_queued(ticket, error.what());
            }
        }
    }
}

void send_acknowledgement(const Acknowledgement& acknowledgement, TicketId ticket, Context& context) {
    const TicketAcknowledgement one[] = {{ticket, acknowledgement}};
    send_acknowledgements(one, context);
}

}  // namespace tkt::cli
