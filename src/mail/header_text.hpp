// Internal to src/mail/. Text whose charset a message does not declare: raw 8-bit headers and text parts
// without a charset, read with one guess for the whole message.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tkt::mail {

// The charset of a message's undeclared 8-bit text (raw header bytes, text parts with
// no charset), guessed once from the whole message: a subject and a body are one
// writer's, and together they give the detector more to go on than either alone.
class UndeclaredCharset {
public:
    explicit UndeclaredCharset(std::string_view raw) : m_raw(raw) {}

    // Returns `bytes` in UTF-8, declared `charset` first, else the message's guess.
    std::string to_utf8(std::string_view bytes, const char* charset);

private:
    std::string_view m_raw;
    std::optional<std::string> m_guess;
};

// Returns a header's text as UTF-8 with its whitespace squashed: raw 8-bit bytes (no
// encoded words) go through the message's `charset` first, then encoded words are
// decoded.
std::string decode_header_text(UndeclaredCharset& charset, std::string_view raw);

}  // namespace tkt::mail
