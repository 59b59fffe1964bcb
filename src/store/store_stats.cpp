// What `tkt stats` reads: the tickets, replies and events of one period, each query
// driven by an index on the period's times (DESIGN.md 3, 8). Merged tickets never count.
#include "core/text.hpp"
#include "store/contact_sql.hpp"
#include "store/database.hpp"
#include "store/dialect.hpp"
#include "store/stats_facts.hpp"
#include "store/store.hpp"
#include "store/ticket_query.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace tkt {
namespace {

// ?1 since, ?2 until, ?3 the repeat-contact window; the filter's own from ?4.
constexpr int k_first_filter_parameter = 4;

// Whether ticket t was ever escalated: looked up ticket by ticket for a short period;
// over the whole history, one set of every escalated ticket serves them all.
constexpr std::string_view k_escalated_one =
    "EXISTS (SELECT 1 FROM events AS x WHERE x.ticket_id = t.id AND x.kind = 'escalated')";
constexpr std::string_view k_escalated_set = "t.id IN (SELECT ticket_id FROM events WHERE kind = 'escalated')";

// The columns a report groups by, in the order keys_at reads them.
constexpr std::string_view k_keys = "t.queue, t.line, t.priority, t.channel, t.assignee";

StatsKeys keys_at(const store::Statement& row, int first) {
    StatsKeys keys;
    keys.queue = row.optional_text(first);
    keys.line = static_cast<int>(row.integer(first + 1));
    keys.priority = parse_priority(row.text(first + 2)).value_or(Priority::normal);
    keys.channel = parse_channel(row.text(first + 3)).value_or(Channel::api);
    keys.assignee = row.optional_text(first + 4);
    return keys;
}

std::optional<Timestamp> read_first_created(store::Database& db) {
    auto statement = db.prepare("SELECT min(created_at) FROM tickets");
    statement.step();
    return statement.optional_integer(0);
}

class StatsReader {
public:
    StatsReader(store::Database& db, const Period& period, const Filter& where, Seconds repeat_window)
        : m_db(db), m_period(period), m_repeat_window(repeat_window),
          m_where(store::build_ticket_conditions(where, k_first_filter_parameter, db.dialect())),
          m_first_created(read_first_created(db)),
          m_whole_history(!m_first_created || period.since <= *m_first_created) {}

    // Runs `sql`, in which {keys} names the grouping columns, {contact} the condition of
    // a ticket that counts, {repeat} that ticket t repeats an earlier contact within ?3,
    // {where} the filter's conditions on "tickets AS t" and {scan}
    // "+" when the period holds the whole history (a time index would then only add a
    // random lookup per row to what a scan of the table reads in order), calling `take`
    // with each row.
    template <class Take> void each(std::string_view sql, Take take) {
        auto statement =
            m_db.prepare(fmt::format(fmt::runtime(sql), fmt::arg("keys", k_keys), fmt::arg("contact", store::k_contact),
                                     fmt::arg("repeat", store::repeat_contact("?3")), fmt::arg("where", m_where.sql),
                                     fmt::arg("scan", m_whole_history ? "+" : ""),
                                     fmt::arg("escalated", m_whole_history ? k_escalated_set : k_escalated_one)));
        // ?1 to ?3 are there for every query, the filter's for those that name {where};
        // not every query uses all of them.
        const std::array<std::int64_t, 3> common{m_period.since, m_period.until, m_repeat_window};
        for (int index = 1; index <= std::min(3, statement.parameter_count()); ++index) {
            statement.bind(index, common.at(static_cast<std::size_t>(index - 1)));
        }
        if (statement.parameter_count() >= k_first_filter_parameter) {
            store::bind_parameters(statement, m_where.parameters, k_first_filter_parameter);
        }
        while (statement.step()) {
            take(statement);
        }
    }

    // The author of ticket t's first reply, NULL when it was part of a bulk reply (whose
    // answer is nobody's own) or there is none.
    std::string first_replier() const {
        const store::DialectSql& dialect = store::sql_of(m_db.dialect());
        return fmt::format("(SELECT CASE WHEN EXISTS (SELECT 1 FROM events AS e WHERE e.ticket_id = m.ticket_id "
                           "AND e.at = m.created_at AND e.kind = 'replied' AND {} = m.message_id AND {} IS NOT "
                           "NULL) THEN NULL ELSE m.author END "
                           "FROM messages AS m WHERE m.ticket_id = t.id AND m.direction = 'out' AND m.auto = 0 "
                           "ORDER BY m.created_at, m.id LIMIT 1)",
                           dialect.event_detail_message_id, dialect.event_detail_bulk);
    }

