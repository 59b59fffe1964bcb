// The one filter language of list, reply --where, stats --where and route (DESIGN.md 3a):
// Taskwarrior-style terms, all of which must match.
#pragma once

#include "core/time.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// breaching and due are SLA terms: the store cannot answer them, the SLA code does
// (select_tickets in actions/escalate.hpp).
enum class Field {
    id,
    status,
    queue,
    line,
    priority,
    assignee,
    requester,
    channel,
    language,
    tag,
    created,
    updated,
    breaching,
    due,
    text
};
enum class Compare { equal, not_equal, less, greater };

// One term. Text fields match any of `values` (an empty value stands for "none");
// a text term (full-text search) holds what to find as `values[0]`: a word, a phrase
// (its words with spaces between), or a prefix ending in '*', and not_equal leaves out
// the tickets that have it;
// id matches [low, high]; line matches low; created and updated compare with low; due
// compares the time left until the nearest SLA target (negative when overdue) with low.
struct Term {
    Field field = Field::id;
    Compare compare = Compare::equal;
    std::vector<std::string> values;
    std::int64_t low = 0;
    std::int64_t high = 0;
};

struct Filter {
    std::vector<Term> terms;

    // Returns true when some term is about `field`.
    bool has(Field field) const;

    // Returns true when some term needs SLA clocks (breaching, due).
    bool has_sla_terms() const { return has(Field::breaching) || has(Field::due); }
};

// What filter terms are relative to: the clock and who "me" is.
struct FilterContext {
    Timestamp now = 0;
    std::string me;  // the agent login that assignee:me means
    // Reads a requester: as its stored form, nullopt when it is none. Unset: a mail
    // address only (phone numbers need the phone module, which core does not load).
    std::function<std::optional<std::string>(std::string_view)> requester;
};

// Parses `words` (e.g. {"status:open", "+vip", "age>2h", "40-50", "касса"}) into a
// filter; throws a usage error that names the term when a word is not a valid term. A
// word that is no other term is text to find: a bare word, a prefix `word*`, a phrase
// (a word holding spaces, or in double quotes: `"кассовый аппарат"`; quotes also make
// a number text, `"5512"`), and `-"word"` the tickets without it.
Filter parse_filter(std::span<const std::string> words, const FilterContext& context);

// Splits `text`, a filter written as one string (stats --where, sla.toml's match), into
// its words at spaces, keeping a double-quoted phrase whole with its quotes.
std::vector<std::string> filter_words(std::string_view text);

// Returns the text terms of `filter` apart from the rest: what full-text search ranks
// by, and what is left to select with.
std::pair<std::vector<Term>, Filter> split_text_terms(Filter filter);

enum class SortField { id, created, updated, priority, status, queue, assignee };
enum class Order { ascending, descending };

struct SortKey {
    SortField field = SortField::id;
    Order order = Order::ascending;
};

// Parses a sort such as "-priority,created" (a leading '-' sorts descending);
// throws a usage error for an unknown key.
std::vector<SortKey> parse_sort(std::string_view text);

struct Ticket;

// Whether a text term holds for a ticket, for filters judged in memory; unset, a
// text term matches nothing there.
using TextMatcher = std::function<bool(const Term& term, const Ticket& ticket)>;

// Returns true when `ticket` (with its tags) satisfies every term of `filter`: the same
// answer the store's query gives, for rules evaluated in memory (SLA policies). SLA
// terms are not judged here: they count as matching; text terms ask `text`.
bool matches(const Filter& filter, const Ticket& ticket, const TextMatcher& text = {});

// Returns the filter used when the user gives no status and no id: open work only
// (new, open, pending) in addition to `filter`'s own terms.
Filter with_default_statuses(Filter filter);

}  // namespace tkt
