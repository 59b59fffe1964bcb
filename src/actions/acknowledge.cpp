#include "actions/acknowledge.hpp"

#include "actions/reply.hpp"
#include "core/address.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tkt {
namespace {

constexpr Seconds k_day = 86400;

// Returns why mail of `kind` from `requester` deserves no acknowledgement, if it does
// not. The kind is classify.cpp's (DESIGN.md 6); RFC 3834 asks never to answer
// automatic mail or lists, and answering a bounce starts a loop.
std::optional<std::string> not_to_answer(MailKind kind, const std::string& requester, const AcknowledgeDesk& desk) {
    switch (kind) {
    case MailKind::human: break;
    case MailKind::automatic: return "the mail is automatic";
    case MailKind::list: return "the mail came from a mailing list";
    case MailKind::bounce: return "the mail is a bounce";
    case MailKind::own_loop: return "the mail is our own";
    }
    if (requester.empty()) {
        return "the mail has no address to answer";
    }
    const std::string address = ascii_lower(requester);
    if (std::any_of(desk.own_addresses.begin(), desk.own_addresses.end(),
                    [&](const std::string& own) { return ascii_lower(own) == address; })) {
        return fmt::format("'{}' is the desk's own address", requester);
    }
    if (takes_no_replies(requester)) {
        return fmt::format("'{}' takes no replies", requester);
    }
    return std::nullopt;
}

// Returns why the customer of `ticket` cannot be acknowledged on their channel: a caller
// is answered by the call, and a chat customer only through the channel's program.
std::optional<std::string> no_way_to(const Ticket& ticket, const AcknowledgeDesk& desk) {
    const Channel channel = reply_channel(ticket);
    if (channel == Channel::phone) {
        return fmt::format("'{}' is a phone number: a caller is answered by the call", ticket.requester);
    }
    if (channel == Channel::email) {
        return std::nullopt;
    }
    const auto name = to_string(channel);
    return delivery_program(desk.channels, name) != nullptr
               ? std::nullopt
               : std::optional(fmt::format("no program delivers {0} replies ([channels.{0}] deliver)", name));
}

// Returns who signs an acknowledgement: the desk, named by [acknowledge] signed_by or
// else by the name in [mail] from, writing from that address. A desk with no address
// or no name is a configuration error (78): "Best regards," over nobody is no signature.
AgentIdentity desk_identity(const AcknowledgeDesk& desk) {
    const auto from = parse_address(desk.mail.from);
    if (!from) {
        throw Error(Exit::config, "acknowledgements are sent from the desk's address: set 'from' under [mail]");
    }
    AgentIdentity identity{std::string(k_desk_login), desk.settings.signed_by, from->email, {}};
    if (identity.full_name.empty()) {
        identity.full_name = LocalizedName(from->name);
    }
    if (identity.full_name.empty()) {
        throw Error(Exit::config, "acknowledgements are signed with the desk's name: set 'signed_by' under "
                                  "[acknowledge], or write [mail] from as \"Example Support <support@example.com>\"");
    }
    return identity;
}

// Renders `template_name` for ticket `id` in its customer's language and drafts it as
// the desk's automatic message.
ReplyDraft draft_acknowledgement(Store& store, TicketId id, const std::string& template_name,
                                 const AcknowledgeDesk& desk, Timestamp at) {
    const AgentIdentity signer = desk_identity(desk);
    const TemplateFile file = desk.library.get(template_name);
    const ReplyRequest request{.library = desk.library,
                               .file = file,
                               .lang = std::nullopt,
                               .fallback_lang = desk.fallback_lang,
                               .agent = signer,
                               .vars = {},
                               .status = std::nullopt,
                               .now = at,
                               .team = {},
                               .merged = Merged::refuse};
    // A ticket this new has merged nothing in: its own rows are its conversation.
    auto [record, reply, note] =
        render_reply_to(TicketRecord{require_ticket(store, id), store.messages(id), store.events(id),
                                     store.attachments(id), store.thread_of_ticket(id)},
                        request);
    ReplyFiles files;
    return draft_reply(record, std::move(reply), signer, desk.mail, Compose::message, at, files,
                       Submitted::automatically);
}

// The detail of an `acknowledged` event: the channel when it went by another than mail.
std::string acknowledged_detail(const ReplyDraft& draft) {
    nlohmann::json detail{{"message_id", draft.message_id},
                          {"to", draft.to.email},
                          {"template", draft.template_name},
                          {"lang", draft.lang}};
    if (draft.channel != Channel::email) {
        detail["channel"] = to_string(draft.channel);
    }
    return detail.dump();
}

// Records `draft` as the desk's automatic message with its event, and queues it.
std::int64_t record_acknowledgement(Store& store, const ReplyDraft& draft, Timestamp at) {
    Message message;
    message.ticket_id = draft.ticket_id;
    message.direction = Direction::out;
    message.message_id = draft.message_id;
    message.in_reply_to = draft.in_reply_to;
    message.author = std::string(k_desk_login);
    message.subject = draft.subject;
    message.body = draft.body;
    message.automatic = true;
    message.created_at = at;
    const auto row = store.insert_message(message, draft.raw);
    store.insert_event(draft.ticket_id, at, k_desk_login, "acknowledged", acknowledged_detail(draft));
    return store.queue_outbound(row, draft.ticket_id, draft.channel, draft.to.email, at);
}

void record_skip(Store& store, TicketId id, Timestamp at, const std::string& reason) {
    store.insert_event(id, at, k_desk_login, "unacknowledged", nlohmann::json{{"reason", reason}}.dump());
}

}  // namespace

