// `tkt template lint` (DESIGN.md 5): what makes a template unfit to send, found before
// any customer sees it. Findings are printed gcc-style so editors can jump to them.
#pragma once

#include "templates/template_file.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

enum class Severity { error, warning };

struct LintFinding {
    std::filesystem::path file;
    std::size_t line = 0;    // 1-based; 0 when the finding is about the whole file
    std::size_t column = 0;  // 1-based; 0 when the finding is about a whole line
    Severity severity = Severity::warning;
    std::string message;
    std::string rule;  // syntax, unknown-variable, unused-variable, missing-language, ...
};

// Returns `finding` as "file:line:col: severity: message [rule]".
std::string format_finding(const LintFinding& finding);

// A phrase a team bans in one language: an RE2 pattern, matched case-insensitively.
struct BannedPhrase {
    std::string lang;
    std::string pattern;
    std::string rule;            // "bureaucratese", "aggression", or a team's own
    std::string message;         // what to write instead
    std::filesystem::path file;  // where the pattern is written, for errors in it
    std::size_t line = 0;
    std::size_t column = 0;
};

// When a phrase's pattern is compiled to check it: as its file is read (config check,
// template lint), or only when a reply in its language is checked (a reply, which
// needs one language's phrases, not the ~20 ms of compiling every language's).
enum class PatternCheck { on_load, when_used };

// Reads the banned-phrase lists `files` in order (missing files are skipped): each
// later file extends the list, or replaces it when it says `replace = true`. Throws a
// configuration error (78) naming file:line:col for bad TOML, an unknown key or (with
// `check` on_load) a pattern RE2 does not accept.
std::vector<BannedPhrase> load_banned_phrases(const std::vector<std::filesystem::path>& files,
                                              PatternCheck check = PatternCheck::on_load);

struct LintOptions {
    std::size_t max_sentence_words = 40;  // a longer sentence is hard to read in a reply
};

// Checks the templates `names` of `library` (all of them when empty) against `phrases`
// and `options`: TOML and Mustache syntax, unknown and unused variables, every language
// present and complete, a greeting and a signature carrying the agent's full name, banned
// phrases, overlong sentences and shouting. Returns the findings ordered by file, line
// and column; columns count characters, not bytes. Throws a usage error (64) for a name
// the library does not have.
std::vector<LintFinding> lint_templates(const TemplateLibrary& library, const std::vector<std::string>& names,
                                        const std::vector<BannedPhrase>& phrases, const LintOptions& options);

// Checks the finished text of replies before they are recorded, as template lint
// checks literal text: the banned phrases of the reply's language, shouting and
// overlong sentences. A language's phrases are compiled the first time a reply in it
// is checked, once for every reply of a batch.
class ReplyLint {
public:
    // Keeps `phrases`, which must outlive it; a bad pattern is a configuration error
    // (78) when its language is first checked.
    ReplyLint(const std::vector<BannedPhrase>& phrases, LintOptions options);
    ReplyLint(ReplyLint&&) noexcept;
    ~ReplyLint();

    // Returns the findings in `text`, written in `lang`, naming `label` ("ticket 42")
    // as their file, with the line and column in `text`; all are warnings.
    std::vector<LintFinding> check(std::string_view text, std::string_view lang, const std::string& label);

private:
    struct Compiled;
    const std::vector<BannedPhrase>& m_phrases;
    std::unique_ptr<Compiled> m_compiled;
    LintOptions m_options;
};

}  // namespace tkt
