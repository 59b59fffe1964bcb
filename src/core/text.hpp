// Text helpers: UTF-8 checks and widths, trimming, and "did you mean" suggestions.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// Decodes the code point at `pos` and moves past it; nullopt, with `pos` where it was,
// for a malformed sequence (overlong, surrogate, truncated, past U+10FFFF).
std::optional<char32_t> decode_utf8(std::string_view text, std::size_t& pos);

// Returns the code points of `text`, dropping every byte that is not well-formed UTF-8.
std::u32string code_points(std::string_view text);

// Returns `text` as UTF-8.
std::string to_utf8(std::u32string_view text);

// Returns true when `text` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view text);

// Returns the number of terminal columns `text` (UTF-8) takes: wide East Asian
// characters count two, combining marks and controls zero.
std::size_t display_width(std::string_view text);

// Returns `text` cut to at most `width` columns, ending in "…" when it was cut.
std::string truncate_to_width(std::string_view text, std::size_t width);

// Returns `text` broken at spaces into lines of at most `width` display columns; a
// word wider than `width` gets a line of its own, and the line breaks of `text` stay.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

// Returns `text` with every run of whitespace (newlines and tabs included) made one space.
std::string squash_whitespace(std::string_view text);

// Returns `text` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

// Returns `text` with ASCII letters lowercased.
std::string ascii_lower(std::string_view text);

// Returns `items` joined with `separator` between them.
std::string join(std::span<const std::string> items, std::string_view separator);

// Returns the pieces of `text` between occurrences of `separator`.
std::vector<std::string> split(std::string_view text, char separator);

// Returns `text` quoted for CSV (RFC 4180) when it needs quoting.
std::string csv_field(std::string_view text);

// Returns `text` with &, <, > and " written as HTML entities.
std::string escape_html(std::string_view text);

// Returns the candidate closest to `word` by edit distance, if one is close enough
// to be a plausible typo.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates);

// Returns " (did you mean 'x'?)" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace tkt
