#include "cli/bulk.hpp"

#include "actions/escalate.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <istream>

namespace tkt::cli {
namespace {

std::string shown(const FieldChange& change, const std::optional<std::string>& value) {
    return value.value_or(change.field == "language" ? "unknown" : "none");
}

}  // namespace

void add_bulk_options(CLI::App& command, BulkOptions& options) {
    command.add_option("--where", options.where, "Change every ticket matching the filter (open work by default)")
        ->type_name("FILTER");
    command.add_flag("-n,--dry-run", options.dry_run, "List what would change; change nothing");
    command.add_flag("-y,--yes", options.yes,
                     fmt::format("Do not ask before changing more than {} tickets on a terminal", k_confirm_above));
}

std::vector<TicketId> tickets_matching(const std::string& where, Context& context) {
    const Filter filter = context.open_work_filter(filter_words(where));
    Store& store = context.existing_store();
    std::vector<TicketId> ids;
    auto read = store.begin_read();
    for (const auto& ticket : select_tickets(store, filter, {}, 0, context.sla_for(filter), context.now())) {
        ids.push_back(ticket.id);
    }
    if (ids.empty()) {
        throw Error(Exit::nothing, fmt::format("no open ticket matches '{}'", where));
    }
    return ids;
}

std::vector<TicketId> chosen_tickets(std::span<const std::string> ids, const BulkOptions& options,
                                     std::string_view usage, Context& context) {
    if (ids.empty() == options.where.empty()) {
        throw usage_error(fmt::format("give either ticket IDs or --where FILTER: {}", usage));
    }
    return options.where.empty() ? parse_ticket_ids(ids) : tickets_matching(options.where, context);
}

void confirm_bulk(std::size_t count, const BulkOptions& options, Context& context) {
    if (count <= k_confirm_above || options.yes || options.dry_run || !context.terminal().asks) {
        return;
    }
    context.err() << fmt::format("{} tickets{}: change them all? [y/N] ", count,
                                 options.where.empty() ? "" : fmt::format(" match '{}'", options.where))
                  << std::flush;
    std::string answer;
    std::getline(context.in(), answer);
    answer = ascii_lower(trim(answer));
    if (answer != "y" && answer != "yes") {
        throw Error(Exit::nothing, "nothing changed (--dry-run lists what would change)");
    }
}

DryRun dry_run_of(const BulkOptions& options) {
    return options.dry_run ? DryRun::yes : DryRun::no;
}

void report_dry_run(std::size_t changed, std::size_t count, const BulkOptions& options, Context& context) {
    if (options.dry_run) {
        context.out() << fmt::format("dry run: {} of {} ticket{} would change; nothing written\n", changed, count,
                                     count == 1 ? "" : "s");
    }
}

void print_edits(const std::vector<TicketEditOutcome>& outcomes, Context& context) {
    for (const auto& outcome : outcomes) {
        std::vector<std::string> parts;
        for (const auto& change : outcome.changes) {
            parts.push_back(
                fmt::format("{} {} (was {})", change.field, shown(change, change.to), shown(change, change.from)));
        }
        if (outcome.dropped_owner) {
            parts.push_back(fmt::format("to the queue's pool (was assigned to {})", *outcome.dropped_owner));
        }
        context.out() << fmt::format("ticket {}: {}\n", outcome.id, parts.empty() ? "unchanged" : join(parts, ", "));
    }
}

std::size_t changed_tickets(const std::vector<TicketEditOutcome>& outcomes) {
    return static_cast<std::size_t>(
        std::count_if(outcomes.begin(), outcomes.end(), [](const auto& outcome) { return !outcome.changes.empty(); }));
}

}  // namespace tkt::cli
