// The store: tickets, messages and events in SQLite. It speaks tkt's types, never
// SQLite's, so that another backend can serve the same interface (DESIGN.md 3).
#pragma once

#include "core/filter.hpp"
#include "core/ticket.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

struct Period;
struct StatsFacts;

namespace store {
class Database;
class Transaction;
}  // namespace store

struct StoreOptions {
    // How long a command waits for another process's lock before exiting 75.
    std::chrono::milliseconds lock_timeout{10000};
};

// The rows of one table.
struct TableRows {
    std::string table;
    std::int64_t rows = 0;
    friend bool operator==(const TableRows&, const TableRows&) = default;
};

// An event with the subject of its ticket, as tkt watch shows it.
struct TicketEvent {
    Event event;
    std::string subject;
};

// A group role of a shared database, and whether `tkt db setup` made it just now.
struct RoleSetup {
    std::string role;
    bool made = false;
};

// Who a PostgreSQL session is, in tkt's roles.
struct SessionRole {
    std::string name;         // the role logged in (session_user)
    bool agent = false;       // a member of tkt_agent (so of tkt_supervisor too)
    bool supervisor = false;  // a member of tkt_supervisor: may act for others
    bool admin = false;       // a member of tkt_admin, or a superuser
};

// What a customer's card reads of one of their tickets beyond the ticket itself.
struct CustomerTicketFacts {
    TicketId id = 0;
    std::optional<Timestamp> last_inbound;  // the customer's latest message on it (not automatic)
    bool repeat = false;                    // a repeat contact, as tkt stats counts one
    std::optional<Timestamp> rated_at;      // when its rating (csat) was given
    std::string rating_detail;              // the JSON detail of its latest `rated` event, "" when none
};

// What one agent did for a customer: replies written, tickets assigned to them.
struct AgentWork {
    std::string login;
    std::int64_t replies = 0;
    std::int64_t assigned = 0;
};

// Told how a copy goes: `done` of the `total` rows of `table` are copied.
using CopyProgress = std::function<void(std::string_view table, std::int64_t done, std::int64_t total)>;

// The text of a ticket that search reads: its subject, the customer's first message,
// and the rest (every other message and note, then the attachments' names).
struct TicketText {
    std::string subject;
    std::string opening;
    std::string rest;
};

// How far the search index is built for the tickets older than it: every ticket up to
// `built_through` is indexed, and the build is done at `build_until`.
struct SearchBuild {
    std::int64_t built_through = 0;
    std::int64_t build_until = 0;
    std::string reading;  // search::k_reading_version of the tkt that built it

    bool done() const { return built_through >= build_until; }
};

// What a check of the search index found among the tickets it compared.
struct SearchCheck {
    std::int64_t compared = 0;
    std::vector<TicketId> missing;    // no document
    std::vector<TicketId> different;  // a document that is not the ticket's text
    TicketId last = 0;
};

class Store {
public:
    // Opens the database at `path`, creating it (mode 0600, with its folder) when
    // missing, and upgrades its schema; refuses a database of a newer tkt (exit 78).
    // A postgresql:// URI (is_database_uri) connects to that PostgreSQL database.
    static Store open(const std::filesystem::path& path, StoreOptions options = {});

    // Opens a private in-memory database with the current schema, for tests.
    static Store open_in_memory();

    Store(Store&& other) noexcept;
    Store& operator=(Store&& other) noexcept;
    ~Store();

    // A transaction: everything a command does happens whole or not at all. It rolls
    // back when destroyed unless commit() was called.
    class Transaction {
    public:
        // `writer`, for a write transaction: the store whose search index its commit
        // brings up to date with the text it wrote.
        explicit Transaction(std::unique_ptr<store::Transaction> transaction, Store* writer = nullptr);
        Transaction(Transaction&& other) noexcept;
        ~Transaction();
        // Commits, retrying a busy database until the lock timeout (then exit 75).
        void commit();

    private:
        std::unique_ptr<store::Transaction> m_transaction;
        Store* m_writer = nullptr;
    };

    // Begins a write transaction that takes the write lock at once (BEGIN IMMEDIATE).
    Transaction begin_write();

    // Begins a read transaction: one consistent snapshot for several queries.
    Transaction begin_read();

    // Begins a savepoint inside the open write transaction: one step of a batch that
    // can be undone alone (commit() keeps it).
    Transaction begin_step();

    // Returns the database as messages name it: a file's path, a URI without password.
    const std::string& name() const;

    // Waits up to `timeout` for another process to record something; true when it may
    // have (then look with events_after), false when the time ran out or a signal came.
    // The first call starts watching and returns at once.
    bool wait_for_change(std::chrono::milliseconds timeout);

    // Returns the id of the last event recorded, 0 when there is none.
    std::int64_t last_event_id();

