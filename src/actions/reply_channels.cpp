// Replies on channels other than mail: which way a reply goes, what a channel's
// deliver program is handed, and handing it over.
#include "actions/reply.hpp"
#include "core/error.hpp"
#include "people/identity.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tkt {

Channel reply_channel(const Ticket& ticket) {
    switch (kind_of_identity(ticket.requester)) {
    case IdentityKind::email: return Channel::email;
    case IdentityKind::phone: return Channel::phone;
    case IdentityKind::chat: break;
    }
    const bool has_program =
        ticket.channel == Channel::chat || ticket.channel == Channel::web || ticket.channel == Channel::api;
    return has_program ? ticket.channel : Channel::chat;
}

std::string channel_payload(const TicketRecord& record, const ReplyDraft& draft, const AgentIdentity& agent) {
    nlohmann::ordered_json payload{
        {"ticket", record.ticket.id},
        {"thread", record.thread ? nlohmann::ordered_json(*record.thread) : nullptr},
        {"channel", to_string(draft.channel)},
        {"to", record.ticket.requester},
        {"name", record.ticket.requester_name},
        {"subject", draft.subject},
        {"text", draft.body},
        {"language", draft.lang},
        {"agent", {{"login", agent.login}, {"name", draft.agent_name}}},
        {"message_id", draft.message_id},
    };
    return payload.dump() + "\n";
}

Senders senders_of(const Config& config) {
    return Senders{config.mail.sendmail, config.channels};
}

SendResult deliver(const Senders& senders, const OutboxItem& item) {
    if (item.channel == Channel::email) {
        return run_sendmail(senders.sendmail, item.raw);
    }
    const std::string_view name = to_string(item.channel);
    if (const auto* program = delivery_program(senders.channels, name)) {
        return run_sendmail(*program, item.raw);
    }
    return SendResult{false, fmt::format("no program delivers {0} replies: set deliver under [channels.{0}] in "
                                         "config.toml",
                                         name)};
}

void require_delivery_program(const ReplyDraft& draft, const std::vector<ChannelSettings>& channels) {
    if (draft.channel == Channel::email || draft.channel == Channel::phone) {
        return;
    }
    const auto name = to_string(draft.channel);
    if (delivery_program(channels, name) == nullptr) {
        throw Error(Exit::config, fmt::format("ticket {} is answered by {} ({}), and no program delivers {} replies: "
                                              "set deliver under [channels.{}] in config.toml, or record it without "
                                              "sending (no --send or --notify)",
                                              draft.ticket_id, name, draft.to.email, name, name));
    }
}

}  // namespace tkt
