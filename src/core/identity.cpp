#include "core/identity.hpp"

#include "core/address.hpp"
#include "core/text.hpp"

namespace tkt {
namespace {

// The longest platform name and chat id tkt takes; real ones are far shorter.
constexpr std::size_t k_max_platform = 32;
constexpr std::size_t k_max_chat_id = 200;

bool is_platform_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

// Returns true for E.164: '+', a country code and number, 4 to 15 digits in all. Only
// digits: "+orders@shop.example" is a mail address.
bool is_phone_number(std::string_view value) {
    const auto digits = value.substr(value.starts_with('+') ? 1 : value.size());
    return digits.size() >= 4 && digits.size() <= 15 &&
           digits.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::optional<std::string> chat_identity(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > k_max_platform) {
        return std::nullopt;
    }
    const std::string platform = ascii_lower(text.substr(0, colon));
    const auto id = text.substr(colon + 1);
    if (platform == "tel" || platform == "mailto" || !(platform[0] >= 'a' && platform[0] <= 'z') || id.empty() ||
        id.size() > k_max_chat_id) {
        return std::nullopt;
    }
    for (const char c : platform) {
        if (!is_platform_char(c)) {
            return std::nullopt;
        }
    }
    for (const char c : id) {
        if (static_cast<unsigned char>(c) <= ' ' || c == '\x7f' || c == '<' || c == '>') {
            return std::nullopt;
        }
    }
    if (!is_valid_utf8(id)) {
        return std::nullopt;
    }
    return platform + ":" + std::string(id);
}

std::string_view to_string(IdentityKind kind) {
    switch (kind) {
    case IdentityKind::email: return "email";
    case IdentityKind::phone: return "phone";
    case IdentityKind::chat: return "chat";
    }
    return "email";
}

bool is_identity(std::string_view value) {
    return is_phone_number(value) || chat_identity(value).has_value() || parse_address(value).has_value();
}

IdentityKind kind_of_identity(std::string_view value) {
    if (is_phone_number(value)) {
        return IdentityKind::phone;
    }
    return chat_identity(value) ? IdentityKind::chat : IdentityKind::email;
}

}  // namespace tkt
