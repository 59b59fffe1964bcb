// Internal to src/templates/. The letters of a display name: the
// case of Latin, Greek and Cyrillic letters without a locale, for greet_name().
#pragma once

#include <string>
#include <string_view>

namespace tkt::names {

// Returns the small letter of `c`, or `c` when it has none.
char32_t to_lower(char32_t c);

// Returns the capital letter of `c`, or `c` when it has none.
char32_t to_upper(char32_t c);

// Returns true when `c` is a letter of a script people's names are written in.
bool is_letter(char32_t c);

// Returns the key the word lists know `word` by: lowercase, ё as е, one apostrophe and
// one hyphen, without dots.
std::string key_of(std::u32string_view word);

// Returns `word` with each hyphenated part written all capitals or all small letters
// made "Ivan" ("JEAN-LUC" is "Jean-Luc", "o'brien" is "O'Brien"); a part in mixed case
// ("McDonald") stays as written.
std::u32string capitalised(std::u32string_view word);

}  // namespace tkt::names
