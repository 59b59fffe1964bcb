// Customers with several identities, and the conversations of chat platforms.
#include "store/database.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace tkt {

std::optional<std::int64_t> Store::customer_of(std::string_view identity) {
    auto statement = m_db->prepare("SELECT customer_id FROM identities WHERE identity = ?1");
    statement.bind(1, identity);
    std::optional<std::int64_t> customer;
    while (statement.step()) {
        customer = statement.integer(0);
    }
    return customer;
}

std::vector<std::string> Store::link_identities(std::span<const std::string> identities, Timestamp now) {
    std::vector<std::int64_t> customers;
    for (const auto& identity : identities) {
        if (const auto customer = customer_of(identity)) {
            customers.push_back(*customer);
        }
    }
    std::sort(customers.begin(), customers.end());
    customers.erase(std::unique(customers.begin(), customers.end()), customers.end());
    const std::int64_t customer =
        customers.empty()
            ? m_db->prepare("INSERT INTO customers (created_at) VALUES (?1) RETURNING id").bind(1, now).returned_id()
            : customers.front();
    // Linking two customers makes them one: the older keeps its id.
    for (std::size_t i = 1; i < customers.size(); ++i) {
        m_db->prepare("UPDATE identities SET customer_id = ?1 WHERE customer_id = ?2")
            .bind(1, customer)
            .bind(2, customers[i])
            .run();
        m_db->prepare("DELETE FROM customers WHERE id = ?1").bind(1, customers[i]).run();
    }
    for (const auto& identity : identities) {
        m_db->prepare("INSERT INTO identities (identity, customer_id, linked_at) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT (identity) DO NOTHING")
            .bind(1, identity)
            .bind(2, customer)
            .bind(3, now)
            .run();
    }
    return customer_identities(identities.front());
}

bool Store::unlink_identity(std::string_view identity) {
    const auto customer = customer_of(identity);
    if (!customer) {
        return false;
    }
    m_db->prepare("DELETE FROM identities WHERE identity = ?1").bind(1, identity).run();
    auto left = m_db->prepare("SELECT count(*) FROM identities WHERE customer_id = ?1");
    left.bind(1, *customer);
    std::int64_t count = 0;
    while (left.step()) {
        count = left.integer(0);
    }
    if (count <= 1) {
        m_db->prepare("DELETE FROM identities WHERE customer_id = ?1").bind(1, *customer).run();
        m_db->prepare("DELETE FROM customers WHERE id = ?1").bind(1, *customer).run();
    }
    return true;
}

std::vector<std::string> Store::customer_identities(std::string_view identity) {
    auto statement = m_db->prepare("SELECT i2.identity FROM identities AS i1 JOIN identities AS i2 "
                                   "ON i2.customer_id = i1.customer_id WHERE i1.identity = ?1 ORDER BY i2.identity");
    statement.bind(1, identity);
    std::vector<std::string> found;
    while (statement.step()) {
        found.push_back(statement.text(0));
    }
    if (found.empty()) {
        found.emplace_back(identity);
    }
    return found;
}

std::optional<TicketId> Store::ticket_of_thread(std::string_view thread) {
    auto statement = m_db->prepare("SELECT ticket_id FROM threads WHERE thread = ?1");
    statement.bind(1, thread);
    return statement.step() ? std::optional(statement.integer(0)) : std::nullopt;
}

std::optional<std::string> Store::thread_of_ticket(TicketId id) {
    auto statement = m_db->prepare(
        "SELECT thread FROM threads WHERE ticket_id = ?1 OR ticket_id IN (SELECT id FROM tickets WHERE merged_into = "
        "?1) ORDER BY used_at DESC NULLS LAST, thread LIMIT 1");
    statement.bind(1, id);
    return statement.step() ? std::optional(statement.text(0)) : std::nullopt;
}

void Store::set_thread(std::string_view thread, TicketId id, Timestamp at) {
    // A thread that moves to another ticket takes the new message's time; one that
    // stays keeps the latest of its messages'.
    m_db->prepare("INSERT INTO threads (thread, ticket_id, used_at) VALUES (?1, ?2, ?3) "
                  "ON CONFLICT (thread) DO UPDATE SET ticket_id = excluded.ticket_id, used_at = CASE "
                  "WHEN threads.ticket_id <> excluded.ticket_id OR threads.used_at IS NULL "
                  "OR excluded.used_at > threads.used_at THEN excluded.used_at ELSE threads.used_at END")
        .bind(1, thread)
        .bind(2, id)
        .bind(3, at)
        .run();
}

}  // namespace tkt
