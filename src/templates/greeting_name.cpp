#include "templates/greeting_name.hpp"

#include "core/text.hpp"
#include "templates/name_letters.hpp"
#include "templates/name_words.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

namespace tkt {
namespace {

using names::key_of;

// What a character does in a display name.
enum class Kind {
    word,    // A letter, a digit or a combining mark.
    joiner,  // A hyphen or an apostrophe, inside a word.
    dot,     // It ends an initial or an abbreviation: "J.", "Dr.".
    comma,   // "Smith, John" and "John Smith, PhD".
    cut,     // What follows is no part of the name: "John | Acme".
    space,   // Whitespace, quotes, emoji and other symbols.
};

Kind kind_of(char32_t c) {
    constexpr std::u32string_view k_joiners = U"-‐‑'’ʼ";
    constexpr std::u32string_view k_commas = U",，";
    constexpr std::u32string_view k_cuts = U"|/\\–—•·";
    if (names::is_letter(c) || (c >= U'0' && c <= U'9') || (c >= 0x300 && c <= 0x36F)) {
        return Kind::word;
    }
    if (k_joiners.find(c) != k_joiners.npos) {
        return Kind::joiner;
    }
    if (k_commas.find(c) != k_commas.npos) {
        return Kind::comma;
    }
    if (k_cuts.find(c) != k_cuts.npos) {
        return Kind::cut;
    }
    return c == U'.' ? Kind::dot : Kind::space;
}

// Returns true when `c` belongs to a run of text with no space in it: "Dr.", "J.R.R.".
bool in_chunk(char32_t c) {
    const Kind kind = kind_of(c);
    return kind == Kind::word || kind == Kind::joiner || kind == Kind::dot;
}

bool has_letter(std::u32string_view text) {
    return std::ranges::any_of(text, names::is_letter);
}

// Drops bracketed parts, which hold a company, a role or an address: "John (Acme)",
// "John <john@acme.com>". A name that is all brackets keeps what is inside them.
std::u32string without_brackets(std::u32string_view text) {
    constexpr std::u32string_view k_opening = U"([{<（";
    constexpr std::u32string_view k_closing = U")]}>）";
    std::u32string kept;
    std::u32string unbracketed;
    int depth = 0;
    for (const char32_t c : text) {
        const bool bracket = k_opening.find(c) != k_opening.npos || k_closing.find(c) != k_closing.npos;
        if (bracket || depth == 0) {
            kept += bracket ? U' ' : c;
        }
        depth = std::max(0, depth + (k_opening.find(c) != k_opening.npos) - (k_closing.find(c) != k_closing.npos));
        unbracketed += bracket ? U' ' : c;
    }
    return has_letter(kept) ? kept : unbracketed;
}

// Returns true when the word `word` (lowercase) starts `text` and a space follows it.
bool starts_with_word(std::u32string_view text, std::u32string_view word) {
    if (text.size() <= word.size() || kind_of(text[word.size()]) != Kind::space) {
        return false;
    }
    return std::ranges::equal(text.substr(0, word.size()), word,
                              [](char32_t a, char32_t b) { return names::to_lower(a) == b; });
}

// Returns true when what follows a name begins at `at`: " via LinkedIn", "| Acme", " - Acme".
bool starts_trailer(std::u32string_view text, std::size_t at) {
    constexpr std::array<std::u32string_view, 4> k_trailer_words{U"via", U"at", U"from", U"через"};
    if (kind_of(text[at]) == Kind::cut) {
        return true;
    }
    if (at == 0 || kind_of(text[at - 1]) != Kind::space) {
        return false;
    }
    if (text[at] == U'-') {
        return at + 1 == text.size() || kind_of(text[at + 1]) == Kind::space;
    }
    return std::ranges::any_of(k_trailer_words,
                               [&](std::u32string_view word) { return starts_with_word(text.substr(at), word); });
}

std::u32string_view before_trailers(std::u32string_view text) {
    bool after_letter = false;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (after_letter && starts_trailer(text, at)) {
            return text.substr(0, at);
        }
        after_letter = after_letter || names::is_letter(text[at]);
    }
    return text;
}

// One word of a display name as written, and the key the word lists know it by.
struct Word {
    std::u32string text;
    std::string key;
};

// A display name read as words, in the groups its commas make.
struct Reading {
    std::vector<std::vector<Word>> groups{{}};
    bool titled = false;  // A title was dropped: one word after it is a surname ("Mr Smith").
    bool domain = false;  // "Booking.com" names a company.
};

// Returns the pieces of `chunk` between its dots, without the hyphens and apostrophes
// around them ("'Anna'"), pieces with no letter dropped.
std::vector<std::u32string> pieces_between_dots(std::u32string_view chunk) {
    const auto in_word = [](char32_t c) { return kind_of(c) == Kind::word; };
    std::vector<std::u32string> pieces;
    for (std::size_t start = 0; start <= chunk.size();) {
        const std::size_t dot = std::min(chunk.find(U'.', start), chunk.size());
        const std::u32string_view piece = chunk.substr(start, dot - start);
        const auto first = std::ranges::find_if(piece, in_word);
        const auto last = std::find_if(piece.rbegin(), piece.rend(), in_word);
        if (has_letter(piece)) {
            pieces.emplace_back(first, last.base());
        }
        start = dot + 1;
    }
    return pieces;
}

// Adds the words of `chunk`, a run with no space in it ("Dr.", "J.R.R.", "Jean-Luc"),
// to the last group of `reading`, leaving out titles and, after the first word, suffixes.
void add_chunk(Reading& reading, std::u32string_view chunk) {
    if (std::ranges::any_of(chunk, [](char32_t c) { return c >= U'0' && c <= U'9'; })) {
        return;  // A login or a number: no part of a name.
    }
    const auto pieces = pieces_between_dots(chunk);
    if (pieces.size() >= 2 && names::is_top_level_domain(key_of(pieces.back()))) {
        reading.domain = true;
        return;
    }
    const bool first = reading.groups.size() == 1 && reading.groups.front().empty();
    if (pieces.empty() || (!first && names::is_suffix(key_of(chunk)))) {
        return;
    }
    for (const auto& piece : pieces) {
        Word word{piece, key_of(piece)};
        if (names::is_title(word.key)) {
            reading.titled = true;
        } else {
            reading.groups.back().push_back(std::move(word));
        }
    }
}

Reading read_words(std::u32string_view text) {
    Reading reading;
    for (std::size_t at = 0; at < text.size();) {
        const Kind kind = kind_of(text[at]);
        if (kind == Kind::comma) {
            reading.groups.emplace_back();
        }
        if (kind == Kind::comma || kind == Kind::cut || kind == Kind::space) {
            ++at;
            continue;
        }
        std::size_t end = at;
        while (end < text.size() && in_chunk(text[end])) {
            ++end;
        }
        add_chunk(reading, text.substr(at, end - at));
        at = end;
    }
    std::erase_if(reading.groups, [](const auto& group) { return group.empty(); });
    return reading;
}

// The words of a name in the order written, or given name first when a comma showed
// the surname first.
struct Name {
    std::vector<Word> words;
    bool order_known = false;
};

// Returns the name in `reading`: "Smith, John" and "van der Berg, Jan" put the surname
// first; after a name of two words or more, what follows a comma is a company, a role
// or a degree ("John Smith, Acme"), which no greeting needs.
Name name_of(const Reading& reading) {
    if (reading.groups.empty()) {
        return {};
    }
    const auto& first = reading.groups.front();
    const bool surname_only =
        std::all_of(first.begin(), first.end() - 1, [](const Word& word) { return names::is_particle(word.key); });
    if (reading.groups.size() == 1 || !surname_only) {
        return {first, false};
    }
    Name name{reading.groups[1], true};
    name.words.insert(name.words.end(), first.begin(), first.end());
    return name;
}

bool is_company(const Word& word) {
    return std::ranges::any_of(split(word.key, '-'), names::is_company_word);
}

bool is_given(const Word& word) {
    return names::is_given_name(word.key) || names::is_given_name(split(word.key, '-').front());
}

bool is_cyrillic(const Word& word) {
    return word.text[0] >= 0x400 && word.text[0] <= 0x52F;
}

bool is_initial(const Word& word) {
    return std::ranges::count_if(word.text, names::is_letter) == 1;
}

bool is_lone_surname(const Word& word) {
    return names::looks_like_surname(word.key) && !is_given(word);
}

std::string written(const Word& word) {
    return to_utf8(names::capitalised(word.text));
}

// Returns true when `first` and `second` read as surname then given name: "Петрова
// Ирина", "Сидоров Дима", "Petrova Irina". Latin names keep the Western order unless
// the surname looks Russian, since "Wang Wei" or "Smith John" cannot be told apart.
bool surname_first(const Word& first, const Word& second) {
    const bool first_given = is_given(first);
    const bool second_given = is_given(second);
    if (first_given != second_given) {
        return second_given && (is_cyrillic(first) || names::looks_like_surname(first.key));
    }
    return !first_given && is_cyrillic(first) && names::looks_like_surname(first.key) &&
           !names::looks_like_surname(second.key);
}

// Returns true when `patronymic` follows the given name `given`. A Cyrillic patronymic
// is taken as it comes; a Latin "-vich" only after a known Russian given name, since
// "Milan Jankovich" is a Serbian surname.
bool patronymic_after(const Word& given, const Word& patronymic) {
    return names::is_patronymic(patronymic.key) && (is_cyrillic(patronymic) || is_given(given));
}

// Returns the name and patronymic of a Russian full name: "Иванов Иван Иванович",
// "Иван Иванович Иванов" and "Иван Иванович" are all greeted "Иван Иванович".
std::optional<std::string> with_patronymic(const std::vector<Word>& words) {
    if (words.size() >= 3 && patronymic_after(words[1], words[2])) {
        return written(words[1]) + " " + written(words[2]);
    }
    if (patronymic_after(words[0], words[1])) {
        return written(words[0]) + " " + written(words[1]);
    }
    return std::nullopt;
}

// Returns the greeting of `name`. Initials drop out ("John F. Kennedy"), and a surname
// left alone greets nobody: "Hello Smith," reads as cold and "Здравствуйте, Петров!"
// as rude, so "Mr Smith", "J. Smith" and "Петров" have the nameless greeting.
std::string greeting_of(const Name& name, bool titled) {
    std::vector<Word> words;
    bool initial_first = false;
    for (const Word& word : name.words) {
        if (!is_initial(word)) {
            words.push_back(word);
        } else if (words.empty()) {
            initial_first = true;
        }
    }
    if (words.empty()) {
        return {};
    }
    if (words.size() == 1) {
        const bool surname = titled || initial_first || is_lone_surname(words[0]);
        return surname ? std::string() : written(words[0]);
    }
    if (auto form = with_patronymic(words)) {
        return *form;
    }
    const Word& given = name.order_known || !surname_first(words[0], words[1]) ? words[0] : words[1];
    return is_lone_surname(given) ? std::string() : written(given);
}

}  // namespace

std::string greeting_name(std::string_view display_name) {
    // A display name with a broken byte in it still holds a name.
    const std::u32string text = without_brackets(code_points(display_name));
    const std::u32string_view name_part = before_trailers(text);
    if (name_part.find(U'@') != name_part.npos) {
        return {};  // An address: nobody's name.
    }
    const Reading reading = read_words(name_part);
    const Name name = name_of(reading);
    if (reading.domain || std::ranges::any_of(name.words, is_company)) {
        return {};
    }
    return greeting_of(name, reading.titled);
}

}  // namespace tkt
