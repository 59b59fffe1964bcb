// RFC 2047 encoded words. GMime 3.2 joins adjacent B words before decoding them, so a
// padded first word ("...RjyA=") swallows the rest of a folded subject; this decoder
// joins the decoded bytes instead.
#include "mail/encoded_words.hpp"

#include "core/text.hpp"
#include "mail/charset.hpp"
#include "mail/inbound.hpp"

#include <glib.h>
#include <optional>

namespace tkt {
namespace {

struct EncodedWord {
    std::string charset;
    std::string bytes;    // decoded, still in `charset`
    std::size_t end = 0;  // one past the closing "?="
};

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

std::string decode_q(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_') {
            out += ' ';
        } else if (text[i] == '=' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string decode_b(std::string_view text) {
    const std::string padded = std::string(text) + std::string((4 - text.size() % 4) % 4, '=');
    gsize length = 0;
    guchar* data = g_base64_decode(padded.c_str(), &length);
    std::string out(reinterpret_cast<const char*>(data), length);
    g_free(data);
    return out;
}

// Reads the encoded word "=?charset?B|Q?text?=" starting at `pos`, if there is one.
std::optional<EncodedWord> read_word(std::string_view text, std::size_t pos) {
    if (text.substr(pos, 2) != "=?") {
        return std::nullopt;
    }
    const auto charset_end = text.find('?', pos + 2);
    if (charset_end == std::string_view::npos || charset_end + 2 >= text.size() || text[charset_end + 2] != '?') {
        return std::nullopt;
    }
    const char encoding = text[charset_end + 1];
    const auto text_end = text.find("?=", charset_end + 3);
    if (text_end == std::string_view::npos ||
        (encoding != 'B' && encoding != 'b' && encoding != 'Q' && encoding != 'q')) {
        return std::nullopt;
    }
    std::string charset(text.substr(pos + 2, charset_end - pos - 2));
    charset = charset.substr(0, charset.find('*'));  // RFC 2231 language suffix
    const auto payload = text.substr(charset_end + 3, text_end - charset_end - 3);
    const bool base64 = encoding == 'B' || encoding == 'b';
    return EncodedWord{ascii_lower(charset), base64 ? decode_b(payload) : decode_q(payload), text_end + 2};
}

}  // namespace

std::string decode_encoded_words(std::string_view text) {
    std::string out;
    std::string pending;  // decoded bytes of adjacent words in one charset
    std::string pending_charset;
    auto flush = [&] {
        if (!pending.empty()) {
            out += to_utf8(pending, pending_charset);
            pending.clear();
        }
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (auto word = read_word(text, pos)) {
            if (word->charset != pending_charset) {
                flush();
                pending_charset = word->charset;
            }
            pending += word->bytes;
            pos = word->end;
            // Whitespace between two encoded words is not part of the text (RFC 2047 6.2).
            auto next = pos;
            while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) {
                ++next;
            }
            if (read_word(text, next)) {
                pos = next;
            }
            continue;
        }
        flush();
        pending_charset.clear();
        out += text[pos];
        ++pos;
    }
    flush();
    return out;
}

}  // namespace tkt
