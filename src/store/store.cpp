#include "store/store.hpp"

#include "core/paths.hpp"
#include "core/text.hpp"
#include "store/database.hpp"
#include "store/dialect.hpp"
#include "store/migrations.hpp"
#include "store/ticket_query.hpp"

#include <fmt/format.h>
#include <utility>

namespace tkt {

using store::Database;
using store::Statement;
using store::TransactionKind;

namespace {

// The columns read_ticket reads, from "tickets AS t".
std::string ticket_columns(store::Dialect dialect) {
    return fmt::format("t.id, t.subject, t.requester, t.requester_name, t.channel, t.queue, t.line, t.priority, "
                       "t.status, t.assignee, t.created_at, t.updated_at, t.first_reply_at, t.solved_at, t.csat, "
                       "t.parent_id, t.awaiting_since, {}, t.merged_into, t.language",
                       store::sql_of(dialect).ticket_tags);
}

Ticket read_ticket(const Statement& row) {
    Ticket ticket;
    ticket.id = row.integer(0);
    ticket.subject = row.text(1);
    ticket.requester = row.text(2);
    ticket.requester_name = row.text(3);
    ticket.channel = parse_channel(row.text(4)).value_or(Channel::api);
    ticket.queue = row.optional_text(5);
    ticket.line = static_cast<int>(row.integer(6));
    ticket.priority = parse_priority(row.text(7)).value_or(Priority::normal);
    ticket.status = parse_status(row.text(8)).value_or(Status::open);
    ticket.assignee = row.optional_text(9);
    ticket.created_at = row.integer(10);
    ticket.updated_at = row.integer(11);
    ticket.first_reply_at = row.optional_integer(12);
    ticket.solved_at = row.optional_integer(13);
    if (const auto csat = row.optional_integer(14)) {
        ticket.csat = static_cast<int>(*csat);
    }
    ticket.parent_id = row.optional_integer(15);
    ticket.awaiting_since = row.optional_integer(16);
    if (const auto tags = row.optional_text(17)) {
        ticket.tags = split(*tags, '\x1f');
    }
    ticket.merged_into = row.optional_integer(18);
    ticket.language = row.optional_text(19);
    return ticket;
}

}  // namespace

Store::Store(std::unique_ptr<Database> db) : m_db(std::move(db)) {}
Store::Store(Store&& other) noexcept = default;
Store& Store::operator=(Store&& other) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::filesystem::path& path, StoreOptions options) {
    auto db = is_database_uri(path.native()) ? store::open_postgres(path.native(), options.lock_timeout)
                                             : store::open_sqlite(path, options.lock_timeout);
    store::migrate(*db, store::schema_migrations());
    return Store(std::move(db));
}

Store Store::open_in_memory() {
    return open(":memory:");
}

Store::Transaction::Transaction(std::unique_ptr<store::Transaction> transaction, Store* writer)
    : m_transaction(std::move(transaction)), m_writer(writer) {
    if (m_writer) {
        m_writer->m_writing = true;
    }
}
Store::Transaction::Transaction(Transaction&& other) noexcept
    : m_transaction(std::move(other.m_transaction)), m_writer(std::exchange(other.m_writer, nullptr)) {}
Store::Transaction::~Transaction() {
    if (m_writer) {  // rolled back: the text it wrote is gone with it
        m_writer->m_text_changed.clear();
        m_writer->m_writing = false;
    }
}
void Store::Transaction::commit() {
    if (m_writer) {
        // The index changes in the transaction that changed the text, never after it.
        m_writer->index_changed_text();
    }
    m_transaction->commit();
    if (m_writer) {
        m_writer->m_writing = false;
        m_writer = nullptr;
    }
}

Store::Transaction Store::begin_write() {
    return Transaction(std::make_unique<store::Transaction>(*m_db, TransactionKind::write), this);
}

Store::Transaction Store::begin_step() {
    return Transaction(std::make_unique<store::Transaction>(*m_db, TransactionKind::savepoint));
}

void Store::tune_for_bulk() {
    // Random-key indexes (Message-ID, requester) thrash SQLite's default 2 MiB cache;
    // a PostgreSQL server's cache is its own.
    if (m_db->dialect() == store::Dialect::sqlite) {
        m_db->exec("PRAGMA cache_size = -65536");
    }
}

