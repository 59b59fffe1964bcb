// The PostgreSQL backend of Database, over libpq, and the whole of the module
// tkt-postgres.so: the only file that includes libpq-fe.h. Statements keep the store's SQLite-style parameters (?1, ?2,
// ...), made $1, $2, ... here; each is prepared once per connection for the types bound to it.
#include "core/error.hpp"
#include "store/database.hpp"

#include <charconv>
#include <fmt/format.h>
#include <libpq-fe.h>
#include <map>
#include <poll.h>
#include <thread>
#include <utility>
#include <vector>

namespace tkt::store {
namespace {

// The type OIDs tkt binds (PostgreSQL's catalog/pg_type.dat; stable since 7.x).
constexpr Oid k_unknown_oid = 0;  // NULL: the server infers the type from the statement
constexpr Oid k_bool_oid = 16;
constexpr Oid k_bytea_oid = 17;
constexpr Oid k_int8_oid = 20;
constexpr Oid k_text_oid = 25;

// A write transaction holds this advisory lock until it ends, so that writers queue
// one at a time as SQLite's BEGIN IMMEDIATE makes them ("tkt" in ASCII).
constexpr std::int64_t k_write_lock = 0x746b74;

struct ResultDeleter {
    void operator()(PGresult* result) const noexcept { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// Returns `sql` with its ?N parameters written $N, and sets `count` to the largest N.
// A '?' in a quoted string, a quoted identifier or a comment is left as it is.
std::string with_dollar_parameters(std::string_view sql, int& count) {
    std::string out;
    out.reserve(sql.size());
    count = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            const std::size_t end = sql.find(c, i + 1);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
            out.append(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const std::size_t end = sql.find('\n', i);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
            out.append(sql.substr(i, stop - i));
            i = stop - 1;
        } else if (c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            int number = 0;
            const auto [end, error] = std::from_chars(sql.data() + i + 1, sql.data() + sql.size(), number);
            out += '$';
            out.append(sql.data() + i + 1, end);
            count = std::max(count, number);
            i = static_cast<std::size_t>(end - sql.data()) - 1;
        } else {
            out += c;
        }
    }
    return out;
}

// The SQLSTATE of `result`, "" when it has none.
std::string_view sqlstate_of(const PGresult* result) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    return state ? state : "";
}

// The first line of libpq's message, without its "ERROR:" prefix.
std::string first_line(const char* message) {
    std::string text = message ? message : "";
    if (const auto end = text.find('\n'); end != std::string::npos) {
        text.resize(end);
    }
    // The server's severity, at the start or after libpq's "connection ... failed: ".
    for (const std::string_view severity : {"ERROR:  ", "FATAL:  "}) {
        for (auto at = text.find(severity); at != std::string::npos; at = text.find(severity, at)) {
            text.erase(at, severity.size());
        }
    }
    return text;
}

// Returns the exit code of SQLSTATE `state`: what passes (the connection, a lock, a
// serialization failure, the server's resources) is temporary (75), so that a mail
// server retries; a refused login or privilege is 77; a broken constraint, the data's
// fault (65); anything else an I/O failure (74).
Exit exit_for(std::string_view state) {
    const std::string_view category = state.substr(0, std::min<std::size_t>(2, state.size()));
    if (category == "08" || category == "53" || category == "57" || category == "40" || state == "55P03") {
        return Exit::temp_fail;
    }
    if (category == "28" || state == "42501") {
        return Exit::no_perm;
    }
    if (category == "23") {
        return Exit::data;
    }
    return Exit::io;
}

// Returns the words for a connection that failed (`conn` is not OK): a refused login is
// exit 77 with the server's reason, anything else (no server, a network down) 75.
Error connection_error(PGconn* conn, const std::string& name) {
    const std::string reason = first_line(PQerrorMessage(conn));
    const bool refused =
        PQconnectionNeedsPassword(conn) || reason.find("authentication failed") != std::string::npos ||
        reason.find("no pg_hba.conf entry") != std::string::npos ||
        (reason.find("role \"") != std::string::npos && reason.find("does not exist") != std::string::npos);
    if (refused) {
        return Error(Exit::no_perm, fmt::format("database '{}' refused the login: {}", name, reason));
    }
    // As a missing file is (66): a mistyped name is not a wish for an empty desk.
    if (reason.find("database \"") != std::string::npos && reason.find("does not exist") != std::string::npos) {
        return Error(Exit::no_input, fmt::format("no database '{}' on the server (create it with createdb, or "
                                                 "check --db and TKT_DB): {}",
                                                 name, reason));
    }
    return Error(Exit::temp_fail, fmt::format("cannot reach database '{}': {}; try again", name, reason));
}

// Returns `uri` as messages name it: the password, if any, left out.
std::string without_password(std::string_view uri) {
    const auto scheme = uri.find("://");
    const auto at = uri.find('@');
    if (scheme == std::string_view::npos || at == std::string_view::npos) {
        return std::string(uri);
    }
    const auto colon = uri.find(':', scheme + 3);
    if (colon == std::string_view::npos || colon > at) {
        return std::string(uri);
    }
    return fmt::format("{}{}", uri.substr(0, colon), uri.substr(at));
}

class PostgresDatabase;

// One statement's parameters and, once run, its result, read row by row.
class PostgresCursor final : public Cursor {
public:
    PostgresCursor(PostgresDatabase& db, std::string sql, int parameter_count);

