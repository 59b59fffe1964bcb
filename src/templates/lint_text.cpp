// The checks of a template's literal text: banned phrases (RE2, case-insensitive,
// Cyrillic included), shouting and long sentences, and reading the phrase lists.
#include "templates/lint_text.hpp"

#include "core/toml_file.hpp"

#include <algorithm>
#include <array>

namespace tkt {
namespace lint {
namespace {

// Written in capitals by convention, so not shouting. ASAP is left out on purpose: in
// a reply it reads as pressure.
constexpr std::array<std::string_view, 28> k_acronyms{
    "API", "CSV",  "DNS", "FAQ", "HTML", "HTTP", "HTTPS", "ID",  "IMAP", "IP",  "JSON", "OK",  "PDF", "PIN",
    "SMS", "SMTP", "SSL", "TLS", "URL",  "USB",  "UTC",   "VPN", "ИНН",  "КПП", "МСК",  "НДС", "ПО",  "СМС"};

constexpr std::array<std::string_view, 4> k_phrase_keys{"lang", "pattern", "rule", "message"};

std::string_view view_of(const re2::StringPiece& piece) {
    return {piece.data(), piece.size()};
}

// Returns where `part`, a view into `text`, begins in it.
std::size_t offset_in(std::string_view text, std::string_view part) {
    return static_cast<std::size_t>(part.data() - text.data());
}

std::size_t offset_in(std::string_view text, const re2::StringPiece& part) {
    return offset_in(text, view_of(part));
}

class PhraseReader : public toml_file::Reader {
public:
    PhraseReader(std::filesystem::path file, PatternCheck check) : Reader(std::move(file)), m_check(check) {}

    // Adds the file's [[phrase]] tables to `phrases`, emptying it first on `replace = true`.
    void read_into(std::vector<BannedPhrase>& phrases) const {
        const toml::table root = parse();
        check_keys(root, "", std::array<std::string_view, 2>{"replace", "phrase"});
        if (const auto* replace = root.get("replace"); replace != nullptr && boolean(*replace, "replace")) {
            phrases.clear();
        }
        for (const auto* table : tables(root, "phrase")) {
            phrases.push_back(phrase(*table));
        }
    }

private:
    BannedPhrase phrase(const toml::table& table) const {
        check_keys(table, "phrase.", k_phrase_keys);
        for (const auto key : k_phrase_keys) {
            if (string(table, key, "phrase.").empty()) {
                fail(table.source(), fmt::format("'phrase.{}' is missing or empty", key));
            }
        }
        const auto at = table.get("pattern")->source().begin;
        BannedPhrase phrase{string(table, "lang", "phrase."),
                            string(table, "pattern", "phrase."),
                            string(table, "rule", "phrase."),
                            string(table, "message", "phrase."),
                            path(),
                            at.line,
                            at.column};
        if (m_check == PatternCheck::on_load) {
            compile_phrase(phrase);  // only to check it, while the file is at hand
        }
        return phrase;
    }

