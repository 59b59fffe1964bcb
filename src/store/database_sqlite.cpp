// The SQLite backend of Database: the only file that includes sqlite3.h.
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/fts5_tokenizer.hpp"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <list>
#include <optional>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <utility>

namespace tkt::store {
namespace {

// Creates `path` with mode 0600 (and its folder with 0700) before SQLite opens it, so
// the database and its -wal and -shm files, which copy its mode, are private.
void create_private_file(const std::filesystem::path& path) {
    std::error_code error;
    const auto parent = path.parent_path();
    if (!parent.empty() && !std::filesystem::exists(parent, error)) {
        std::filesystem::create_directories(parent, error);
        if (error) {
            throw Error(Exit::cant_create,
                        fmt::format("cannot create folder '{}': {}", parent.string(), error.message()));
        }
        std::filesystem::permissions(parent, std::filesystem::perms::owner_all, error);
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
    } else if (errno == EACCES && std::filesystem::exists(parent.empty() ? "." : parent, error)) {
        // The folder is there but closed to this user: say so, not that creating failed.
        throw Error(Exit::cant_create,
                    fmt::format("cannot open database '{}': {}", path.string(), std::strerror(EACCES)));
    } else if (errno != EEXIST) {
        throw Error(Exit::cant_create,
                    fmt::format("cannot create database '{}': {}", path.string(), std::strerror(errno)));
    }
}

std::string database_name(sqlite3* db) {
    const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
    return name && *name ? name : ":memory:";
}

bool writable(const std::string& path) {
    return ::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) == 0;
}

// Why SQLite could not write the database, or in WAL mode even read it (a reader needs
// the -shm file): words a person can act on, or "" when none of these is the cause.
std::string read_only_reason(const std::string& path) {
    if (path.empty() || path == ":memory:") {
        return "";
    }
    struct statvfs fs {};
    if (::statvfs(path.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0) {
        return "it is on a read-only file system";
    }
    if (::access(path.c_str(), F_OK) == 0 && !writable(path)) {
        return "the file is not writable";
    }
    const auto folder = std::filesystem::path(path).parent_path();
    if (!writable(folder.empty() ? "." : folder.string())) {
        return "its folder is not writable (the -wal and -shm files go beside it)";
    }
    for (const char* suffix : {"-shm", "-wal"}) {
        const std::string side = path + suffix;
        if (::access(side.c_str(), F_OK) == 0 && !writable(side)) {
            return fmt::format("'{}' is not writable", side);
        }
    }
    return "";
}

// Throws "database ... is read-only: <reason>" (exit 73) when one of the reasons above
// is why SQLite failed; returns otherwise.
void throw_if_read_only(const std::string& path) {
    if (const std::string reason = read_only_reason(path); !reason.empty()) {
        throw Error(Exit::cant_create, fmt::format("database '{}' is read-only: {}", path, reason));
    }
}

// Throws the tkt::Error for SQLite result `code` on `db` while doing `what`.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int code, std::string_view what) {
    const std::string name = database_name(db);
    const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    if ((code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_CANTOPEN) {
        throw_if_read_only(name);
    }
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw Error(Exit::temp_fail, fmt::format("database '{}' is locked by another process; try again", name));
    case SQLITE_FULL: throw Error(Exit::temp_fail, fmt::format("disk full while {} '{}'", what, name));
    case SQLITE_IOERR:
    case SQLITE_NOMEM: throw Error(Exit::temp_fail, fmt::format("{} '{}' failed: {}", what, name, detail));
    case SQLITE_READONLY: throw Error(Exit::cant_create, fmt::format("database '{}' is read-only", name));
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH: throw Error(Exit::cant_create, fmt::format("cannot open database '{}': {}", name, detail));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        throw Error(Exit::io, fmt::format("database '{}' is corrupt or not a tkt database ({})", name, detail));
    case SQLITE_CONSTRAINT: throw Error(Exit::data, fmt::format("{} '{}' broke a constraint: {}", what, name, detail));
    default: throw Error(Exit::io, fmt::format("{} '{}' failed: {}", what, name, detail));
    }
}

// One prepared SQLite statement. A cached one stays with its connection and is
// reset when released; a private one is finalized with its Statement.
class SqliteCursor final : public Cursor {
public:
    SqliteCursor(sqlite3* db, sqlite3_stmt* statement) : m_db(db), m_statement(statement) {}
    SqliteCursor(const SqliteCursor&) = delete;
    SqliteCursor& operator=(const SqliteCursor&) = delete;
    ~SqliteCursor() override { sqlite3_finalize(m_statement); }

