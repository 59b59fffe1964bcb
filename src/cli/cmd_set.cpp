#include "actions/ticket_language.hpp"
#include "cli/commands.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct SetOptions {
    std::vector<std::string> words;  // ticket ids, then FIELD:VALUE
};

// The fields `tkt set` changes, for its errors.
constexpr std::string_view k_fields = "language";

void run_set(const SetOptions& options, Context& context) {
    std::vector<std::string> ids;
    std::optional<LanguageChoice> language;
    for (const auto& word : options.words) {
        const auto colon = word.find(':');
        if (colon == std::string::npos) {
            ids.push_back(word);
        } else if (const auto field = ascii_lower(word.substr(0, colon)); field == "language" || field == "lang") {
            language = parse_language_choice(word.substr(colon + 1));
        } else {
            throw usage_error(
                fmt::format("tkt set cannot change '{}' (it changes: {})", word.substr(0, colon), k_fields));
        }
    }
    if (ids.empty() || !language) {
        throw usage_error("give ticket IDs and what to set, e.g. 'tkt set 42 language:en' (see 'tkt help set')");
    }
    const auto tickets = parse_ticket_ids(ids);
    for (const auto& change : set_ticket_language(context.existing_store(), tickets, *language, context.actor())) {
        const std::string to = change.to.value_or("unknown");
        if (change.changed) {
            context.out() << fmt::format("ticket {}: language {} (was {})\n", change.id, to,
                                         change.from.value_or("unknown"));
        } else {
            context.out() << fmt::format("ticket {}: language {}, unchanged\n", change.id, to);
        }
    }
}

}  // namespace

void declare_set(CLI::App& command, Context& context) {
    auto options = std::make_shared<SetOptions>();
    command
        .add_option("words", options->words,
                    "Ticket IDs, then what to set: language:CODE (ru, en, ...), language:auto (detect again) or "
                    "language:none")
        ->required()
        ->type_name("ID... FIELD:VALUE");
    command.callback([options, &context] { run_set(*options, context); });
}

}  // namespace tkt::cli
