#include "search/analyzer.hpp"

#include "core/error.hpp"

#include <array>
#include <cstdint>
#include <libstemmer.h>
#include <memory>

namespace tkt::search {
namespace {

// What a character does to a word.
enum class Role { letter, separator, mark, ignorable, apostrophe };

// Decodes the UTF-8 character at `text[at]`; a byte that starts no valid character is
// U+FFFD, one byte long.
char32_t decode(std::string_view text, std::size_t at, std::size_t& length) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const unsigned char lead = byte(0);
    length = 1;
    if (lead < 0x80) {
        return lead;
    }
    std::size_t count = lead >= 0xF0 && lead < 0xF5 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
    if (count == 0 || at + count > text.size()) {
        return U'\uFFFD';
    }
    char32_t point = lead & (0x7F >> count);
    for (std::size_t i = 1; i < count; ++i) {
        if ((byte(i) & 0xC0) != 0x80) {
            return U'\uFFFD';
        }
        point = (point << 6) | (byte(i) & 0x3F);
    }
    // Overlong forms and surrogates are not characters.
    constexpr std::array<char32_t, 5> k_least{0, 0, 0x80, 0x800, 0x10000};
    if (point < k_least[count] || (point >= 0xD800 && point <= 0xDFFF) || point > 0x10FFFF) {
        return U'\uFFFD';
    }
    length = count;
    return point;
}

void append_utf8(std::string& out, char32_t point) {
    if (point < 0x80) {
        out += static_cast<char>(point);
    } else if (point < 0x800) {
        out += static_cast<char>(0xC0 | (point >> 6));
        out += static_cast<char>(0x80 | (point & 0x3F));
    } else if (point < 0x10000) {
        out += static_cast<char>(0xE0 | (point >> 12));
        out += static_cast<char>(0x80 | ((point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (point >> 18));
        out += static_cast<char>(0x80 | ((point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (point & 0x3F));
    }
}

bool between(char32_t point, char32_t low, char32_t high) {
    return point >= low && point <= high;
}

Role role_of(char32_t point) {
    if (point < 0x80) {
        if ((point >= '0' && point <= '9') || (point >= 'a' && point <= 'z') || (point >= 'A' && point <= 'Z')) {
            return Role::letter;
        }
        return point == '\'' ? Role::apostrophe : Role::separator;
    }
    if (point == 0x2019 || point == 0x02BC) {
        return Role::apostrophe;
    }
    if (between(point, 0x0300, 0x036F)) {
        return Role::mark;
    }
    if (point == 0x00AD || between(point, 0x200B, 0x200D) || point == 0x2060 || point == 0xFEFF ||
        between(point, 0xFE00, 0xFE0F)) {
        return Role::ignorable;
    }
    // Punctuation, symbols, arrows, box drawing, emoji, private use: never letters.
    if (point < 0xC0 || point == 0xD7 || point == 0xF7 || between(point, 0x2000, 0x2BFF) ||
        between(point, 0x2E00, 0x2E7F) || between(point, 0x3000, 0x303F) || between(point, 0xE000, 0xF8FF) ||
        between(point, 0xFE10, 0xFE6F) || between(point, 0xFF00, 0xFF0F) || between(point, 0xFF1A, 0xFF20) ||
        between(point, 0xFF3B, 0xFF40) || between(point, 0xFF5B, 0xFF65) || between(point, 0x1F000, 0x1FAFF) ||
        point == 0xFFFD) {
        return Role::separator;
    }
    return Role::letter;
}

// Latin-1 letters U+00C0 to U+00FF without their marks, lowercase ("" for × and ÷).
constexpr std::array<std::string_view, 64> k_latin1{
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // À-Ï
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // Ð-ß
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // à-ï
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};  // ð-ÿ

// Latin Extended-A, U+0100 to U+017F: runs of letters that lose their marks alike.
struct LatinRun {
    char32_t first;
    std::size_t count;
    std::string_view base;
};
constexpr std::array<LatinRun, 22> k_latin_a{{
    {0x0100, 6, "a"},  {0x0106, 8, "c"},  {0x010E, 4, "d"}, {0x0112, 10, "e"}, {0x011C, 8, "g"},  {0x0124, 4, "h"},
    {0x0128, 10, "i"}, {0x0132, 2, "ij"}, {0x0134, 2, "j"}, {0x0136, 3, "k"},  {0x0139, 10, "l"}, {0x0143, 9, "n"},
    {0x014C, 6, "o"},  {0x0152, 2, "oe"}, {0x0154, 6, "r"}, {0x015A, 8, "s"},  {0x0162, 6, "t"},  {0x0168, 12, "u"},
    {0x0174, 2, "w"},  {0x0176, 3, "y"},  {0x0179, 6, "z"}, {0x017F, 1, "s"},
}};

// Appends `point`, a letter, folded: lowercase, ё as е, Latin without diacritics.
void append_folded(std::string& out, char32_t point) {
    if (point < 0x80) {
        out += static_cast<char>(point >= 'A' && point <= 'Z' ? point + ('a' - 'A') : point);
    } else if (between(point, 0x00C0, 0x00FF)) {
        out += k_latin1[point - 0x00C0];
    } else if (between(point, 0x0100, 0x017F)) {
        for (const auto& run : k_latin_a) {
            if (point >= run.first && point < run.first + run.count) {
                out += run.base;
                return;
            }
        }
    } else if (between(point, 0x0400, 0x04FF)) {
        char32_t lower = point;
        if (between(point, 0x0410, 0x042F)) {
            lower = point + 0x20;
        } else if (between(point, 0x0400, 0x040F)) {
            lower = point + 0x50;
        }
        if (lower == 0x0451 || lower == 0x0450) {  // ё, ѐ
            lower = 0x0435;
        }
        append_utf8(out, lower);
    } else if (between(point, 0x0391, 0x03A9) && point != 0x03A2) {
        append_utf8(out, point + 0x20);
    } else {
        append_utf8(out, point);
    }
}

// A Snowball stemmer, one per thread: libstemmer's are not safe to share.
class Stemmer {
public:
    explicit Stemmer(const char* language) : m_stemmer(sb_stemmer_new(language, "UTF_8"), &sb_stemmer_delete) {
        if (!m_stemmer) {
            throw Error(Exit::software, std::string("libstemmer has no stemmer for ") + language);
        }
    }

    std::string_view stem(std::string_view word) {
        const sb_symbol* stemmed = sb_stemmer_stem(m_stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                                   static_cast<int>(word.size()));
        if (stemmed == nullptr) {
            throw Error(Exit::software, "libstemmer ran out of memory");
        }
        return {reinterpret_cast<const char*>(stemmed), static_cast<std::size_t>(sb_stemmer_length(m_stemmer.get()))};
    }

private:
    std::unique_ptr<sb_stemmer, decltype(&sb_stemmer_delete)> m_stemmer;
};

// Returns `folded` stemmed by its alphabet: any Cyrillic letter makes it Russian, else
// any Latin letter English; digits and other alphabets stay as they are.
std::string_view stemmed(std::string_view folded) {
    bool latin = false;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const auto byte = static_cast<unsigned char>(folded[i]);
        if (byte == 0xD0 || byte == 0xD1 || byte == 0xD2 || byte == 0xD3) {
            thread_local Stemmer russian("russian");
            return russian.stem(folded);
        }
        latin = latin || (byte >= 'a' && byte <= 'z');
    }
    if (latin) {
        thread_local Stemmer english("english");
        return english.stem(folded);
    }
    return folded;
}

}  // namespace

void for_each_word(std::string_view text, Reading reading, const std::function<bool(const Word&)>& found) {
    std::string folded;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool in_word = false;
    bool apostrophe = false;  // one seen after the word's last letter
    const auto finish = [&]() {
        in_word = false;
        apostrophe = false;
        if (folded.empty() || folded.size() > k_max_word_bytes) {
            folded.clear();
            return true;
        }
        const Word word{reading == Reading::stem ? stemmed(folded) : std::string_view(folded), begin, end};
        const bool go_on = word.term.empty() || found(word);
        folded.clear();
        return go_on;
    };
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = 1;
        const char32_t point = decode(text, at, length);
        switch (role_of(point)) {
        case Role::letter:
            if (!in_word) {
                in_word = true;
                begin = at;
            } else if (apostrophe) {
                folded += '\'';
            }
            apostrophe = false;
            append_folded(folded, point);
            end = at + length;
            break;
        case Role::mark:
            // A breve makes и the letter й, as the composed form is; other marks go.
            if (in_word && point == 0x0306 && folded.ends_with("\xD0\xB8")) {
                folded.back() = '\xB9';
            }
            if (in_word) {
                end = at + length;
            }
            break;
        case Role::ignorable: break;
        case Role::apostrophe:
            if (in_word) {
                if (apostrophe && !finish()) {
                    return;
                }
                apostrophe = in_word;
            }
            break;
        case Role::separator:
            if (in_word && !finish()) {
                return;
            }
            break;
        }
        at += length;
    }
    if (in_word) {
        finish();
    }
}

std::string terms_of(std::string_view text, Reading reading) {
    std::string terms;
    for_each_word(text, reading, [&](const Word& word) {
        if (!terms.empty()) {
            terms += ' ';
        }
        terms += word.term;
        return true;
    });
    return terms;
}

}  // namespace tkt::search