    void bind_integer(int index, std::int64_t value) override { set(index, std::to_string(value), k_int8_oid); }
    void bind_text(int index, std::string_view value) override { set(index, std::string(value), k_text_oid); }
    void bind_blob(int index, std::string_view bytes) override { set(index, std::string(bytes), k_bytea_oid, 1); }
    void bind_null(int index) override {
        check_index(index);
        m_values[slot(index)].reset();
        m_types[slot(index)] = k_unknown_oid;
    }

    bool step() override;

    std::int64_t integer(int index) const override;
    std::string text(int index) const override;
    bool is_null(int index) const override { return PQgetisnull(m_result.get(), m_row, index) != 0; }
    int parameter_count() const override { return static_cast<int>(m_values.size()); }

    void release() noexcept override { finish(); }

private:
    static std::size_t slot(int index) { return static_cast<std::size_t>(index - 1); }
    void check_index(int index) const;
    void set(int index, std::string value, Oid type, int format = 0) {
        check_index(index);
        m_values[slot(index)] = std::move(value);
        m_types[slot(index)] = type;
        m_formats[slot(index)] = format;
    }
    void finish() noexcept {
        m_result.reset();
        m_row = -1;
    }

    PostgresDatabase& m_db;
    std::string m_sql;
    std::vector<std::optional<std::string>> m_values;
    std::vector<Oid> m_types;
    std::vector<int> m_formats;
    Result m_result;
    int m_row = -1;
};

class PostgresDatabase final : public Database {
public:
    PostgresDatabase(const std::string& uri, std::chrono::milliseconds lock_timeout);
    PostgresDatabase(const PostgresDatabase&) = delete;
    PostgresDatabase& operator=(const PostgresDatabase&) = delete;
    ~PostgresDatabase() override { PQfinish(m_conn); }

    void exec(std::string_view sql) override { check(Result(PQexec(m_conn, std::string(sql).c_str())), "writing to"); }
    Statement prepare(std::string_view sql) override {
        int count = 0;
        std::string text = with_dollar_parameters(sql, count);
        auto cursor = std::make_unique<PostgresCursor>(*this, std::move(text), count);
        PostgresCursor& mine = *cursor;
        return Statement(mine, std::move(cursor));
    }

    void begin(TransactionKind kind) override;
    void commit() override { check(Result(PQexec(m_conn, "COMMIT")), "writing to"); }
    void rollback() noexcept override {
        if (PQtransactionStatus(m_conn) != PQTRANS_IDLE) {
            Result(PQexec(m_conn, "ROLLBACK"));
        }
    }

    std::int64_t changes() const override { return m_changes; }
    const std::string& name() const override { return m_name; }
    Dialect dialect() const override { return Dialect::postgres; }

