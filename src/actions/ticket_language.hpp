// The customer's language of a ticket: what replies are written in. Detected from the
// customer's own text when the ticket opens, again when a later message says more, and
// set by hand when detection got it wrong.
#pragma once

#include "core/ticket.hpp"
#include "store/store.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tkt {

// Returns the language of `record`'s customer: the ticket's, else detected from its
// subject and the customer's own text in its messages (tickets older than the column,
// or whose messages were too short to tell); "" when it cannot be told.
std::string customer_language(const TicketRecord& record);

// What to set a ticket's language to: a code ("en"), unknown, or detected again from
// the customer's messages.
struct LanguageChoice {
    enum class Kind { code, unknown, detect } kind = Kind::code;
    std::string code;
};

// Parses the value of "language:VALUE": a language code in any case ("RU", "en-US"),
// "none" (unknown) or "auto" (detect again); throws a usage error naming `value`.
LanguageChoice parse_language_choice(std::string_view value);

// Returns what `choice` sets the language of each of `ids` to: its code, unknown
// (nullopt), or detected again from the customer's messages. Reads in transactions of
// its own, before an edit writes; an unknown id is exit 1.
std::vector<std::optional<std::string>> language_targets(Store& store, std::span<const TicketId> ids,
                                                         const LanguageChoice& choice);

}  // namespace tkt
