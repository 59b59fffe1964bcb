#include "cli/commands.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct TagOptions {
    std::string id;
    std::vector<std::string> changes;  // "+name" adds, "-name" removes
};

void run_tag(const TagOptions& options, Context& context) {
    const auto id = parse_ticket_ids(std::span(&options.id, 1)).front();
    std::vector<std::string> add;
    std::vector<std::string> remove;
    for (const auto& protected_word : options.changes) {
        const std::string word = restore_dash_word(protected_word);
        if (word.size() < 2 || (word.front() != '+' && word.front() != '-')) {
            throw usage_error(fmt::format("invalid tag change '{}' (write +name to add, -name to remove)", word));
        }
        (word.front() == '+' ? add : remove).push_back(word.substr(1));
    }
    if (add.empty() && remove.empty()) {
        throw usage_error("no tag changes given (write +name to add, -name to remove)");
    }
    const auto change = change_tags(context.store(), id, add, remove, context.actor());
    std::vector<std::string> parts;
    for (const auto& tag : change.added) {
        parts.push_back("+" + tag);
    }
    for (const auto& tag : change.removed) {
        parts.push_back("-" + tag);
    }
    if (parts.empty()) {
        context.out() << fmt::format("ticket {}: tags unchanged\n", id);
    } else {
        context.out() << fmt::format("ticket {}: {}\n", id, join(parts, " "));
    }
}

}  // namespace

void declare_tag(CLI::App& command, Context& context) {
    auto options = std::make_shared<TagOptions>();
    command.add_option("id", options->id, "The ticket id")->required()->type_name("ID");
    command.add_option("changes", options->changes, "+name adds a tag, -name removes one");
    command.callback([options, &context] { run_tag(*options, context); });
}

}  // namespace tkt::cli
