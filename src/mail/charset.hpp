// Internal to src/mail/. Text of any charset into UTF-8 (iconv, uchardet), and the
// SHA-256 of attachments and dedup keys (charset.cpp).
#pragma once

#include <string>
#include <string_view>

namespace tkt {

// Returns `bytes` in UTF-8: converted from `charset` when it is known and converts,
// else kept when already UTF-8, else from the charset guess_charset() finds, else from
// windows-1252. Bytes that do not convert become U+FFFD.
std::string to_utf8(std::string_view bytes, std::string_view charset);

// Returns the charset of the 8-bit text in `sample` as uchardet sees it, with KOI8-R
// and windows-1251 told apart by letter case; "" when it cannot tell.
std::string guess_charset(std::string_view sample);

// Returns the SHA-256 of `bytes` in lowercase hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace tkt
