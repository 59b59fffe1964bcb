#include "actions/ingest_mail.hpp"
#include "actions/route.hpp"
#include "cli/commands.hpp"
#include "cli/json_stream.hpp"
#include "cli/output.hpp"
#include "cli/sending.hpp"
#include "core/address.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <iterator>

namespace tkt::cli {
namespace {

struct NewOptions {
    std::optional<std::string> subject;
    std::optional<std::string> from;
    std::optional<std::string> body;
    bool email = false;
    bool trusted = false;
    std::string channel = "api";
    std::string priority = "normal";
    std::optional<std::string> queue;
    std::vector<std::string> tags;
    bool json = false;
};

template <class Enum>
Enum parse_choice(std::string_view flag, const std::string& value, std::optional<Enum> (*parse)(std::string_view),
                  std::span<const std::string_view> names) {
    const auto parsed = parse(value);
    if (!parsed) {
        const std::vector<std::string> all(names.begin(), names.end());
        throw usage_error(
            fmt::format("unknown {} '{}'{} (valid: {})", flag, value, did_you_mean(value, names), join(all, ", ")));
    }
    return *parsed;
}

NewTicket to_new_ticket(const NewOptions& options, Context& context) {
    NewTicket ticket;
    ticket.channel = parse_choice<Channel>("channel", options.channel, parse_channel, channel_names());
    ticket.priority = parse_choice<Priority>("priority", options.priority, parse_priority, priority_names());
    for (const auto& [flag, value] : {std::pair{"--subject", &options.subject}, std::pair{"--from", &options.from},
                                      std::pair{"--body", &options.body}}) {
        if (!*value) {
            throw usage_error(fmt::format("{} is required, or --email to read a whole message "
                                          "(see 'tkt help new')",
                                          flag));
        }
    }
    const Address requester = requester_address(*options.from, context.phone_country());
    ticket.requester = requester.email;
    ticket.requester_name = requester.name;
    ticket.subject = *options.subject;
    ticket.body = *options.body == "-" ? context.read_input(k_max_message_bytes) : *options.body;
    ticket.queue = options.queue;
    ticket.tags = options.tags;
    return ticket;
}

// Returns the hook that acknowledges tickets mail opens, as config.toml's [acknowledge]
// says; none when it asks for no acknowledgement anywhere.
std::function<Acknowledgement(Store&, TicketId, MailKind, Timestamp)> acknowledgements(Context& context) {
    const Config& config = context.config();
    if (!config.acknowledge.enabled()) {
        return {};
    }
    std::vector<std::string> own{config.agent.email};
    if (const auto from = parse_address(config.mail.from)) {
        own.push_back(from->email);
    }
    for (const auto& agent : context.routing().agents()) {
        own.push_back(agent.email);
    }
    std::erase(own, std::string());
    AcknowledgeDesk desk{config.acknowledge, config.mail,    TemplateLibrary(context.template_folders(std::nullopt)),
                         config.lang,        std::move(own), config.channels};
    return [desk = std::move(desk)](Store& store, TicketId id, MailKind kind, Timestamp at) {
        return acknowledge_ticket(store, id, kind, desk, at);
    };
}

// Returns the settings for storing mail. A problem in tkt's own configuration must not
// bounce a customer's message: it is stored unrouted, with a warning and an event that
// say why, and 'tkt route --all' places it once the configuration is fixed.
IngestSettings mail_settings(const NewOptions& options, Context& context) {
    IngestSettings settings;
    const auto unrouted = [&](const std::string& problem) {
        context.err() << fmt::format("tkt: warning: {}; a new ticket is stored unrouted ('tkt route --all' "
                                     "places it once that is fixed)\n",
                                     problem);
        settings.on_new_ticket = record_unrouted(problem);
    };
    // A mail alias names its config folder; one that is not there is a typo in the
    // alias, not a wish to run without rules, and every ticket would go unrouted.
    std::error_code error;
    if (context.config_flag && !std::filesystem::is_directory(*context.config_flag, error)) {
        unrouted(fmt::format("no config folder '{}' (--config)", *context.config_flag));
        return settings;
    }
    try {
        settings = ingest_settings(context.config(), options.trusted);
        settings.on_new_ticket = context.on_new_ticket();
        settings.acknowledge = acknowledgements(context);
    } catch (const Error& problem) {
        if (problem.code() != Exit::config) {
            throw;
        }
        unrouted(problem.what());
    }
    return settings;
}

void run_new_email(const NewOptions& options, Context& context) {
    if (options.subject || options.from || options.body) {
        throw usage_error("--email reads the whole message from standard input: it takes no "
                          "--subject, --from or --body");
    }
    const std::string raw = context.read_input(k_max_message_bytes);
    if (trim(raw).empty()) {
        throw data_error("no message on standard input");
    }
    const auto settings = mail_settings(options, context);
    // The events of mail are the sender's (ingest names them): no agent's login is read,
    // so a broken config.toml cannot stop a delivery.
    const auto result = ingest_mail(context.store(), raw, settings, Actor{"(mail)", context.now()});
    if (options.json) {
        nlohmann::ordered_json json{{"ticket", result.ticket ? nlohmann::ordered_json(result.ticket) : nullptr},
                                    {"outcome", to_string(result.outcome)},
                                    {"kind", to_string(result.kind)},
                                    {"reopened", result.reopened}};
        if (result.rated) {
            json["rated"] = *result.rated;
        }
        context.out() << json.dump() << '\n';
    } else if (result.outcome == IngestOutcome::loop) {
        context.err() << "tkt: dropped a message tkt sent itself (it carries X-Tkt-Loop)\n";
    } else {
        context.out() << result.ticket << '\n';
    }
    send_acknowledgement(result.acknowledgement, result.ticket, context);
}

void run_new(const NewOptions& options, Context& context) {
    if (options.email) {
        run_new_email(options, context);
        return;
    }
    if (options.json && !options.subject && !options.from && !options.body) {
        // Chat platforms and other integrations: one JSON message per line.
        if (options.queue || !options.tags.empty() || options.trusted || options.channel != "api" ||
            options.priority != "normal") {
            throw usage_error("--json alone reads every message from standard input: it takes no --queue, --tag, "
                              "--channel, --priority or --trusted (a line says its channel)");
        }
        const auto settings = mail_settings(options, context);
        run_json_stream(context, Opening::allowed,
                        InboundSettings{settings.repeat_window, settings.on_new_ticket, settings.acknowledge});
        return;
    }
    const TicketId id =
        create_ticket(context.store(), to_new_ticket(options, context), context.actor(), context.on_new_ticket());
    if (options.json) {
        context.out() << to_json(load_ticket(context.store(), id).ticket).dump(2) << '\n';
    } else {
        context.out() << id << '\n';
    }
}

}  // namespace

void declare_new(CLI::App& command, Context& context) {
    auto options = std::make_shared<NewOptions>();
    command.add_option("--subject", options->subject, "The subject");
    command
        .add_option("--from", options->from,
                    "The requester: bob@example.com, 'Bob <bob@example.com>', a phone number (+7 900 123-45-67) or a "
                    "chat identity (telegram:12345)")
        ->type_name("WHO");
    command.add_option("--body", options->body, "The first message; '-' reads standard input")->type_name("TEXT|-");
    command.add_flag("--email", options->email,
                     "Read one RFC 5322 message from standard input (for an MTA or procmail)");
    command.add_flag("--trusted", options->trusted,
                     "With --email: honour X-Tkt-Queue, X-Tkt-Priority and X-Tkt-Tags headers");
    command.add_option("--channel", options->channel, "email, chat, phone, web or api (default: api)");
    command.add_option("--priority", options->priority, "low, normal, high or urgent (default: normal)");
    command.add_option("--queue", options->queue, "Put the ticket in this queue");
    command.add_option("--tag", options->tags, "Tag the ticket (repeatable)")->type_name("TAG");
    command.add_flag("--json", options->json,
                     "Print the new ticket as JSON instead of its id (with --email: the outcome); alone, read one "
                     "JSON message per line from standard input (chat platforms)");
    command.callback([options, &context] { run_new(*options, context); });
}

}  // namespace tkt::cli
