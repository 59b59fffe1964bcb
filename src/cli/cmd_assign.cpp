#include "actions/route.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct AssignOptions {
    std::string id;
    std::string login;
    bool temporary = false;
};

struct NextOptions {
    bool peek = false;
    bool json = false;
    std::string as;
};

void run_assign(const AssignOptions& options, Context& context) {
    const TicketId id = parse_ticket_ids(std::span(&options.id, 1)).front();
    const auto login = options.login == "none" ? std::nullopt : std::optional(options.login);
    if (options.temporary && !login) {
        throw usage_error("--temporary gives a ticket to someone: name the agent who covers for its owner");
    }
    const auto change = assign_ticket(context.existing_store(), context.routing(), id, login, context.actor(),
                                      options.temporary ? Ownership::temporary : Ownership::to_the_end);
    if (!change.changed) {
        context.out() << fmt::format("ticket {} is {}: unchanged\n", id,
                                     login ? "assigned to " + *login : std::string("unassigned"));
    } else if (change.to) {
        context.out() << fmt::format("assigned ticket {} to {}{}{}\n", id, *change.to,
                                     options.temporary ? " for now" : "",
                                     change.from ? fmt::format(" (was {})", *change.from) : "");
    } else {
        context.out() << fmt::format("unassigned ticket {} (was {})\n", id, change.from.value_or("nobody"));
    }
}

void run_next(const NextOptions& options, Context& context) {
    const std::string as = context.acting_as(options.as);
    const std::string login = as.empty() ? context.config().agent.login : as;
    const auto ticket = next_ticket(context.existing_store(), context.routing(), context.sla(), login, context.actor(),
                                    options.peek ? Take::peek : Take::take);
    if (!ticket) {
        throw Error(Exit::nothing, fmt::format("no unassigned ticket waits in the queues of '{}'", login));
    }
    if (options.json) {
        context.out() << to_json(*ticket).dump(2) << '\n';
        return;
    }
    context.out() << fmt::format("{} ticket {}: {} [{}, line {}, {}] from {}\n", options.peek ? "next:" : "took",
                                 ticket->id, ticket->subject, ticket->queue.value_or("no queue"), ticket->line,
                                 to_string(ticket->priority), ticket->requester);
}

}  // namespace

void declare_assign(CLI::App& command, Context& context) {
    auto options = std::make_shared<AssignOptions>();
    command.add_option("id", options->id, "The ticket")->required()->type_name("ID");
    command.add_option("login", options->login, "The agent who owns it from now on ('none': nobody)")
        ->required()
        ->type_name("LOGIN");
    command.add_flag("--temporary", options->temporary,
                     "Cover for the owner for a while: the new owner's first reply says so");
    command.callback([options, &context] { run_assign(*options, context); });
}

void declare_next(CLI::App& command, Context& context) {
    auto options = std::make_shared<NextOptions>();
    command.add_flag("--peek", options->peek, "Show the next ticket without taking it");
    command.add_option("--as", options->as, "Take it as this agent (default: config's agent.login)")
        ->type_name("LOGIN");
    command.add_flag("--json", options->json, "Print the ticket as JSON");
    command.callback([options, &context] { run_next(*options, context); });
}

}  // namespace tkt::cli
