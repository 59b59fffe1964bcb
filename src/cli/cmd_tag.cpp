#include "cli/bulk.hpp"
#include "cli/commands.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct TagOptions {
    std::vector<std::string> words;  // ticket ids, then "+name" adds, "-name" removes
    BulkOptions bulk;
};

void run_tag(const TagOptions& options, Context& context) {
    std::vector<std::string> ids;
    std::vector<std::string> add;
    std::vector<std::string> remove;
    for (const auto& protected_word : options.words) {
        const std::string word = restore_dash_word(protected_word);
        if (parse_ticket_id(word)) {
            ids.push_back(word);
        } else if (word.size() < 2 || (word.front() != '+' && word.front() != '-')) {
            throw usage_error(fmt::format("invalid tag change '{}' (write +name to add, -name to remove)", word));
        } else {
            (word.front() == '+' ? add : remove).push_back(word.substr(1));
        }
    }
    if (add.empty() && remove.empty()) {
        throw usage_error("no tag changes given (write +name to add, -name to remove)");
    }
    const auto tickets = chosen_tickets(ids, options.bulk, "tkt tag ID... +TAG -TAG", context);
    confirm_bulk(tickets.size(), options.bulk, context);
    const auto changes =
        change_tags_of(context.store(), tickets, add, remove, context.actor(), dry_run_of(options.bulk));
    std::size_t changed = 0;
    for (const auto& change : changes) {
        std::vector<std::string> parts;
        for (const auto& tag : change.added) {
            parts.push_back("+" + tag);
        }
        for (const auto& tag : change.removed) {
            parts.push_back("-" + tag);
        }
        changed += parts.empty() ? 0U : 1U;
        context.out() << fmt::format("ticket {}: {}\n", change.id, parts.empty() ? "tags unchanged" : join(parts, " "));
    }
    report_dry_run(changed, changes.size(), options.bulk, context);
}

}  // namespace

void declare_tag(CLI::App& command, Context& context) {
    auto options = std::make_shared<TagOptions>();
    command.add_option("words", options->words, "Ticket IDs, then +name to add a tag, -name to remove one")
        ->type_name("[ID...] CHANGE...");
    add_bulk_options(command, options->bulk);
    command.callback([options, &context] { run_tag(*options, context); });
}

}  // namespace tkt::cli