    PatternCheck m_check;
};

// Calls `visit` with the N groups of each match of `pattern` in `text`, left to right;
// a group that took no part is null.
template <std::size_t N> void for_each_match(const RE2& pattern, std::string_view text, auto&& visit) {
    const re2::StringPiece input(text.data(), text.size());
    std::array<re2::StringPiece, N> groups;
    for (std::size_t from = 0;
         from <= text.size() && pattern.Match(input, from, text.size(), RE2::UNANCHORED, groups.data(), N);
         from = offset_in(text, groups[0]) + std::max<std::size_t>(groups[0].size(), 1)) {
        visit(groups);
    }
}

// Returns the phrase that `match` found in `text`: without what the pattern took around
// it, as (^|\P{L}) takes the character before, and with the rest of a word it stops
// inside, so that the stem "осуществ" shows as the word "осуществлён".
std::string_view phrase_in(std::string_view text, const re2::StringPiece& match) {
    static const RE2 k_inner("(?s)[^\\p{L}\\p{N}]*(.*?)[^\\p{L}\\p{N}]*");
    static const RE2 k_letters("(\\p{L}*)");
    re2::StringPiece inner;
    const auto found = RE2::FullMatch(match, k_inner, &inner) && !inner.empty() ? view_of(inner) : view_of(match);
    const auto end = offset_in(text, found) + found.size();
    re2::StringPiece rest(text.data() + end, text.size() - end), letters;
    RE2::Consume(&rest, k_letters, &letters);
    return {found.data(), found.size() + letters.size()};
}

void check_phrases(const Part& part, const Piece& piece, const std::vector<const Phrase*>& phrases, Report& report) {
    for (const auto* phrase : phrases) {
        for_each_match<1>(*phrase->pattern, piece.text, [&](const auto& match) {
            const auto found = phrase_in(piece.text, match[0]);
            report.add(part, part.offset(piece, offset_in(piece.text, found)), Severity::warning, phrase->source->rule,
                       fmt::format("'{}': {}", found, phrase->source->message));
        });
    }
}

// Flags "!!" and capitals: a word of four or more capital letters, or capital words in a
// row ("DO NOT"), acronyms aside.
void check_shouting(const Part& part, const Piece& piece, Report& report) {
    static const RE2 k_token("(\\p{L}+)|!{2,}");
    static const RE2 k_capitals("\\p{Lu}{2,}");
    std::size_t begin = 0, end = 0, words = 0, longest = 0;  // the run of capital words so far
    auto end_run = [&] {
        if (words >= 2 || longest >= 4) {
            report.add(part, part.offset(piece, begin), Severity::warning, "shouting",
                       fmt::format("'{}': capitals read as shouting", piece.text.substr(begin, end - begin)));
        }
        words = longest = 0;
    };
    for_each_match<2>(k_token, piece.text, [&](const auto& token) {
        const auto start = offset_in(piece.text, token[0]);
        const auto word = view_of(token[1]);
        const bool capitals = token[1].data() != nullptr && RE2::FullMatch(token[1], k_capitals) &&
                              std::find(k_acronyms.begin(), k_acronyms.end(), word) == k_acronyms.end();
        if (!capitals || words == 0 || piece.text.find_first_not_of(" \t", end) != start) {
            end_run();
            begin = start;
        }
        if (token[1].data() == nullptr) {
            report.add(part, part.offset(piece, start), Severity::warning, "shouting",
                       fmt::format("'{}': one exclamation mark is enough", view_of(token[0])));
        } else if (capitals) {
            ++words;
            longest = std::max(longest, chars_in(word));
            end = start + word.size();
        }
    });
    end_run();
}

// Sentences end at . ! ? … and at blank lines. A variable counts as one word; a partial
// (a greeting, a signature) is a paragraph of its own.
void check_sentences(const Part& part, const LintOptions& options, Report& report) {
    static const RE2 k_token("([\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*)|[.!?…]|\\n[ \\t]*\\n");
    std::size_t words = 0, start = 0;  // the sentence so far
    auto add_word = [&](std::size_t offset) { start = words++ == 0 ? offset : start; };
    auto end_sentence = [&] {
        if (words > options.max_sentence_words) {
            report.add(
                part, start, Severity::warning, "long-sentence",
                fmt::format("a sentence of {} words (more than {}): split it", words, options.max_sentence_words));
        }
        words = 0;
    };
    for (const auto& piece : part.pieces()) {
        if (piece.kind == Kind::variable) {
            add_word(part.offset(piece));
        } else if (piece.kind == Kind::partial) {
            end_sentence();
        } else if (piece.kind == Kind::text) {
            for_each_match<2>(k_token, piece.text, [&](const auto& token) {
                if (token[1].data() == nullptr) {
                    end_sentence();
                } else {
                    add_word(part.offset(piece, offset_in(piece.text, token[1])));
                }
            });
        }
    }
    end_sentence();
}

}  // namespace

void check_text(const Part& part, const std::vector<const Phrase*>& phrases, const LintOptions& options,
                Report& report) {
    for (const auto& piece : part.pieces()) {
        if (piece.kind == Kind::text) {
            check_phrases(part, piece, phrases, report);
            check_shouting(part, piece, report);
        }
    }
    check_sentences(part, options, report);
}

std::unique_ptr<RE2> compile_phrase(const BannedPhrase& phrase) {
    RE2::Options options(RE2::Quiet);  // the error goes into our message, not to stderr
    options.set_case_sensitive(false);
    auto compiled = std::make_unique<RE2>(phrase.pattern, options);
    if (!compiled->ok()) {
        throw config_error(phrase.file.string(), static_cast<std::int64_t>(phrase.line),
                           static_cast<std::int64_t>(phrase.column),
                           fmt::format("bad pattern '{}': {}", phrase.pattern, compiled->error()));
    }
    return compiled;
}

}  // namespace lint

std::vector<BannedPhrase> load_banned_phrases(const std::vector<std::filesystem::path>& files, PatternCheck check) {
    std::vector<BannedPhrase> phrases;
    for (const auto& file : files) {
        std::error_code ignored;
        if (std::filesystem::exists(file, ignored)) {
            lint::PhraseReader(file, check).read_into(phrases);
        }
    }
    return phrases;
}

}  // namespace tkt
