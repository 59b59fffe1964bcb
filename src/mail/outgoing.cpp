#include "mail/outgoing.hpp"

#include "core/text.hpp"
#include "mail/module.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace tkt {

std::string header_safe(std::string_view value) {
    std::string safe;
    safe.reserve(value.size());
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        const bool control = byte < 0x20 || byte == 0x7f;
        if (!control) {
            safe += c;
        } else if (safe.empty() || safe.back() != ' ') {
            safe += ' ';  // "a\r\nBcc: x" becomes "a Bcc: x": one line, still readable
        }
    }
    return safe;
}

bool is_plausible_message_id(std::string_view id) {
    const bool printable =
        std::all_of(id.begin(), id.end(), [](char c) { return c > ' ' && c < 0x7f && c != '<' && c != '>'; });
    return printable && std::count(id.begin(), id.end(), '@') == 1 && !id.starts_with('@') && !id.ends_with('@');
}

// No message/rfc822 for .eml: such a part is read back as an attached message, not
// as a file with bytes of its own that `tkt attachment` could save.
std::string content_type_for(std::string_view name) {
    static constexpr auto k_types = std::to_array<std::pair<std::string_view, std::string_view>>({
        {"pdf", "application/pdf"},
        {"txt", "text/plain"},
        {"log", "text/plain"},
        {"csv", "text/csv"},
        {"html", "text/html"},
        {"htm", "text/html"},
        {"json", "application/json"},
        {"xml", "application/xml"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"gif", "image/gif"},
        {"webp", "image/webp"},
        {"svg", "image/svg+xml"},
        {"zip", "application/zip"},
        {"gz", "application/gzip"},
        {"doc", "application/msword"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"xls", "application/vnd.ms-excel"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"ppt", "application/vnd.ms-powerpoint"},
        {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
        {"odt", "application/vnd.oasis.opendocument.text"},
        {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
        {"mp3", "audio/mpeg"},
        {"mp4", "video/mp4"},
    });
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) {
        return "application/octet-stream";
    }
    const std::string extension = ascii_lower(name.substr(dot + 1));
    for (const auto& [known, type] : k_types) {
        if (extension == known) {
            return std::string(type);
        }
    }
    return "application/octet-stream";
}

std::string compose_mail(const OutgoingMail& mail) {
    return mail::api().compose(mail);
}

}  // namespace tkt
