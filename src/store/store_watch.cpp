// What tkt watch reads: events as other processes record them.
#include "store/database.hpp"
#include "store/store.hpp"
#include "store/ticket_query.hpp"

#include <fmt/format.h>

namespace tkt {

bool Store::wait_for_change(std::chrono::milliseconds timeout) {
    return m_db->wait_for_change(timeout);
}

std::int64_t Store::last_event_id() {
    auto statement = m_db->prepare("SELECT coalesce(max(id), 0) FROM events");
    statement.step();
    const std::int64_t id = statement.integer(0);
    statement.run();
    return id;
}

std::vector<TicketEvent> Store::events_after(std::int64_t after, const Filter& filter, std::int64_t limit) {
    // Events are numbered in the order their transactions commit: writers take turns.
    constexpr int k_first_filter_parameter = 3;
    const store::Query where = store::build_ticket_conditions(filter, k_first_filter_parameter, m_db->dialect());
    auto statement = m_db->prepare(
        fmt::format("SELECT e.id, e.ticket_id, e.at, e.actor, e.kind, e.detail, t.subject FROM events AS e "
                    "JOIN tickets AS t ON t.id = e.ticket_id WHERE e.id > ?1 AND {} ORDER BY e.id LIMIT ?2",
                    where.sql));
    statement.bind(1, after).bind(2, limit);
    store::bind_parameters(statement, where.parameters, k_first_filter_parameter);
    std::vector<TicketEvent> events;
    while (statement.step()) {
        events.push_back({Event{statement.integer(0), statement.integer(1), statement.integer(2), statement.text(3),
                                statement.text(4), statement.text(5)},
                          statement.text(6)});
    }
    return events;
}

}  // namespace tkt
