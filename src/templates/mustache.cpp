#include "templates/mustache.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace tkt::mustache {

struct Template::Node {
    enum class Kind { text, variable, unescaped, section, inverted, partial, comment };
    Kind kind = Kind::text;
    std::string text;  // the text, or the tag's name
    Position position;
    std::string indent;  // a standalone partial's indentation
    std::vector<Node> children;
};

namespace {

using Node = Template::Node;
using Kind = Node::Kind;

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t") == std::string_view::npos;
}

std::string_view strip(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

class Parser {
public:
    explicit Parser(std::string_view source) : m_source(source) {}

    std::vector<Node> parse() {
        std::vector<Node> root;
        std::vector<std::vector<Node>*> open{&root};
        std::vector<Node*> sections;
        std::size_t pos = 0;
        while (pos < m_source.size()) {
            const auto start = m_source.find(m_open, pos);
            if (start == std::string_view::npos) {
                add_text(*open.back(), pos, m_source.size());
                break;
            }
            Tag tag = read_tag(start);
            const bool can_stand_alone =
                std::string_view("#^/!>=").find(tag.sigil) != std::string_view::npos && tag.sigil != '\0';
            std::size_t begin = start;  // where the tag's line begins
            while (begin > 0 && m_source[begin - 1] != '\n') {
                --begin;
            }
            std::size_t after = tag.end;
            bool standalone = false;
            if (can_stand_alone && m_last_tag_end <= begin && is_blank(m_source.substr(begin, start - begin))) {
                std::size_t rest = tag.end;
                while (rest < m_source.size() && (m_source[rest] == ' ' || m_source[rest] == '\t')) {
                    ++rest;
                }
                if (rest == m_source.size()) {
                    standalone = true;
                    after = rest;
                } else if (m_source[rest] == '\n') {
                    standalone = true;
                    after = rest + 1;
                } else if (m_source.compare(rest, 2, "\r\n") == 0) {
                    standalone = true;
                    after = rest + 2;
                }
            }
            add_text(*open.back(), pos, standalone ? begin : start);
            m_last_tag_end = tag.end;
            Node node{Kind::text, std::string(tag.name), position_of(start), "", {}};
            switch (tag.sigil) {
            case '!':
                node.kind = Kind::comment;
                open.back()->push_back(std::move(node));
                break;
            case '=': set_delimiters(tag.name, start); break;
            case '#':
            case '^':
                node.kind = tag.sigil == '#' ? Kind::section : Kind::inverted;
                open.back()->push_back(std::move(node));
                sections.push_back(&open.back()->back());
                open.push_back(&sections.back()->children);
                break;
            case '/':
                if (sections.empty()) {
                    throw SyntaxError(position_of(start), fmt::format("'/{}' closes no open section", tag.name));
                }
                if (sections.back()->text != tag.name) {
                    throw SyntaxError(position_of(start),
                                      fmt::format("'/{}' closes section '{}', opened at {}:{}", tag.name,
                                                  sections.back()->text, sections.back()->position.line,
                                                  sections.back()->position.column));
                }
                sections.pop_back();
                open.pop_back();
                break;
            case '>':
                node.kind = Kind::partial;
                node.indent = standalone ? std::string(m_source.substr(begin, start - begin)) : "";
                open.back()->push_back(std::move(node));
                break;
            case '&':
            case '{':
                node.kind = Kind::unescaped;
                open.back()->push_back(std::move(node));
                break;
            default:
                node.kind = Kind::variable;
                open.back()->push_back(std::move(node));
                break;
            }
            pos = after;
        }
        if (!sections.empty()) {
            throw SyntaxError(sections.back()->position,
                              fmt::format("section '{}' is never closed", sections.back()->text));
        }
        return root;
    }

private:
    struct Tag {
        char sigil = '\0';
        std::string name;
        std::size_t end = 0;
    };

    Tag read_tag(std::size_t start) {
        std::size_t inner = start + m_open.size();
        Tag tag;
        std::string close = m_close;
        if (inner < m_source.size() && std::string_view("#^/!>=&{").find(m_source[inner]) != std::string_view::npos) {
            tag.sigil = m_source[inner];
            ++inner;
            if (tag.sigil == '{') {
                close = "}" + m_close;
            } else if (tag.sigil == '=') {
                close = "=" + m_close;
            }
        }
        const auto end = m_source.find(close, inner);
        if (end == std::string_view::npos) {
            throw SyntaxError(position_of(start),
                              fmt::format("tag '{}' is never closed with '{}'", m_source.substr(start, 20), close));
        }
        tag.name = std::string(tag.sigil == '!' ? m_source.substr(inner, end - inner)
                                                : strip(m_source.substr(inner, end - inner)));
        tag.end = end + close.size();
        if (tag.name.empty() && tag.sigil != '!') {
            throw SyntaxError(position_of(start), "a tag has no name");
        }
        return tag;
    }

    void set_delimiters(std::string_view spec, std::size_t start) {
        const auto space = spec.find_first_of(" \t");
        const auto open = spec.substr(0, space);
        const auto close = space == std::string_view::npos ? std::string_view() : strip(spec.substr(space));
        if (open.empty() || close.empty() || close.find_first_of(" \t=") != std::string_view::npos ||
            open.find('=') != std::string_view::npos) {
            throw SyntaxError(position_of(start),
                              fmt::format("bad set-delimiter tag '{}' (write {{{{=<% %>=}}}})", spec));
        }
        m_open = std::string(open);
        m_close = std::string(close);
    }

    void add_text(std::vector<Node>& nodes, std::size_t from, std::size_t to) {
        if (to > from) {
            nodes.push_back(Node{Kind::text, std::string(m_source.substr(from, to - from)), position_of(from), "", {}});
        }
    }

    Position position_of(std::size_t offset) const {
        const auto before = m_source.substr(0, offset);
        const auto line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
        const auto last_newline = before.rfind('\n');
        const auto column = last_newline == std::string_view::npos ? offset + 1 : offset - last_newline;
        return Position{line, column};
    }

    std::string_view m_source;
    std::string m_open = "{{";
    std::string m_close = "}}";
    std::size_t m_last_tag_end = 0;
};

// The spec leaves the empty string to each implementation; in tkt it is false, as a
// missing value is, so that {{#customer.first_name}} guards against "Hello ,".
bool is_falsy(const nlohmann::json& value) {
    return value.is_null() || (value.is_boolean() && !value.get<bool>()) || (value.is_array() && value.empty()) ||
           (value.is_string() && value.get<std::string>().empty());
}

std::string to_text(const nlohmann::json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_null()) {
        return {};
    }
    // An object or array prints as JSON; bytes that are not UTF-8 in its strings print as
    // U+FFFD rather than ending the render.
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Puts `indent` before every line of `source` that has content after it.
std::string indent_lines(std::string_view source, std::string_view indent) {
    std::string out;
    bool at_line_start = true;
    for (const char c : source) {
        if (at_line_start) {
            out += indent;
        }
        out += c;
        at_line_start = c == '\n';
    }
    return out;
}

class Renderer {
public:
    Renderer(const RenderOptions& options, RenderResult& result) : m_options(options), m_result(result) {}

    void render(const std::vector<Node>& nodes, std::vector<const nlohmann::json*>& stack) {
        for (const auto& node : nodes) {
            render(node, stack);
        }
    }

private:
    // Resolves a (dotted) name: its first part up the context stack, the rest within.
    const nlohmann::json* lookup(std::string_view name, const std::vector<const nlohmann::json*>& stack) const {
        if (name == ".") {
            return stack.back();
        }
        const auto dot = name.find('.');
        const std::string first(name.substr(0, dot));
        const nlohmann::json* value = nullptr;
        for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
            if ((*it)->is_object() && (*it)->contains(first)) {
                value = &(**it)[first];
                break;
            }
        }
        for (auto rest = dot; value != nullptr && rest != std::string_view::npos;) {
            const auto next = name.find('.', rest + 1);
            const std::string part(name.substr(rest + 1, next == std::string_view::npos ? next : next - rest - 1));
            value = value->is_object() && value->contains(part) ? &(*value)[part] : nullptr;
            rest = next;
        }
        return value;
    }

    void render(const Node& node, std::vector<const nlohmann::json*>& stack) {
        switch (node.kind) {
        case Kind::text: m_result.text += node.text; break;
        case Kind::variable:
        case Kind::unescaped: {
            const auto* value = lookup(node.text, stack);
            const std::string text = value ? to_text(*value) : std::string();
            if (text.empty()) {
                m_result.missing.push_back(Missing{node.text, m_partial, node.position, false});
            }
            const bool escape = node.kind == Kind::variable && m_options.escape == Escape::html;
            m_result.text += escape ? escape_html(text) : text;
            break;
        }
        case Kind::section: render_section(node, stack); break;
        case Kind::inverted: {
            const auto* value = lookup(node.text, stack);
            if (value == nullptr || is_falsy(*value)) {
                render(node.children, stack);
            }
            break;
        }
        case Kind::partial: render_partial(node, stack); break;
        case Kind::comment: break;
        }
    }

    void render_section(const Node& node, std::vector<const nlohmann::json*>& stack) {
        const auto* value = lookup(node.text, stack);
        if (value == nullptr || is_falsy(*value)) {
            return;
        }
        if (value->is_array()) {
            for (const auto& item : *value) {
                stack.push_back(&item);
                render(node.children, stack);
                stack.pop_back();
            }
            return;
        }
        stack.push_back(value);
        render(node.children, stack);
        stack.pop_back();
    }

    void render_partial(const Node& node, std::vector<const nlohmann::json*>& stack) {
        const auto source = m_options.partials ? m_options.partials(node.text) : std::nullopt;
        if (!source) {
            m_result.missing.push_back(Missing{node.text, m_partial, node.position, true});
            return;
        }
        if (m_depth >= m_options.max_depth) {
            throw std::runtime_error(fmt::format("partial '{}' is nested more than {} deep: does it include itself?",
                                                 node.text, m_options.max_depth));
        }
        const Template partial(node.indent.empty() ? *source : indent_lines(*source, node.indent));
        const std::string outer = std::exchange(m_partial, node.text);
        ++m_depth;
        render(partial.nodes(), stack);
        --m_depth;
        m_partial = outer;
    }

    const RenderOptions& m_options;
    RenderResult& m_result;
    std::string m_partial;
    std::size_t m_depth = 0;
};

