#include "actions/search.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct SearchOptions {
    std::vector<std::string> words;
    std::int64_t limit = 20;
    std::int64_t offset = 0;
    bool json = false;
};

// Returns `word` as the filter language reads it inside a search: "-word" leaves the
// word out (not a tag), and a number is text to find (an order number), not a ticket.
std::string search_word(std::string word) {
    word = restore_dash_word(word);
    if (word.size() > 1 && word.front() == '-' && word[1] != '"') {
        return fmt::format("-\"{}\"", word.substr(1));
    }
    if (!word.empty() && std::ranges::all_of(word, [](char c) { return c >= '0' && c <= '9'; })) {
        return fmt::format("\"{}\"", word);
    }
    return word;
}

std::string painted_snippet(const Snippet& snippet, const Terminal& terminal) {
    std::string text;
    std::size_t at = 0;
    for (const auto& [begin, end] : snippet.marks) {
        text += snippet.text.substr(at, begin - at);
        text += paint(terminal, snippet.text.substr(begin, end - begin), Style::bold);
        at = end;
    }
    return text + snippet.text.substr(at);
}

void print_hits(const std::vector<SearchHit>& hits, Context& context) {
    const Terminal& terminal = context.terminal();
    if (!terminal.is_tty) {
        // One line per ticket, tab-separated: id, status, subject, snippet.
        for (const auto& [ticket, snippet] : hits) {
            context.out() << fmt::format("{}\t{}\t{}\t{}\n", ticket.id, to_string(ticket.status),
                                         tsv_field(ticket.subject), tsv_field(snippet.text));
        }
        return;
    }
    if (hits.empty()) {
        context.out() << "no tickets match\n";
        return;
    }
    for (const auto& [ticket, snippet] : hits) {
        context.out() << found_ticket_line(ticket, terminal) << '\n';
        if (!snippet.text.empty()) {
            context.out() << "    " << painted_snippet(snippet, terminal) << '\n';
        }
    }
}

void run_search(const SearchOptions& options, Context& context) {
    if (options.limit < 1 || options.offset < 0) {
        throw usage_error(options.limit < 1 ? fmt::format("invalid --limit {} (a count from 1)", options.limit)
                                            : fmt::format("invalid --offset {} (from 0)", options.offset));
    }
    std::vector<std::string> words;
    for (const auto& word : options.words) {
        words.push_back(search_word(word));
    }
    // Every status: what was solved long ago is what a search is for.
    auto [text, filter] = split_text_terms(parse_filter(words, context.filter_context()));
    std::vector<Term> wanted;
    for (auto& term : text) {
        (term.compare == Compare::equal ? wanted : filter.terms).push_back(std::move(term));
    }
    auto& store = context.existing_store();
    context.ready_search_index();
    const auto hits = search_tickets(store, wanted, filter, options.limit, options.offset);
    if (!options.json) {
        print_hits(hits, context);
        return;
    }
    print_json_array(context.out(), hits, [](const SearchHit& hit) {
        auto json = to_json(hit.ticket);
        json["snippet"] = hit.snippet.text;
        json["matched"] = hit.snippet.matched;
        return json;
    });
}

}  // namespace

void declare_search(CLI::App& command, Context& context) {
    auto options = std::make_shared<SearchOptions>();
    command
        .add_option("words", options->words,
                    "Words to find, in any form (касса finds кассы, printers finds printer): \"a phrase\", "
                    "-word to leave out, prefix*; and any filter terms (status:open queue:NAME +tag ...)")
        ->required()
        ->type_name("WORDS...");
    command.add_option("--limit", options->limit, "Show at most N tickets (default 20)")->type_name("N");
    command.add_option("--offset", options->offset, "Skip the first N, for the next page")->type_name("N");
    command.add_flag("--json", options->json, "Print a JSON array: each ticket with its snippet and matched words");
    command.callback([options, &context] { run_search(*options, context); });
}

}  // namespace tkt::cli