    // The tickets created in the period; with `credited`, who did what to each (the
    // first reply's author and the first escalation: by whom, between which lines, to
    // whom), for reports by agent or line.
    void created(std::vector<StatsFacts::Created>& out, bool credited) {
        each(fmt::format(R"sql(
            SELECT t.id, {{keys}}, t.created_at, t.first_reply_at,
                   {{escalated}},
                   {{repeat}},
                   {}
            FROM tickets AS t
            WHERE {{scan}}t.created_at >= ?1 AND t.created_at < ?2 AND {{contact}} AND {{where}})sql",
                         credited ? first_replier() : std::string("NULL")),
             [&](const store::Statement& row) {
                 StatsFacts::Created ticket{row.integer(0),          keys_at(row, 1),     row.integer(6),
                                            row.optional_integer(7), row.integer(8) != 0, row.integer(9) != 0};
                 ticket.credit.first_replier = row.optional_text(10).value_or("");
                 out.push_back(std::move(ticket));
             });
        if (credited) {
            escalations(out);
        }
    }

    void solved(std::vector<StatsFacts::Solved>& out) {
        each(R"sql(
            SELECT t.id, {keys}, t.created_at, t.solved_at,
                   (SELECT count(*) FROM messages AS m
                    WHERE m.ticket_id = t.id AND m.direction = 'out' AND m.auto = 0),
                   coalesce((SELECT e.actor FROM events AS e
                             WHERE e.ticket_id = t.id AND e.at = t.solved_at AND e.kind = 'status'
                               AND e.actor NOT LIKE '(%' AND e.actor NOT LIKE '%@%'
                             ORDER BY e.id LIMIT 1), t.assignee, '')
            FROM tickets AS t
            WHERE {scan}t.solved_at >= ?1 AND t.solved_at < ?2 AND {contact} AND {where})sql",
             [&](const store::Statement& row) {
                 out.push_back(
                     {row.integer(0), keys_at(row, 1), row.integer(6), row.integer(7), row.integer(8), row.text(9)});
             });
    }

    // Tickets open at some moment of [since, until]: never solved, first solved from
    // since on, or solved before and reopened (whose changes then come from events).
    void open(std::vector<StatsFacts::Open>& out) {
        const auto take = [&](const store::Statement& row) {
            StatsFacts::Open ticket{row.integer(0), keys_at(row, 1), row.integer(6), {}};
            if (const auto solved_at = row.optional_integer(7)) {
                ticket.changes.emplace_back(*solved_at, true);
            }
            out.push_back(std::move(ticket));
        };
        constexpr std::string_view k_select = "SELECT t.id, {keys}, t.created_at, t.solved_at FROM tickets AS t ";
        // The unary + keeps SQLite on the index of the first condition.
        each(fmt::format("{}WHERE t.solved_at IS NULL AND +t.created_at < ?2 AND {{contact}} AND {{where}}", k_select),
             take);
        each(fmt::format("{}WHERE {{scan}}t.solved_at >= ?1 AND +t.created_at < ?2 AND {{contact}} AND {{where}}",
                         k_select),
             take);
        // First solved before since, yet open at some moment of the period: reopened in
        // it, or open at since (then open now, or finished again since).
        each(fmt::format(
                 "{}WHERE t.id IN (SELECT ticket_id FROM events WHERE kind = 'reopened' AND at >= ?1 AND at < ?2 "
                 "UNION SELECT id FROM tickets WHERE status IN ('new', 'open', 'pending') "
                 "UNION SELECT ticket_id FROM events WHERE kind = 'status' AND at >= ?1) "
                 "AND +t.solved_at < ?1 AND {{contact}} AND {{where}}",
                 k_select),
             take);
        reopened_changes(out);
    }

    // Every reply of the period with the customer messages before it (a rating asks for
    // nothing: it is none of them); a reply is bulk
    // when its `replied` event names a bulk action (found by the events_ticket index).
    void replies(std::vector<StatsFacts::Reply>& out) {
        std::optional<TicketId> ticket;
        std::optional<Timestamp> waiting;
        const store::DialectSql& dialect = store::sql_of(m_db.dialect());
        each(fmt::format(R"sql(
            SELECT m.ticket_id, {{keys}}, m.direction = 'out', m.created_at, m.author,
                   CASE WHEN m.direction = 'out' AND m.created_at >= ?1
                        THEN EXISTS (SELECT 1 FROM events AS e
                                     WHERE e.ticket_id = m.ticket_id AND e.at = m.created_at
                                       AND e.kind = 'replied' AND {} = m.message_id AND {} IS NOT NULL)
                        ELSE FALSE END
            FROM messages AS m JOIN tickets AS t ON t.id = m.ticket_id
            WHERE m.ticket_id IN (SELECT ticket_id FROM messages
                                  WHERE direction = 'out' AND auto = 0 AND {{scan}}created_at >= ?1 AND created_at < ?2)
              AND m.auto = 0 AND m.direction IN ('in', 'out') AND m.rating IS NULL AND m.created_at < ?2
              AND t.merged_into IS NULL AND {{where}}
            ORDER BY m.ticket_id, m.created_at, m.id)sql",
                         dialect.event_detail_message_id, dialect.event_detail_bulk),
             [&](const store::Statement& row) {
                 const TicketId id = row.integer(0);
                 if (ticket != id) {
                     ticket = id;
                     waiting.reset();
                 }
                 const Timestamp at = row.integer(7);
                 if (row.integer(6) == 0) {
                     waiting = waiting.value_or(at);
                     return;
                 }
                 if (at >= m_period.since) {
                     out.push_back({id, keys_at(row, 1), at, row.text(8), waiting, row.integer(9) != 0});
                 }
                 waiting.reset();
             });
    }

    void happenings(std::vector<StatsFacts::Happening>& out) {
        using Happened = StatsFacts::Happened;
        // Column 7 numbers what happened in the order of Happened.
        const auto take = [&](const store::Statement& row) {
            out.push_back({row.integer(0), keys_at(row, 1), row.integer(6), static_cast<Happened>(row.integer(7))});
        };
        static_assert(static_cast<int>(Happened::breached_first_reply) == 1 &&
                      static_cast<int>(Happened::breached_resolve) == 3);
        each(R"sql(
            SELECT t.id, {keys}, e.at, 0
            FROM events AS e JOIN tickets AS t ON t.id = e.ticket_id
            WHERE e.kind = 'reopened' AND e.at >= ?1 AND e.at < ?2 AND {contact} AND {where})sql",
             take);
        each(R"sql(
            SELECT t.id, {keys}, b.due_at,
                   CASE b.target WHEN 'first_reply' THEN 1 WHEN 'next_reply' THEN 2 ELSE 3 END
            FROM sla_breaches AS b JOIN tickets AS t ON t.id = b.ticket_id
            WHERE b.due_at >= ?1 AND b.due_at < ?2 AND {contact} AND {where})sql",
             take);
    }

    // The tickets whose current rating came in the period, with the agent it is credited to.
    void ratings(std::vector<StatsFacts::Rated>& out) {
        each(R"sql(
            SELECT t.id, {keys}, t.rated_at, t.csat, coalesce(t.rated_agent, '')
            FROM tickets AS t
            WHERE t.rated_at >= ?1 AND t.rated_at < ?2 AND {contact} AND {where})sql",
             [&](const store::Statement& row) {
                 out.push_back(
                     {row.integer(0), keys_at(row, 1), row.integer(6), static_cast<int>(row.integer(7)), row.text(8)});
             });
    }

    // Agents are the people who record events: not tkt itself ("(routing)", "(sla)") and
    // not customers, whose mail is recorded under their address. A rating is the
    // customer's word, whoever records it. Without `keyed`, the tickets' own keys are
    // not read (no report groups activity by them): the events alone, far faster.
    void activity(std::vector<StatsFacts::Activity>& out, bool keyed) {
        constexpr std::string_view k_agents =
            "e.at >= ?1 AND e.at < ?2 AND e.kind <> 'rated' AND e.actor NOT LIKE '(%' AND e.actor NOT LIKE '%@%'";
        if (!keyed) {
            each(fmt::format("SELECT DISTINCT e.actor, e.at - e.at % 900 FROM events AS e WHERE {{scan}}{} "
                             "AND e.ticket_id NOT IN (SELECT id FROM tickets WHERE merged_into IS NOT NULL)",
                             k_agents),
                 [&](const store::Statement& row) {
                     out.push_back({{}, row.text(0), row.integer(1)});
                 });
            return;
        }
        each(fmt::format("SELECT DISTINCT {{keys}}, e.actor, e.at - e.at % 900 "
                         "FROM events AS e JOIN tickets AS t ON t.id = e.ticket_id "
                         "WHERE {{scan}}{} AND t.merged_into IS NULL AND {{where}}",
                         k_agents),
             [&](const store::Statement& row) {
                 out.push_back({keys_at(row, 0), row.text(5), row.integer(6)});
             });
    }

    // When the store's first ticket came, for time buckets.
    std::optional<Timestamp> first_created() const { return m_first_created; }

