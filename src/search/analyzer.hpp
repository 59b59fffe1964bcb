// How full-text search reads text (issue 19): words folded (case, ё and е, diacritics)
// and stemmed with Snowball (libstemmer), so that «кассы» finds «касса» and "printers"
// finds "printer". The one reading both backends use: SQLite's FTS5 tokenizer "tkt" and
// the tsvector tkt builds for PostgreSQL call it, so a search finds the same tickets on
// either.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace tkt::search {

// What a word becomes: a stem for documents and queries, only folded for a prefix
// (`print*` must find "printer", whose stem is "printer", and "printing", "print").
enum class Reading { stem, prefix };

// One word of a text: its term (folded, then stemmed unless a prefix), and where it
// stands in the text, as byte offsets [begin, end).
struct Word {
    std::string_view term;
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Calls `found` for each word of `text` (UTF-8; invalid bytes separate words), in
// order. A word is a run of letters and digits (any alphabet), with apostrophes between
// letters; combining marks, soft hyphens and zero-width characters inside a word are
// dropped. Each is lowercased, ё read as е, Latin diacritics removed (é as e, ß as ss),
// and with Reading::stem stemmed by its alphabet: Cyrillic by the Russian stemmer,
// Latin by the English one, which leave each other's letters alone, so a text whose
// language is not known gets both. Words over k_max_word_bytes folded are skipped
// (encoded data, not language). `found` returns false to stop.
void for_each_word(std::string_view text, Reading reading, const std::function<bool(const Word&)>& found);

// The longest word indexed, in bytes once folded.
constexpr std::size_t k_max_word_bytes = 60;

// Returns the terms of `text` joined by single spaces: what a search index holds.
std::string terms_of(std::string_view text, Reading reading = Reading::stem);

// Identifies the reading: changes whenever a stored index would read a text otherwise,
// so that `tkt db check` can tell an index built by an older tkt.
constexpr std::string_view k_reading_version = "tkt-1 snowball-2 russian english";

}  // namespace tkt::search