Store::Transaction Store::begin_read() {
    return Transaction(std::make_unique<store::Transaction>(*m_db, TransactionKind::read));
}

TicketId Store::insert_ticket(const NewTicket& ticket, Timestamp now) {
    // Numbers follow on without gaps on both backends: a PostgreSQL sequence would skip
    // the numbers of rolled-back commands, and the write lock makes max + 1 safe.
    const TicketId id = m_db->prepare("INSERT INTO tickets (id, subject, requester, requester_name, channel, queue, "
                                      "priority, created_at, updated_at, parent_id, language) "
                                      "VALUES ((SELECT coalesce(max(id), 0) + 1 FROM tickets), "
                                      "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9) RETURNING id")
                            .bind(1, ticket.subject)
                            .bind(2, ticket.requester)
                            .bind(3, ticket.requester_name)
                            .bind(4, to_string(ticket.channel))
                            .bind(5, ticket.queue)
                            .bind(6, to_string(ticket.priority))
                            .bind(7, now)
                            .bind(8, ticket.parent_id)
                            .bind(9, ticket.language)
                            .returned_id();
    auto insert_tag = m_db->prepare("INSERT INTO tags (ticket_id, tag) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
    for (const auto& tag : ticket.tags) {
        insert_tag.bind(1, id).bind(2, tag).run();
    }
    text_changed(id);
    return id;
}

std::int64_t Store::insert_message(const Message& message, std::string_view raw) {
    auto statement =
        m_db->prepare("INSERT INTO messages (ticket_id, direction, message_id, in_reply_to, author, subject, "
                      "body, auto, created_at, raw, sent_at, channel, rating) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                      "RETURNING id");
    if (!raw.empty()) {
        statement.bind_blob(10, raw);
    }
    statement.bind(1, message.ticket_id)
        .bind(2, to_string(message.direction))
        .bind(3, message.message_id)
        .bind(4, message.in_reply_to)
        .bind(5, message.author)
        .bind(6, message.subject)
        .bind(7, message.body)
        .bind(8, std::int64_t{message.automatic ? 1 : 0})
        .bind(9, message.created_at)
        .bind(11, message.sent_at);
    if (message.channel) {
        statement.bind(12, to_string(*message.channel));
    }
    if (message.rating) {
        statement.bind(13, std::int64_t{*message.rating});
    }
    const auto row = statement.returned_id();
    // The next-reply clock: a customer's message starts it unless it runs (a rating asks
    // for nothing); a reply stops it.
    if (message.direction == Direction::in && !message.automatic && !message.rating) {
        m_db->prepare("UPDATE tickets SET awaiting_since = coalesce(awaiting_since, ?2) WHERE id = ?1")
            .bind(1, message.ticket_id)
            .bind(2, message.created_at)
            .run();
    } else if (message.direction == Direction::out && !message.automatic) {
        // An acknowledgement answers nothing: the customer still waits for a person.
        m_db->prepare("UPDATE tickets SET awaiting_since = NULL WHERE id = ?1").bind(1, message.ticket_id).run();
    }
    text_changed(message.ticket_id);
    return row;
}

void Store::insert_attachment(const AttachmentInfo& attachment) {
    m_db->prepare("INSERT INTO attachments (message_id, filename, content_type, size, sha256) "
                  "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, attachment.message_id)
        .bind(2, attachment.filename)
        .bind(3, attachment.content_type)
        .bind(4, attachment.size)
        .bind(5, attachment.sha256)
        .run();
    // Its name is searchable, with its message's ticket.
    auto ticket = m_db->prepare("SELECT ticket_id FROM messages WHERE id = ?1");
    ticket.bind(1, attachment.message_id);
    if (ticket.step()) {
        const TicketId id = ticket.integer(0);
        ticket.run();
        text_changed(id);
    }
}

std::vector<TicketId> Store::merged_into(TicketId id) {
    auto statement = m_db->prepare("SELECT id FROM tickets WHERE merged_into = ?1 ORDER BY id");
    statement.bind(1, id);
    std::vector<TicketId> ids;
    while (statement.step()) {
        ids.push_back(statement.integer(0));
    }
    return ids;
}

std::vector<AttachmentInfo> Store::attachments(TicketId id) {
    auto statement =
        m_db->prepare("SELECT a.message_id, a.filename, a.content_type, a.size, a.sha256 FROM attachments AS a "
                      "JOIN messages AS m ON m.id = a.message_id WHERE m.ticket_id = ?1 ORDER BY a.message_id, a.id");
    statement.bind(1, id);
    std::vector<AttachmentInfo> found;
    while (statement.step()) {
        found.push_back(AttachmentInfo{statement.integer(0), statement.text(1), statement.text(2), statement.integer(3),
                                       statement.text(4)});
    }
    return found;
}

std::optional<std::string> Store::message_raw(std::int64_t row) {
    auto statement = m_db->prepare("SELECT raw FROM messages WHERE id = ?1 AND raw IS NOT NULL");
    statement.bind(1, row);
    return statement.step() ? std::optional(statement.text(0)) : std::nullopt;
}

std::optional<TicketId> Store::ticket_of_message(std::string_view message_id) {
    auto statement = m_db->prepare("SELECT ticket_id FROM messages WHERE message_id = ?1");
    statement.bind(1, message_id);
    return statement.step() ? std::optional(statement.integer(0)) : std::nullopt;
}

std::optional<TicketId> Store::latest_ticket_from(std::string_view requester, Timestamp since, Timestamp until) {
    // Any of the customer's identities: a caller who mailed yesterday repeats.
    auto statement = m_db->prepare(fmt::format("SELECT id FROM tickets WHERE {} AND created_at "
                                               "BETWEEN ?2 AND ?3 ORDER BY created_at DESC, id DESC LIMIT 1",
                                               store::same_customer("requester", "?1")));
    statement.bind(1, requester).bind(2, since).bind(3, until);
    return statement.step() ? std::optional(statement.integer(0)) : std::nullopt;
}

std::int64_t Store::acknowledgements_to(std::string_view requester, Timestamp since) {
    // An acknowledgement goes out with its ticket, in one transaction: only tickets
    // opened in the window can have one in it, and tickets_requester finds those.
    auto statement = m_db->prepare("SELECT count(*) FROM tickets AS t JOIN messages AS m ON m.ticket_id = t.id "
                                   "WHERE t.requester = ?1 AND t.created_at >= ?2 AND m.direction = 'out' "
                                   "AND m.auto = 1 AND m.created_at >= ?2");
    statement.bind(1, requester).bind(2, since);
    statement.step();
    const auto count = statement.integer(0);
    statement.run();
    return count;
}

void Store::touch(TicketId id, Timestamp now) {
    m_db->prepare("UPDATE tickets SET updated_at = CASE WHEN ?2 > updated_at THEN ?2 ELSE updated_at END WHERE id = ?1")
        .bind(1, id)
        .bind(2, now)
        .run();
}

void Store::insert_event(TicketId id, Timestamp at, std::string_view actor, std::string_view kind,
                         std::string_view detail) {
    m_db->prepare("INSERT INTO events (ticket_id, at, actor, kind, detail) "
                  "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, id)
        .bind(2, at)
        .bind(3, actor)
        .bind(4, kind)
        .bind(5, detail)
        .run();
}

void Store::update_status(TicketId id, Status status, std::optional<Timestamp> solved_at, Timestamp now) {
    m_db->prepare("UPDATE tickets SET status = ?2, solved_at = COALESCE(solved_at, ?3), "
                  "updated_at = ?4 WHERE id = ?1")
        .bind(1, id)
        .bind(2, to_string(status))
        .bind(3, solved_at)
        .bind(4, now)
        .run();
}

void Store::set_merged(TicketId id, TicketId into, Timestamp now) {
    m_db->prepare("UPDATE tickets SET merged_into = ?2, updated_at = ?3 WHERE id = ?1")
        .bind(1, id)
        .bind(2, into)
        .bind(3, now)
        .run();
}

bool Store::mark_first_reply(TicketId id, Timestamp at) {
    m_db->prepare("UPDATE tickets SET first_reply_at = ?2 WHERE id = ?1 AND first_reply_at IS NULL")
        .bind(1, id)
        .bind(2, at)
        .run();
    return m_db->changes() > 0;
}

void Store::set_language(TicketId id, const std::optional<std::string>& language) {
    m_db->prepare("UPDATE tickets SET language = ?2 WHERE id = ?1").bind(1, id).bind(2, language).run();
}

void Store::set_assignee(TicketId id, const std::optional<std::string>& login, Timestamp now) {
    m_db->prepare("UPDATE tickets SET assignee = ?2, updated_at = CASE WHEN ?3 > updated_at THEN ?3 ELSE updated_at "
                  "END WHERE id = ?1")
        .bind(1, id)
        .bind(2, login)
        .bind(3, now)
        .run();
}

std::int64_t Store::queue_outbound(std::int64_t message_row, TicketId ticket, Channel channel,
                                   std::string_view recipient, Timestamp now) {
    return m_db
        ->prepare("INSERT INTO outbox (message, ticket_id, recipient, queued_at, channel) VALUES (?1, ?2, ?3, ?4, ?5) "
                  "RETURNING id")
        .bind(1, message_row)
        .bind(2, ticket)
        .bind(3, recipient)
        .bind(4, now)
        .bind(5, to_string(channel))
        .returned_id();
}

namespace {

constexpr std::string_view k_outbox_columns =
    "o.id, o.message, o.ticket_id, o.recipient, m.subject, o.state, o.attempts, o.last_error, "
    "o.queued_at, o.tried_at, o.sent_at, o.channel";

OutboxItem read_outbox_item(const Statement& row) {
    OutboxItem item;
    item.id = row.integer(0);
    item.message_row = row.integer(1);
    item.ticket_id = row.integer(2);
    item.recipient = row.text(3);
    item.subject = row.text(4);
    item.state = parse_outbox_state(row.text(5)).value_or(OutboxState::queued);
    item.attempts = row.integer(6);
    item.last_error = row.optional_text(7);
    item.queued_at = row.integer(8);
    item.tried_at = row.optional_integer(9);
    item.sent_at = row.optional_integer(10);
    item.channel = parse_channel(row.text(11)).value_or(Channel::email);
    return item;
}

}  // namespace

std::vector<OutboxItem> Store::outbox(OutboxScope scope) {
    auto statement =
        m_db->prepare(fmt::format("SELECT {} FROM outbox AS o JOIN messages AS m ON m.id = o.message {} ORDER BY o.id",
                                  k_outbox_columns, scope == OutboxScope::all ? "" : "WHERE o.state <> 'sent'"));
    std::vector<OutboxItem> items;
    while (statement.step()) {
        items.push_back(read_outbox_item(statement));
    }
    return items;
}

std::optional<OutboxItem> Store::claim_outbox(std::int64_t id, Timestamp now) {
    auto select = m_db->prepare(fmt::format("SELECT {}, m.raw FROM outbox AS o JOIN messages AS m ON m.id = o.message "
                                            "WHERE o.id = ?1 AND o.state = 'queued'",
                                            k_outbox_columns));
    select.bind(1, id);
    if (!select.step()) {
        return std::nullopt;
    }
    OutboxItem item = read_outbox_item(select);
    item.raw = select.text(12);
    m_db->prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1, tried_at = ?2 WHERE id = ?1")
        .bind(1, id)
        .bind(2, now)
        .run();
    item.state = OutboxState::sending;
    item.attempts += 1;
    item.tried_at = now;
    return item;
}

void Store::finish_outbox(std::int64_t id, const std::optional<std::string>& error, Timestamp now) {
    if (error) {
        m_db->prepare("UPDATE outbox SET state = 'queued', last_error = ?2 WHERE id = ?1 AND state = 'sending'")
            .bind(1, id)
            .bind(2, *error)
            .run();
    } else {
        m_db->prepare("UPDATE outbox SET state = 'sent', last_error = NULL, sent_at = ?2 "
                      "WHERE id = ?1 AND state = 'sending'")
            .bind(1, id)
            .bind(2, now)
            .run();
    }
}

std::vector<std::int64_t> Store::requeue_outbox(std::span<const std::int64_t> ids) {
    auto update = m_db->prepare("UPDATE outbox SET state = 'queued' WHERE id = ?1 AND state = 'sending'");
    std::vector<std::int64_t> changed;
    for (const auto id : ids) {
        update.bind(1, id).run();
        if (m_db->changes() > 0) {
            changed.push_back(id);
        }
    }
    return changed;
}

bool Store::add_tag(TicketId id, std::string_view tag, Timestamp now) {
    m_db->prepare("INSERT INTO tags (ticket_id, tag) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
        .bind(1, id)
        .bind(2, tag)
        .run();
    if (m_db->changes() == 0) {
        return false;
    }
    m_db->prepare("UPDATE tickets SET updated_at = ?2 WHERE id = ?1").bind(1, id).bind(2, now).run();
    return true;
}

bool Store::remove_tag(TicketId id, std::string_view tag, Timestamp now) {
    m_db->prepare("DELETE FROM tags WHERE ticket_id = ?1 AND tag = ?2").bind(1, id).bind(2, tag).run();
    if (m_db->changes() == 0) {
        return false;
    }
    m_db->prepare("UPDATE tickets SET updated_at = ?2 WHERE id = ?1").bind(1, id).bind(2, now).run();
    return true;
}

std::optional<Ticket> Store::find_ticket(TicketId id) {
    auto statement =
        m_db->prepare(fmt::format("SELECT {} FROM tickets AS t WHERE t.id = ?1", ticket_columns(m_db->dialect())));
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return read_ticket(statement);
}

std::vector<Ticket> Store::find_tickets(const Filter& filter, std::span<const SortKey> sort, std::int64_t limit) {
    std::vector<Ticket> tickets;
    each_ticket(filter, sort, limit, [&](Ticket&& ticket) {
        tickets.push_back(std::move(ticket));
        return true;
    });
    return tickets;
}

void Store::each_ticket(const Filter& filter, std::span<const SortKey> sort, std::int64_t limit,
                        const std::function<bool(Ticket&&)>& visit) {
    const auto query = store::build_ticket_query(filter, sort, limit, m_db->dialect());
    auto statement =
        m_db->prepare(fmt::format("SELECT {} FROM tickets AS t{}", ticket_columns(m_db->dialect()), query.sql));
    store::bind_parameters(statement, query.parameters);
    while (statement.step()) {
        if (!visit(read_ticket(statement))) {
            return;  // the statement is reset as it goes
        }
    }
}

std::vector<Message> Store::messages(TicketId id) {
    auto statement = m_db->prepare(
        "SELECT id, ticket_id, direction, message_id, in_reply_to, author, subject, body, auto, "
        "created_at, sent_at, channel, rating FROM messages WHERE ticket_id = ?1 ORDER BY created_at, id");
    statement.bind(1, id);
    std::vector<Message> messages;
    while (statement.step()) {
        Message message;
        message.id = statement.integer(0);
        message.ticket_id = statement.integer(1);
        message.direction = parse_direction(statement.text(2)).value_or(Direction::in);
        message.message_id = statement.optional_text(3);
        message.in_reply_to = statement.optional_text(4);
        message.author = statement.text(5);
        message.subject = statement.text(6);
        message.body = statement.text(7);
        message.automatic = statement.integer(8) != 0;
        message.created_at = statement.integer(9);
        message.sent_at = statement.optional_integer(10);
        if (const auto channel = statement.optional_text(11)) {
            message.channel = parse_channel(*channel);
        }
        if (const auto rating = statement.optional_integer(12)) {
            message.rating = static_cast<int>(*rating);
        }
        messages.push_back(std::move(message));
    }
    return messages;
}

std::vector<Event> Store::events(TicketId id) {
    auto statement = m_db->prepare("SELECT id, ticket_id, at, actor, kind, detail FROM events "
                                   "WHERE ticket_id = ?1 ORDER BY at, id");
    statement.bind(1, id);
    std::vector<Event> events;
    while (statement.step()) {
        events.push_back(Event{statement.integer(0), statement.integer(1), statement.integer(2), statement.text(3),
                               statement.text(4), statement.text(5)});
    }
    return events;
}

int Store::schema_version() {
    return store::schema_version(*m_db);
}

}  // namespace tkt
