// Customers with several identities (issue 18): linking a mail address, a phone
// number and chat identities into one customer, so that repeat contacts, requester:
// filters and reports see one person; and the card that shows one (issue 19).
#pragma once

#include "people/identity.hpp"
#include "store/store.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// Links `identities` into one customer in one transaction (joining the customers any
// of them was already in) and returns every identity of that customer. A link is about
// people, not tickets: no ticket's history changes.
std::vector<std::string> link_identities(Store& store, std::span<const Identity> identities, const Actor& actor);

// Takes each of `identities` out of its customer, in one transaction: all or none, an
// identity linked to nothing is an error (exit 1) that changes nothing.
void unlink_identities(Store& store, std::span<const Identity> identities);

// Who a card is asked for: a ticket (its requester's card) or an identity.
struct CustomerWho {
    std::optional<TicketId> ticket;
    std::optional<Identity> identity;
    bool digits_only = false;  // written as digits alone, so perhaps meant as a ticket
};

// One identity of a customer, with the name its latest ticket gave ("" when none did).
struct SeenIdentity {
    std::string identity;
    std::string name;
};

// One of the customer's tickets on their card.
struct CardTicket {
    Ticket ticket;
    bool repeat = false;  // a repeat contact, as tkt stats counts one
};

// One rating the customer gave: the ticket's current score and when it was given.
struct CardRating {
    TicketId ticket = 0;
    Timestamp at = 0;
    int score = 0;
    std::string comment;  // "" when none was recorded
};

// How many of the customer's tickets are in one language.
struct LanguageCount {
    std::string language;
    std::int64_t tickets = 0;
};

// Everything tkt customer shows of one customer.
struct CustomerCard {
    std::string identity;                  // the one asked for, or the ticket's requester
    std::vector<SeenIdentity> identities;  // every one linked, sorted
    // Open work (new, open, pending) first, then the rest; newest first in each.
    std::vector<CardTicket> tickets;
    std::optional<Timestamp> first_contact;  // the first ticket's creation
    std::optional<Timestamp> last_contact;   // the customer's latest message (not automatic)
    std::int64_t repeat_contacts = 0;
    std::vector<CardRating> ratings;       // oldest first
    std::vector<AgentWork> agents;         // the busiest first
    std::vector<LanguageCount> languages;  // the commonest first
};

// Reads `word` as tkt customer takes it: "#42" is always ticket 42; digits alone ("42")
// are a ticket number unless parse_identity reads them as a possible phone number of
// `country` ("89001234567"); anything else is an identity. Throws a usage error (64)
// with identity_problem's message when it is none of them.
CustomerWho read_customer_who(std::string_view word, std::string_view country);

// Returns the card of the customer `who` names, from one snapshot; repeat contacts look
// `repeat_window` back, as tkt stats does. Throws a not-found error (exit 1) for a
// ticket that does not exist or an identity no ticket and no link knows.
CustomerCard customer_card(Store& store, const CustomerWho& who, Seconds repeat_window);

}  // namespace tkt
