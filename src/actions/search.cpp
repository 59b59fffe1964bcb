#include "actions/search.hpp"

#include "core/error.hpp"
#include "search/analyzer.hpp"

#include <algorithm>
#include <set>

namespace tkt {
namespace {

// The search's words as the index reads them: whole terms, and prefixes.
struct Wanted {
    std::set<std::string, std::less<>> terms;
    std::vector<std::string> prefixes;
};

Wanted wanted_of(std::span<const Term> terms) {
    Wanted wanted;
    for (const auto& term : terms) {
        if (term.field != Field::text || term.compare != Compare::equal) {
            continue;
        }
        std::string_view text = term.values.at(0);
        const bool prefix = text.ends_with('*');
        if (prefix) {
            text.remove_suffix(1);
        }
        search::for_each_word(text, prefix ? search::Reading::prefix : search::Reading::stem,
                              [&](const search::Word& word) {
                                  if (prefix) {
                                      wanted.prefixes.emplace_back(word.term);
                                  } else {
                                      wanted.terms.emplace(word.term);
                                  }
                                  return true;
                              });
    }
    return wanted;
}

using Range = std::pair<std::size_t, std::size_t>;

// Returns where `text` holds a wanted word, in order.
std::vector<Range> found_in(std::string_view text, const Wanted& wanted) {
    std::vector<Range> found;
    if (!wanted.terms.empty()) {
        search::for_each_word(text, search::Reading::stem, [&](const search::Word& word) {
            if (wanted.terms.contains(word.term)) {
                found.emplace_back(word.begin, word.end);
            }
            return true;
        });
    }
    if (!wanted.prefixes.empty()) {
        search::for_each_word(text, search::Reading::prefix, [&](const search::Word& word) {
            if (std::ranges::any_of(wanted.prefixes, [&](const auto& p) { return word.term.starts_with(p); })) {
                found.emplace_back(word.begin, word.end);
            }
            return true;
        });
    }
    std::ranges::sort(found);
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

bool continues_character(std::string_view text, std::size_t at) {
    return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
}

// Moves `at` back over `count` characters of `text`.
std::size_t back_by(std::string_view text, std::size_t at, std::size_t count) {
    while (at > 0 && count > 0) {
        --at;
        if (!continues_character(text, at)) {
            --count;
        }
    }
    return at;
}

// Moves `at` on over `count` characters of `text`.
std::size_t on_by(std::string_view text, std::size_t at, std::size_t count) {
    while (at < text.size() && count > 0) {
        ++at;
        while (continues_character(text, at)) {
            ++at;
        }
        --count;
    }
    return at;
}

std::size_t characters_in(std::string_view text) {
    return static_cast<std::size_t>(
        std::ranges::count_if(text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_space(char c) {
    return static_cast<unsigned char>(c) <= ' ';
}

// Returns [begin, end) of `text` cut to `width` characters around `first`, at spaces
// where one is near.
Range window(std::string_view text, Range first, std::size_t width) {
    // Near the end, the window reaches back further, so that it is as wide as it may be.
    const std::size_t after = characters_in(text.substr(first.first));
    std::size_t begin = back_by(text, first.first, std::max(width / 3, width > after ? width - after : 0));
    if (begin > 0) {
        // Start at a word: past the next space, if it comes before what was found.
        const auto space = text.find_first_of(" \t\r\n", begin);
        if (space != std::string_view::npos && space < first.first) {
            begin = space + 1;
        }
    }
    std::size_t end = on_by(text, begin, width);
    if (end < text.size()) {
        const auto space = text.find_last_of(" \t\r\n", end);
        if (space != std::string_view::npos && space > first.second) {
            end = space;
        }
    }
    return {begin, end};
}

}  // namespace

Snippet snippet_of(const TicketText& text, std::span<const Term> terms, std::size_t width) {
    const Wanted wanted = wanted_of(terms);
    Snippet snippet;
    for (const std::string_view part :
         {std::string_view(text.opening), std::string_view(text.rest), std::string_view(text.subject)}) {
        const auto found = found_in(part, wanted);
        if (found.empty()) {
            continue;
        }
        const auto [begin, end] = window(part, found.front(), width);
        if (begin > 0) {
            snippet.text = "…";
        }
        auto mark = found.begin();
        bool space = false;
        for (std::size_t at = begin; at < end; ++at) {
            while (mark != found.end() && mark->second <= at) {
                ++mark;
            }
            if (mark != found.end() && mark->first == at && mark->second <= end) {
                if (space) {
                    snippet.text += ' ';
                    space = false;
                }
                const std::string word(part.substr(mark->first, mark->second - mark->first));
                snippet.marks.emplace_back(snippet.text.size(), snippet.text.size() + word.size());
                snippet.text += word;
                if (std::ranges::find(snippet.matched, word) == snippet.matched.end()) {
                    snippet.matched.push_back(word);
                }
                at = mark->second - 1;
                continue;
            }
            if (is_space(part[at])) {
                space = !snippet.text.empty() && snippet.text != "…";
                continue;
            }
            if (space) {
                snippet.text += ' ';
                space = false;
            }
            snippet.text += part[at];
        }
        if (end < part.size()) {
            snippet.text += "…";
        }
        break;
    }
    return snippet;
}

std::vector<SearchHit> search_tickets(Store& store, std::span<const Term> terms, const Filter& filter,
                                      std::int64_t limit, std::int64_t offset) {
    if (terms.empty()) {
        throw usage_error("give a word to find, such as 'tkt search касса' or 'tkt search \"кассовый аппарат\"'");
    }
    auto reading = store.begin_read();
    std::vector<SearchHit> hits;
    for (const TicketId id : store.search_tickets(terms, filter, limit, offset)) {
        auto ticket = store.find_ticket(id);
        const auto text = store.ticket_text(id);
        if (ticket && text) {
            hits.push_back(SearchHit{std::move(*ticket), snippet_of(*text, terms)});
        }
    }
    return hits;
}

void finish_search_build(Store& store, const BuildProgress& progress) {
    // A step commits this many tickets: short enough for the mail to get in between.
    constexpr std::int64_t k_step = 2000;
    for (auto build = store.search_build(); !build.done(); build = store.continue_search_build(k_step)) {
        if (progress) {
            progress(build.built_through, build.build_until);
        }
    }
}

IndexCheck check_search_index(Store& store, const BuildProgress& progress) {
    constexpr std::int64_t k_page = 1000;
    IndexCheck check;
    check.build = store.search_build();
    check.reading_current = check.build.reading == search::k_reading_version;
    check.structure_sound = store.search_structure_sound();
    const std::int64_t total = store.count_tickets();
    for (TicketId after = 0;;) {
        auto page = store.check_search_index(after, k_page);
        if (page.compared == 0) {
            break;
        }
        check.compared += page.compared;
        // Tickets a build has not reached yet are missing by design: the build says so.
        for (const TicketId id : page.missing) {
            if (id <= check.build.built_through || id > check.build.build_until) {
                check.missing.push_back(id);
            }
        }
        check.different.insert(check.different.end(), page.different.begin(), page.different.end());
        after = page.last;
        if (progress) {
            progress(check.compared, total);
        }
    }
    return check;
}

}  // namespace tkt
