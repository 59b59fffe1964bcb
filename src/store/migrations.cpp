#include "store/migrations.hpp"

#include "core/error.hpp"

#include <array>
#include <cctype>
#include <fmt/format.h>
#include <string>
#include <utility>

namespace tkt::store {
namespace {

constexpr std::string_view k_version_1 = R"sql(
CREATE TABLE tickets (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    subject        TEXT NOT NULL,
    requester      TEXT NOT NULL,
    requester_name TEXT NOT NULL DEFAULT '',
    channel        TEXT NOT NULL CHECK (channel IN ('email', 'chat', 'phone', 'web', 'api')),
    queue          TEXT,
    line           INTEGER NOT NULL DEFAULT 1 CHECK (line >= 1),
    priority       TEXT NOT NULL DEFAULT 'normal'
                   CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    status         TEXT NOT NULL DEFAULT 'new'
                   CHECK (status IN ('new', 'open', 'pending', 'solved', 'closed')),
    assignee       TEXT,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    first_reply_at INTEGER,
    solved_at      INTEGER,
    csat           INTEGER CHECK (csat BETWEEN 1 AND 5),
    parent_id      INTEGER REFERENCES tickets (id)
);
CREATE INDEX tickets_status_queue ON tickets (status, queue);
CREATE INDEX tickets_created ON tickets (created_at);
CREATE INDEX tickets_updated ON tickets (updated_at);
CREATE INDEX tickets_requester ON tickets (requester, created_at);
CREATE INDEX tickets_assignee ON tickets (assignee, status);
CREATE INDEX tickets_solved ON tickets (solved_at) WHERE solved_at IS NOT NULL;

CREATE TABLE messages (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
    direction   TEXT NOT NULL CHECK (direction IN ('in', 'out', 'note')),
    message_id  TEXT UNIQUE,
    in_reply_to TEXT,
    author      TEXT NOT NULL,
    subject     TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    raw         BLOB,
    auto        INTEGER NOT NULL DEFAULT 0 CHECK (auto IN (0, 1)),
    created_at  INTEGER NOT NULL
);
CREATE INDEX messages_ticket ON messages (ticket_id, created_at);

CREATE TABLE events (
    id        INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    kind      TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_ticket ON events (ticket_id, at);
CREATE INDEX events_kind_at ON events (kind, at);

CREATE TABLE tags (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    tag       TEXT NOT NULL,
    PRIMARY KEY (ticket_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags (tag);
)sql";

// Attachments of inbound mail: what they are, not their bytes (the raw message keeps
// those). Threading looks messages up by In-Reply-To too.
constexpr std::string_view k_version_2 = R"sql(
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    message_id   INTEGER NOT NULL REFERENCES messages (id),
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL
);
CREATE INDEX attachments_message ON attachments (message_id);
)sql";

// The outbox: replies waiting for sendmail. The message itself is the outbound row of
// messages (its raw holds the RFC 5322 text), so nothing sent exists only here.
constexpr std::string_view k_version_3 = R"sql(
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    message    INTEGER NOT NULL UNIQUE REFERENCES messages (id),
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    recipient  TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    queued_at  INTEGER NOT NULL,
    tried_at   INTEGER,
    sent_at    INTEGER
);
CREATE INDEX outbox_waiting ON outbox (state) WHERE state <> 'sent';
)sql";

// Routing and SLAs. awaiting_since is when the customer's oldest unanswered message came
// (the next-reply clock), kept by every message insert and filled here from history.
// Round-robin positions live in the database so that every process continues the same
// rotation. A breach is recorded once per target and clock start.
constexpr std::string_view k_version_4 = R"sql(
ALTER TABLE tickets ADD COLUMN awaiting_since INTEGER;
UPDATE tickets SET awaiting_since = (
    SELECT min(m.created_at) FROM messages AS m
    WHERE m.ticket_id = tickets.id AND m.direction = 'in' AND m.auto = 0
      AND m.id > coalesce((SELECT max(o.id) FROM messages AS o
                           WHERE o.ticket_id = tickets.id AND o.direction = 'out'), 0));
CREATE INDEX tickets_unassigned ON tickets (queue, line) WHERE assignee IS NULL;
CREATE INDEX tickets_unrouted ON tickets (status) WHERE queue IS NULL;

CREATE TABLE assignment_cursors (
    queue      TEXT NOT NULL,
    line       INTEGER NOT NULL,
    last_login TEXT NOT NULL,
    PRIMARY KEY (queue, line)
) WITHOUT ROWID;

CREATE TABLE sla_breaches (
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
    target      TEXT NOT NULL CHECK (target IN ('first_reply', 'next_reply', 'resolve')),
    started_at  INTEGER NOT NULL,
    due_at      INTEGER NOT NULL,
    breached_at INTEGER NOT NULL,
    policy      TEXT NOT NULL,
    PRIMARY KEY (ticket_id, target, started_at)
) WITHOUT ROWID;
)sql";

