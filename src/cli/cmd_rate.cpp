#include "cli/commands.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct RateOptions {
    std::string id;
    std::string score;
    std::string comment;
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
    const Rating rating = rate_ticket(context.existing_store(), id, score, options.comment, context.actor());
    const std::string_view verdict = rating.score >= 4 ? "good" : "not good";
    if (rating.previous) {
        context.out() << fmt::format("ticket {}: rated {} ({}), was {}\n", id, rating.score, verdict, *rating.previous);
    } else {
        context.out() << fmt::format("ticket {}: rated {} ({})\n", id, rating.score, verdict);
    }
}

}  // namespace

void declare_rate(CLI::App& command, Context& context) {
    auto options = std::make_shared<RateOptions>();
    command.add_option("id", options->id, "The ticket")->required()->type_name("ID");
    command.add_option("score", options->score, "Satisfaction from 1 (bad) to 5 (excellent); 4 and 5 count as good")
        ->required()
        ->type_name("SCORE");
    command.add_option("--comment", options->comment, "What the customer said")->type_name("TEXT");
    command.callback([options, &context] { run_rate(*options, context); });
}

}  // namespace tkt::cli
