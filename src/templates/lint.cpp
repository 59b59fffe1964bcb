// `tkt template lint` (DESIGN.md 5). The loader says whether a file parses at all; lint
// then reads each language as Mustache pieces and checks what its tags name, what it
// includes, and how its literal text reads. Columns count characters, as toml++ does,
// not bytes: most of what lint points at is Russian text.
#include "tkt/lint.hpp"

#include "core/toml_file.hpp"
#include "tkt/reply.hpp"
#include "tkt/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <map>
#include <memory>
#include <re2/re2.h>
#include <set>
#include <sstream>
#include <tuple>

namespace tkt {
namespace {

using mustache::Piece;
using Kind = mustache::Piece::Kind;

// Written in capitals by convention, so not shouting. ASAP is left out on purpose: in
// a reply it reads as pressure.
constexpr std::array<std::string_view, 28> k_acronyms{
    "API", "CSV",  "DNS", "FAQ", "HTML", "HTTP", "HTTPS", "ID",  "IMAP", "IP",  "JSON", "OK",  "PDF", "PIN",
    "SMS", "SMTP", "SSL", "TLS", "URL",  "USB",  "UTC",   "VPN", "ИНН",  "КПП", "МСК",  "НДС", "ПО",  "СМС"};

constexpr std::array<std::string_view, 4> k_phrase_keys{"lang", "pattern", "rule", "message"};

// Every byte but a UTF-8 continuation byte starts a character.
bool starts_character(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

std::size_t chars_in(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), starts_character));
}

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

