// Header text and undeclared charsets, shared by the message and its parts.
#include "mail/header_text.hpp"

#include "core/text.hpp"
#include "mail/charset.hpp"
#include "mail/encoded_words.hpp"
#include "mail/inbound.hpp"

namespace tkt::mail {
namespace {

// The longest header value kept; longer ones are cut (a 1 MB subject helps nobody).
constexpr std::size_t k_max_header_bytes = 16 * 1024;

}  // namespace

std::string UndeclaredCharset::to_utf8(std::string_view bytes, const char* charset) {
    if ((charset && *charset) || is_valid_utf8(bytes)) {
        return tkt::to_utf8(bytes, charset ? charset : "");
    }
    if (!m_guess) {
        m_guess = guess_charset(m_raw);
    }
    return tkt::to_utf8(bytes, *m_guess);
}

std::string decode_header_text(UndeclaredCharset& charset, std::string_view raw) {
    std::string text = squash_whitespace(raw.substr(0, k_max_header_bytes));
    if (!is_valid_utf8(text)) {
        text = charset.to_utf8(text, nullptr);
    }
    std::string out = decode_encoded_words(text);
    return squash_whitespace(is_valid_utf8(out) ? out : tkt::to_utf8(out, ""));
}

}  // namespace tkt::mail
