// HTML to plain text through libxml2's forgiving HTML parser.
#include "mail/html_text.hpp"

#include "mail/inbound.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <span>

namespace tkt {
namespace {

constexpr std::array<std::string_view, 5> k_dropped{"script", "style", "head", "title", "noscript"};
constexpr std::array<std::string_view, 23> k_blocks{
    "p",     "div",        "li",  "tr", "h1", "h2", "h3",      "h4",      "h5",     "h6",     "ul",     "ol",
    "table", "blockquote", "pre", "hr", "dd", "dt", "section", "article", "header", "footer", "address"};

bool is_one_of(const xmlNode* node, std::span<const std::string_view> names) {
    const auto* name = reinterpret_cast<const char*>(node->name);
    return std::find(names.begin(), names.end(), std::string_view(name)) != names.end();
}

class TextWriter {
public:
    void text(std::string_view content, bool preformatted) {
        for (const char c : content) {
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            if (preformatted) {
                put(c == '\r' ? '\n' : c);
            } else if (space) {
                m_pending_space = true;
            } else {
                if (m_pending_space && !m_out.empty() && m_out.back() != '\n') {
                    m_out += ' ';
                }
                m_pending_space = false;
                m_out += c;
            }
        }
    }

    void line_break() {
        m_pending_space = false;
        put('\n');
    }

    // Returns the text with trailing spaces cut and at most one blank line in a row.
    std::string finish() {
        std::string out;
        int newlines = 0;
        for (const char c : m_out) {
            if (c == '\n') {
                while (!out.empty() && out.back() == ' ') {
                    out.pop_back();
                }
                if (++newlines > 2 || out.empty()) {
                    continue;
                }
            } else {
                newlines = 0;
            }
            out += c;
        }
        while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) {
            out.pop_back();
        }
        return out.empty() ? out : out + '\n';
    }

private:
    void put(char c) { m_out += c; }

    std::string m_out;
    bool m_pending_space = false;
};

void walk(const xmlNode* node, TextWriter& writer, bool preformatted) {
    for (; node != nullptr; node = node->next) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            const auto* content = reinterpret_cast<const char*>(node->content);
            writer.text(content ? content : "", preformatted);
            continue;
        }
        if (node->type != XML_ELEMENT_NODE || is_one_of(node, k_dropped)) {
            continue;
        }
        if (std::strcmp(reinterpret_cast<const char*>(node->name), "br") == 0) {
            writer.line_break();
            continue;
        }
        const bool block = is_one_of(node, k_blocks);
        if (block) {
            writer.line_break();
        }
        const bool pre = preformatted || std::strcmp(reinterpret_cast<const char*>(node->name), "pre") == 0;
        walk(node->children, writer, pre);
        if (block) {
            writer.line_break();
        }
    }
}

}  // namespace

std::string html_to_text(std::string_view html) {
    const int options =
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS;
    htmlDocPtr document = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options);
    if (document == nullptr) {
        return {};
    }
    TextWriter writer;
    walk(xmlDocGetRootElement(document), writer, false);
    xmlFreeDoc(document);
    return writer.finish();
}

}  // namespace tkt
