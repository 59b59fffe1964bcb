// Internal to src/store/. A thin RAII wrapper over SQLite: the only code that includes sqlite3.h.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace tkt::store {

// A prepared statement; parameters are 1-based, columns 0-based.
class Statement {
public:
    // Wraps `statement`; with `in_use`, it belongs to the connection's cache, and is
    // reset and handed back (by clearing the flag) rather than finalized.
    Statement(sqlite3* db, sqlite3_stmt* statement, bool* in_use = nullptr);
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
    // Binds `bytes` as a BLOB.
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

    // Returns the largest parameter number the statement uses (?N): binding past it fails.
    int parameter_count() const;
    std::optional<std::string> optional_text(int index) const;
    std::optional<std::int64_t> optional_integer(int index) const;

private:
    void check_bind(int code);

    sqlite3* m_db;
    sqlite3_stmt* m_statement;
    bool* m_in_use;
};

// Whether a transaction takes the write lock at once (see DESIGN.md 3), or is a
// savepoint nested in an open transaction.
enum class TransactionKind { read, write, savepoint };

// One connection to one database file.
class Database {
public:
    // Opens `path` (":memory:" for a private in-memory database), creating the file with
    // mode 0600 and its folder when missing; waits up to `lock_timeout` for locks.
    Database(const std::filesystem::path& path, std::chrono::milliseconds lock_timeout);
    Database(Database&& other) noexcept;
    Database& operator=(Database&&) = delete;
    Database(const Database&) = delete;
    ~Database();

    // Runs `sql`, one or more statements without parameters.
    void exec(std::string_view sql);

    // Prepares one statement, compiled once per connection and reused after.
    Statement prepare(std::string_view sql);

    // Begins a transaction of `kind`, retrying a busy database with backoff until the
    // lock timeout; past it throws a temporary failure (exit 75).
    void begin(TransactionKind kind);

    // Commits, retrying while busy like begin().
    void commit();

    // Rolls back; never throws.
    void rollback() noexcept;

    // Returns the number of rows the last statement changed.
    std::int64_t changes() const;

    // Returns the path the database was opened with.
    const std::filesystem::path& path() const { return m_path; }

private:
    void retry_while_busy(std::string_view sql, std::string_view what);

    struct CachedStatement {
        sqlite3_stmt* statement = nullptr;
        bool in_use = false;
    };

    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    std::chrono::milliseconds m_lock_timeout;
    // Compiling SQL was a quarter of an import's time; nodes keep `in_use` addresses stable.
    std::unordered_map<std::string, CachedStatement> m_cache;
};

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

// Throws the tkt::Error for SQLite result `code` on `db` while doing `what`.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int code, std::string_view what);

}  // namespace tkt::store