    // Returns the events after event `after` on tickets matching `filter` (its SLA terms
    // aside), oldest first, at most `limit`.
    std::vector<TicketEvent> events_after(std::int64_t after, const Filter& filter, std::int64_t limit);

    // On PostgreSQL: makes the group roles tkt_agent, tkt_mail, tkt_supervisor and
    // tkt_admin where missing and grants each what it may do (store_roles.cpp), again
    // after every upgrade; needs a role that may create roles and owns the schema. On
    // SQLite a usage error (64): it has no roles.
    std::vector<RoleSetup> set_up_roles();

    // Returns who the session is on PostgreSQL; nullopt on SQLite, which has no roles.
    std::optional<SessionRole> session_role();

    // Returns the number of rows of each of tkt's tables, from one snapshot.
    std::vector<TableRows> row_counts();

    // Copies every row of this database, with its id, into `target`, which must hold
    // none (else exit 73): this one read from one snapshot, `target` written in one
    // transaction, whole or not at all. `progress`, if set, hears of each table.
    void copy_into(Store& target, const CopyProgress& progress);

    // Gives the connection a large page cache, for bulk imports.
    void tune_for_bulk();

    // Inserts the ticket row of `ticket` (status new, created and updated at `now`)
    // with its tags and parent, and returns its id. The message and event are the
    // caller's.
    TicketId insert_ticket(const NewTicket& ticket, Timestamp now);

    // Inserts `message` (its id is ignored) with the original bytes `raw` of an inbound
    // mail (none when empty), and returns the new message's id.
    std::int64_t insert_message(const Message& message, std::string_view raw = {});

    // Records an attachment of a message.
    void insert_attachment(const AttachmentInfo& attachment);

    // Returns the attachments of ticket `id`'s messages, in message order.
    std::vector<AttachmentInfo> attachments(TicketId id);

    // Returns the ticket holding the message whose Message-ID is `message_id`.
    std::optional<TicketId> ticket_of_message(std::string_view message_id);

    // Returns the newest ticket `requester` opened in [since, until], if any.
    std::optional<TicketId> latest_ticket_from(std::string_view requester, Timestamp since, Timestamp until);

    // Sets ticket `id`'s updated_at to `now`.
    void touch(TicketId id, Timestamp now);

    // Records an event of `kind` on ticket `id` with the JSON object `detail`.
    void insert_event(TicketId id, Timestamp at, std::string_view actor, std::string_view kind,
                      std::string_view detail);

    // Sets the status of ticket `id`, and solved_at to `solved_at` if it has none yet.
    void update_status(TicketId id, Status status, std::optional<Timestamp> solved_at, Timestamp now);

    // Marks ticket `id` as merged into ticket `into`.
    void set_merged(TicketId id, TicketId into, Timestamp now);

    // Returns the tickets merged into ticket `id` itself, in id order.
    std::vector<TicketId> merged_into(TicketId id);

    // Sets ticket `id`'s first_reply_at to `at` unless it has one; returns true when set.
    bool mark_first_reply(TicketId id, Timestamp at);

    // Sets the language of ticket `id`; nullopt makes it unknown.
    void set_language(TicketId id, const std::optional<std::string>& language);

    // Sets the assignee of ticket `id`; nullopt leaves it to nobody.
    void set_assignee(TicketId id, const std::optional<std::string>& login, Timestamp now);

    // Queues the outbound message `message_row` of ticket `ticket` for `recipient` on
    // `channel` (email: sendmail; chat, web, api: the channel's program); returns the
    // outbox entry's id.
    std::int64_t queue_outbound(std::int64_t message_row, TicketId ticket, Channel channel, std::string_view recipient,
                                Timestamp now);

    // Returns the outbox entries of `scope` (those not yet sent, or all), oldest first,
    // without their raw messages.
    std::vector<OutboxItem> outbox(OutboxScope scope);

    // Marks outbox entry `id` as being sent, counting an attempt, and returns it with its
    // raw message; nullopt when it is not queued (another process is sending it, or it
    // was sent): none goes twice.
    std::optional<OutboxItem> claim_outbox(std::int64_t id, Timestamp now);

    // Records how sending entry `id` went: sent when `error` is nullopt, else queued
    // again with the error kept.
    void finish_outbox(std::int64_t id, const std::optional<std::string>& error, Timestamp now);

    // Puts the entries among `ids` that are stuck in `sending` back in the queue;
    // returns the ids it changed.
    std::vector<std::int64_t> requeue_outbox(std::span<const std::int64_t> ids);

    // Adds `tag` to ticket `id`; returns false when it was already there.
    bool add_tag(TicketId id, std::string_view tag, Timestamp now);

    // Removes `tag` from ticket `id`; returns false when it was not there.
    bool remove_tag(TicketId id, std::string_view tag, Timestamp now);

