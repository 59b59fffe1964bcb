#include "store/search_query.hpp"

#include "core/error.hpp"
#include "search/analyzer.hpp"

#include <fmt/format.h>
#include <vector>

namespace tkt::store {
namespace {

struct Reading {
    std::vector<std::string> terms;  // the words' terms, in order: one word, or a phrase
    bool prefix = false;
};

// Reads a text term's words as the index reads them; a prefix's last word is only folded.
Reading read_term(const Term& term) {
    const std::string& text = term.values.at(0);
    Reading reading;
    reading.prefix = text.ends_with('*');
    const std::string_view words = reading.prefix ? std::string_view(text).substr(0, text.size() - 1) : text;
    search::for_each_word(words, reading.prefix ? search::Reading::prefix : search::Reading::stem,
                          [&](const search::Word& word) {
                              reading.terms.emplace_back(word.term);
                              return true;
                          });
    if (reading.terms.empty()) {
        throw usage_error(fmt::format("'{}' has no word to find (letters or digits)", text));
    }
    if (reading.prefix && reading.terms.size() > 1) {
        throw usage_error(fmt::format("'{}': a prefix search takes one word, such as 'print*'", text));
    }
    return reading;
}

// FTS5 reads each quoted string with the tokenizer "tkt" itself: the words go as the
// user wrote them (a stem stemmed again may change), and '*' asks for a prefix.
std::string fts5_phrase(const Term& term) {
    read_term(term);  // the same checks as on PostgreSQL
    std::string text = term.values.at(0);
    const bool prefix = text.ends_with('*');
    if (prefix) {
        text.pop_back();
    }
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') {
            quoted += "\"\"";
        } else {
            // FTS5 reads its query up to a NUL, which is never part of a word anyway.
            quoted += c == '\0' ? ' ' : c;
        }
    }
    quoted += '"';
    return prefix ? quoted + " *" : quoted;
}

// A lexeme of a tsquery: quoted, its apostrophes doubled.
std::string lexeme(std::string_view term) {
    std::string quoted = "'";
    for (const char c : term) {
        quoted += c == '\'' ? std::string("''") : std::string(1, c);
    }
    return quoted + "'";
}

std::string tsquery_phrase(const Term& term) {
    const Reading reading = read_term(term);
    std::vector<std::string> lexemes;
    for (const auto& word : reading.terms) {
        lexemes.push_back(lexeme(word));
    }
    if (reading.prefix) {
        lexemes.back() += ":*";
    }
    return lexemes.size() == 1 ? lexemes.front() : fmt::format("({})", fmt::join(lexemes, " <-> "));
}

}  // namespace

std::string text_query(Dialect dialect, std::span<const Term> terms) {
    std::vector<std::string> parts;
    for (const auto& term : terms) {
        parts.push_back(dialect == Dialect::sqlite ? fts5_phrase(term) : tsquery_phrase(term));
    }
    return fmt::format("{}", fmt::join(parts, dialect == Dialect::sqlite ? " AND " : " & "));
}

std::string any_word_query(Dialect dialect, std::span<const std::string> words) {
    std::vector<std::string> parts;
    for (const auto& word : words) {
        const Term term{Field::text, Compare::equal, {word}};
        parts.push_back(dialect == Dialect::sqlite ? fts5_phrase(term) : tsquery_phrase(term));
    }
    return fmt::format("{}", fmt::join(parts, dialect == Dialect::sqlite ? " OR " : " | "));
}

std::string text_condition(Dialect dialect, std::string_view parameter) {
    return dialect == Dialect::sqlite
               ? fmt::format("t.id IN (SELECT rowid FROM ticket_text WHERE ticket_text MATCH {})", parameter)
               : fmt::format("t.id IN (SELECT ticket_id FROM ticket_text WHERE doc @@ CAST({} AS tsquery))", parameter);
}

}  // namespace tkt::store
