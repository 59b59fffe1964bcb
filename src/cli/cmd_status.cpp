#include "cli/commands.hpp"
#include "cli/ticket_args.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct StatusOptions {
    std::vector<std::string> ids;
};

using Move = std::vector<StatusChange> (*)(Store&, std::span<const TicketId>, const Actor&);

void report(const std::vector<StatusChange>& changes, std::string_view verb, Context& context) {
    for (const auto& change : changes) {
        if (change.changed) {
            context.out() << fmt::format("{} ticket {}\n", verb, change.id);
        } else {
            context.out() << fmt::format("ticket {} is {}: unchanged\n", change.id, to_string(change.from));
        }
    }
}

void declare_move(CLI::App& command, Context& context, Move move, std::string_view verb) {
    auto options = std::make_shared<StatusOptions>();
    command.add_option("ids", options->ids, "The ticket ids")->required()->type_name("ID...");
    command.callback([options, &context, move, verb] {
        const auto ids = parse_ticket_ids(options->ids);
        report(move(context.store(), ids, context.actor()), verb, context);
    });
}

}  // namespace

void declare_close(CLI::App& command, Context& context) {
    declare_move(command, context, close_tickets, "closed");
}

void declare_reopen(CLI::App& command, Context& context) {
    declare_move(command, context, reopen_tickets, "reopened");
}

}  // namespace tkt::cli
