#include "templates/name_letters.hpp"

#include <algorithm>
#include <optional>

namespace tkt::names {
namespace {

std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) {
        return 1;
    }
    if ((lead & 0xE0) == 0xC0) {
        return 2;
    }
    if ((lead & 0xF0) == 0xE0) {
        return 3;
    }
    return (lead & 0xF8) == 0xF0 ? 4 : 0;
}

// Decodes the `length` bytes at `pos`; nullopt for a truncated, overlong or surrogate
// sequence or one past U+10FFFF.
std::optional<char32_t> decode_at(std::string_view text, std::size_t pos, std::size_t length) {
    constexpr char32_t k_lead_bits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    constexpr char32_t k_minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (length == 0 || pos + length > text.size()) {
        return std::nullopt;
    }
    char32_t value = static_cast<unsigned char>(text[pos]) & k_lead_bits[length];
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[pos + i]);
        if ((byte & 0xC0) != 0x80) {
            return std::nullopt;
        }
        value = (value << 6) | (byte & 0x3Fu);
    }
    if (value < k_minimum[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return std::nullopt;
    }
    return value;
}

// Latin Extended-A and the Cyrillic supplement pair each capital with the small letter
// after it; the capital is at the even code point but in three runs, where it is odd.
bool in_case_pairs(char32_t c) {
    return (c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x139 && c <= 0x148) ||
           (c >= 0x14A && c <= 0x177) || (c >= 0x179 && c <= 0x17E) || (c >= 0x460 && c <= 0x481) ||
           (c >= 0x48A && c <= 0x4BF) || (c >= 0x4C1 && c <= 0x4CE) || (c >= 0x4D0 && c <= 0x4FF);
}

bool is_paired_capital(char32_t c) {
    const bool odd_capitals = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E) || (c >= 0x4C1 && c <= 0x4CE);
    return in_case_pairs(c) && (c % 2 == 1) == odd_capitals;
}

bool in_range(char32_t c, char32_t first, char32_t last) {
    return c >= first && c <= last;
}

}  // namespace

std::u32string decode_lenient(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t length = sequence_length(static_cast<unsigned char>(text[pos]));
        if (const auto c = decode_at(text, pos, length)) {
            out += *c;
            pos += length;
        } else {
            ++pos;
        }
    }
    return out;
}

std::string encode(std::u32string_view text) {
    constexpr unsigned char k_lead_marks[] = {0, 0, 0xC0, 0xE0, 0xF0};
    std::string out;
    for (const char32_t c : text) {
        const int length = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        const int rest = 6 * (length - 1);
        out += static_cast<char>(length == 1 ? c : (k_lead_marks[length] | (c >> rest)));
        for (int shift = rest - 6; shift >= 0; shift -= 6) {
            out += static_cast<char>(0x80 | ((c >> shift) & 0x3F));
        }
    }
    return out;
}

char32_t to_lower(char32_t c) {
    if (in_range(c, U'A', U'Z') || (in_range(c, 0xC0, 0xDE) && c != 0xD7) ||
        (in_range(c, 0x391, 0x3AB) && c != 0x3A2) || in_range(c, 0x410, 0x42F)) {
        return c + 0x20;
    }
    if (in_range(c, 0x400, 0x40F)) {
        return c + 0x50;
    }
    if (c == 0x178) {
        return 0xFF;
    }
    if (c == 0x4C0) {
        return 0x4CF;
    }
    return is_paired_capital(c) ? c + 1 : c;
}

char32_t to_upper(char32_t c) {
    if (in_range(c, U'a', U'z') || (in_range(c, 0xE0, 0xFE) && c != 0xF7) ||
        (in_range(c, 0x3B1, 0x3CB) && c != 0x3C2) || in_range(c, 0x430, 0x44F)) {
        return c - 0x20;
    }
    if (in_range(c, 0x450, 0x45F)) {
        return c - 0x50;
    }
    if (c == 0xFF) {
        return 0x178;
    }
    if (c == 0x3C2) {
        return 0x3A3;  // final sigma
    }
    if (c == 0x4CF) {
        return 0x4C0;
    }
    return in_case_pairs(c) && !is_paired_capital(c) ? c - 1 : c;
}

bool is_letter(char32_t c) {
    if (to_lower(c) != c || to_upper(c) != c || c == 0xDF) {
        return true;
    }
    // Scripts without case, and the caseless letters of the cased ones.
    return in_range(c, 0x100, 0x2AF) || in_range(c, 0x370, 0x3FF) || in_range(c, 0x400, 0x52F) ||
           in_range(c, 0x531, 0x587) || in_range(c, 0x5D0, 0x5EA) || in_range(c, 0x620, 0x64A) ||
           in_range(c, 0x10A0, 0x10FF) || in_range(c, 0x1E00, 0x1FFF) || in_range(c, 0x3040, 0x30FF) ||
           in_range(c, 0x3400, 0x4DBF) || in_range(c, 0x4E00, 0x9FFF) || in_range(c, 0xAC00, 0xD7A3);
}

std::string key_of(std::u32string_view word) {
    std::u32string key;
    for (const char32_t c : word) {
        const char32_t small = to_lower(c);
        if (small == U'ё') {
            key += U'е';
        } else if (small == U'’' || small == U'ʼ') {
            key += U'\'';
        } else if (small == U'‐' || small == U'‑') {
            key += U'-';
        } else if (small != U'.') {
            key += small;
        }
    }
    return encode(key);
}

std::u32string capitalised(std::u32string_view word) {
    std::u32string out(word);
    const auto is_hyphen = [](char32_t c) { return c == U'-' || c == U'‐' || c == U'‑'; };
    for (auto begin = out.begin(); begin != out.end();) {
        const auto end = std::find_if(begin, out.end(), is_hyphen);
        const bool upper = std::any_of(begin, end, [](char32_t c) { return to_lower(c) != c; });
        const bool lower = std::any_of(begin, end, [](char32_t c) { return to_upper(c) != c; });
        if (!(upper && lower)) {
            for (auto at = begin; at != end; ++at) {
                // A capital after the apostrophe of "O'Brien" and "D'Angelo".
                const bool starts = at == begin || (at == begin + 2 && (begin[1] == U'\'' || begin[1] == U'’'));
                *at = starts ? to_upper(*at) : to_lower(*at);
            }
        }
        begin = end == out.end() ? end : end + 1;
    }
    return out;
}

}  // namespace tkt::names