    // Returns ticket `id` with its tags, or nullopt when there is none.
    std::optional<Ticket> find_ticket(TicketId id);

    // Returns the tickets matching every term of `filter`, in `sort` order (id when
    // empty), at most `limit` of them (all when 0).
    std::vector<Ticket> find_tickets(const Filter& filter, std::span<const SortKey> sort, std::int64_t limit);

    // Hands each ticket find_tickets would return to `visit`, in order, as the database
    // reads it: memory stays flat however many match. `visit` returns false to stop.
    void each_ticket(const Filter& filter, std::span<const SortKey> sort, std::int64_t limit,
                     const std::function<bool(Ticket&&)>& visit);

    // Returns the messages of ticket `id`, oldest first.
    std::vector<Message> messages(TicketId id);

    // Returns the events of ticket `id`, oldest first.
    std::vector<Event> events(TicketId id);

    // Routing, assignment and SLA bookkeeping (src/store/store_routing.cpp).

    // Sets the queue, line and priority of ticket `id`.
    void set_routing(TicketId id, const std::optional<std::string>& queue, int line, Priority priority, Timestamp now);

    // Returns the body of ticket `id`'s first inbound message ("" when it has none).
    std::string first_message_body(TicketId id);

    // Returns the login round robin last gave a ticket of `queue` on `line`.
    std::optional<std::string> round_robin_last(std::string_view queue, int line);

    // Remembers `login` as the last one round robin chose for `queue` on `line`.
    void set_round_robin_last(std::string_view queue, int line, std::string_view login);

    // Returns how many open tickets (new, open, pending) each of `logins` holds, in order.
    std::vector<std::int64_t> open_ticket_counts(std::span<const std::string> logins);

    // Records `breach`; returns false when its ticket, target and start were recorded before.
    bool record_breach(const SlaBreach& breach);

    // Returns true when the breach of `target` started at `started` on ticket `id` is recorded.
    bool has_breach(TicketId id, std::string_view target, Timestamp started);

    // Returns the breaches recorded on ticket `id`, oldest first.
    std::vector<SlaBreach> breaches(TicketId id);

    // Metrics and ratings (src/store/store_stats.cpp).

    // Returns what a report over `period` reads of the tickets matching `where` (no SLA
    // terms): created, solved, possibly open, replied to, reopened, rated, breached, and
    // agents' activity, with the keys of its tickets only when `keyed_activity` (a
    // report groups it by queue, line, channel or priority), and who did what to each
    // ticket created (StatsFacts::Credit) only when `credited` (by agent or line), and
    // each ticket's tags and customer only when `labelled` (by tag or customer); repeat
    // contacts look `repeat_window` back. Merged tickets never count. Run it inside a
    // read transaction.
    StatsFacts stats_facts(const Period& period, const Filter& where, Seconds repeat_window, bool keyed_activity,
                           bool credited, bool labelled = false);

    // Sets ticket `id`'s satisfaction score, rated at `at` and credited to `agent`,
    // replacing an earlier one.
    void set_rating(TicketId id, int score, Timestamp at, const std::optional<std::string>& agent);

    // Returns when ticket `id` was last solved or closed (its latest status event to
    // either), nullopt when never.
    std::optional<Timestamp> last_finished_at(TicketId id);

    // Returns the author of the last reply on ticket `id` (not automatic) at or before
    // `until`, nullopt when none.
    std::optional<std::string> last_agent_reply(TicketId id, Timestamp until);

    // Customers and conversations of other channels (src/store/store_people.cpp).

    // Links `identities` (parse_identity's forms) into one customer: the customer any of
    // them is already in (the oldest, when several: their identities all move to it),
    // else a new one. Returns every identity of that customer, sorted.
    std::vector<std::string> link_identities(std::span<const std::string> identities, Timestamp now);

    // Takes `identity` out of its customer; returns false when it was in none. A
    // customer left with one identity is no longer a link, and goes.
    bool unlink_identity(std::string_view identity);

    // Returns the customer `identity` is linked into, nullopt when none.
    std::optional<std::int64_t> customer_of(std::string_view identity);

    // Returns every identity of the customer `identity` is of, itself included, sorted.
    std::vector<std::string> customer_identities(std::string_view identity);

    // Returns the ticket the external conversation `thread` ("jivo:9876") last joined.
    std::optional<TicketId> ticket_of_thread(std::string_view thread);

    // Returns the external conversation the customer of ticket `id` used last: of the
    // threads that joined it or a ticket merged into it, the one with the latest message
    // (set_thread's `at`); none, if no thread ever joined.
    std::optional<std::string> thread_of_ticket(TicketId id);

    // Makes the external conversation `thread` join ticket `id` from now on, with a
    // message said at `at` (a later message keeps its own time: a transcript typed in
    // after the fact does not make an old thread the latest).
    void set_thread(std::string_view thread, TicketId id, Timestamp at);

