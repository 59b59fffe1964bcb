// Joining text parts: one pass over each, the line ends fixed on the way.
#include "mail/body_text.hpp"

#include "mail/html_text.hpp"
#include "mail/inbound.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace tkt::mail {
namespace {

using Words = std::unordered_set<std::string_view>;

bool is_word_byte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Calls `f` on each word of `text`: a run of ASCII letters and digits or of UTF-8.
template <class F> void for_each_word(std::string_view text, F f) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && !is_word_byte(text[pos])) {
            ++pos;
        }
        const std::size_t start = pos;
        while (pos < text.size() && is_word_byte(text[pos])) {
            ++pos;
        }
        if (pos > start) {
            f(text.substr(start, pos - start));
        }
    }
}

// A client that sends its HTML beside the plain text instead of as its alternative
// repeats the text; an HTML footer or a forwarded HTML note adds to it.
bool adds_words(std::string_view html_text, const Words& plain) {
    bool adds = false;
    for_each_word(html_text, [&](std::string_view word) { adds = adds || !plain.contains(word); });
    return adds;
}

void append_text(std::string& out, std::string_view text) {
    if (text.empty()) {
        return;
    }
    if (!out.empty()) {
        out += '\n';
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        }
        out += text[i];
    }
}

}  // namespace

void BodyText::add(TextKind kind, std::string text) {
    m_parts.push_back(Part{kind, std::move(text)});
}

std::string BodyText::finish() const {
    const bool has_plain =
        std::any_of(m_parts.begin(), m_parts.end(), [](const Part& part) { return part.kind == TextKind::plain; });
    Words plain_words;
    if (has_plain &&
        std::any_of(m_parts.begin(), m_parts.end(), [](const Part& part) { return part.kind == TextKind::html; })) {
        for (const auto& part : m_parts) {
            if (part.kind == TextKind::plain) {
                for_each_word(part.text, [&](std::string_view word) { plain_words.insert(word); });
            }
        }
    }
    std::size_t size = 0;
    for (const auto& part : m_parts) {
        size += part.text.size() + 1;
    }
    std::string out;
    out.reserve(size + 1);
    for (const auto& part : m_parts) {
        if (part.kind == TextKind::plain) {
            append_text(out, part.text);
            continue;
        }
        const std::string text = html_to_text(part.text);
        if (!has_plain || adds_words(text, plain_words)) {
            append_text(out, text);
        }
    }
    if (!out.empty() && out.back() != '\n') {
        out += '\n';
    }
    return out;
}

}  // namespace tkt::mail
