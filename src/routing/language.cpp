// Guessing a ticket's language from its letters, for the `language` condition.
#include "routing/language.hpp"

#include "routing/rules.hpp"

#include <array>

namespace tkt {
namespace {

constexpr char32_t k_invalid = 0xFFFD;

// Decodes the code point at `pos` and moves past it; a malformed sequence gives
// U+FFFD and moves one byte, so that any text can be read to its end.
char32_t next_code_point(std::string_view text, std::size_t& pos) {
    constexpr std::array<char32_t, 4> k_smallest{0, 0x80, 0x800, 0x10000};
    const auto lead = static_cast<unsigned char>(text[pos++]);
    std::size_t more = 0;
    char32_t value = lead;
    if (lead < 0x80) {
        return value;
    } else if ((lead & 0xE0) == 0xC0) {
        more = 1, value = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
        more = 2, value = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
        more = 3, value = lead & 0x07u;
    } else {
        return k_invalid;
    }
    const std::size_t start = pos;
    for (std::size_t i = 0; i < more; ++i) {
        if (start + i >= text.size() || (static_cast<unsigned char>(text[start + i]) & 0xC0) != 0x80) {
            return k_invalid;
        }
        value = (value << 6) | (static_cast<unsigned char>(text[start + i]) & 0x3Fu);
    }
    if (value < k_smallest[more] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return k_invalid;
    }
    pos = start + more;
    return value;
}

bool is_cyrillic_letter(char32_t c) {
    // U+0482 to U+0489 are a sign and combining marks, not letters.
    return c >= 0x0400 && c <= 0x052F && !(c >= 0x0482 && c <= 0x0489);
}

bool is_latin_letter(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) || (c >= 0x1E00 && c <= 0x1EFF);
}

}  // namespace

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
