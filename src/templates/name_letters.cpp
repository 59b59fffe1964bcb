#include "templates/name_letters.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace tkt::names {
namespace {

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
    return to_utf8(key);
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
