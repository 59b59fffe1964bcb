#include "cli/bulk.hpp"
#include "cli/commands.hpp"
#include "cli/ticket_args.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct StatusOptions {
    std::vector<std::string> ids;
    BulkOptions bulk;
};

using Move = std::vector<StatusChange> (*)(Store&, std::span<const TicketId>, const Actor&, DryRun);

void report(const std::vector<StatusChange>& changes, std::string_view done, Context& context) {
    for (const auto& change : changes) {
        if (change.changed) {
            context.out() << fmt::format("{} ticket {}\n", done, change.id);
        } else {
            context.out() << fmt::format("ticket {} is {}: unchanged\n", change.id, to_string(change.from));
        }
    }
}

// Declares close or reopen: `verb` names the command, `done` says what it did.
void declare_status_change(CLI::App& command, Context& context, Move move, std::string_view verb,
                           std::string_view done) {
    auto options = std::make_shared<StatusOptions>();
    command.add_option("ids", options->ids, "The ticket ids")->type_name("ID...");
    add_bulk_options(command, options->bulk);
    command.callback([options, &context, move, verb, done] {
        const auto ids = chosen_tickets(options->ids, options->bulk, fmt::format("tkt {} ID...", verb), context);
        confirm_bulk(ids.size(), options->bulk, context);
        const auto changes = move(context.store(), ids, context.actor(), dry_run_of(options->bulk));
        report(changes, done, context);
        const auto changed = std::count_if(changes.begin(), changes.end(), [](const auto& c) { return c.changed; });
        report_dry_run(static_cast<std::size_t>(changed), changes.size(), options->bulk, context);
    });
}

}  // namespace

void declare_close(CLI::App& command, Context& context) {
    declare_status_change(command, context, close_tickets, "close", "closed");
}

void declare_reopen(CLI::App& command, Context& context) {
    declare_status_change(command, context, reopen_tickets, "reopen", "reopened");
}

}  // namespace tkt::cli
