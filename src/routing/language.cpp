// Guessing a ticket's language from its letters, for the `language` condition.
#include "routing/language.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <array>

namespace tkt {
namespace {

// Decodes the code point at `pos` and moves past it; a malformed sequence gives
// U+FFFD and moves one byte, so that any text can be read to its end.
char32_t next_code_point(std::string_view text, std::size_t& pos) {
    if (const auto c = decode_utf8(text, pos)) {
        return *c;
    }
    ++pos;
    return 0xFFFD;
}

bool is_cyrillic_letter(char32_t c) {
    // U+0482 to U+0489 are a sign and combining marks, not letters.
    return c >= 0x0400 && c <= 0x052F && !(c >= 0x0482 && c <= 0x0489);
}

bool is_latin_letter(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) || (c >= 0x1E00 && c <= 0x1EFF);
}

// Fewer letters than this cannot tell a language: "ok", "да", "спс".
constexpr std::size_t k_fewest_letters = 4;

bool ends_with_any(std::string_view line, std::initializer_list<std::string_view> endings) {
    return std::any_of(endings.begin(), endings.end(), [&](std::string_view end) { return line.ends_with(end); });
}

// The line a mail client writes above the message a reply quotes.
bool is_quote_header(std::string_view line) {
    const std::string lower = ascii_lower(line);
    return ends_with_any(lower, {"wrote:", "пишет:", "написал:", "написала:", "написал(а):"}) ||
           lower.starts_with("-----original message-----") || line.starts_with("-----Исходное сообщение-----") ||
           line.starts_with("-------- Пересылаемое сообщение") || lower.starts_with("-------- forwarded message");
}

}  // namespace

std::string own_text(std::string_view body) {
    std::string text;
    auto lines = split(body, '\n');
    if (!lines.empty() && lines.back().empty()) {
        lines.pop_back();  // what follows the last line break
    }
    for (const auto& line : lines) {
        const auto bare = trim(line);
        if (line == "-- " || line == "-- \r" || is_quote_header(bare)) {
            break;
        }
        if (!bare.starts_with('>')) {
            text.append(line).push_back('\n');
        }
    }
    return text;
}

std::string detect_language(std::string_view text) {
    std::string words;
    for (const auto& line : split(text, '\n')) {
        for (const auto& word : split(line, ' ')) {
            if (word.find('@') == std::string::npos && word.find("://") == std::string::npos &&
                !word.starts_with("www.")) {
                words.append(word).push_back(' ');
            }
        }
    }
    std::size_t letters = 0;
    for (std::size_t pos = 0; pos < words.size();) {
        const char32_t c = next_code_point(words, pos);
        letters += is_cyrillic_letter(c) || is_latin_letter(c) ? 1u : 0u;
    }
    return letters < k_fewest_letters ? std::string() : guess_language(words);
}

std::string message_language(std::string_view subject, std::string_view body) {
    return detect_language(std::string(subject) + "\n" + own_text(body));
}

std::string guess_language(std::string_view text) {
    std::size_t cyrillic = 0;
    std::size_t latin = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = next_code_point(text, pos);
        cyrillic += is_cyrillic_letter(c) ? 1u : 0u;
        latin += is_latin_letter(c) ? 1u : 0u;
    }
    if (cyrillic > latin) {
        return "ru";
    }
    return latin > cyrillic ? "en" : "";
}

}  // namespace tkt
