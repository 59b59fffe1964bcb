// A Mustache renderer of tkt's own (DESIGN.md 5): variables with dotted names and ".",
// sections, inverted sections, comments, partials with the spec's standalone and
// indentation rules, and set-delimiter tags. It keeps each tag's line and column, lists
// the names a template uses, and reports every missing variable rather than printing
// "Hello ,".
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tkt::mustache {

// Where a tag stands in its template, 1-based.
struct Position {
    std::size_t line = 1;
    std::size_t column = 1;
};

// A template that cannot be parsed: an unclosed tag or section, a stray closing tag, a
// bad set-delimiter tag.
class SyntaxError : public std::runtime_error {
public:
    SyntaxError(Position position, const std::string& message);
    Position position() const { return m_position; }

private:
    Position m_position;
};

enum class Escape { none, html };

// Looks a partial up by name; nullopt when there is none.
using PartialLoader = std::function<std::optional<std::string>(std::string_view name)>;

struct RenderOptions {
    Escape escape = Escape::none;  // plain-text replies are not HTML-escaped
    PartialLoader partials;
    std::size_t max_depth = 64;  // partials nested deeper are an error: a template including itself
};

// A variable or partial that had no value where it was used.
struct Missing {
    std::string name;
    std::string partial;  // the partial it was in; empty for the template itself
    Position position;
    bool is_partial = false;  // the name of a partial that does not exist
};

struct RenderResult {
    std::string text;
    std::vector<Missing> missing;  // variables missing, null or empty; unknown partials
};

// One run of literal text or one tag of a parsed template, for tools that check a
// template rather than render it (`tkt template lint`).
struct Piece {
    enum class Kind { text, variable, section, inverted, partial, comment };
    Kind kind = Kind::text;
    std::string text;  // the literal text, the comment, or the tag's name
    Position position;
    std::vector<std::string> sections;  // names of the enclosing sections, outermost first
};

// A parsed template.
class Template {
public:
    // Parses `source`; throws SyntaxError.
    explicit Template(std::string_view source);
    Template(Template&&) noexcept;
    Template& operator=(Template&&) noexcept;
    ~Template();

    // Renders with `data` as the context. Missing values render empty and are listed
    // in the result; a partial nested past `options.max_depth` throws std::runtime_error.
    RenderResult render(const nlohmann::json& data, const RenderOptions& options) const;

    // Returns every name the template uses (variables, sections, partials as ">name"),
    // each once, in order of first use.
    std::vector<std::string> names() const;

    // Returns the template's text and tags (set-delimiter tags aside) in source order,
    // sections before what they enclose.
    std::vector<Piece> pieces() const;

    // The parsed tree, for the renderer.
    struct Node;
    const std::vector<Node>& nodes() const { return m_nodes; }

private:
    std::vector<Node> m_nodes;
};

}  // namespace tkt::mustache
