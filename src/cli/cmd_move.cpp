#include "actions/edit_ticket.hpp"
#include "cli/bulk.hpp"
#include "cli/commands.hpp"
#include "cli/ticket_args.hpp"

namespace tkt::cli {
namespace {

struct MoveOptions {
    std::vector<std::string> ids;
    std::string queue;
    std::optional<int> line;
    std::string reason;
};

// A transfer is `tkt set ID queue:Q line:N --reason TEXT`, said as people say it.
void run_move(const MoveOptions& options, Context& context) {
    TicketEdit edit;
    edit.queue = options.queue == "none" ? std::nullopt : std::optional(options.queue);
    edit.line = options.line;
    edit.reason = options.reason;
    const auto tickets = parse_ticket_ids(options.ids);
    print_edits(edit_tickets(context.existing_store(), context.routing(), tickets, edit, context.actor()), context);
}

}  // namespace

void declare_move(CLI::App& command, Context& context) {
    auto options = std::make_shared<MoveOptions>();
    command.add_option("ids", options->ids, "The tickets to move")->required()->type_name("ID...");
    command.add_option("-q,--queue", options->queue, "The queue that takes them")->required()->type_name("QUEUE");
    command.add_option("--line", options->line, "The line of that queue (default: the line they are on)")
        ->type_name("N");
    command.add_option("-r,--reason", options->reason, "Why they move (required)")->required()->type_name("TEXT");
    command.callback([options, &context] { run_move(*options, context); });
}

}  // namespace tkt::cli
