#include "actions/ratings.hpp"
#include "cli/commands.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "people/identity.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct RateOptions {
    std::string id;
    std::string score;
    std::string comment;
    std::optional<std::string> from;
};

int parse_score(std::string_view text) {
    if (text.size() == 1 && text[0] >= '1' && text[0] <= '5') {
        return text[0] - '0';
    }
    throw usage_error(fmt::format("score '{}': rate from 1 (bad) to 5 (excellent)", text));
}

void run_rate(const RateOptions& options, Context& context) {
    const TicketId id = parse_ticket_ids(std::span(&options.id, 1)).front();
    const int score = parse_score(options.score);
    Rating rating;
    if (options.from) {
        // The customer's own rating, from a chat platform's form: theirs, not an agent's.
        const std::string country = context.phone_country();
        const auto identity = parse_identity(*options.from, country);
        if (!identity) {
            throw data_error(fmt::format("invalid --from: {}", identity_problem(*options.from, country)));
        }
        rating = rate_ticket(context.existing_store(), id, score, options.comment,
                             Actor{identity->value, context.now()}, RatingSource::customer);
    } else {
        rating = rate_ticket(context.existing_store(), id, score, options.comment, context.actor());
    }
    std::string line =
        fmt::format("ticket {}: rated {} ({})", id, rating.score, rating.score >= 4 ? "good" : "not good");
    if (rating.previous) {
        line += fmt::format(", was {}", *rating.previous);
    }
    line += rating.agent ? fmt::format(", credited to {}", *rating.agent) : std::string(", no agent replied");
    context.out() << line << '\n';
}

}  // namespace

void declare_rate(CLI::App& command, Context& context) {
    auto options = std::make_shared<RateOptions>();
    command.add_option("id", options->id, "The ticket")->required()->type_name("ID");
    command.add_option("score", options->score, "Satisfaction from 1 (bad) to 5 (excellent); 4 and 5 count as good")
        ->required()
        ->type_name("SCORE");
    command.add_option("--comment", options->comment, "What the customer said")->type_name("TEXT");
    command
        .add_option("--from", options->from,
                    "The customer's own rating (a chat platform's form), recorded as theirs; without it, a rating "
                    "the customer told an agent")
        ->type_name("WHO");
    command.callback([options, &context] { run_rate(*options, context); });
}

}  // namespace tkt::cli