// Compiles `phrase`; a pattern RE2 does not accept is a configuration error where it is written.
std::unique_ptr<RE2> compile(const BannedPhrase& phrase) {
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

class PhraseReader : public toml_file::Reader {
public:
    using Reader::Reader;

    // Adds the file's [[phrase]] tables to `phrases`, emptying it first on `replace = true`.
    void read_into(std::vector<BannedPhrase>& phrases) const {
        const toml::table root = parse();
        check_keys(root, "", std::array<std::string_view, 2>{"replace", "phrase"});
        if (const auto* replace = root.get("replace")) {
            if (!replace->is_boolean()) {
                fail(replace->source(), "'replace' must be true or false");
            }
            if (*replace->value<bool>()) {
                phrases.clear();
            }
        }
        const auto* list = root.get("phrase");
        if (list == nullptr) {
            return;
        }
        if (!list->is_array_of_tables()) {
            fail(list->source(), "'phrase' must be a list of tables: write [[phrase]]");
        }
        for (const auto& node : *list->as_array()) {
            phrases.push_back(phrase(*node.as_table()));
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
        compile(phrase);  // only to check it, while the file is at hand
        return phrase;
    }
};

// A phrase ready to match.
struct Phrase {
    const BannedPhrase* source;
    std::unique_ptr<RE2> pattern;
};

// Reads a number and the ':' after it off the front of `text`; 0 when there is none.
std::size_t take_number(std::string_view& text) {
    std::size_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || stop == end || *stop != ':') {
        return 0;
    }
    text.remove_prefix(static_cast<std::size_t>(stop - text.data()) + 1);
    return value;
}

// Turns the loader's "file:line:col: message" into a finding at that place.
LintFinding syntax_finding(const std::filesystem::path& path, const Error& error) {
    std::string_view message = error.what();
    LintFinding finding{path, 0, 0, Severity::error, "", "syntax"};
    if (const std::string prefix = path.string() + ":"; message.starts_with(prefix)) {
        message.remove_prefix(prefix.size());
        finding.line = take_number(message);
        finding.column = finding.line > 0 ? take_number(message) : 0;
    }
    finding.message = std::string(trim(message));
    return finding;
}

// The library's templates, each loaded once; a file that does not load is kept as its
// [syntax] finding, so that one broken file stops nothing else.
class Catalog {
public:
    explicit Catalog(const TemplateLibrary& library) : m_library(library), m_names(library.names()) {}

    const std::vector<std::string>& names() const { return m_names; }

    std::vector<std::string_view> name_views() const { return {m_names.begin(), m_names.end()}; }

    bool contains(const std::string& name) const { return std::binary_search(m_names.begin(), m_names.end(), name); }

    // Returns the template called `name`; nullptr when there is none or it does not load.
    const TemplateFile* find(const std::string& name) {
        const auto& file = entry(name).file;
        return file ? &*file : nullptr;
    }

    // Returns why `name` does not load; nullopt when it loads or does not exist.
    const std::optional<LintFinding>& error(const std::string& name) { return entry(name).error; }

    // Returns every language any template has: the languages every template must have.
    std::set<std::string> languages() {
        std::set<std::string> languages;
        for (const auto& name : m_names) {
            if (const auto* file = find(name)) {
                for (const auto& [lang, text] : file->languages) {
                    languages.insert(lang);
                }
            }
        }
        return languages;
    }

private:
    struct Entry {
        std::optional<TemplateFile> file;
        std::optional<LintFinding> error;
    };

    Entry& entry(const std::string& name) {
        auto [it, added] = m_entries.try_emplace(name);
        if (added && contains(name)) {
            load(name, it->second);
        }
        return it->second;
    }

    // Loads `name` from the first folder that has it, as TemplateLibrary::find does; the
    // names come from the folder listing, so they are never paths.
    void load(const std::string& name, Entry& entry) const {
        for (const auto& folder : m_library.folders()) {
            const auto path = folder / (name + ".toml");
            std::error_code ignored;
            if (!std::filesystem::is_regular_file(path, ignored)) {
                continue;
            }
            try {
                entry.file = load_template_file(path);
            } catch (const Error& error) {
                entry.error = syntax_finding(path, error);
            }
            return;
        }
    }

    const TemplateLibrary& m_library;
    std::vector<std::string> m_names;
    std::map<std::string, Entry> m_entries;
};

// Where a template's declarations stand in its file, which TemplateFile does not keep:
// each [vars.x] table's line, and the column where each subject's text begins.
struct Layout {
    std::map<std::string, std::size_t> var_lines;
    std::map<std::string, std::size_t> subject_columns;
};

// Returns the column of the first character of the string whose opening quote is at `at`.
std::size_t text_column(std::string_view source, const toml::source_position& at) {
    std::size_t byte = 0;
    for (std::size_t line = 1; line < at.line && byte < source.size(); ++line) {
        byte = std::min(source.find('\n', byte), source.size() - 1) + 1;
    }
    for (std::size_t column = 0; byte < source.size(); ++byte) {
        if (starts_character(source[byte]) && ++column == at.column) {
            break;
        }
    }
    const auto opening = source.substr(std::min(byte, source.size()), 3);
    return at.column + (opening == "'''" || opening == "\"\"\"" ? 3 : 1);
}

Layout read_layout(const std::filesystem::path& path) {
    std::ostringstream buffer;
    buffer << std::ifstream(path, std::ios::binary).rdbuf();
    const std::string source = buffer.str();
    Layout layout;
    toml::table root;
    try {
        root = toml::parse(source, path.string());
    } catch (const toml::parse_error&) {
        return layout;  // It loaded a moment ago and has changed since: only places are lost.
    }
    if (const auto* vars = root["vars"].as_table()) {
        for (const auto& [key, node] : *vars) {
            layout.var_lines[std::string(key.str())] = node.source().begin.line;
        }
    }
    if (const auto* languages = root["lang"].as_table()) {
        for (const auto& [key, node] : *languages) {
            if (const auto* subject = node.is_table() ? node.as_table()->get("subject") : nullptr) {
                layout.subject_columns[std::string(key.str())] = text_column(source, subject->source().begin);
            }
        }
    }
    return layout;
}

// A template's subject or body, and where its first character is in the file, so that a
// place in the text becomes a place in the file.
class Part {
public:
    Part(std::string_view source, std::size_t line, std::size_t column)
        : m_source(source), m_line(line), m_column(column), m_pieces(mustache::Template(source).pieces()) {
        for (std::size_t at = source.find('\n'); at != std::string_view::npos; at = source.find('\n', at + 1)) {
            m_line_starts.push_back(at + 1);
        }
    }

    const std::vector<Piece>& pieces() const { return m_pieces; }

    // Returns the offset in the text of `piece`, plus `extra` bytes.
    std::size_t offset(const Piece& piece, std::size_t extra = 0) const {
        return m_line_starts.at(piece.position.line - 1) + piece.position.column - 1 + extra;
    }

    // Returns the file line and column of byte `offset` of the text.
    std::pair<std::size_t, std::size_t> place(std::size_t offset) const {
        const auto next = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
        const auto index = static_cast<std::size_t>(next - m_line_starts.begin()) - 1;
        const auto column = chars_in(m_source.substr(m_line_starts[index], offset - m_line_starts[index])) + 1;
        return {m_line + index, index == 0 ? m_column + column - 1 : column};
    }

private:
    std::string_view m_source;
    std::size_t m_line;
    std::size_t m_column;
    std::vector<Piece> m_pieces;
    std::vector<std::size_t> m_line_starts{0};
};

// Collects the findings of one template file.
class Report {
public:
    Report(std::filesystem::path file, std::vector<LintFinding>& findings)
        : m_file(std::move(file)), m_findings(findings) {}

    void add(std::size_t line, std::size_t column, Severity severity, std::string rule, std::string message) {
        m_findings.push_back(LintFinding{m_file, line, column, severity, std::move(message), std::move(rule)});
    }

    void add(const Part& part, std::size_t offset, Severity severity, std::string rule, std::string message) {
        const auto [line, column] = part.place(offset);
        add(line, column, severity, std::move(rule), std::move(message));
    }

    void add(const LintFinding& finding) { m_findings.push_back(finding); }

private:
    std::filesystem::path m_file;
    std::vector<LintFinding>& m_findings;
};

// The names a template may use: the reply context, its own [vars], and every prefix of
// those, since a section may open `customer` to reach `customer.name`.
class KnownNames {
public:
    explicit KnownNames(const std::vector<TemplateVar>& vars) {
        for (const auto name : reply_context_names()) {
            add(name);
        }
        for (const auto& var : vars) {
            add(var.name);
        }
    }

    // Resolves `name` as the renderer does: its first part in the enclosing `sections`,
    // innermost first, then at the top. Returns nullopt when nothing there could hold it.
    std::optional<std::string> resolve(const std::string& name, const std::vector<std::string>& sections) const {
        std::vector<std::string> scopes;
        for (const auto& section : sections) {
            scopes.push_back(resolve_in(section, scopes).value_or(section));
        }
        if (name == ".") {
            return scopes.empty() ? name : scopes.back();
        }
        return resolve_in(name, scopes);
    }

    // Returns " (did you mean 'x'?)" for the known name closest to `name`, or "".
    std::string suggestion(std::string_view name) const {
        const std::vector<std::string_view> names(m_names.begin(), m_names.end());
        return did_you_mean(name, names);
    }

private:
    void add(std::string_view name) {
        for (auto dot = name.find('.'); dot != std::string_view::npos; dot = name.find('.', dot + 1)) {
            m_names.emplace(name.substr(0, dot));
        }
        m_names.emplace(name);
    }

    std::optional<std::string> resolve_in(const std::string& name, const std::vector<std::string>& scopes) const {
        for (auto scope = scopes.rbegin(); scope != scopes.rend(); ++scope) {
            if (auto inner = *scope + "." + name; m_names.contains(inner)) {
                return inner;
            }
        }
        return m_names.contains(name) ? std::optional(name) : std::nullopt;
    }

    std::set<std::string> m_names;
};

bool is_name(Kind kind) {
    return kind == Kind::variable || kind == Kind::section || kind == Kind::inverted;
}

// What one language of a template uses, through the partials it includes.
struct Uses {
    std::set<std::string> names;     // every name a tag mentions, resolved
    std::set<std::string> printed;   // the names of variables, resolved
    std::set<std::string> partials;  // every partial included, directly or not
    bool whole = true;               // false when an included partial does not load
};

void collect_uses(const std::vector<Piece>& pieces, const std::string& lang, const KnownNames& known, Catalog& catalog,
                  Uses& uses) {
    for (const auto& piece : pieces) {
        if (is_name(piece.kind)) {
            const auto name = known.resolve(piece.text, piece.sections).value_or(piece.text);
            uses.names.insert(name);
            if (piece.kind == Kind::variable) {
                uses.printed.insert(name);
            }
        }
        if (piece.kind != Kind::partial || !uses.partials.insert(piece.text).second) {
            continue;  // Not a partial, or one already followed: a partial may include itself.
        }
        const auto* partial = catalog.find(piece.text);
        if (partial == nullptr) {
            uses.whole = uses.whole && !catalog.error(piece.text);
            continue;
        }
        if (const auto text = partial->languages.find(lang); text != partial->languages.end()) {
            collect_uses(mustache::Template(text->second.body).pieces(), lang, known, catalog, uses);
        }
    }
}

void check_partial(const Part& part, const Piece& piece, const std::string& lang, Catalog& catalog, Report& report) {
    const auto at = part.offset(piece);
    if (!catalog.contains(piece.text)) {
        report.add(part, at, Severity::error, "unknown-partial",
                   fmt::format("unknown partial '{}'{}", piece.text, did_you_mean(piece.text, catalog.name_views())));
    } else if (const auto* partial = catalog.find(piece.text)) {
        if (!partial->languages.contains(lang)) {
            report.add(part, at, Severity::error, "unknown-partial",
                       fmt::format("partial '{}' has no '{}' text", piece.text, lang));
        }
    } else {
        report.add(*catalog.error(piece.text));  // Reported here too when it is not linted itself.
    }
}

void check_tags(const Part& part, const std::string& lang, const KnownNames& known, Catalog& catalog, Report& report) {
    for (const auto& piece : part.pieces()) {
        if (piece.kind == Kind::partial) {
            check_partial(part, piece, lang, catalog, report);
        } else if (is_name(piece.kind) && !known.resolve(piece.text, piece.sections)) {
            report.add(part, part.offset(piece), Severity::error, "unknown-variable",
                       fmt::format("unknown variable '{}'{}", piece.text, known.suggestion(piece.text)));
        }
    }
}

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

// Returns whether the language has text, reporting the parts that are empty.
bool check_complete(const std::string& lang, const TemplateText& text, bool partial, Report& report) {
    if (!partial && trim(text.subject).empty()) {
        report.add(text.subject_line, 0, Severity::error, "missing-language",
                   fmt::format("'lang.{}.subject' is empty: the '{}' text is incomplete", lang, lang));
    }
    if (trim(text.body).empty()) {
        report.add(text.body_line, 0, Severity::error, "missing-language",
                   fmt::format("'lang.{}.body' is empty: the '{}' text is incomplete", lang, lang));
        return false;
    }
    return true;
}

// A reply opens with the greeting and is signed with the agent's full name.
void check_frame(const TemplateText& text, const Uses& uses, Report& report) {
    if (!uses.partials.contains("greeting")) {
        report.add(text.body_line, 0, Severity::warning, "greeting",
                   "the body has no greeting: begin it with {{> greeting}}");
    }
    if (uses.whole && !uses.printed.contains("agent.full_name")) {
        report.add(text.body_line, 0, Severity::error, "signature",
                   "the body is not signed with the agent's full name: end it with {{> signature}}");
    }
}

// What every template is checked against.
struct Checks {
    Catalog& catalog;
    const std::vector<Phrase>& phrases;
    const LintOptions& options;
    std::set<std::string> languages;  // the languages every template must have
};

// Lints one template file that loaded.
class FileLint {
public:
    FileLint(const TemplateFile& file, Checks& checks, std::vector<LintFinding>& findings)
        : m_file(file), m_checks(checks), m_report(file.path, findings), m_layout(read_layout(file.path)),
          m_known(file.vars), m_partial(file.category == "partial") {}

    void run() {
        for (const auto& lang : m_checks.languages) {
            if (!m_file.languages.contains(lang)) {
                m_report.add(0, 0, Severity::error, "missing-language",
                             fmt::format("no '{}' text, which other templates have: add [lang.{}]", lang, lang));
            }
        }
        for (const auto& [lang, text] : m_file.languages) {
            if (check_complete(lang, text, m_partial, m_report)) {
                lint_language(lang, text);
            }
        }
        check_unused();
    }

private:
    void lint_language(const std::string& lang, const TemplateText& text) {
        std::vector<const Phrase*> phrases;
        for (const auto& phrase : m_checks.phrases) {
            if (phrase.source->lang == lang) {
                phrases.push_back(&phrase);
            }
        }
        std::vector<Part> parts;
        if (!text.subject.empty()) {
            const auto column = m_layout.subject_columns.find(lang);
            parts.emplace_back(text.subject, text.subject_line,
                               column == m_layout.subject_columns.end() ? 1 : column->second);
        }
        parts.emplace_back(text.body, text.body_line, 1);
        Uses uses;
        for (const auto& part : parts) {
            check_tags(part, lang, m_known, m_checks.catalog, m_report);
            check_text(part, phrases, m_checks.options, m_report);
            collect_uses(part.pieces(), lang, m_known, m_checks.catalog, uses);
        }
        if (!m_partial) {
            check_frame(text, uses, m_report);
        }
        m_used.insert(uses.names.begin(), uses.names.end());
    }

    void check_unused() {
        for (const auto& var : m_file.vars) {
            const bool used = std::any_of(m_used.begin(), m_used.end(), [&](const std::string& name) {
                return name == var.name || name.starts_with(var.name + ".");
            });
            if (!used) {
                const auto line = m_layout.var_lines.find(var.name);
                m_report.add(line == m_layout.var_lines.end() ? 0 : line->second, 0, Severity::warning,
                             "unused-variable",
                             fmt::format("variable '{}' is declared but used in no language", var.name));
            }
        }
    }

    const TemplateFile& m_file;
    Checks& m_checks;
    Report m_report;
    Layout m_layout;
    KnownNames m_known;
    bool m_partial;
    std::set<std::string> m_used;  // every name any language uses, resolved
};

auto sort_key(const LintFinding& f) {
    return std::tie(f.file, f.line, f.column);
}

auto identity(const LintFinding& f) {
    return std::tie(f.file, f.line, f.column, f.severity, f.message, f.rule);
}

}  // namespace

