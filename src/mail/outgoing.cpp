#include "mail/outgoing.hpp"

#include "mail/module.hpp"

#include <algorithm>

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

std::string compose_mail(const OutgoingMail& mail) {
    return mail::api().compose(mail);
}

}  // namespace tkt
