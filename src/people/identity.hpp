// Who a customer is to tkt: a mail address, a phone number or a chat identity, as a
// ticket's requester stores it and a customer record links them (DESIGN.md 3).
#pragma once

#include "core/identity.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tkt {

// An identity in the one form tkt stores and compares: "bob@example.com" (domain
// lowercased), "+79001234567" (E.164), "telegram:12345" (platform lowercased, the id
// as the platform gave it).
struct Identity {
    IdentityKind kind = IdentityKind::email;
    std::string value;
    std::string name;  // the display name given with it ("Bob <bob@example.com>"); may be empty
};

// Parses `text` as users and integrations write a customer: an address ("bob@example.com",
// "Bob Smith <bob@example.com>"), a phone number ("+7 900 123-45-67", "8 (900)
// 123-45-67", "tel:+44...", "Ivan <+7 900 123 45 67>"), read in `country` (ISO 3166
// "RU") when it has no country code, or a chat identity "platform:id" ("telegram:12345",
// "jivo:abc"). Returns nullopt when it is none of them.
std::optional<Identity> parse_identity(std::string_view text, std::string_view country);

// Returns one line saying what `text` should look like, for an error about it:
// "'xyz' is not a mail address, phone number or chat identity (...)".
std::string identity_problem(std::string_view text, std::string_view country);

}  // namespace tkt