void collect_names(const std::vector<Node>& nodes, std::vector<std::string>& names) {
    for (const auto& node : nodes) {
        if (node.kind == Kind::text || node.kind == Kind::comment) {
            continue;
        }
        const std::string name = node.kind == Kind::partial ? ">" + node.text : node.text;
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            names.push_back(name);
        }
        collect_names(node.children, names);
    }
}

Piece::Kind piece_kind(Kind kind) {
    switch (kind) {
    case Kind::text: return Piece::Kind::text;
    case Kind::variable:
    case Kind::unescaped: return Piece::Kind::variable;
    case Kind::section: return Piece::Kind::section;
    case Kind::inverted: return Piece::Kind::inverted;
    case Kind::partial: return Piece::Kind::partial;
    case Kind::comment: return Piece::Kind::comment;
    }
    return Piece::Kind::text;
}

void collect_pieces(const std::vector<Node>& nodes, std::vector<std::string>& sections, std::vector<Piece>& pieces) {
    for (const auto& node : nodes) {
        pieces.push_back(Piece{piece_kind(node.kind), node.text, node.position, sections});
        if (node.kind == Kind::section || node.kind == Kind::inverted) {
            sections.push_back(node.text);
            collect_pieces(node.children, sections, pieces);
            sections.pop_back();
        }
    }
}

}  // namespace

SyntaxError::SyntaxError(Position position, const std::string& message)
    : std::runtime_error(message), m_position(position) {}

Template::Template(std::string_view source) : m_nodes(Parser(source).parse()) {}
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;
Template::~Template() = default;

RenderResult Template::render(const nlohmann::json& data, const RenderOptions& options) const {
    RenderResult result;
    std::vector<const nlohmann::json*> stack{&data};
    Renderer(options, result).render(m_nodes, stack);
    return result;
}

std::vector<std::string> Template::names() const {
    std::vector<std::string> names;
    collect_names(m_nodes, names);
    return names;
}

std::vector<Piece> Template::pieces() const {
    std::vector<Piece> pieces;
    std::vector<std::string> sections;
    collect_pieces(m_nodes, sections, pieces);
    return pieces;
}

}  // namespace tkt::mustache
