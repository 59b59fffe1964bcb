#include "actions/conversation.hpp"
#include "cli/commands.hpp"
#include "cli/json_stream.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "mail/inbound.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct AddOptions {
    std::optional<std::string> id;
    std::optional<std::string> from;
    std::optional<std::string> body;
    std::optional<std::string> channel;
    std::optional<std::string> at;
    bool json = false;
};

void run_add_json(const AddOptions& options, Context& context) {
    if (options.id || options.from || options.body || options.channel || options.at) {
        throw usage_error("--json reads every field from standard input: it takes no ID, --from, --body, --channel "
                          "or --at");
    }
    run_json_stream(context, Opening::refused, InboundSettings{});
}

InboundMessage message_of(const AddOptions& options, const Ticket& ticket, Context& context) {
    InboundMessage message;
    message.ticket = ticket.id;
    if (options.from) {
        const std::string country = context.phone_country();
        const auto identity = parse_identity(*options.from, country);
        if (!identity) {
            throw data_error(fmt::format("invalid --from: {}", identity_problem(*options.from, country)));
        }
        message.from = *identity;
    } else {
        message.from = Identity{kind_of_identity(ticket.requester), ticket.requester, ticket.requester_name};
    }
    message.channel = ticket.channel;
    if (options.channel) {
        const auto channel = parse_channel(*options.channel);
        if (!channel) {
            throw usage_error(
                fmt::format("unknown channel '{}' (valid: {})", *options.channel,
                            join(std::vector<std::string>(channel_names().begin(), channel_names().end()), ", ")));
        }
        message.channel = *channel;
    }
    if (options.at) {
        message.at = parse_timestamp(*options.at);
        if (!message.at) {
            throw usage_error(
                fmt::format("--at '{}' is not a time (2026-12-07T10:30, or ISO 8601 with an offset)", *options.at));
        }
    }
    message.body = *options.body == "-" ? context.read_input(k_max_message_bytes) : *options.body;
    message.recorded_by = context.agent_login();
    return message;
}

void run_add(const AddOptions& options, Context& context) {
    if (options.json) {
        run_add_json(options, context);
        return;
    }
    if (!options.id || !options.body) {
        throw usage_error("give a ticket and --body TEXT (or --body - to read standard input), or --json for a "
                          "stream (see 'tkt help add')");
    }
    const TicketId id = parse_ticket_ids(std::span(&*options.id, 1)).front();
    auto& store = context.existing_store();
    const InboundMessage message = message_of(options, require_ticket(store, id), context);
    auto transaction = store.begin_write();
    const auto result = store_inbound(store, message, InboundSettings{}, Opening::refused, context.now());
    transaction.commit();
    if (result.rated) {
        context.out() << fmt::format("ticket {}: added {}'s message, a rating of {}\n", result.ticket,
                                     message.from.value, *result.rated);
        return;
    }
    context.out() << fmt::format("ticket {}: added {}'s message{}\n", result.ticket, message.from.value,
                                 result.reopened ? ", reopened" : "");
}

}  // namespace

void declare_add(CLI::App& command, Context& context) {
    auto options = std::make_shared<AddOptions>();
    command.add_option("id", options->id, "The ticket the message belongs to")->type_name("ID");
    command
        .add_option("--from", options->from,
                    "Who said it: a mail address, phone number or chat identity (default: the requester)")
        ->type_name("WHO");
    command.add_option("--body", options->body, "What the customer said; '-' reads standard input")
        ->type_name("TEXT|-");
    command.add_option("--channel", options->channel,
                       "How it came: chat, phone, web, api or email (default: the "
                       "ticket's)");
    command.add_option("--at", options->at, "When it was said, if not now (ISO 8601): for transcripts")
        ->type_name("TIME");
    command.add_flag("--json", options->json,
                     "Read one JSON message per line from standard input, each for a known ticket or thread");
    command.callback([options, &context] { run_add(*options, context); });
}

}  // namespace tkt::cli
