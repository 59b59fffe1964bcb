#include "actions/similar.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct SimilarOptions {
    std::string id;
    std::int64_t limit = 5;
    bool json = false;
};

// How much of each answer a terminal shows under its ticket.
constexpr std::size_t k_answer_lines = 4;

void print_similar(const std::vector<SimilarTicket>& similar, TicketId id, Context& context) {
    const Terminal& terminal = context.terminal();
    if (!terminal.is_tty) {
        // One line per ticket, tab-separated: id, status, subject, the answer's core.
        for (const auto& [ticket, answer, core] : similar) {
            context.out() << fmt::format("{}\t{}\t{}\t{}\n", ticket.id, to_string(ticket.status),
                                         tsv_field(ticket.subject), tsv_field(core));
        }
        return;
    }
    if (similar.empty()) {
        context.out() << fmt::format("no solved ticket is like ticket {}\n", id);
        return;
    }
    for (const auto& [ticket, answer, core] : similar) {
        context.out() << found_ticket_line(ticket, terminal) << '\n';
        // The answer's first lines, wrapped to the terminal.
        auto lines = wrap_words(core, terminal.width > 24 ? terminal.width - 4 : 20);
        std::erase_if(lines, [](const std::string& line) { return trim(line).empty(); });
        for (std::size_t i = 0; i < lines.size() && i <= k_answer_lines; ++i) {
            context.out() << "    " << (i < k_answer_lines ? lines[i] : paint(terminal, "…", Style::dim)) << '\n';
        }
    }
    context.out() << paint(terminal,
                           fmt::format("answer from one of them: tkt reply {} --from-ticket {}", id,
                                       similar.front().ticket.id),
                           Style::dim)
                  << '\n';
}

void run_similar(const SimilarOptions& options, Context& context) {
    if (options.limit < 1) {
        throw usage_error(fmt::format("invalid --limit {} (a count from 1)", options.limit));
    }
    const TicketId id = parse_ticket_ids(std::span(&options.id, 1)).front();
    auto& store = context.existing_store();
    context.ready_search_index();
    const auto similar = similar_tickets(store, id, options.limit);
    if (!options.json) {
        print_similar(similar, id, context);
        return;
    }
    print_json_array(context.out(), similar, [](const SimilarTicket& found) {
        auto json = to_json(found.ticket);
        json["answer"] = to_json(found.answer);
        json["answer_core"] = found.answer_core;
        return json;
    });
}

}  // namespace

void declare_similar(CLI::App& command, Context& context) {
    auto options = std::make_shared<SimilarOptions>();
    command.add_option("id", options->id, "The ticket to find past answers for")->required()->type_name("ID");
    command.add_option("--limit", options->limit, "Show at most N tickets (default 5)")->type_name("N");
    command.add_flag("--json", options->json, "Print a JSON array: each ticket with the reply that solved it");
    command.callback([options, &context] { run_similar(*options, context); });
}

}  // namespace tkt::cli
