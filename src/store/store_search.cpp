// Full-text search (issue 19): each ticket's document kept current by the writes that
// change its text, the build of the documents of tickets older than the index, its
// check, and ranked search. Both backends index the terms search/analyzer reads.
#include "core/error.hpp"
#include "search/analyzer.hpp"
#include "store/database.hpp"
#include "store/search_query.hpp"
#include "store/store.hpp"
#include "store/ticket_query.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <utility>

namespace tkt {
namespace {

// The most text of one ticket that is indexed: a pasted log or a 20 MiB mail would make
// every later message of the ticket slow to index, and PostgreSQL keeps a tsvector
// under 1 MiB. What a desk searches for is in the first pages.
constexpr std::size_t k_max_indexed_bytes = 512u << 10;

// PostgreSQL counts positions up to 16383 and keeps 255 of a lexeme.
constexpr std::int64_t k_max_position = 16383;
constexpr std::size_t k_max_positions = 255;

// Search ranks the newest matches this many at most: a word in half of a million
// tickets would otherwise be scored a million times; an agent looks for recent cases.
constexpr std::int64_t k_ranked_matches = 5000;

// Similar tickets are ranked among this many newest that share a word: any of a
// dozen words matches far more tickets than one does, and an answer from years ago
// is less likely to hold today.
constexpr std::int64_t k_similar_window = 20000;

// Returns `text` cut to at most `budget` bytes, at a character boundary, and takes
// what it keeps from the budget.
std::string_view within(std::string_view text, std::size_t& budget) {
    std::size_t keep = std::min(text.size(), budget);
    while (keep < text.size() && keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) {
        --keep;
    }
    budget -= keep;
    return text.substr(0, keep);
}

// The tsvector of a ticket's text: the same terms FTS5 holds, with positions counted
// across subject (weight A), first message (B) and the rest (D, written unlabelled).
std::string tsvector_of(const TicketText& text) {
    std::map<std::string, std::vector<std::string>, std::less<>> positions;
    std::int64_t position = 0;
    const auto add = [&](std::string_view part, std::string_view weight) {
        search::for_each_word(part, search::Reading::stem, [&](const search::Word& word) {
            position = std::min(position + 1, k_max_position);
            auto& at = positions[std::string(word.term)];
            if (at.size() < k_max_positions) {
                at.push_back(fmt::format("{}{}", position, weight));
            }
            return true;
        });
    };
    add(text.subject, "A");
    add(text.opening, "B");
    add(text.rest, "");
    std::string vector;
    for (const auto& [term, at] : positions) {
        if (!vector.empty()) {
            vector += ' ';
        }
        vector += '\'';
        for (const char c : term) {
            vector += c == '\'' ? std::string("''") : std::string(1, c);
        }
        vector += fmt::format("':{}", fmt::join(at, ","));
    }
    return vector;
}

}  // namespace

std::optional<TicketText> Store::ticket_text(TicketId id) {
    auto ticket = m_db->prepare("SELECT subject FROM tickets WHERE id = ?1");
    ticket.bind(1, id);
    if (!ticket.step()) {
        return std::nullopt;
    }
    TicketText text;
    std::size_t budget = k_max_indexed_bytes;
    text.subject = within(ticket.text(0), budget);
    ticket.run();
    // The customer's first message is the first a person sent in; without one, the
    // first that came in; a ticket opened by a reply has none.
    auto first = m_db->prepare("SELECT id, body FROM messages WHERE ticket_id = ?1 AND direction = 'in' "
                               "ORDER BY auto, created_at, id LIMIT 1");
    first.bind(1, id);
    std::optional<std::int64_t> opening;
    if (first.step()) {
        opening = first.integer(0);
        text.opening = within(first.text(1), budget);
    }
    first.run();
    auto rest = m_db->prepare("SELECT id, body FROM messages WHERE ticket_id = ?1 ORDER BY created_at, id");
    rest.bind(1, id);
    while (rest.step() && budget > 0) {
        if (opening && rest.integer(0) == *opening) {
            continue;
        }
        if (!text.rest.empty()) {
            text.rest += "\n\n";
        }
        text.rest += within(rest.text(1), budget);
    }
    rest.run();
    auto names = m_db->prepare("SELECT a.filename FROM attachments AS a JOIN messages AS m ON m.id = a.message_id "
                               "WHERE m.ticket_id = ?1 ORDER BY a.id");
    names.bind(1, id);
    while (names.step() && budget > 0) {
        text.rest += "\n";
        text.rest += within(names.text(0), budget);
    }
    names.run();
    return text;
}

void Store::text_changed(TicketId id) {
    if (m_writing) {
        m_text_changed.insert(id);
    } else {
        index_ticket(id);
    }
}

void Store::index_changed_text() {
    const auto changed = std::exchange(m_text_changed, {});
    for (const TicketId id : changed) {
        index_ticket(id);
    }
}

void Store::index_ticket(TicketId id) {
    const auto text = ticket_text(id);
    if (m_db->dialect() == store::Dialect::sqlite) {
        m_db->prepare("DELETE FROM ticket_text WHERE rowid = ?1").bind(1, id).run();
        if (text) {
            m_db->prepare("INSERT INTO ticket_text (rowid, subject, opening, rest) VALUES (?1, ?2, ?3, ?4)")
                .bind(1, id)
                .bind(2, text->subject)
                .bind(3, text->opening)
                .bind(4, text->rest)
                .run();
        }
        return;
    }
    if (!text) {
        m_db->prepare("DELETE FROM ticket_text WHERE ticket_id = ?1").bind(1, id).run();
        return;
    }
    m_db->prepare("INSERT INTO ticket_text (ticket_id, doc) VALUES (?1, CAST(?2 AS tsvector)) "
                  "ON CONFLICT (ticket_id) DO UPDATE SET doc = excluded.doc")
        .bind(1, id)
        .bind(2, tsvector_of(*text))
        .run();
}

std::vector<TicketId> Store::search_tickets(std::span<const Term> text, const Filter& filter, std::int64_t limit,
                                            std::int64_t offset) {
    return ranked_tickets(store::text_query(m_db->dialect(), text), filter, "", k_ranked_matches, limit, offset);
}

std::vector<TicketId> Store::ranked_tickets(const std::string& query, const Filter& filter, std::string_view condition,
                                            std::int64_t window, std::int64_t limit, std::int64_t offset) {
    index_changed_text();
    const auto dialect = m_db->dialect();
    constexpr int k_first_filter_parameter = 5;
    const auto where = store::build_ticket_conditions(filter, k_first_filter_parameter, dialect);
    const bool sqlite = dialect == store::Dialect::sqlite;
    std::string conditions = filter.terms.empty() ? "" : fmt::format(" AND {}", where.sql);
    if (!condition.empty()) {
        conditions += fmt::format(" AND {}", condition);
    }
    // The newest matches that pass the filter (both indexes walk by ticket), then ranked
    // among themselves. SQLite scores each row as its index hands it over, in ticket
    // order, so only those are scored; PostgreSQL scores after joining them back.
    const std::string index_id = sqlite ? "ticket_text.rowid" : "ticket_text.ticket_id";
    const std::string newest =
        fmt::format("SELECT {0} AS id{1} FROM ticket_text{2} WHERE {3}{4} ORDER BY {0} DESC LIMIT ?2", index_id,
                    sqlite ? ", bm25(ticket_text, 10.0, 4.0, 1.0) AS score" : "",
                    conditions.empty() ? "" : fmt::format(" JOIN tickets AS t ON t.id = {}", index_id),
                    sqlite ? "ticket_text MATCH ?1" : "ticket_text.doc @@ CAST(?1 AS tsquery)", conditions);
    const std::string sql =
        sqlite ? fmt::format("WITH hits AS ({}) SELECT id FROM hits ORDER BY score, id DESC LIMIT ?3 OFFSET ?4", newest)
               : fmt::format("WITH hits AS ({}) SELECT x.ticket_id FROM ticket_text AS x JOIN hits ON hits.id = "
                             "x.ticket_id ORDER BY ts_rank('{{0.1, 0.2, 0.4, 1.0}}', x.doc, CAST(?1 AS tsquery)) "
                             "DESC, x.ticket_id DESC LIMIT ?3 OFFSET ?4",
                             newest);
    auto statement = m_db->prepare(sql);
    statement.bind(1, query).bind(2, window).bind(3, limit).bind(4, offset);
    store::bind_parameters(statement, where.parameters, k_first_filter_parameter);
    std::vector<TicketId> found;
    while (statement.step()) {
        found.push_back(statement.integer(0));
    }
    return found;
}

std::int64_t Store::tickets_with_word(std::string_view word, std::int64_t at_most) {
    index_changed_text();
    // Counting stops at `at_most`: both indexes hand over a word's tickets one by one,
    // so a common word costs no more than the bound (FTS5's fts5vocab reads it whole).
    const auto dialect = m_db->dialect();
    auto statement = m_db->prepare(
        fmt::format("SELECT count(*) FROM (SELECT 1 FROM ticket_text WHERE {} LIMIT ?2) AS found",
                    dialect == store::Dialect::sqlite ? "ticket_text MATCH ?1" : "doc @@ CAST(?1 AS tsquery)"));
    const std::string one(word);
    statement.bind(1, store::any_word_query(dialect, std::span(&one, 1))).bind(2, at_most);
    statement.step();
    const std::int64_t count = statement.integer(0);
    statement.run();
    return count;
}

std::vector<TicketId> Store::similar_tickets(std::span<const std::string> words, TicketId except, std::int64_t limit) {
    if (words.empty()) {
        return {};
    }
    const Filter finished{{Term{Field::status, Compare::equal, {"solved", "closed"}}}};
    return ranked_tickets(store::any_word_query(m_db->dialect(), words), finished,
                          fmt::format("t.merged_into IS NULL AND t.id <> {}", except), k_similar_window, limit, 0);
}

bool Store::ticket_has_text(TicketId id, const Term& term) {
    index_changed_text();
    const auto dialect = m_db->dialect();
    auto statement =
        m_db->prepare(dialect == store::Dialect::sqlite
                          ? "SELECT 1 FROM ticket_text WHERE ticket_text MATCH ?1 AND rowid = ?2"
                          : "SELECT 1 FROM ticket_text WHERE ticket_id = ?2 AND doc @@ CAST(?1 AS tsquery)");
    statement.bind(1, store::text_query(dialect, std::span(&term, 1))).bind(2, id);
    const bool found = statement.step();
    statement.run();
    return found;
}

SearchBuild Store::search_build() {
    auto statement = m_db->prepare("SELECT built_through, build_until, reading FROM search_state WHERE id = 1");
    SearchBuild build;
    if (statement.step()) {
        build = SearchBuild{statement.integer(0), statement.integer(1), statement.text(2)};
    }
    statement.run();
    return build;
}

SearchBuild Store::continue_search_build(std::int64_t count) {
    auto transaction = begin_write();
    // Read under the write lock: two processes building at once take turns, not tickets.
    SearchBuild build = search_build();
    if (build.done()) {
        return build;
    }
    const std::int64_t through = std::min(build.build_until, build.built_through + count);
    auto ids = m_db->prepare("SELECT id FROM tickets WHERE id > ?1 AND id <= ?2 ORDER BY id");
    ids.bind(1, build.built_through).bind(2, through);
    std::vector<TicketId> tickets;
    while (ids.step()) {
        tickets.push_back(ids.integer(0));
    }
    for (const TicketId id : tickets) {
        index_ticket(id);
    }
    m_db->prepare("UPDATE search_state SET built_through = ?1, reading = ?2 WHERE id = 1")
        .bind(1, through)
        .bind(2, search::k_reading_version)
        .run();
    transaction.commit();
    build.built_through = through;
    build.reading = search::k_reading_version;
    return build;
}

void Store::restart_search_build() {
    auto transaction = begin_write();
    m_db->prepare("UPDATE search_state SET built_through = 0, build_until = (SELECT coalesce(max(id), 0) FROM "
                  "tickets) WHERE id = 1")
        .run();
    transaction.commit();
}

SearchCheck Store::check_search_index(TicketId after, std::int64_t count) {
    auto transaction = begin_read();
    SearchCheck check;
    auto ids = m_db->prepare("SELECT id FROM tickets WHERE id > ?1 ORDER BY id LIMIT ?2");
    ids.bind(1, after).bind(2, count);
    std::vector<TicketId> tickets;
    while (ids.step()) {
        tickets.push_back(ids.integer(0));
    }
    const bool sqlite = m_db->dialect() == store::Dialect::sqlite;
    auto stored = m_db->prepare(sqlite ? "SELECT subject, opening, rest FROM ticket_text WHERE rowid = ?1"
                                       : "SELECT doc = CAST(?2 AS tsvector) FROM ticket_text WHERE ticket_id = ?1");
    for (const TicketId id : tickets) {
        const auto text = ticket_text(id);
        stored.bind(1, id);
        if (!sqlite) {
            stored.bind(2, tsvector_of(*text));
        }
        if (!stored.step()) {
            check.missing.push_back(id);
        } else if (sqlite ? (stored.text(0) != text->subject || stored.text(1) != text->opening ||
                             stored.text(2) != text->rest)
                          : stored.integer(0) == 0) {
            check.different.push_back(id);
        }
        stored.run();
        ++check.compared;
        check.last = id;
    }
    return check;
}

bool Store::search_structure_sound() {
    if (m_db->dialect() != store::Dialect::sqlite) {
        return true;
    }
    // A write that changes nothing, rolled back: FTS5 checks its index against its content.
    auto transaction = begin_write();
    try {
        m_db->exec("INSERT INTO ticket_text (ticket_text, rank) VALUES ('integrity-check', 1)");
    } catch (const Error& error) {
        if (error.code() == Exit::temp_fail) {
            throw;
        }
        return false;
    }
    return true;
}

std::int64_t Store::count_tickets() {
    auto statement = m_db->prepare("SELECT count(*) FROM tickets");
    statement.step();
    const std::int64_t count = statement.integer(0);
    statement.run();
    return count;
}

}  // namespace tkt