private:
    // Fills in the first escalation of each escalated ticket of `out`: its actor, lines and
    // the agent its `assigned` event (by "escalation", at the same moment) gave it to.
    void escalations(std::vector<StatsFacts::Created>& out) {
        std::unordered_map<TicketId, StatsFacts::Created*> escalated;
        for (auto& ticket : out) {
            if (ticket.escalated) {
                escalated.emplace(ticket.id, &ticket);
            }
        }
        const auto read = [&](const store::Statement& row) {
            const auto found = escalated.find(row.integer(0));
            if (found == escalated.end()) {
                return;
            }
            StatsFacts::Credit& credit = found->second->credit;
            const std::string kind = row.text(1);
            const Timestamp at = row.integer(3);
            const auto detail = nlohmann::json::parse(row.text(4), nullptr, false);
            if (kind == "escalated" && !credit.escalated_at) {
                credit.escalated_by = row.text(2);
                credit.escalated_at = at;
                if (detail.is_object() && detail.value("from_line", nlohmann::json()).is_number_integer()) {
                    credit.from_line = detail["from_line"].get<int>();
                    credit.to_line = detail.value("to_line", *credit.from_line);
                }
            } else if (kind == "assigned" && credit.escalated_at == at && credit.received_by.empty() &&
                       detail.is_object() && detail.value("by", "") == "escalation" &&
                       detail.value("to", nlohmann::json()).is_string()) {
                credit.received_by = detail["to"].get<std::string>();
            }
        };
        constexpr std::string_view k_sql = "SELECT e.ticket_id, e.kind, e.actor, e.at, e.detail FROM events AS e "
                                           "WHERE {} AND e.kind IN ('escalated', 'assigned') ORDER BY e.at, e.id";
        constexpr std::size_t k_one_by_one = 20000;
        if (escalated.size() <= k_one_by_one) {
            const std::string sql = fmt::format(k_sql, "e.ticket_id = ?1");
            for (const auto& [id, ticket] : escalated) {
                auto statement = m_db.prepare(sql);
                statement.bind(1, id);
                while (statement.step()) {
                    read(statement);
                }
            }
            return;
        }
        each(fmt::format(k_sql, "e.ticket_id IN (SELECT ticket_id FROM events WHERE kind = 'escalated')"), read);
    }

    // Replaces the changes of the tickets solved at some time by their history if they
    // were ever reopened: each finish (a status event to solved or closed) and each
    // reopening before until. A short report looks up its few tickets one by one; a
    // long one reads every reopened ticket's events at once (join_left_first keeps SQLite
    // on those tickets' own events rather than every status event).
    void reopened_changes(std::vector<StatsFacts::Open>& out) {
        constexpr std::size_t k_one_by_one = 20000;
        const store::DialectSql& dialect = store::sql_of(m_db.dialect());
        const std::string history_sql = fmt::format(
            "SELECT e.ticket_id, e.at, e.kind = 'status' AND {} IN ('solved', 'closed'), e.kind = 'reopened' "
            "FROM {{}} AND {} IN ('status', 'reopened') AND e.at < ?2 ORDER BY e.ticket_id, e.at, e.id",
            dialect.event_detail_to, dialect.event_kind_not_indexed);
        std::unordered_map<TicketId, StatsFacts::Open*> solved;
        for (auto& ticket : out) {
            if (!ticket.changes.empty()) {
                solved.emplace(ticket.id, &ticket);
            }
        }
        std::unordered_map<TicketId, std::vector<std::pair<Timestamp, bool>>> history;
        std::unordered_map<TicketId, bool> reopened;
        const auto take = [&](const store::Statement& row) {
            history[row.integer(0)].emplace_back(row.integer(1), row.integer(2) != 0);
            reopened[row.integer(0)] = reopened[row.integer(0)] || row.integer(3) != 0;
        };
        if (solved.size() <= k_one_by_one) {
            const std::string sql = fmt::format(fmt::runtime(history_sql), "events AS e WHERE e.ticket_id = ?1");
            for (const auto& [id, ticket] : solved) {
                auto statement = m_db.prepare(sql);
                statement.bind(1, id).bind(2, m_period.until);
                while (statement.step()) {
                    take(statement);
                }
            }
        } else {
            each(fmt::format(fmt::runtime(history_sql),
                             fmt::format("(SELECT DISTINCT ticket_id FROM events WHERE kind = 'reopened' AND at < ?2) "
                                         "AS r {} events AS e ON e.ticket_id = r.ticket_id WHERE TRUE",
                                         dialect.join_left_first)),
                 take);
        }
        for (auto& [id, changes] : history) {
            const auto found = solved.find(id);
            if (found != solved.end() && reopened[id]) {
                found->second->changes = std::move(changes);
            }
        }
    }

    store::Database& m_db;
    Period m_period;
    Seconds m_repeat_window;
    store::Query m_where;
    std::optional<Timestamp> m_first_created;
    bool m_whole_history;
};

}  // namespace

