// Finding tickets by what they say (issue 19): ranked search with a snippet of each
// ticket's text around what was found, and the build of the index for the tickets that
// were there before it.
#pragma once

#include "core/filter.hpp"
#include "core/ticket.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace tkt {

// A piece of a ticket's text around the first place a search found, on one line, with
// the found words marked as byte ranges of `text`.
struct Snippet {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> marks;
    std::vector<std::string> matched;  // the words found, as the text writes them, once each
};

// Returns the snippet of `text` for the text terms `terms` (those to find; the ones to
// leave out play no part): about `width` characters from the message or note where a
// word was found first (the subject only when nothing else has one), cut at
// characters, never inside a UTF-8 sequence, with "…" where it was cut. Empty when no
// word is found (a ticket found by its attachment's name shows that name).
Snippet snippet_of(const TicketText& text, std::span<const Term> terms, std::size_t width = 100);

// One ticket found.
struct SearchHit {
    Ticket ticket;
    Snippet snippet;
};

// Returns the tickets whose text has `terms` and that match `filter`, best first
// (Store::search_tickets), `limit` from `offset`, each with its snippet. Throws a usage
// error (64) when `terms` holds nothing to find.
std::vector<SearchHit> search_tickets(Store& store, std::span<const Term> terms, const Filter& filter,
                                      std::int64_t limit, std::int64_t offset);

// Told how far a build of the index is: `done` of `total` tickets.
using BuildProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// Finishes building the search index for the tickets older than it, in steps of one
// transaction each, telling `progress` after each: stopped (a signal, a crash), it goes
// on from the last step the next time. Does nothing when the index is complete.
void finish_search_build(Store& store, const BuildProgress& progress);

// What `tkt db check` found in the search index.
struct IndexCheck {
    SearchBuild build;
    bool reading_current = true;  // built by this tkt's reading of words
    bool structure_sound = true;  // the backend's own check of the index passed
    std::int64_t compared = 0;
    std::vector<TicketId> missing;    // tickets with no document
    std::vector<TicketId> different;  // tickets whose document is not their text
    bool sound() const {
        return build.done() && reading_current && structure_sound && missing.empty() && different.empty();
    }
};

// Checks the search index against the tickets' rows, every ticket, a page at a time,
// telling `progress`; reads only.
IndexCheck check_search_index(Store& store, const BuildProgress& progress);

}  // namespace tkt
