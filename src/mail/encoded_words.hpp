// Internal to src/mail/. RFC 2047 encoded words in headers (encoded_words.cpp).
#pragma once

#include <string>
#include <string_view>

namespace tkt {

// Decodes the RFC 2047 encoded words of an unstructured header (a subject) into UTF-8.
// The decoded bytes of adjacent words in one charset are joined before conversion, so
// a character split across two words survives; text outside words passes as is.
std::string decode_encoded_words(std::string_view text);

}  // namespace tkt
