#include "people/identity.hpp"

#include "core/address.hpp"
#include "core/text.hpp"
#include "people/phone.hpp"

#include <fmt/format.h>

namespace tkt {
namespace {

// The longest platform name and chat id tkt takes; real ones are far shorter.
constexpr std::size_t k_max_platform = 32;
constexpr std::size_t k_max_chat_id = 200;

bool is_platform_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

// Reads "platform:id": a platform of lowercase letters, digits, '_', '-' and '.'
// starting with a letter (any case, stored lowercase), and an id of printable
// characters without spaces. "tel:" is a phone number, "mailto:" an address.
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

// Splits "Name <value>" into its name (unquoted) and value; a bare value has no name.
std::pair<std::string, std::string_view> name_and_value(std::string_view text) {
    text = trim(text);
    const auto open = text.rfind('<');
    if (open == std::string_view::npos || !text.ends_with('>')) {
        return {"", text};
    }
    std::string_view name = trim(text.substr(0, open));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
        name = name.substr(1, name.size() - 2);
    }
    return {std::string(name), trim(text.substr(open + 1, text.size() - open - 2))};
}

}  // namespace

std::string_view to_string(IdentityKind kind) {
    switch (kind) {
    case IdentityKind::email: return "email";
    case IdentityKind::phone: return "phone";
    case IdentityKind::chat: return "chat";
    }
    return "email";
}

std::optional<Identity> parse_identity(std::string_view text, std::string_view country) {
    const auto [name, value] = name_and_value(text);
    // A chat identity first: its id may hold an '@' ("telegram:@bob"), an address never
    // holds a ':'.
    if (auto chat = chat_identity(value)) {
        return Identity{IdentityKind::chat, std::move(*chat), name};
    }
    if (looks_like_phone(value)) {
        if (auto phone = normalize_phone(value, country)) {
            return Identity{IdentityKind::phone, std::move(*phone), name};
        }
        return std::nullopt;
    }
    if (auto address = parse_address(text)) {
        return Identity{IdentityKind::email, std::move(address->email), std::move(address->name)};
    }
    return std::nullopt;
}

bool is_identity(std::string_view value) {
    if (value.starts_with('+')) {
        // E.164: a country code and number, at most 15 digits in all.
        const auto digits = value.substr(1);
        return digits.size() >= 4 && digits.size() <= 15 &&
               digits.find_first_not_of("0123456789") == std::string_view::npos;
    }
    return chat_identity(value).has_value() || parse_address(value).has_value();
}

IdentityKind kind_of_identity(std::string_view value) {
    if (value.starts_with('+')) {
        return IdentityKind::phone;
    }
    return chat_identity(value) ? IdentityKind::chat : IdentityKind::email;
}

std::string identity_problem(std::string_view text, std::string_view country) {
    const auto value = name_and_value(text).second;
    if (looks_like_phone(value)) {
        if (country.empty() && !trim(value).starts_with('+')) {
            return fmt::format("'{}' has no country code: write it as +7 900 123-45-67, or set 'country' under "
                               "[defaults] in config.toml",
                               text);
        }
        return fmt::format("'{}' is not a possible phone number{}", text,
                           country.empty() ? "" : fmt::format(" (read as a number of {})", country));
    }
    return fmt::format("'{}' is not a mail address, phone number or chat identity (use bob@example.com, "
                       "\"Bob Smith <bob@example.com>\", +7 900 123-45-67 or telegram:12345)",
                       text);
}

}  // namespace tkt
