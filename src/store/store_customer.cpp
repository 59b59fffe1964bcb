// The customer card (tkt customer WHO, issue 19): a customer's tickets through every
// identity, found by the requester index from the identities the customer links.
#include "store/contact_sql.hpp"
#include "store/database.hpp"
#include "store/dialect.hpp"
#include "store/store.hpp"
#include "store/ticket_query.hpp"

#include <fmt/format.h>
#include <map>

namespace tkt {
namespace {

// The customer's tickets "t", ?1 being one identity of theirs.
std::string of_customer() {
    return store::same_customer("t.requester", "?1");
}

}  // namespace

std::vector<CustomerTicketFacts> Store::customer_ticket_facts(std::string_view identity, Seconds repeat_window) {
    // The rating's comment is in the latest `rated` event only: a new rating replaces
    // the score, and its event says whether the customer said anything with it.
    auto statement = m_db->prepare(
        fmt::format("SELECT t.id, (SELECT max(m.created_at) FROM messages AS m "
                    "WHERE m.ticket_id = t.id AND m.direction = 'in' AND m.auto = 0), "
                    "{} AND {}, t.rated_at, "
                    "CASE WHEN t.rated_at IS NULL THEN NULL ELSE (SELECT e.detail FROM events AS e "
                    "WHERE e.ticket_id = t.id AND e.kind = 'rated' ORDER BY e.at DESC, e.id DESC LIMIT 1) END "
                    "FROM tickets AS t WHERE {} ORDER BY t.id",
                    store::k_contact, store::repeat_contact("?2"), of_customer()));
    statement.bind(1, identity).bind(2, repeat_window);
    std::vector<CustomerTicketFacts> facts;
    while (statement.step()) {
        facts.push_back({statement.integer(0), statement.optional_integer(1), statement.integer(2) != 0,
                         statement.optional_integer(3), statement.optional_text(4).value_or("")});
    }
    return facts;
}

std::vector<AgentWork> Store::customer_agents(std::string_view identity) {
    std::map<std::string, AgentWork> agents;
    const auto take = [&](const std::string& sql, std::int64_t AgentWork::*count) {
        auto statement = m_db->prepare(sql);
        statement.bind(1, identity);
        while (statement.step()) {
            AgentWork& agent = agents[statement.text(0)];
            agent.login = statement.text(0);
            agent.*count = statement.integer(1);
        }
    };
    take(fmt::format("SELECT m.author, count(*) FROM tickets AS t JOIN messages AS m ON m.ticket_id = t.id "
                     "WHERE {} AND m.direction = 'out' AND m.auto = 0 GROUP BY m.author",
                     of_customer()),
         &AgentWork::replies);
    // Every assignment is an `assigned` event (routing's, a hand's, an escalation's); the
    // ticket's assignee as well, for tickets from before events named them. The kind is
    // kept off its index: the customer's few tickets lead, not every assignment ever made.
    const store::DialectSql& dialect = store::sql_of(m_db->dialect());
    take(fmt::format("SELECT a.login, count(DISTINCT a.ticket) FROM ("
                     "SELECT {} AS login, e.ticket_id AS ticket FROM tickets AS t "
                     "JOIN events AS e ON e.ticket_id = t.id WHERE {} AND {} = 'assigned' "
                     "UNION SELECT t.assignee, t.id FROM tickets AS t WHERE {} AND t.assignee IS NOT NULL"
                     ") AS a WHERE a.login IS NOT NULL GROUP BY a.login",
                     dialect.event_detail_to, of_customer(), dialect.event_kind_not_indexed, of_customer()),
         &AgentWork::assigned);
    std::vector<AgentWork> found;
    for (auto& [login, agent] : agents) {
        found.push_back(std::move(agent));
    }
    return found;
}

}  // namespace tkt