// Metrics (tkt stats) and merging. rated_at is when the customer's current rating came;
// merged_into marks a ticket folded into another, which counts once, as that one. The
// indexes serve the time ranges of a report: tickets never solved (the backlog), the
// replies and events of a period, breaches by due time, whether a customer wrote to a
// ticket at all and how often it was answered, and the few merged tickets.
constexpr std::string_view k_version_5 = R"sql(
ALTER TABLE tickets ADD COLUMN rated_at INTEGER;
ALTER TABLE tickets ADD COLUMN merged_into INTEGER REFERENCES tickets (id);
CREATE INDEX tickets_rated ON tickets (rated_at) WHERE rated_at IS NOT NULL;
CREATE INDEX tickets_unsolved ON tickets (created_at) WHERE solved_at IS NULL;
CREATE INDEX messages_replies ON messages (created_at) WHERE direction = 'out' AND auto = 0;
CREATE INDEX messages_customer ON messages (ticket_id) WHERE direction = 'in' AND auto = 0;
CREATE INDEX messages_answers ON messages (ticket_id) WHERE direction = 'out' AND auto = 0;
CREATE INDEX tickets_merged ON tickets (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX events_at ON events (at);
CREATE INDEX sla_breaches_due ON sla_breaches (due_at);
)sql";

// The date the sender's Date header claims, kept beside the arrival time a message is
// dated by: live mail is dated when it arrives, whatever the sender's clock says.
constexpr std::string_view k_version_6 = R"sql(
ALTER TABLE messages ADD COLUMN sent_at INTEGER;
)sql";

// tkt watch: on PostgreSQL every transaction that records events notifies the channel
// tkt_events when it commits (one notification however many rows: the payloads are
// equal). Watchers on SQLite poll the file's data_version instead, so its schema gains
// nothing.
constexpr std::string_view k_version_7_postgres = R"sql(
CREATE FUNCTION tkt_events_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tkt_events', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER events_notify AFTER INSERT ON events
    FOR EACH STATEMENT EXECUTE FUNCTION tkt_events_recorded();
)sql";

// The customer's language, detected from their own text when the ticket opens (NULL
// while it cannot be told, and for tickets older than this column: a reply detects it
// then), or set by hand. Replies are written in it.
constexpr std::string_view k_version_8 = R"sql(
ALTER TABLE tickets ADD COLUMN language TEXT;
)sql";

// Customers beyond one address (issue 18): a customer links identities (mail addresses,
// E.164 phone numbers, chat ids "telegram:12345"); an identity in no customer is a
// customer of its own, so only links are stored. A thread is a chat platform's
// conversation id ("jivo:9876"), naming the ticket its later messages join. A message
// records its channel when it came another way than its ticket (a call about a mailed
// ticket); an outbox entry says how it goes: by sendmail, or a channel's program.
constexpr std::string_view k_version_9 = R"sql(
CREATE TABLE customers (
    id         INTEGER PRIMARY KEY,
    created_at INTEGER NOT NULL
);
CREATE TABLE identities (
    identity    TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    linked_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX identities_customer ON identities (customer_id);
CREATE TABLE threads (
    thread    TEXT PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id)
) WITHOUT ROWID;
CREATE INDEX threads_ticket ON threads (ticket_id);
ALTER TABLE messages ADD COLUMN channel TEXT
    CHECK (channel IN ('email', 'chat', 'phone', 'web', 'api'));
ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'email'
    CHECK (channel IN ('email', 'chat', 'phone', 'web', 'api'));
)sql";

// A ticket can have several threads (a customer who wrote from two chats, or whose
// platform started a new conversation): a reply goes back through the one the customer
// used last, so each thread records when a message last came through it (NULL for
// threads older than this column: they come after any that has a time).
constexpr std::string_view k_version_10 = R"sql(
ALTER TABLE threads ADD COLUMN used_at INTEGER;
)sql";

// Full-text search (issue 19): one document per ticket, its subject, the customer's
// first message and the rest of its text (messages, notes, attachment names), read by
// search/analyzer: on SQLite an FTS5 table with the tokenizer "tkt", on PostgreSQL a
// tsvector of the same terms (weights A, B and D) under a GIN index. Tickets written
// from now on are indexed by their writes; those already there are built in steps that
// can stop and go on (search_state: every ticket up to built_through is indexed, the
// build is done at build_until, the largest id when the index began).
constexpr std::string_view k_version_11 = R"sql(
CREATE TABLE search_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    reading       TEXT NOT NULL,
    built_through INTEGER NOT NULL,
    build_until   INTEGER NOT NULL
);
INSERT INTO search_state (id, reading, built_through, build_until)
    SELECT 1, 'tkt-1 snowball-2 russian english', 0, coalesce(max(id), 0) FROM tickets;
)sql";
constexpr std::string_view k_version_11_sqlite = R"sql(
CREATE VIRTUAL TABLE ticket_text USING fts5(subject, opening, rest, tokenize = 'tkt');
)sql";
constexpr std::string_view k_version_11_postgres = R"sql(
CREATE TABLE ticket_text (
    ticket_id BIGINT PRIMARY KEY REFERENCES tickets (id),
    doc       tsvector NOT NULL
);
CREATE INDEX ticket_text_doc ON ticket_text USING gin (doc);
)sql";

