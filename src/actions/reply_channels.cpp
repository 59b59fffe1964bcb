// Replies on channels other than mail: which way a reply goes, what a channel's
// deliver program is handed, and handing it over.
#include "actions/reply.hpp"
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
    for (const auto& channel : senders.channels) {
        if (channel.name == name && !channel.deliver.empty()) {
            return run_sendmail(channel.deliver, item.raw);
        }
    }
    return SendResult{false, fmt::format("no program delivers {0} replies: set deliver under [channels.{0}] in "
                                         "config.toml",
                                         name)};
}

}  // namespace tkt
