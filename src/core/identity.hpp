// The kinds of identity a customer has, told apart by their stored form alone: a mail
// address, an E.164 phone number ("+79001234567") or a chat identity "platform:id".
// Reading what people type into that form is src/people/identity.hpp's.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tkt {

enum class IdentityKind { email, phone, chat };

// Returns "email", "phone" or "chat".
std::string_view to_string(IdentityKind kind);

// Reads "platform:id" ("Telegram:12345", "telegram:@bob"): a platform of letters,
// digits, '_', '-' and '.' starting with a letter, and an id of printable characters
// without spaces; returns it with the platform lowercased, nullopt when `text` is not
// one ("tel:" is a phone number, "mailto:" an address).
std::optional<std::string> chat_identity(std::string_view text);

// Returns true when `value` is an identity in its stored form: what a requester may be.
bool is_identity(std::string_view value);

// Returns what kind of identity the stored `value` is.
IdentityKind kind_of_identity(std::string_view value);

}  // namespace tkt
