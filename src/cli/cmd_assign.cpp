#include "actions/notes.hpp"
#include "actions/route.hpp"
#include "cli/bulk.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct AssignOptions {
    std::vector<std::string> words;  // ticket ids, then the login
    bool temporary = false;
    BulkOptions bulk;
};

struct NextOptions {
    bool peek = false;
    bool json = false;
    std::string as;
};

void print_assignment(const AssignChange& change, bool temporary, Context& context) {
    if (!change.changed) {
        context.out() << fmt::format("ticket {} is {}: unchanged\n", change.id,
                                     change.to ? "assigned to " + *change.to : std::string("unassigned"));
    } else if (change.to) {
        context.out() << fmt::format("assigned ticket {} to {}{}{}\n", change.id, *change.to,
                                     temporary ? " for now" : "",
                                     change.from ? fmt::format(" (was {})", *change.from) : "");
    } else {
        context.out() << fmt::format("unassigned ticket {} (was {})\n", change.id, change.from.value_or("nobody"));
    }
}

void run_assign(const AssignOptions& options, Context& context) {
    if (options.words.empty()) {
        throw usage_error("give ticket IDs (or --where FILTER) and the agent: tkt assign ID... LOGIN");
    }
    const std::string& word = options.words.back();
    const auto login = word == "none" ? std::nullopt : std::optional(word);
    if (options.temporary && !login) {
        throw usage_error("--temporary gives a ticket to someone: name the agent who covers for its owner");
    }
    const auto ids = chosen_tickets(std::span(options.words).first(options.words.size() - 1), options.bulk,
                                    "tkt assign ID... LOGIN", context);
    confirm_bulk(ids.size(), options.bulk, context);
    const auto changes =
        assign_tickets(context.existing_store(), context.routing(), ids, login, context.actor(),
                       options.temporary ? Ownership::temporary : Ownership::to_the_end, dry_run_of(options.bulk));
    std::size_t changed = 0;
    for (const auto& change : changes) {
        print_assignment(change, options.temporary, context);
        changed += change.changed ? 1U : 0U;
    }
    report_dry_run(changed, changes.size(), options.bulk, context);
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
    // A ticket escalated with a handover note comes with it: the next line reads it first.
    const auto record = load_ticket(context.existing_store(), ticket->id);
    if (const Message* note = handover_note(record)) {
        context.out() << fmt::format("handover note from {}:\n{}\n", note->author, note->body);
    }
}

}  // namespace

void declare_assign(CLI::App& command, Context& context) {
    auto options = std::make_shared<AssignOptions>();
    command
        .add_option("words", options->words, "The tickets, then the agent who owns them from now on ('none': nobody)")
        ->required()
        ->type_name("[ID...] LOGIN");
    command.add_flag("--temporary", options->temporary,
                     "Cover for the owner for a while: the new owner's first reply says so");
    add_bulk_options(command, options->bulk);
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
