// Internal to src/store/. What counts as a customer's contact, as SQL over "tickets AS t":
// written once, so that tkt stats and the customer card (tkt customer) count alike.
#pragma once

#include "store/ticket_query.hpp"

#include <fmt/format.h>
#include <string>
#include <string_view>

namespace tkt::store {

// A ticket counts as a contact unless it was merged into another or opened by automatic
// mail alone (an auto-reply or bounce that threaded nowhere): a customer wrote it.
constexpr std::string_view k_contact = "t.merged_into IS NULL AND EXISTS (SELECT 1 FROM messages AS c "
                                       "WHERE c.ticket_id = t.id AND c.direction = 'in' AND c.auto = 0)";

// Returns the condition that ticket t is a repeat contact: the same customer opened
// another ticket, not merged, at most `window` (an SQL parameter, "?3") seconds before.
// With k_contact, it is what a report counts as one.
inline std::string repeat_contact(std::string_view window) {
    return fmt::format("EXISTS (SELECT 1 FROM tickets AS p WHERE {} AND p.id < t.id AND p.merged_into IS NULL "
                       "AND p.created_at BETWEEN t.created_at - {} AND t.created_at)",
                       same_customer("p.requester", "t.requester"), window);
}

}  // namespace tkt::store
