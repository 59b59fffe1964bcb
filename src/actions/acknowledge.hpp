// Acknowledgement on arrival, as Request Tracker's autoreply on create: a message the
// desk sends by itself when a person's mail opens a ticket, queued in the outbox with
// the ticket, never to automatic mail, lists, loops or an address over the day's cap.
#pragma once

#include "core/config.hpp"
#include "mail/inbound.hpp"
#include "store/store.hpp"
#include "templates/template_file.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tkt {

// What the desk acknowledges with, from config.toml ([acknowledge], [mail]) and the team.
struct AcknowledgeDesk {
    AcknowledgeSettings settings;
    MailSettings mail;
    TemplateLibrary library;
    std::string fallback_lang;                   // [defaults] lang
    std::vector<std::string> own_addresses;      // the desk's and its agents': never acknowledged
    std::vector<ChannelSettings> channels = {};  // [channels.NAME]: a chat customer's goes there
};

// What acknowledging one new ticket did.
struct Acknowledgement {
    std::optional<std::int64_t> outbox_id;  // the entry queued for sendmail
    // Why none went out when tkt's own configuration is at fault (an unknown template,
    // no From address): the operator should hear of it, not only the history.
    std::optional<std::string> problem;
};

// Acknowledges ticket `id`, opened at `at` by mail of `kind` (or a chat message, a
// person's), inside the caller's write
// transaction, as `desk` says for the ticket's queue: the rendered template recorded
// as an automatic outbound message of the desk, an `acknowledged` event and an outbox
// entry. No first reply, no owner, no status change: it is nobody's answer. Mail that
// deserves none (not a person's, from our own or a no-reply address, or over the
// address's daily cap, a caller, a chat without a program for its channel) gets an
// `unacknowledged` event saying why; so does a failure to
// render or record it, which leaves the ticket as it was.
Acknowledgement acknowledge_ticket(Store& store, TicketId id, MailKind kind, const AcknowledgeDesk& desk, Timestamp at);

// Returns what in `config` (loaded from `file`) would keep acknowledgements from going
// out, as "FILE:LINE:COL: ..." lines: a template `library` does not have or that lacks
// the fallback language, a desk with no From address or no name to sign with.
std::vector<std::string> acknowledge_problems(const Config& config, const std::filesystem::path& file,
                                              const TemplateLibrary& library);

}  // namespace tkt
