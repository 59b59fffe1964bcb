#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "tkt/address.hpp"
#include "tkt/error.hpp"
#include "tkt/text.hpp"

#include <fmt/format.h>
#include <iterator>

namespace tkt::cli {
namespace {

struct NewOptions {
    std::string subject;
    std::string from;
    std::string body;
    std::string channel = "api";
    std::string priority = "normal";
    std::optional<std::string> queue;
    std::vector<std::string> tags;
    bool json = false;
};

template <class Enum>
Enum parse_choice(std::string_view flag, const std::string& value,
                  std::optional<Enum> (*parse)(std::string_view),
                  std::span<const std::string_view> names) {
    const auto parsed = parse(value);
    if (!parsed) {
        const std::vector<std::string> all(names.begin(), names.end());
        throw usage_error(fmt::format("unknown {} '{}'{} (valid: {})", flag, value,
                                      did_you_mean(value, names), join(all, ", ")));
    }
    return *parsed;
}

NewTicket to_new_ticket(const NewOptions& options, Context& context) {
    NewTicket ticket;
    ticket.channel = parse_choice<Channel>("channel", options.channel, parse_channel, channel_names());
    ticket.priority = parse_choice<Priority>("priority", options.priority, parse_priority, priority_names());
    const auto address = parse_address(options.from);
    if (!address) {
        throw data_error(fmt::format("invalid address '{}' (use bob@example.com or "
                                     "\"Bob Smith <bob@example.com>\")", options.from));
    }
    ticket.requester = address->email;
    ticket.requester_name = address->name;
    ticket.subject = options.subject;
    if (options.body == "-") {
        ticket.body.assign(std::istreambuf_iterator<char>(context.in()), {});
    } else {
        ticket.body = options.body;
    }
    ticket.queue = options.queue;
    ticket.tags = options.tags;
    return ticket;
}

void run_new(const NewOptions& options, Context& context) {
    const TicketId id = create_ticket(context.store(), to_new_ticket(options, context), context.actor());
    if (options.json) {
        context.out() << to_json(load_ticket(context.store(), id).ticket).dump(2) << '\n';
    } else {
        context.out() << id << '\n';
    }
}

}  // namespace

void declare_new(CLI::App& command, Context& context) {
    auto options = std::make_shared<NewOptions>();
    command.add_option("--subject", options->subject, "The subject")->required();
    command.add_option("--from", options->from, "The requester: bob@example.com or 'Bob <bob@example.com>'")
        ->required()
        ->type_name("ADDRESS");
    command.add_option("--body", options->body, "The first message; '-' reads standard input")
        ->required()
        ->type_name("TEXT|-");
    command.add_option("--channel", options->channel, "email, chat, phone, web or api (default: api)");
    command.add_option("--priority", options->priority, "low, normal, high or urgent (default: normal)");
    command.add_option("--queue", options->queue, "Put the ticket in this queue");
    command.add_option("--tag", options->tags, "Tag the ticket (repeatable)")->type_name("TAG");
    command.add_flag("--json", options->json, "Print the new ticket as JSON instead of its id");
    command.callback([options, &context] { run_new(*options, context); });
}

}  // namespace tkt::cli