    // Returns the schema version of the open database.
    int schema_version();

    // Editing tickets by hand: tkt set, tkt move (src/store/store_edit.cpp).

    // Sets the subject of ticket `id`.
    void set_subject(TicketId id, std::string_view subject, Timestamp now);

    // Sets the requester of ticket `id`: the address `email` and the display `name`.
    void set_requester(TicketId id, std::string_view email, std::string_view name, Timestamp now);

    // Attachments, saved and sent (src/store/store.cpp).

    // Returns the raw RFC 5322 bytes kept with message row `row`; nullopt when it has
    // none (a ticket opened by hand, a reply never composed) or there is no such row.
    std::optional<std::string> message_raw(std::int64_t row);

    // Acknowledgements on arrival (src/actions/acknowledge.cpp).

    // Returns how many automatic messages went out since `since` on tickets `requester`
    // opened since then: the acknowledgements that address was sent.
    std::int64_t acknowledgements_to(std::string_view requester, Timestamp since);

    // Full-text search (issue 19): store_search.cpp.

    // Returns the text ticket `id`'s search document holds, read from its rows as the
    // index reads it; nullopt when there is no such ticket.
    std::optional<TicketText> ticket_text(TicketId id);

    // Returns the tickets whose text has every one of `text` (text terms) and that
    // match `filter`'s other terms, best first: BM25 on SQLite, ts_rank on PostgreSQL,
    // the subject weighing most, then the customer's first message; newer first on
    // ties. Ranked among the k_ranked_matches newest matches; `offset` and `limit` page.
    std::vector<TicketId> search_tickets(std::span<const Term> text, const Filter& filter, std::int64_t limit,
                                         std::int64_t offset);

    // Returns in how many tickets the index holds `word` (one word as written, read as
    // the index reads it), counting no further than `at_most`.
    std::int64_t tickets_with_word(std::string_view word, std::int64_t at_most);

    // Returns the solved and closed tickets, other than `except` and not merged into
    // another, whose text has any of `words` (single words as written), best first as
    // search_tickets ranks them, among the 20,000 newest such tickets.
    std::vector<TicketId> similar_tickets(std::span<const std::string> words, TicketId except, std::int64_t limit);

    // Returns true when ticket `id`'s text has what text term `term` asks for (its
    // compare aside): a filter judged in memory asks this (SLA policies' match).
    bool ticket_has_text(TicketId id, const Term& term);

    // How far the index is built for the tickets that were there before it.
    SearchBuild search_build();

    // Indexes up to `count` more tickets of an unfinished build, in one transaction,
    // and returns the state after: run it again until done; stopping loses nothing.
    SearchBuild continue_search_build(std::int64_t count);

    // Starts building the whole index again (after a change of reading, or a repair).
    void restart_search_build();

    // Compares `count` tickets' documents from `after` on with their rows and returns
    // what differs, and the last ticket compared (0 when none was left).
    SearchCheck check_search_index(TicketId after, std::int64_t count);

    // Runs the backend's own check of the index's structure (SQLite's FTS5
    // integrity-check; PostgreSQL keeps its GIN index itself): false when it is damaged.
    bool search_structure_sound();

    // Returns how many tickets there are.
    std::int64_t count_tickets();

    // The customer card (issue 19, src/store/store_customer.cpp): each query reads the
    // tickets of the customer `identity` is of (linked identities included) by the
    // requester index.

    // Returns what the card reads of each ticket of the customer `identity` is of, in id
    // order: repeat contacts look `repeat_window` back, as in stats_facts.
    std::vector<CustomerTicketFacts> customer_ticket_facts(std::string_view identity, Seconds repeat_window);

    // Returns the agents who replied to or were ever assigned a ticket of the customer
    // `identity` is of, by login.
    std::vector<AgentWork> customer_agents(std::string_view identity);

private:
    // The ticket ids that ranked search returns: the `window` newest whose text matches
    // `query` (in the backend's language) and that match `filter` and `condition` (SQL
    // on tickets t, without parameters), ranked, `limit` from `offset`.
    std::vector<TicketId> ranked_tickets(const std::string& query, const Filter& filter, std::string_view condition,
                                         std::int64_t window, std::int64_t limit, std::int64_t offset);

    explicit Store(std::unique_ptr<store::Database> db);

    // Notes that ticket `id`'s text changed: the index follows before the transaction
    // commits, or before a search in it.
    void text_changed(TicketId id);
    // Indexes the tickets whose text changed in this transaction.
    void index_changed_text();
    // Writes ticket `id`'s document from its rows (removes it for no ticket).
    void index_ticket(TicketId id);

    std::unique_ptr<store::Database> m_db;
    std::set<TicketId> m_text_changed;
    bool m_writing = false;  // a write transaction is open
};

}  // namespace tkt
