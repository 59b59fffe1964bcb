// Commands that change many tickets at once (tag, set, close, assign): the tickets by
// id or by --where FILTER, a dry run that lists what would change, and a question on
// a terminal before a large change.
#pragma once

#include "actions/edit_ticket.hpp"
#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <span>
#include <string>
#include <vector>

namespace tkt::cli {

// Above this many tickets, a change asked for on a terminal is confirmed first.
constexpr std::size_t k_confirm_above = 20;

struct BulkOptions {
    std::string where;
    bool dry_run = false;
    bool yes = false;
};

// Adds --where, --dry-run and --yes to `command`, filling `options`.
void add_bulk_options(CLI::App& command, BulkOptions& options);

// Returns the ids of the open tickets (new, open, pending, unless it names a status or
// an id) matching the filter `where`, as reply --where picks them; none is exit 1.
std::vector<TicketId> tickets_matching(const std::string& where, Context& context);

// Returns the tickets a command changes: `ids` parsed, or tickets_matching(options.where);
// both or neither is a usage error naming `usage` (e.g. "tkt tag ID... +TAG").
std::vector<TicketId> chosen_tickets(std::span<const std::string> ids, const BulkOptions& options,
                                     std::string_view usage, Context& context);

// Asks on a terminal whether to go on with changing `count` tickets when there are more
// than k_confirm_above and neither --yes nor --dry-run was given; anything but yes is
// exit 1 with nothing changed. Elsewhere (a script, a pipe) it asks nothing.
void confirm_bulk(std::size_t count, const BulkOptions& options, Context& context);

// Returns `options` as the action's DryRun.
DryRun dry_run_of(const BulkOptions& options);

// Prints the closing line of a dry run: how many of `count` tickets would change.
void report_dry_run(std::size_t changed, std::size_t count, const BulkOptions& options, Context& context);

// Prints what `tkt set` or `tkt move` did to each ticket, a line a ticket.
void print_edits(const std::vector<TicketEditOutcome>& outcomes, Context& context);

// Returns how many of `outcomes` changed something.
std::size_t changed_tickets(const std::vector<TicketEditOutcome>& outcomes);

}  // namespace tkt::cli
