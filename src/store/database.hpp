// Internal to src/store/. The connection to a database as the store uses it: prepared
// statements with numbered parameters (?1, ?2, ...), transactions, and every failure a
// tkt::Error with the exit code DESIGN.md gives it. Backends implement Database and
// Cursor: database_sqlite.cpp (the only file that includes sqlite3.h) and
// database_postgres.cpp (the only one with libpq-fe.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tkt::store {

// A backend's prepared statement: what Statement forwards to. Parameters are 1-based,
// columns 0-based.
class Cursor {
public:
    virtual ~Cursor() = default;
    virtual void bind_integer(int index, std::int64_t value) = 0;
    virtual void bind_text(int index, std::string_view value) = 0;
    // The bytes must stay alive until the statement has run.
    virtual void bind_blob(int index, std::string_view bytes) = 0;
    virtual void bind_null(int index) = 0;
    // Runs one step; true while a row is available. At the end the cursor is ready to
    // be bound and run again.
    virtual bool step() = 0;
    virtual std::int64_t integer(int index) const = 0;
    virtual std::string text(int index) const = 0;
    virtual bool is_null(int index) const = 0;
    // The largest parameter number the statement uses: binding past it fails.
    virtual int parameter_count() const = 0;
    // Called when its Statement is done with it: reset, bindings cleared, free for the
    // next prepare of the same SQL.
    virtual void release() noexcept = 0;
};

// A prepared statement, for as long as one query runs.
class Statement {
public:
    // Uses `cursor` and releases it when done; `owned`, when given, is `cursor` itself,
    // a private one deleted with the statement.
    explicit Statement(Cursor& cursor, std::unique_ptr<Cursor> owned = nullptr);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement();

    // Binds `value` to the parameter at `index`; nullopt binds NULL.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bind(int index, const std::optional<std::int64_t>& value);
    // Binds `bytes` as a BLOB; they must stay alive until the statement has run.
    Statement& bind_blob(int index, std::string_view bytes);

    // Runs one step; returns true while a row is available. At the end the statement
    // is reset, ready to be bound and run again.
    bool step();
    // Runs the statement to completion, for statements that return no rows.
    void run();
    // Runs an INSERT ... RETURNING id and returns the id of the row it made.
    std::int64_t returned_id();

    // Returns column `index` of the current row.
    std::int64_t integer(int index) const;
    std::string text(int index) const;
    bool is_null(int index) const;
    std::optional<std::string> optional_text(int index) const;
    std::optional<std::int64_t> optional_integer(int index) const;
    // Returns the largest parameter number the statement uses (?N): binding past it fails.
    int parameter_count() const;

private:
    Cursor* m_cursor;
    std::unique_ptr<Cursor> m_owned;
};

// Whether a transaction takes the write lock at once (see DESIGN.md 3), or is a
// savepoint nested in an open transaction.
enum class TransactionKind { read, write, savepoint };

// The SQL a database speaks, where the two differ.
enum class Dialect { sqlite, postgres };

// What a column holds, as a copy between backends reads and binds it.
enum class ColumnKind { integer, text, blob };

struct Column {
    std::string name;
    ColumnKind kind = ColumnKind::text;
};

// One connection to one database.
class Database {
public:
    virtual ~Database() = default;

    virtual Dialect dialect() const = 0;

    // Runs `sql`, one or more statements without parameters.
    virtual void exec(std::string_view sql) = 0;
    // Prepares one statement, compiled once per connection and reused after.
    virtual Statement prepare(std::string_view sql) = 0;

    // Begins a transaction of `kind` (read or write), retrying a busy database with
    // backoff until the lock timeout; past it throws a temporary failure (exit 75).
    virtual void begin(TransactionKind kind) = 0;
    // Commits, retrying while busy like begin().
    virtual void commit() = 0;
    // Rolls back; never throws.
    virtual void rollback() noexcept = 0;

    // Returns the number of rows the last statement changed.
    virtual std::int64_t changes() const = 0;
    // Returns the database as messages name it: a file's path, a URI without password.
    virtual const std::string& name() const = 0;

    // Returns the schema version recorded (0 for a new database); records `version`.
    virtual int schema_version() = 0;
    virtual void set_schema_version(int version) = 0;
    // Returns true when the database holds tables that are not tkt's own bookkeeping:
    // at schema 0, another program's database, which tkt never adds its tables to.
    virtual bool holds_other_tables() = 0;
    // Waits up to `timeout` for another connection to commit a change (on PostgreSQL,
    // one that recorded events); returns true when one came, false when the time ran
    // out or a signal interrupted the wait. The first call only starts listening.
    virtual bool wait_for_change(std::chrono::milliseconds timeout) = 0;
    // Returns the names of the tables of the schema (tkt's bookkeeping left out).
    virtual std::vector<std::string> tables() = 0;
    // Returns the columns of `table`, in their order.
    virtual std::vector<Column> columns(std::string_view table) = 0;
};

// Returns the kind of a column declared `declared_type` (SQLite's INTEGER, TEXT and
// BLOB; PostgreSQL's bigint, text and bytea).
ColumnKind column_kind(std::string_view declared_type);

// Opens the SQLite database `path` (":memory:" for a private in-memory one), creating
// the file with mode 0600 and its folder when missing, in WAL mode with every commit
// synced; waits up to `lock_timeout` for locks.
std::unique_ptr<Database> open_sqlite(const std::filesystem::path& path, std::chrono::milliseconds lock_timeout);

// Connects to the PostgreSQL database `uri` (libpq's URI: its keywords, the PG*
// variables and ~/.pgpass apply), waiting up to `lock_timeout` for locks. A server
// that cannot be reached is exit 75, a refused login 77 with the server's reason.
// The backend is the module tkt-postgres.so, opened on the first call: libpq and what
// it loads (OpenSSL, Kerberos, LDAP) would cost every SQLite process ~3 ms.
std::unique_ptr<Database> open_postgres(const std::string& uri, std::chrono::milliseconds lock_timeout);

// What tkt-postgres.so exports (database_postgres.cpp): one function returning this.
struct PostgresApi {
    std::unique_ptr<Database> (*open)(const std::string& uri, std::chrono::milliseconds lock_timeout);
};
inline constexpr const char* k_postgres_entry_point = "tkt_postgres_api";

// A transaction that rolls back when destroyed unless commit() was called.
class Transaction {
public:
    // Begins a transaction of `kind` on `db` (see Database::begin).
    Transaction(Database& db, TransactionKind kind);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    ~Transaction();

    // Commits the transaction; after this the destructor does nothing.
    void commit();

private:
    Database* m_db;
    TransactionKind m_kind;
};

}  // namespace tkt::store
