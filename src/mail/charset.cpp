// Charset conversion to UTF-8: iconv for the conversion, uchardet to guess a charset
// that was not declared, since koi8-r and windows-1251 both "convert cleanly".
#include "mail/charset.hpp"

#include "core/text.hpp"
#include "mail/charset_labels.hpp"
#include "mail/inbound.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <gmime/gmime.h>
#include <iconv.h>
#include <memory>
#include <uchardet/uchardet.h>

namespace tkt {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";

// Converts `bytes` from `charset` to UTF-8; nullopt when iconv does not know it. With
// `strict`, any byte that does not convert fails the conversion too.
std::optional<std::string> convert(std::string_view bytes, const char* charset, bool strict) {
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        return std::nullopt;
    }
    const std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    char buffer[4096];
    auto* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    while (in_left > 0) {
        char* next = buffer;
        std::size_t out_left = sizeof buffer;
        const std::size_t result = iconv(cd, &in, &in_left, &next, &out_left);
        out.append(buffer, static_cast<std::size_t>(next - buffer));
        if (result != static_cast<std::size_t>(-1)) {
            continue;
        }
        if (errno == E2BIG) {
            continue;
        }
        if (strict) {
            return std::nullopt;
        }
        // An invalid or truncated sequence: mark it and go on after one byte.
        out += k_replacement;
        ++in;
        --in_left;
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
    return out;
}

// Short Russian texts fool uchardet: "тест тест" in KOI8-R comes back as Greek. Undeclared
// 8-bit Cyrillic mail is in practice KOI8-R or windows-1251, and the two are told apart
// by case: real text is mostly lowercase, which KOI8-R puts at 0xC0-0xDF and
// windows-1251 at 0xE0-0xFF.
std::string cyrillic_by_case(std::string_view bytes) {
    std::size_t koi8_lower = 0;
    std::size_t cp1251_lower = 0;
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        koi8_lower += byte >= 0xC0 && byte <= 0xDF ? 1 : 0;
        cp1251_lower += byte >= 0xE0 ? 1 : 0;
    }
    return koi8_lower > cp1251_lower ? "KOI8-R" : "WINDOWS-1251";
}

}  // namespace

std::string guess_charset(std::string_view bytes) {
    uchardet_t detector = uchardet_new();
    uchardet_handle_data(detector, bytes.data(), bytes.size());
    uchardet_data_end(detector);
    std::string charset = ascii_lower(uchardet_get_charset(detector));
    uchardet_delete(detector);
    constexpr std::array<std::string_view, 11> k_lookalikes{
        "koi8-r",       "koi8-u",         "windows-1251", "iso-8859-5",   "ibm866", "ibm855",
        "mac-cyrillic", "x-mac-cyrillic", "iso-8859-7",   "windows-1253", "cp866"};
    if (std::find(k_lookalikes.begin(), k_lookalikes.end(), charset) != k_lookalikes.end()) {
        return cyrillic_by_case(bytes);
    }
    return charset;
}

namespace {

bool is_ascii(std::string_view bytes) {
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

std::string to_utf8(std::string_view bytes, std::string_view charset) {
    const std::string declared = ascii_lower(trim(charset));
    // 8-bit text under an ASCII label is mislabelled: its charset is guessed as if
    // undeclared (Russian mail so labelled is KOI8-R or windows-1251 far more often
    // than the windows-1252 WHATWG reads it as, which stays the last resort).
    const bool says_nothing = declared.empty() || declared == "us-ascii" || declared == "ascii";
    // ISO-2022-JP and UTF-7 are 7-bit: only an ASCII-compatible charset passes as is.
    if (is_ascii(bytes) && (says_nothing || declared == "utf-8")) {
        return std::string(bytes);
    }
    if (!says_nothing) {
        // The label table first: GMime's aliases miss many labels mail writes, and an
        // unknown label falls to a guess.
        const auto known = mail::iconv_name_for_label(declared);
        const char* name = known ? known->c_str() : g_mime_charset_iconv_name(declared.c_str());
        if (auto converted = convert(bytes, name, false); converted && is_valid_utf8(*converted)) {
            return std::move(*converted);
        }
    }
    if (is_valid_utf8(bytes)) {
        return std::string(bytes);
    }
    const std::string detected = guess_charset(bytes);
    if (!detected.empty()) {
        // glibc's iconv passes "UTF-8" beyond U+10FFFF (lead bytes F5 to F7) as it is:
        // what a guessed charset gives is checked as a declared one's is.
        if (auto converted = convert(bytes, detected.c_str(), true); converted && is_valid_utf8(*converted)) {
            return std::move(*converted);
        }
    }
    return convert(bytes, "WINDOWS-1252", false).value_or(std::string());
}

std::string sha256_hex(std::string_view bytes) {
    gchar* digest =
        g_compute_checksum_for_data(G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
    std::string hex(digest);
    g_free(digest);
    return hex;
}

}  // namespace tkt
