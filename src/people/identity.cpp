#include "people/identity.hpp"

#include "core/address.hpp"
#include "core/text.hpp"
#include "people/phone.hpp"

#include <fmt/format.h>

namespace tkt {
namespace {

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