namespace {

// Fills in the tags and customer of every ticket's keys in `facts` (activity has no
// ticket: it stays unlabelled), each ticket read once.
void label_tickets(store::Database& db, StatsFacts& facts) {
    struct Labels {
        std::vector<std::string> tags;
        std::string customer;
    };
    std::unordered_map<TicketId, Labels> labels;
    const std::string sql =
        fmt::format("SELECT {}, coalesce((SELECT min(o.identity) FROM identities AS i JOIN identities AS o "
                    "ON o.customer_id = i.customer_id WHERE i.identity = t.requester), t.requester) "
                    "FROM tickets AS t WHERE t.id = ?1",
                    store::sql_of(db.dialect()).ticket_tags);
    const auto label = [&](TicketId id, StatsKeys& keys) {
        auto found = labels.find(id);
        if (found == labels.end()) {
            Labels read;
            auto statement = db.prepare(sql);
            statement.bind(1, id);
            if (statement.step()) {
                if (const auto tags = statement.optional_text(0)) {
                    for (const auto& tag : split(*tags, '\x1f')) {
                        read.tags.push_back(tag);
                    }
                }
                read.customer = statement.text(1);
            }
            statement.run();
            found = labels.emplace(id, std::move(read)).first;
        }
        keys.labelled = true;
        keys.tags = found->second.tags;
        keys.customer = found->second.customer;
    };
    const auto label_each = [&](auto& kind) {
        for (auto& fact : kind) {
            label(fact.id, fact.keys);
        }
    };
    label_each(facts.created);
    label_each(facts.solved);
    label_each(facts.open);
    label_each(facts.replies);
    label_each(facts.happenings);
    label_each(facts.ratings);
}

}  // namespace