std::string format_finding(const LintFinding& finding) {
    std::string place = finding.file.string();
    if (finding.line > 0) {
        place += fmt::format(":{}", finding.line);
        if (finding.column > 0) {
            place += fmt::format(":{}", finding.column);
        }
    }
    return fmt::format("{}: {}: {} [{}]", place, finding.severity == Severity::error ? "error" : "warning",
                       finding.message, finding.rule);
}

std::vector<BannedPhrase> load_banned_phrases(const std::vector<std::filesystem::path>& files) {
    std::vector<BannedPhrase> phrases;
    for (const auto& file : files) {
        std::error_code ignored;
        if (std::filesystem::exists(file, ignored)) {
            PhraseReader(file).read_into(phrases);
        }
    }
    return phrases;
}

std::vector<LintFinding> lint_templates(const TemplateLibrary& library, const std::vector<std::string>& names,
                                        const std::vector<BannedPhrase>& phrases, const LintOptions& options) {
    Catalog catalog(library);
    for (const auto& name : names) {
        if (!catalog.contains(name)) {
            const auto close = closest_match(name, catalog.name_views());
            throw usage_error(fmt::format("unknown template '{}' ({}see 'tkt template list')", name,
                                          close ? fmt::format("did you mean '{}'? ", *close) : ""));
        }
    }
    std::vector<Phrase> compiled;
    for (const auto& phrase : phrases) {
        compiled.push_back(Phrase{&phrase, compile(phrase)});
    }
    Checks checks{catalog, compiled, options, catalog.languages()};
    std::vector<LintFinding> findings;
    for (const auto& name : names.empty() ? catalog.names() : names) {
        if (const auto* file = catalog.find(name)) {
            FileLint(*file, checks, findings).run();
        } else {
            findings.push_back(*catalog.error(name));
        }
    }
    // A broken partial is reported by each template including it: keep one of each.
    std::stable_sort(findings.begin(), findings.end(),
                     [](const LintFinding& a, const LintFinding& b) { return sort_key(a) < sort_key(b); });
    findings.erase(std::unique(findings.begin(), findings.end(),
                               [](const LintFinding& a, const LintFinding& b) { return identity(a) == identity(b); }),
                   findings.end());
    return findings;
}

}  // namespace tkt
