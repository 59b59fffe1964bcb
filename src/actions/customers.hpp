// Customers with several identities (issue 18): linking a mail address, a phone
// number and chat identities into one customer, so that repeat contacts, requester:
// filters and reports see one person.
#pragma once

#include "people/identity.hpp"
#include "store/store.hpp"

#include <span>
#include <string>
#include <vector>

namespace tkt {

// Links `identities` into one customer in one transaction (joining the customers any
// of them was already in) and returns every identity of that customer. A link is about
// people, not tickets: no ticket's history changes.
std::vector<std::string> link_identities(Store& store, std::span<const Identity> identities, const Actor& actor);

// Takes each of `identities` out of its customer, in one transaction: all or none, an
// identity linked to nothing is an error (exit 1) that changes nothing.
void unlink_identities(Store& store, std::span<const Identity> identities);

}  // namespace tkt