Acknowledgement acknowledge_ticket(Store& store, TicketId id, MailKind kind, const AcknowledgeDesk& desk,
                                   Timestamp at) {
    const Ticket ticket = require_ticket(store, id);
    const auto template_name = desk.settings.template_for(ticket.queue);
    if (!template_name) {
        return {};  // Not acknowledged in this queue: nothing to explain.
    }
    if (const auto reason = not_to_answer(kind, ticket.requester, desk)) {
        record_skip(store, id, at, *reason);
        return {};
    }
    if (const auto reason = no_way_to(ticket, desk)) {
        record_skip(store, id, at, *reason);
        return {};
    }
    const auto sent = store.acknowledgements_to(ticket.requester, at - k_day);
    if (sent >= desk.settings.max_per_address_per_day) {
        record_skip(store, id, at,
                    fmt::format("{} acknowledgement{} went to '{}' in the last 24 hours, the most "
                                "[acknowledge] max_per_address_per_day allows",
                                sent, sent == 1 ? "" : "s", ticket.requester));
        return {};
    }
    // A savepoint: an acknowledgement that cannot be made leaves the ticket as it was,
    // and a customer's mail is never refused for it. A full disk or a lock is another
    // matter: the whole delivery is retried.
    try {
        auto step = store.begin_step();
        const auto outbox_id =
            record_acknowledgement(store, draft_acknowledgement(store, id, *template_name, desk, at), at);
        step.commit();
        return {outbox_id, std::nullopt};
    } catch (const Error& error) {
        if (error.code() == Exit::temp_fail) {
            throw;
        }
        record_skip(store, id, at, error.what());
        return {std::nullopt, fmt::format("ticket {} got no acknowledgement: {}", id, error.what())};
    }
}

std::vector<std::string> acknowledge_problems(const Config& config, const std::filesystem::path& file,
                                              const TemplateLibrary& library) {
    const AcknowledgeSettings& settings = config.acknowledge;
    if (!settings.enabled()) {
        return {};
    }
    std::vector<std::string> problems;
    const auto at = [&](std::size_t line, std::size_t column, std::string_view message) {
        problems.emplace_back(
            config_error(file.string(), static_cast<std::int64_t>(line), static_cast<std::int64_t>(column), message)
                .what());
    };
    std::vector<const TemplateChoice*> choices{&settings.all};
    for (const auto& [queue, choice] : settings.queues) {
        choices.push_back(&choice);
    }
    for (const auto* choice : choices) {
        if (!choice->name) {
            continue;
        }
        if (const auto found = library.find(*choice->name); !found) {
            at(choice->line, choice->column, library.unknown(*choice->name).what());
        } else if (!found->languages.contains(config.lang)) {
            at(choice->line, choice->column,
               fmt::format("template '{}' has no '{}' text, the language of customers whose own is unknown "
                           "([defaults] lang)",
                           *choice->name, config.lang));
        }
    }
    try {
        desk_identity(AcknowledgeDesk{settings, config.mail, library, config.lang, {}});
    } catch (const Error& error) {
        problems.push_back(fmt::format("{}: {}", file.string(), error.what()));
    }
    return problems;
}

}  // namespace tkt
