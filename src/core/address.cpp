#include "core/address.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace tkt {
namespace {

bool is_local_char(unsigned char c) {
    if (c >= 0x80) {
        return true;  // RFC 6531 allows UTF-8 local parts.
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    return std::string_view("!#$%&'*+-/=?^_`{|}~.").find(static_cast<char>(c)) != std::string_view::npos;
}

bool is_valid_domain(std::string_view domain) {
    if (domain.empty() || domain.size() > 253) {
        return false;
    }
    for (const auto& label : split(domain, '.')) {
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
            return false;
        }
        const bool ok = std::all_of(label.begin(), label.end(), [](char ch) {
            const auto c = static_cast<unsigned char>(ch);
            return c >= 0x80 || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        });
        if (!ok) {
            return false;
        }
    }
    return true;
}

std::optional<std::string> parse_addr_spec(std::string_view text) {
    const auto at = text.rfind('@');
    if (at == std::string_view::npos || at == 0 || at > 64) {
        return std::nullopt;
    }
    const auto local = text.substr(0, at);
    const auto domain = text.substr(at + 1);
    const bool local_ok =
        std::all_of(local.begin(), local.end(), [](char c) { return is_local_char(static_cast<unsigned char>(c)); });
    if (!local_ok || local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos ||
        !is_valid_domain(domain) || !is_valid_utf8(text)) {
        return std::nullopt;
    }
    // Addresses are compared as people expect: Bob@Example.com is bob@example.com.
    return ascii_lower(text);
}

std::string unquote_name(std::string_view name) {
    name = trim(name);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
        std::string out;
        for (std::size_t i = 1; i + 1 < name.size(); ++i) {
            if (name[i] == '\\' && i + 2 < name.size()) {
                ++i;
            }
            out += name[i];
        }
        return out;
    }
    return std::string(name);
}

}  // namespace

std::optional<Address> parse_address(std::string_view text) {
    text = trim(text);
    const auto open = text.rfind('<');
    if (open == std::string_view::npos) {
        auto email = parse_addr_spec(text);
        if (!email) {
            return std::nullopt;
        }
        return Address{"", std::move(*email)};
    }
    if (text.back() != '>') {
        return std::nullopt;
    }
    auto email = parse_addr_spec(text.substr(open + 1, text.size() - open - 2));
    if (!email) {
        return std::nullopt;
    }
    auto name = squash_whitespace(unquote_name(text.substr(0, open)));
    if (!is_valid_utf8(name) || name.find_first_of("<>") != std::string::npos) {
        return std::nullopt;
    }
    return Address{std::move(name), std::move(*email)};
}

std::string format_address(const Address& address) {
    if (address.email.empty()) {
        return address.name.empty() ? "(unknown sender)" : address.name + " (no address)";
    }
    if (address.name.empty()) {
        return address.email;
    }
    return fmt::format("{} <{}>", address.name, address.email);
}

bool takes_no_replies(std::string_view email) {
    // Separators are dropped first, so "no-reply", "no_reply" and "no.reply" are one.
    std::string local;
    for (const char c : ascii_lower(email.substr(0, email.find('@')))) {
        if (c != '-' && c != '_' && c != '.') {
            local += c;
        }
    }
    constexpr std::array<std::string_view, 5> k_prefixes{"noreply", "donotreply", "dontreply", "mailerdaemon",
                                                         "postmaster"};
    return std::any_of(k_prefixes.begin(), k_prefixes.end(),
                       [&](std::string_view prefix) { return local.starts_with(prefix); });
}

}  // namespace tkt