    void bind_integer(int index, std::int64_t value) override {
        check_bind(sqlite3_bind_int64(m_statement, index, value));
    }
    void bind_text(int index, std::string_view value) override {
        check_bind(sqlite3_bind_text64(m_statement, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    }
    void bind_blob(int index, std::string_view bytes) override {
        check_bind(sqlite3_bind_blob64(m_statement, index, bytes.data(), bytes.size(), SQLITE_STATIC));
    }
    void bind_null(int index) override { check_bind(sqlite3_bind_null(m_statement, index)); }

    bool step() override {
        const int code = sqlite3_step(m_statement);
        if (code == SQLITE_ROW) {
            return true;
        }
        // Reset at the end, so that the statement can be bound and run again.
        sqlite3_reset(m_statement);
        if (code == SQLITE_DONE) {
            return false;
        }
        throw_sqlite_error(m_db, code, "reading or writing");
    }

    std::int64_t integer(int index) const override { return sqlite3_column_int64(m_statement, index); }
    std::string text(int index) const override {
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, index));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index));
        return data ? std::string(data, size) : std::string();
    }
    bool is_null(int index) const override { return sqlite3_column_type(m_statement, index) == SQLITE_NULL; }
    int parameter_count() const override { return sqlite3_bind_parameter_count(m_statement); }

    void release() noexcept override {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        in_use = false;
    }

    bool in_use = false;  // a Statement is using it

private:
    void check_bind(int code) {
        if (code != SQLITE_OK) {
            throw_sqlite_error(m_db, code, "preparing a query on");
        }
    }

    sqlite3* m_db;
    sqlite3_stmt* m_statement;
};

class SqliteDatabase final : public Database {
public:
    SqliteDatabase(const std::filesystem::path& path, std::chrono::milliseconds lock_timeout);
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;
    ~SqliteDatabase() override;

    void exec(std::string_view sql) override;
    Statement prepare(std::string_view sql) override;
    void begin(TransactionKind kind) override;
    void commit() override;
    void rollback() noexcept override;
    std::int64_t changes() const override;
    const std::string& name() const override { return m_name; }
    Dialect dialect() const override { return Dialect::sqlite; }

    int schema_version() override {
        auto statement = prepare("PRAGMA user_version");
        statement.step();
        const auto version = static_cast<int>(statement.integer(0));
        statement.run();
        return version;
    }
    void set_schema_version(int version) override { exec(fmt::format("PRAGMA user_version = {}", version)); }
    bool holds_other_tables() override {
        auto tables = prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
        tables.step();
        const bool any = tables.integer(0) > 0;
        tables.run();
        return any;
    }
    // PRAGMA data_version changes when another connection commits to the file.
    bool wait_for_change(std::chrono::milliseconds timeout) override {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            auto version = prepare("PRAGMA data_version");
            version.step();
            const std::int64_t now = version.integer(0);
            version.run();
            const bool changed = m_data_version && *m_data_version != now;
            const bool first = !m_data_version;
            m_data_version = now;
            if (changed || first || std::chrono::steady_clock::now() >= deadline) {
                return changed;
            }
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (::usleep(static_cast<useconds_t>(std::clamp<std::int64_t>(left.count(), 1, 100) * 1000)) != 0) {
                return false;  // a signal: the caller decides whether to go on
            }
        }
    }
    std::vector<std::string> tables() override {
        std::vector<std::string> names;
        auto rows = prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                            "ESCAPE '\\' ORDER BY name");
        while (rows.step()) {
            names.push_back(rows.text(0));
        }
        return names;
    }
    std::vector<Column> columns(std::string_view table) override {
        std::vector<Column> found;
        auto rows = prepare("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid");
        rows.bind(1, table);
        while (rows.step()) {
            found.push_back(Column{rows.text(0), column_kind(rows.text(1))});
        }
        return found;
    }

private:
    void retry_while_busy(std::string_view sql, std::string_view what);

    sqlite3* m_db = nullptr;
    std::string m_name;
    std::optional<std::int64_t> m_data_version;  // as wait_for_change last read it
    std::chrono::milliseconds m_lock_timeout;
    // Compiling SQL was a quarter of an import's time: each statement is compiled once
    // and kept, the k_cached_statements last used at most. tkt's own statements are a
    // few dozen, but filters make new SQL text (a fuzz run of 10 minutes grew past 2 GB).
    struct Cached {
        std::unique_ptr<SqliteCursor> cursor;
        std::list<std::string_view>::iterator recency;  // its place in m_recency
    };
    static constexpr std::size_t k_cached_statements = 256;
    // Drops the least recently used statements that no Statement holds, down to the bound.
    void trim_cache();
    std::unordered_map<std::string, Cached> m_cache;
    std::list<std::string_view> m_recency;  // the keys of m_cache, most recently used first
};

