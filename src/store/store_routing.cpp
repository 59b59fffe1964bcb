// The store's routing, assignment and SLA bookkeeping: queues, owners, round-robin
// positions and recorded breaches.
#include "store/database.hpp"
#include "store/store.hpp"

#include <fmt/format.h>

namespace tkt {

void Store::set_routing(TicketId id, const std::optional<std::string>& queue, int line, Priority priority,
                        Timestamp now) {
    m_db->prepare("UPDATE tickets SET queue = ?2, line = ?3, priority = ?4, updated_at = CASE WHEN ?5 > updated_at "
                  "THEN ?5 ELSE updated_at END "
                  "WHERE id = ?1")
        .bind(1, id)
        .bind(2, queue)
        .bind(3, std::int64_t{line})
        .bind(4, to_string(priority))
        .bind(5, now)
        .run();
}

std::string Store::first_message_body(TicketId id) {
    auto statement = m_db->prepare("SELECT body FROM messages WHERE ticket_id = ?1 AND direction = 'in' "
                                   "ORDER BY created_at, id LIMIT 1");
    statement.bind(1, id);
    return statement.step() ? statement.text(0) : std::string();
}

std::optional<std::string> Store::round_robin_last(std::string_view queue, int line) {
    auto statement = m_db->prepare("SELECT last_login FROM assignment_cursors WHERE queue = ?1 AND line = ?2");
    statement.bind(1, queue).bind(2, std::int64_t{line});
    return statement.step() ? std::optional(statement.text(0)) : std::nullopt;
}

void Store::set_round_robin_last(std::string_view queue, int line, std::string_view login) {
    m_db->prepare("INSERT INTO assignment_cursors (queue, line, last_login) VALUES (?1, ?2, ?3) "
                  "ON CONFLICT (queue, line) DO UPDATE SET last_login = excluded.last_login")
        .bind(1, queue)
        .bind(2, std::int64_t{line})
        .bind(3, login)
        .run();
}

std::vector<std::int64_t> Store::open_ticket_counts(std::span<const std::string> logins) {
    auto statement = m_db->prepare("SELECT count(*) FROM tickets WHERE assignee = ?1 "
                                   "AND status IN ('new', 'open', 'pending')");
    std::vector<std::int64_t> counts;
    for (const auto& login : logins) {
        statement.bind(1, login);
        statement.step();
        counts.push_back(statement.integer(0));
        statement.run();  // to the end, which resets it for the next login
    }
    return counts;
}

bool Store::record_breach(const SlaBreach& breach) {
    m_db->prepare("INSERT INTO sla_breaches (ticket_id, target, started_at, due_at, breached_at, policy) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING")
        .bind(1, breach.ticket_id)
        .bind(2, breach.target)
        .bind(3, breach.started_at)
        .bind(4, breach.due_at)
        .bind(5, breach.breached_at)
        .bind(6, breach.policy)
        .run();
    return m_db->changes() > 0;
}

bool Store::has_breach(TicketId id, std::string_view target, Timestamp started) {
    auto statement = m_db->prepare("SELECT 1 FROM sla_breaches WHERE ticket_id = ?1 AND target = ?2 "
                                   "AND started_at = ?3");
    statement.bind(1, id).bind(2, target).bind(3, started);
    return statement.step();
}

std::vector<SlaBreach> Store::breaches(TicketId id) {
    auto statement = m_db->prepare("SELECT ticket_id, target, started_at, due_at, breached_at, policy "
                                   "FROM sla_breaches WHERE ticket_id = ?1 ORDER BY breached_at, started_at");
    statement.bind(1, id);
    std::vector<SlaBreach> found;
    while (statement.step()) {
        found.push_back(SlaBreach{statement.integer(0), statement.text(1), statement.integer(2), statement.integer(3),
                                  statement.integer(4), statement.text(5)});
    }
    return found;
}

}  // namespace tkt
