// `tkt template lint` (DESIGN.md 5). The loader says whether a file parses at all; lint
// then reads each language as Mustache pieces and checks what its tags name, what it
// includes, and how its literal text reads. Columns count characters, as toml++ does,
// not bytes: most of what lint points at is Russian text.
#include "core/paths.hpp"
#include "core/text.hpp"
#include "core/toml_file.hpp"
#include "templates/lint_text.hpp"
#include "templates/reply_context.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

namespace tkt {
namespace {

using lint::chars_in;
using lint::check_text;
using lint::Kind;
using lint::Part;
using lint::Phrase;
using lint::Piece;
using lint::Report;
using lint::starts_character;

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

    // Loads `name` from the first folder that has it, keeping why it does not load.
    void load(const std::string& name, Entry& entry) const {
        const auto path = m_library.path_of(name);
        if (!path) {
            return;
        }
        try {
            entry.file = load_template_file(*path);
        } catch (const Error& error) {
            entry.error = syntax_finding(*path, error);
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
    const std::string source = read_file(path).value_or("");
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

std::vector<LintFinding> lint_templates(const TemplateLibrary& library, const std::vector<std::string>& names,
                                        const std::vector<BannedPhrase>& phrases, const LintOptions& options) {
    Catalog catalog(library);
    for (const auto& name : names) {
        if (!catalog.contains(name)) {
            throw library.unknown(name);
        }
    }
    std::vector<lint::Phrase> compiled;
    for (const auto& phrase : phrases) {
        compiled.push_back(lint::Phrase{&phrase, lint::compile_phrase(phrase)});
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

struct ReplyLint::Compiled {
    std::map<std::string, std::vector<lint::Phrase>, std::less<>> by_language;
};

ReplyLint::ReplyLint(const std::vector<BannedPhrase>& phrases, LintOptions options)
    : m_phrases(phrases), m_compiled(std::make_unique<Compiled>()), m_options(options) {}

ReplyLint::ReplyLint(ReplyLint&&) noexcept = default;
ReplyLint::~ReplyLint() = default;

std::vector<LintFinding> ReplyLint::check(std::string_view text, std::string_view lang, const std::string& label) {
    auto found = m_compiled->by_language.find(lang);
    if (found == m_compiled->by_language.end()) {
        // Compiling RE2 patterns is most of a reply's lint: only the languages used.
        std::vector<lint::Phrase> compiled;
        for (const auto& phrase : m_phrases) {
            if (phrase.lang == lang) {
                compiled.push_back(lint::Phrase{&phrase, lint::compile_phrase(phrase)});
            }
        }
        found = m_compiled->by_language.emplace(std::string(lang), std::move(compiled)).first;
    }
    std::vector<const lint::Phrase*> own;
    for (const auto& phrase : found->second) {
        own.push_back(&phrase);
    }
    std::vector<LintFinding> findings;
    lint::Report report(label, findings);
    check_text(lint::Part::plain(text), own, m_options, report);
    std::stable_sort(findings.begin(), findings.end(),
                     [](const LintFinding& a, const LintFinding& b) { return sort_key(a) < sort_key(b); });
    return findings;
}

}  // namespace tkt