StatsFacts Store::stats_facts(const Period& period, const Filter& where, Seconds repeat_window, bool keyed_activity,
                              bool credited, bool labelled) {
    StatsReader reader(*m_db, period, where, repeat_window);
    StatsFacts facts;
    reader.created(facts.created, credited);
    reader.solved(facts.solved);
    reader.open(facts.open);
    reader.replies(facts.replies);
    reader.happenings(facts.happenings);
    reader.ratings(facts.ratings);
    reader.activity(facts.activity, keyed_activity || !where.terms.empty());
    facts.first_created = reader.first_created();
    if (labelled) {
        label_tickets(*m_db, facts);
    }
    return facts;
}

void Store::set_rating(TicketId id, int score, Timestamp at, const std::optional<std::string>& agent) {
    m_db->prepare("UPDATE tickets SET csat = ?2, rated_at = ?3, rated_agent = ?4, updated_at = ?3 WHERE id = ?1")
        .bind(1, id)
        .bind(2, std::int64_t{score})
        .bind(3, at)
        .bind(4, agent)
        .run();
}

std::optional<Timestamp> Store::last_finished_at(TicketId id) {
    auto statement = m_db->prepare(
        fmt::format("SELECT max(e.at) FROM events AS e WHERE e.ticket_id = ?1 AND e.kind = 'status' AND {} IN "
                    "('solved', 'closed')",
                    store::sql_of(m_db->dialect()).event_detail_to));
    statement.bind(1, id);
    statement.step();
    const auto at = statement.optional_integer(0);
    statement.run();
    return at;
}

std::optional<std::string> Store::last_agent_reply(TicketId id, Timestamp until) {
    auto statement =
        m_db->prepare("SELECT author FROM messages WHERE ticket_id = ?1 AND direction = 'out' AND auto = 0 "
                      "AND created_at <= ?2 ORDER BY created_at DESC, id DESC LIMIT 1");
    statement.bind(1, id).bind(2, until);
    std::optional<std::string> author;
    if (statement.step()) {
        author = statement.text(0);
    }
    statement.run();
    return author;
}

}  // namespace tkt
