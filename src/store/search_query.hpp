// Internal to src/store/. Text terms of a filter (full-text search, issue 19) in each
// backend's query language, read by search/analyzer as the index was: an FTS5 match
// expression for SQLite's tokenizer "tkt", a tsquery of the stems for PostgreSQL.
#pragma once

#include "core/filter.hpp"
#include "store/database.hpp"

#include <span>
#include <string>

namespace tkt::store {

// Returns the query that finds the tickets having every one of `terms` (each read as
// equal, whatever its compare), in `dialect`'s language. Throws a usage error (64)
// naming a term with no word to find, or a prefix of more than one word.
std::string text_query(Dialect dialect, std::span<const Term> terms);

// Returns the query that finds the tickets having any of `words` (single words, as
// written), in `dialect`'s language; throws as text_query does.
std::string any_word_query(Dialect dialect, std::span<const std::string> words);

// Returns the condition that ticket t's text matches the query bound as `parameter`.
std::string text_condition(Dialect dialect, std::string_view parameter);

}  // namespace tkt::store