    // The version is the one row of tkt_schema, in the connection's current schema
    // (there is no PRAGMA user_version): none yet is 0. Whether the table exists is read
    // from the catalog under the statement's snapshot: to_regclass would answer from the
    // session's cache, which a transaction that began before another process made the
    // schema may not have refreshed (eight first mails at once then saw "no schema").
    int schema_version() override {
        auto exists = prepare("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables "
                              "WHERE schemaname = current_schema() AND tablename = 'tkt_schema')");
        exists.step();
        const bool present = exists.integer(0) != 0;
        exists.run();
        if (!present) {
            return 0;
        }
        auto version = prepare("SELECT coalesce(max(version), 0) FROM tkt_schema");
        version.step();
        const auto value = static_cast<int>(version.integer(0));
        version.run();
        return value;
    }
    void set_schema_version(int version) override {
        exec(fmt::format("CREATE TABLE IF NOT EXISTS tkt_schema (version INTEGER NOT NULL); DELETE FROM tkt_schema; "
                         "INSERT INTO tkt_schema (version) VALUES ({})",
                         version));
    }
    // LISTEN on the channel the events trigger notifies (migration 7), then wait on the
    // connection's socket.
    bool wait_for_change(std::chrono::milliseconds timeout) override {
        if (!m_listening) {
            exec("LISTEN tkt_events");
            m_listening = true;
            return false;
        }
        if (take_notifications()) {
            return true;
        }
        pollfd socket{PQsocket(m_conn), POLLIN, 0};
        const int ready = ::poll(&socket, 1, static_cast<int>(timeout.count()));
        if (ready <= 0) {
            return false;  // the time ran out, or a signal came
        }
        if (PQconsumeInput(m_conn) == 0) {
            throw Error(Exit::temp_fail, fmt::format("lost the connection to database '{}': {}; try again", m_name,
                                                     first_line(PQerrorMessage(m_conn))));
        }
        return take_notifications();
    }
    std::vector<std::string> tables() override {
        std::vector<std::string> names;
        auto rows = prepare("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                            "AND table_type = 'BASE TABLE' AND table_name <> 'tkt_schema' ORDER BY table_name");
        while (rows.step()) {
            names.push_back(rows.text(0));
        }
        return names;
    }
    std::vector<Column> columns(std::string_view table) override {
        std::vector<Column> found;
        auto rows = prepare("SELECT column_name, data_type FROM information_schema.columns "
                            "WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position");
        rows.bind(1, table);
        while (rows.step()) {
            found.push_back(Column{rows.text(0), column_kind(rows.text(1))});
        }
        return found;
    }
    bool holds_other_tables() override {
        auto tables = prepare("SELECT count(*) FROM information_schema.tables "
                              "WHERE table_schema = current_schema() AND table_name <> 'tkt_schema'");
        tables.step();
        const bool any = tables.integer(0) > 0;
        tables.run();
        return any;
    }

    // Runs `sql` (with $N parameters) prepared once per connection for `types`, and
    // returns its result; throws the Error of a failure.
    Result run(const std::string& sql, const std::vector<Oid>& types, const std::vector<const char*>& values,
               const std::vector<int>& lengths, const std::vector<int>& formats);

    // Returns `result` when it succeeded, recording the rows it changed; throws the
    // Error of its failure, doing `what`, otherwise.
    Result check(Result result, std::string_view what);

private:
    // Returns true when notifications came, freeing them.
    bool take_notifications() {
        bool any = false;
        while (PGnotify* notification = PQnotifies(m_conn)) {
            PQfreemem(notification);
            any = true;
        }
        return any;
    }

    PGconn* m_conn = nullptr;
    bool m_listening = false;
    std::string m_name;
    // The statements run, by text and parameter types: the name of their prepared form,
    // "" while they ran once only.
    std::map<std::pair<std::string, std::vector<Oid>>, std::string> m_prepared;
    int m_prepared_count = 0;
    std::int64_t m_changes = 0;
};

PostgresCursor::PostgresCursor(PostgresDatabase& db, std::string sql, int parameter_count)
    : m_db(db), m_sql(std::move(sql)), m_values(static_cast<std::size_t>(parameter_count)),
      m_types(static_cast<std::size_t>(parameter_count), k_unknown_oid),
      m_formats(static_cast<std::size_t>(parameter_count), 0) {}

void PostgresCursor::check_index(int index) const {
    if (index < 1 || static_cast<std::size_t>(index) > m_values.size()) {
        throw Error(Exit::software, fmt::format("parameter {} is not in: {}", index, m_sql));
    }
}

bool PostgresCursor::step() {
    if (!m_result) {
        std::vector<const char*> values;
        std::vector<int> lengths;
        for (const auto& value : m_values) {
            values.push_back(value ? value->c_str() : nullptr);
            lengths.push_back(value ? static_cast<int>(value->size()) : 0);
        }
        m_result = m_db.run(m_sql, m_types, values, lengths, m_formats);
        m_row = -1;
    }
    if (++m_row < PQntuples(m_result.get())) {
        return true;
    }
    // At the end, ready to be bound and run again, as a SQLite statement is.
    finish();
    return false;
}

std::int64_t PostgresCursor::integer(int index) const {
    const char* value = PQgetvalue(m_result.get(), m_row, index);
    if (PQftype(m_result.get(), index) == k_bool_oid) {
        return value[0] == 't' ? 1 : 0;
    }
    std::int64_t number = 0;
    std::from_chars(value, value + std::char_traits<char>::length(value), number);
    return number;
}

std::string PostgresCursor::text(int index) const {
    const char* value = PQgetvalue(m_result.get(), m_row, index);
    if (PQftype(m_result.get(), index) == k_bytea_oid) {
        std::size_t size = 0;
        unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(value), &size);
        if (bytes == nullptr) {
            throw Error(Exit::temp_fail, "out of memory reading a message from the database");
        }
        std::string out(reinterpret_cast<const char*>(bytes), size);
        PQfreemem(bytes);
        return out;
    }
    return std::string(value, static_cast<std::size_t>(PQgetlength(m_result.get(), m_row, index)));
}

PostgresDatabase::PostgresDatabase(const std::string& uri, std::chrono::milliseconds lock_timeout)
    : m_name(without_password(uri)) {
    // A URI libpq cannot read is a mistake in --db or TKT_DB, not a server to retry.
    char* parse_error = nullptr;
    if (PQconninfoOption* options = PQconninfoParse(uri.c_str(), &parse_error)) {
        PQconninfoFree(options);
    } else {
        const std::string reason = first_line(parse_error ? parse_error : "out of memory");
        PQfreemem(parse_error);
        throw Error(Exit::config, fmt::format("invalid database URI '{}': {}", m_name, reason));
    }
    m_conn = PQconnectdb(uri.c_str());
    if (m_conn == nullptr) {
        throw Error(Exit::temp_fail, fmt::format("cannot reach database '{}': out of memory", m_name));
    }
    // Server notices ("table does not exist, skipping") are not tkt's to print.
    PQsetNoticeProcessor(
        m_conn, [](void*, const char*) {}, nullptr);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const Error error = connection_error(m_conn, m_name);
        PQfinish(std::exchange(m_conn, nullptr));
        throw error;
    }
    try {
        exec(fmt::format("SET client_encoding = 'UTF8'; SET lock_timeout = {}; SET application_name = 'tkt'",
                         lock_timeout.count()));
    } catch (...) {
        PQfinish(std::exchange(m_conn, nullptr));
        throw;
    }
}

void PostgresDatabase::begin(TransactionKind kind) {
    if (kind == TransactionKind::write) {
        try {
            exec(fmt::format("BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({})", k_write_lock));
        } catch (...) {
            // A lock not had in time leaves the transaction aborted: end it, as a
            // BEGIN IMMEDIATE that fails leaves none.
            rollback();
            throw;
        }
    } else {
        // One snapshot for the whole read, as a SQLite read transaction sees.
        exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
}

Result PostgresDatabase::run(const std::string& sql, const std::vector<Oid>& types,
                             const std::vector<const char*>& values, const std::vector<int>& lengths,
                             const std::vector<int>& formats) {
    const int count = static_cast<int>(values.size());
    // Most statements of a short-lived process run once: sent with their values in one
    // round trip. One that runs again is prepared then, and runs from its plan after.
    auto [entry, added] = m_prepared.try_emplace({sql, types});
    if (added) {
        return check(Result(PQexecParams(m_conn, sql.c_str(), count, types.data(), values.data(), lengths.data(),
                                         formats.data(), 0)),
                     "reading or writing");
    }
    if (entry->second.empty()) {
        const std::string name = fmt::format("tkt_{}", ++m_prepared_count);
        check(Result(PQprepare(m_conn, name.c_str(), sql.c_str(), static_cast<int>(types.size()), types.data())),
              "reading");
        entry->second = name;
    }
    return check(
        Result(PQexecPrepared(m_conn, entry->second.c_str(), count, values.data(), lengths.data(), formats.data(), 0)),
        "reading or writing");
}

Result PostgresDatabase::check(Result result, std::string_view what) {
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        // As sqlite3_changes: the rows the last INSERT, UPDATE or DELETE changed; a
        // query or a BEGIN leaves the count as it was.
        const std::string_view command = PQcmdStatus(result.get());
        if (command.starts_with("INSERT") || command.starts_with("UPDATE") || command.starts_with("DELETE")) {
            const char* changed = PQcmdTuples(result.get());
            m_changes = 0;
            std::from_chars(changed, changed + std::char_traits<char>::length(changed), m_changes);
        }
        return result;
    }
    const std::string_view state = sqlstate_of(result.get());
    // No SQLSTATE: the server never answered (libpq may not have marked the connection
    // bad yet when a write found it closed).
    if (PQstatus(m_conn) != CONNECTION_OK || state.empty()) {
        throw Error(Exit::temp_fail, fmt::format("lost the connection to database '{}' while {} it: {}; try again",
                                                 m_name, what, first_line(PQerrorMessage(m_conn))));
    }
    const std::string reason = first_line(result ? PQresultErrorMessage(result.get()) : PQerrorMessage(m_conn));
    if (state == "55P03") {
        throw Error(Exit::temp_fail, fmt::format("database '{}' is locked by another process; try again", m_name));
    }
    const Exit code = exit_for(state);
    if (code == Exit::temp_fail) {
        throw Error(code, fmt::format("{} '{}' failed: {}; try again", what, m_name, reason));
    }
    throw Error(code, fmt::format("{} '{}' failed: {}", what, m_name, reason));
}

std::unique_ptr<Database> connect(const std::string& uri, std::chrono::milliseconds lock_timeout) {
    return std::make_unique<PostgresDatabase>(uri, lock_timeout);
}

}  // namespace
}  // namespace tkt::store

// The entry point of tkt-postgres.so.
extern "C" __attribute__((visibility("default"))) const tkt::store::PostgresApi* tkt_postgres_api() {
    static const tkt::store::PostgresApi api{tkt::store::connect};
    return &api;
}