// Ratings from customers (issue 20). A customer's reply that is a rating is kept as
// their message with its score: it answers nothing, so no clock starts on it and no
// reply time is measured from it. A ticket's current rating is credited to the agent
// of the conversation it rates, worked out when it is given: the last agent who
// replied before the ticket was solved.
constexpr std::string_view k_version_12 = R"sql(
ALTER TABLE messages ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE tickets ADD COLUMN rated_agent TEXT;
)sql";
// On a shared database whose roles were set up before (tkt db setup), the mail intake
// may now set a ticket's rating, and agents its new column: granted here, so that a
// customer's rating by mail does not fail until someone runs tkt db setup again.
constexpr std::string_view k_version_12_postgres = R"sql(
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tkt_mail') THEN
        GRANT UPDATE (csat, rated_at, rated_agent) ON tickets TO tkt_mail;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tkt_agent') THEN
        GRANT UPDATE (rated_agent) ON tickets TO tkt_agent;
    END IF;
END
$$;
)sql";

constexpr std::array<Migration, 12> k_migrations{{
    {1, k_version_1},
    {2, k_version_2},
    {3, k_version_3},
    {4, k_version_4},
    {5, k_version_5},
    {6, k_version_6},
    {7, "", k_version_7_postgres},
    {8, k_version_8},
    {9, k_version_9},
    {10, k_version_10},
    {11, k_version_11, k_version_11_postgres, k_version_11_sqlite},
    {12, k_version_12, k_version_12_postgres},
}};

// Returns `text` with each occurrence of `words` that stands alone (no letter, digit
// or underscore on either side) replaced by `replacement`.
std::string with_words_replaced(std::string_view text, std::string_view words, std::string_view replacement) {
    const auto is_word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
    std::string out;
    std::size_t from = 0;
    for (auto at = text.find(words); at != std::string_view::npos; at = text.find(words, at + 1)) {
        const std::size_t end = at + words.size();
        if ((at > 0 && is_word_char(text[at - 1])) || (end < text.size() && is_word_char(text[end]))) {
            continue;
        }
        out.append(text.substr(from, at - from)).append(replacement);
        from = end;
        at = end - 1;
    }
    return out.append(text.substr(from));
}

}  // namespace

std::string postgres_ddl(std::string_view sql) {
    constexpr std::array<std::pair<std::string_view, std::string_view>, 5> k_words{{
        {"INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
        {"INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
        {"INTEGER", "BIGINT"},
        {"BLOB", "BYTEA"},
        {" WITHOUT ROWID", ""},
    }};
    std::string out(sql);
    for (const auto& [words, replacement] : k_words) {
        out = with_words_replaced(out, words, replacement);
    }
    return out;
}

std::span<const Migration> schema_migrations() {
    return k_migrations;
}

int schema_version(Database& db) {
    return db.schema_version();
}

void migrate(Database& db, std::span<const Migration> migrations) {
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    // Most opens find the schema current: check without taking the write lock.
    if (schema_version(db) == latest) {
        return;
    }
    Transaction transaction(db, TransactionKind::write);
    // Another process may have migrated while this one waited for the lock.
    const int version = schema_version(db);
    // Schema 0 is a new database only when it is empty: tkt never adds its tables to
    // another program's database.
    if (version == 0) {
        if (db.holds_other_tables()) {
            throw Error(Exit::io, fmt::format("database '{}' is not a tkt database: it holds other tables and no "
                                              "tkt schema",
                                              db.name()));
        }
    }
    if (version > latest) {
        throw Error(Exit::config, fmt::format("database '{}' was written by a newer tkt (schema {}, this tkt "
                                              "knows up to {}); upgrade tkt",
                                              db.name(), version, latest));
    }
    for (const auto& migration : migrations) {
        if (migration.version > version) {
            const std::string sql = db.dialect() == Dialect::sqlite
                                        ? std::string(migration.sql) + std::string(migration.sqlite_only)
                                        : postgres_ddl(migration.sql) + std::string(migration.postgres_only);
            if (!sql.empty()) {
                db.exec(sql);
            }
        }
    }
    db.set_schema_version(latest);
    transaction.commit();
}

}  // namespace tkt::store
