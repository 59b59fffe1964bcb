#include "cli/commands.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct MergeOptions {
    std::vector<std::string> ids;
    std::string into;
};

void run_merge(const MergeOptions& options, Context& context) {
    const auto sources = parse_ticket_ids(options.ids);
    const TicketId into = parse_ticket_ids(std::span(&options.into, 1)).front();
    for (const auto& change : merge_tickets(context.existing_store(), sources, into, context.actor())) {
        context.out() << fmt::format("ticket {}: merged into ticket {}{}\n", change.id, into,
                                     change.changed ? fmt::format(" ({} → closed)", to_string(change.from)) : "");
    }
}

}  // namespace

void declare_merge(CLI::App& command, Context& context) {
    auto options = std::make_shared<MergeOptions>();
    command.add_option("ids", options->ids, "The duplicate tickets")->required()->type_name("ID...");
    command.add_option("--into", options->into, "The ticket that stays")->required()->type_name("ID");
    command.callback([options, &context] { run_merge(*options, context); });
}

}  // namespace tkt::cli