SqliteDatabase::SqliteDatabase(const std::filesystem::path& path, std::chrono::milliseconds lock_timeout)
    : m_name(path.string()), m_lock_timeout(lock_timeout) {
    const bool in_memory = path == ":memory:";
    if (!in_memory) {
        create_private_file(path);
    }
    const int code = sqlite3_open_v2(
        path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
        nullptr);
    if (code != SQLITE_OK) {
        sqlite3* failed = std::exchange(m_db, nullptr);
        const std::string detail = failed ? sqlite3_errmsg(failed) : sqlite3_errstr(code);
        sqlite3_close(failed);
        throw_if_read_only(path.string());
        throw Error(Exit::cant_create, fmt::format("cannot open database '{}': {}", path.string(), detail));
    }
    // The busy handler waits inside each call; begin() and commit() retry beyond it.
    sqlite3_busy_timeout(m_db, static_cast<int>(std::min<std::chrono::milliseconds::rep>(lock_timeout.count(), 5000)));
    // The last connection checkpoints on close (SQLite's default) on purpose: without
    // it the WAL outlives each short-lived process and every next one rebuilds its
    // index by reading up to 1,000 frames, which made `tkt new` 1.8x slower (bench/).
    try {
        if (!register_search_tokenizer(m_db)) {
            throw Error(Exit::software, "this SQLite has no FTS5, which tkt's search needs");
        }
        exec("PRAGMA foreign_keys = ON");
        if (!in_memory) {
            // Turning a new file to WAL takes an exclusive lock, and SQLite answers busy
            // at once, without its handler, when several processes create the file
            // together (eight first mails at once): retry as a transaction does.
            retry_while_busy("PRAGMA journal_mode = WAL", "opening");
            // FULL, not NORMAL: exit 0 tells a mail server the message is safe to
            // delete, so each commit must reach the disk before tkt exits, also when
            // another process keeps the database open and no checkpoint follows.
            exec("PRAGMA synchronous = FULL");
        }
    } catch (...) {
        // A corrupt or locked file: no destructor runs for a constructor that throws.
        sqlite3_close_v2(std::exchange(m_db, nullptr));
        throw;
    }
}

SqliteDatabase::~SqliteDatabase() {
    m_cache.clear();  // statements are finalized before their connection closes
    m_recency.clear();
    sqlite3_close_v2(m_db);
}

void SqliteDatabase::exec(std::string_view sql) {
    const std::string text(sql);
    const int code = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
        throw_sqlite_error(m_db, code, "opening");
    }
}

Statement SqliteDatabase::prepare(std::string_view sql) {
    auto [entry, added] = m_cache.try_emplace(std::string(sql));
    if (added) {
        entry->second.recency = m_recency.insert(m_recency.begin(), entry->first);
    } else {
        m_recency.splice(m_recency.begin(), m_recency, entry->second.recency);
    }
    std::unique_ptr<SqliteCursor>& cached = entry->second.cursor;
    // A statement still stepping elsewhere (a nested query) gets a private copy.
    const bool shared = cached == nullptr || !cached->in_use;
    if (shared && cached != nullptr) {
        cached->in_use = true;
        return Statement(*cached);
    }
    sqlite3_stmt* statement = nullptr;
    const int code = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()),
                                        shared ? SQLITE_PREPARE_PERSISTENT : 0, &statement, nullptr);
    if (code != SQLITE_OK) {
        if (added) {
            m_recency.erase(entry->second.recency);
            m_cache.erase(entry);
        }
        throw_sqlite_error(m_db, code, "reading");
    }
    auto cursor = std::make_unique<SqliteCursor>(m_db, statement);
    if (!shared) {
        SqliteCursor& mine = *cursor;
        return Statement(mine, std::move(cursor));
    }
    cached = std::move(cursor);
    cached->in_use = true;
    Statement prepared(*cached);
    trim_cache();
    return prepared;
}

void SqliteDatabase::trim_cache() {
    for (auto at = m_recency.end(); m_cache.size() > k_cached_statements && at != m_recency.begin();) {
        --at;
        const auto entry = m_cache.find(std::string(*at));
        if (entry->second.cursor != nullptr && entry->second.cursor->in_use) {
            continue;
        }
        at = m_recency.erase(at);
        m_cache.erase(entry);
    }
}

void SqliteDatabase::retry_while_busy(std::string_view sql, std::string_view what) {
    const std::string text(sql);
    const auto deadline = std::chrono::steady_clock::now() + m_lock_timeout;
    auto pause = std::chrono::milliseconds(2);
    while (true) {
        const int code = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
        const int primary = code & 0xff;
        if (code == SQLITE_OK) {
            return;
        }
        if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) ||
            std::chrono::steady_clock::now() + pause >= deadline) {
            throw_sqlite_error(m_db, code, what);
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(100));
    }
}

void SqliteDatabase::begin(TransactionKind kind) {
    retry_while_busy(kind == TransactionKind::write ? "BEGIN IMMEDIATE" : "BEGIN", "locking");
}

void SqliteDatabase::commit() {
    retry_while_busy("COMMIT", "writing");
}

void SqliteDatabase::rollback() noexcept {
    if (!sqlite3_get_autocommit(m_db)) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

std::int64_t SqliteDatabase::changes() const {
    return sqlite3_changes64(m_db);
}

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::filesystem::path& path, std::chrono::milliseconds lock_timeout) {
    return std::make_unique<SqliteDatabase>(path, lock_timeout);
}

}  // namespace tkt::store
