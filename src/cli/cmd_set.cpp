#include "actions/edit_ticket.hpp"
#include "cli/bulk.hpp"
#include "cli/commands.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct SetOptions {
    std::vector<std::string> words;  // ticket ids, then FIELD:VALUE
    std::string reason;
    BulkOptions bulk;
};

void run_set(const SetOptions& options, Context& context) {
    std::vector<std::string> ids;
    TicketEdit edit;
    const std::string country = context.phone_country();
    for (const auto& word : options.words) {
        if (word.find(':') == std::string::npos) {
            ids.push_back(word);
        } else {
            add_field_change(edit, word, country);
        }
    }
    if (edit.empty()) {
        throw usage_error("give what to set as FIELD:VALUE, e.g. 'tkt set 42 priority:high' (see 'tkt help set')");
    }
    edit.reason = options.reason;
    const auto tickets = chosen_tickets(ids, options.bulk, "tkt set ID... FIELD:VALUE", context);
    confirm_bulk(tickets.size(), options.bulk, context);
    const auto outcomes = edit_tickets(context.existing_store(), context.routing(), tickets, edit, context.actor(),
                                       dry_run_of(options.bulk));
    print_edits(outcomes, context);
    report_dry_run(changed_tickets(outcomes), outcomes.size(), options.bulk, context);
}

}  // namespace

void declare_set(CLI::App& command, Context& context) {
    auto options = std::make_shared<SetOptions>();
    command
        .add_option("words", options->words,
                    fmt::format("Ticket IDs, then what to set: FIELD:VALUE with FIELD one of {} "
                                "(language:auto detects it again, queue:none takes the queue away)",
                                editable_fields()))
        ->required()
        ->type_name("[ID...] FIELD:VALUE...");
    command
        .add_option("-r,--reason", options->reason, "Why: recorded with each change, required to change queue or line")
        ->type_name("TEXT");
    add_bulk_options(command, options->bulk);
    command.callback([options, &context] { run_set(*options, context); });
}

}  // namespace tkt::cli
