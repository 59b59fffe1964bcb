// Roles on a shared PostgreSQL database (`tkt db setup`): who may do what, enforced by
// the server, not by tkt's politeness. SQLite has no roles: its file's modes and group
// do that work (tkt init --group).
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/store.hpp"

#include <fmt/format.h>

namespace tkt {
namespace {

// The group roles, made once per cluster (roles are the cluster's, not a database's).
constexpr std::string_view k_roles[] = {"tkt_agent", "tkt_mail", "tkt_supervisor", "tkt_admin"};

// What each may do in the desk's schema. History (messages, events, attachments, SLA
// breaches) is append-only for all but admins: no UPDATE or DELETE is granted on it,
// and a sent reply's outbox entry is kept as sent by a trigger. Agents change what
// tkt's commands change: a ticket's state, owner and the fields `tkt set` edits (never
// its creation), tags, the outbox's sending state, the assignment rotation and which
// identities are one customer's. The mail intake adds tickets and messages (and chat
// platforms' threads) and routes them, and may queue and send outbox entries: the
// acknowledgements on arrival it writes; a customer's reply that is a rating sets the
// ticket's rating. Whoever writes text keeps the search index (ticket_text) current in
// the same transaction, and may build what it lacks: derived data, whose documents are
// rewritten, and removed for a ticket a savepoint undid.
constexpr std::string_view k_grants = R"sql(
GRANT tkt_agent TO tkt_supervisor;
GRANT tkt_supervisor TO tkt_admin;
DO $$
DECLARE
    s text := current_schema();
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO tkt_agent, tkt_mail, tkt_admin', s);
    EXECUTE format('GRANT ALL ON ALL TABLES IN SCHEMA %I TO tkt_admin', s);
    EXECUTE format('GRANT ALL ON ALL SEQUENCES IN SCHEMA %I TO tkt_admin', s);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO tkt_agent', s);
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO tkt_agent, tkt_mail', s);
END
$$;
GRANT INSERT ON tickets, messages, events, tags, attachments, outbox, sla_breaches, assignment_cursors,
    customers, identities, threads TO tkt_agent;
GRANT UPDATE, DELETE ON identities TO tkt_agent;
GRANT DELETE ON customers TO tkt_agent;
GRANT UPDATE ON threads TO tkt_agent;
GRANT UPDATE (status, queue, line, priority, assignee, updated_at, first_reply_at, solved_at, csat, rated_at,
              rated_agent, awaiting_since, merged_into, language, subject, requester, requester_name)
    ON tickets TO tkt_agent;
GRANT UPDATE (state, attempts, last_error, tried_at, sent_at) ON outbox TO tkt_agent;
GRANT UPDATE ON assignment_cursors TO tkt_agent;
GRANT DELETE ON tags TO tkt_agent;
GRANT INSERT, UPDATE, DELETE ON ticket_text TO tkt_agent;
GRANT UPDATE ON search_state TO tkt_agent;
GRANT SELECT ON tkt_schema, tickets, messages, events, tags, attachments, sla_breaches, assignment_cursors,
    customers, identities, threads TO tkt_mail;
GRANT INSERT ON tickets, messages, events, tags, attachments, assignment_cursors, outbox, threads TO tkt_mail;
GRANT UPDATE ON threads TO tkt_mail;
GRANT SELECT, UPDATE (state, attempts, last_error, tried_at, sent_at) ON outbox TO tkt_mail;
GRANT UPDATE (status, queue, line, priority, assignee, updated_at, solved_at, awaiting_since, language, csat,
              rated_at, rated_agent)
    ON tickets TO tkt_mail;
GRANT UPDATE ON assignment_cursors TO tkt_mail;
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_text TO tkt_mail;
GRANT SELECT, UPDATE ON search_state TO tkt_mail;
CREATE OR REPLACE FUNCTION tkt_keep_sent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state = 'sent' AND NOT pg_has_role(current_user, 'tkt_admin', 'MEMBER') THEN
        RAISE EXCEPTION 'outbox entry % was sent: only an admin may change it', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
DROP TRIGGER IF EXISTS outbox_keep_sent ON outbox;
CREATE TRIGGER outbox_keep_sent BEFORE UPDATE OR DELETE ON outbox
    FOR EACH ROW EXECUTE FUNCTION tkt_keep_sent();
)sql";

}  // namespace

std::optional<SessionRole> Store::session_role() {
    if (m_db->dialect() != store::Dialect::postgres) {
        return std::nullopt;
    }
    // pg_has_role fails on a role that does not exist: before tkt db setup, nobody is
    // in tkt's roles. A superuser is a member of every role.
    const auto member = [](std::string_view role) {
        return fmt::format("CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{0}') "
                           "THEN pg_has_role(session_user, '{0}', 'MEMBER') ELSE false END",
                           role);
    };
    auto statement = m_db->prepare(fmt::format("SELECT session_user, {}, {}, {}", member("tkt_agent"),
                                               member("tkt_supervisor"), member("tkt_admin")));
    statement.step();
    SessionRole role{statement.text(0), statement.integer(1) != 0, statement.integer(2) != 0,
                     statement.integer(3) != 0};
    statement.run();
    return role;
}

std::vector<RoleSetup> Store::set_up_roles() {
    if (m_db->dialect() != store::Dialect::postgres) {
        throw usage_error(fmt::format("'{}' is a SQLite file: roles are PostgreSQL's (share a file with 'tkt init "
                                      "--group' instead)",
                                      m_db->name()));
    }
    std::vector<RoleSetup> roles;
    auto write = begin_write();
    for (const auto role : k_roles) {
        auto exists = m_db->prepare("SELECT count(*) FROM pg_roles WHERE rolname = ?1");
        exists.bind(1, role);
        exists.step();
        const bool made = exists.integer(0) == 0;
        exists.run();
        if (made) {
            m_db->exec(fmt::format("CREATE ROLE {} NOLOGIN", role));
        }
        roles.push_back({std::string(role), made});
    }
    m_db->exec(k_grants);
    write.commit();
    return roles;
}

}  // namespace tkt
