// Internal to src/templates/. What the parts of `tkt template lint` share: a template's text as Mustache pieces
// placed in its file, the report findings go to, and the checks of literal text
// (banned phrases, shouting, long sentences) in lint_text.cpp.
#pragma once

#include "templates/lint.hpp"

#include <memory>
#include <re2/re2.h>
#include <string_view>
#include <utility>
#include <vector>

namespace tkt::lint {

using mustache::Piece;
using Kind = mustache::Piece::Kind;

// Every byte but a UTF-8 continuation byte starts a character.
inline bool starts_character(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

inline std::size_t chars_in(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), starts_character));
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

    // Makes the part of a reply's finished `text`: all of it literal, even "{{".
    static Part plain(std::string_view text) {
        Part part(text, 1, 1, {Piece{Kind::text, std::string(text), {1, 1}, {}}});
        return part;
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
    Part(std::string_view source, std::size_t line, std::size_t column, std::vector<Piece> pieces)
        : m_source(source), m_line(line), m_column(column), m_pieces(std::move(pieces)) {
        for (std::size_t at = source.find('\n'); at != std::string_view::npos; at = source.find('\n', at + 1)) {
            m_line_starts.push_back(at + 1);
        }
    }

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

// A phrase ready to match.
struct Phrase {
    const BannedPhrase* source;
    std::unique_ptr<RE2> pattern;
};

// Compiles `phrase`; a pattern RE2 does not accept is a configuration error (78) at
// the place the pattern is written.
std::unique_ptr<RE2> compile_phrase(const BannedPhrase& phrase);

// Checks the literal text of `part`: the banned `phrases` of its language, shouting,
// and sentences longer than `options` allow.
void check_text(const Part& part, const std::vector<const Phrase*>& phrases, const LintOptions& options,
                Report& report);

}  // namespace tkt::lint
