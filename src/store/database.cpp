#include "store/database.hpp"

#include "core/error.hpp"

#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <thread>
#include <unistd.h>
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

}  // namespace

void throw_sqlite_error(sqlite3* db, int code, std::string_view what) {
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

Statement::Statement(sqlite3* db, sqlite3_stmt* statement, bool* in_use)
    : m_db(db), m_statement(statement), m_in_use(in_use) {}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_statement(std::exchange(other.m_statement, nullptr)),
      m_in_use(std::exchange(other.m_in_use, nullptr)) {}

Statement::~Statement() {
    if (m_in_use == nullptr) {
        sqlite3_finalize(m_statement);
        return;
    }
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    *m_in_use = false;
}

void Statement::check_bind(int code) {
    if (code != SQLITE_OK) {
        throw_sqlite_error(m_db, code, "preparing a query on");
    }
}

Statement& Statement::bind(int index, std::int64_t value) {
    check_bind(sqlite3_bind_int64(m_statement, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    check_bind(sqlite3_bind_text64(m_statement, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    check_bind(sqlite3_bind_blob64(m_statement, index, bytes.data(), bytes.size(), SQLITE_STATIC));
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    if (!value) {
        check_bind(sqlite3_bind_null(m_statement, index));
        return *this;
    }
    return bind(index, std::string_view(*value));
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    if (!value) {
        check_bind(sqlite3_bind_null(m_statement, index));
        return *this;
    }
    return bind(index, *value);
}

bool Statement::step() {
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

void Statement::run() {
    while (step()) {
    }
}

std::int64_t Statement::returned_id() {
    if (!step()) {
        throw Error(Exit::software, "an INSERT ... RETURNING id returned no row");
    }
    const std::int64_t id = integer(0);
    run();
    return id;
}

std::int64_t Statement::integer(int index) const {
    return sqlite3_column_int64(m_statement, index);
}

std::string Statement::text(int index) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, index));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index));
    return data ? std::string(data, size) : std::string();
}

int Statement::parameter_count() const {
    return sqlite3_bind_parameter_count(m_statement);
}

bool Statement::is_null(int index) const {
    return sqlite3_column_type(m_statement, index) == SQLITE_NULL;
}

std::optional<std::string> Statement::optional_text(int index) const {
    return is_null(index) ? std::nullopt : std::optional(text(index));
}

std::optional<std::int64_t> Statement::optional_integer(int index) const {
    return is_null(index) ? std::nullopt : std::optional(integer(index));
}

Database::Database(const std::filesystem::path& path, std::chrono::milliseconds lock_timeout)
    : m_path(path), m_lock_timeout(lock_timeout) {
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
        exec("PRAGMA foreign_keys = ON");
        if (!in_memory) {
            exec("PRAGMA journal_mode = WAL");
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

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)), m_lock_timeout(other.m_lock_timeout),
      m_cache(std::move(other.m_cache)) {}

Database::~Database() {
    for (auto& [sql, cached] : m_cache) {
        sqlite3_finalize(cached.statement);
    }
    sqlite3_close_v2(m_db);
}

void Database::exec(std::string_view sql) {
    const std::string text(sql);
    const int code = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
        throw_sqlite_error(m_db, code, "opening");
    }
}

Statement Database::prepare(std::string_view sql) {
    auto [entry, added] = m_cache.try_emplace(std::string(sql));
    CachedStatement& cached = entry->second;
    // A statement still stepping elsewhere (a nested query) gets a private copy.
    const bool shared = !cached.in_use;
    if (shared && cached.statement != nullptr) {
        cached.in_use = true;
        return Statement(m_db, cached.statement, &cached.in_use);
    }
    sqlite3_stmt* statement = nullptr;
    const int code = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()),
                                        shared ? SQLITE_PREPARE_PERSISTENT : 0, &statement, nullptr);
    if (code != SQLITE_OK) {
        if (added) {
            m_cache.erase(entry);
        }
        throw_sqlite_error(m_db, code, "reading");
    }
    if (!shared) {
        return Statement(m_db, statement);
    }
    cached.statement = statement;
    cached.in_use = true;
    return Statement(m_db, statement, &cached.in_use);
}

void Database::retry_while_busy(std::string_view sql, std::string_view what) {
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

void Database::begin(TransactionKind kind) {
    retry_while_busy(kind == TransactionKind::write ? "BEGIN IMMEDIATE" : "BEGIN", "locking");
}

void Database::commit() {
    retry_while_busy("COMMIT", "writing");
}

void Database::rollback() noexcept {
    if (!sqlite3_get_autocommit(m_db)) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

std::int64_t Database::changes() const {
    return sqlite3_changes64(m_db);
}

Transaction::Transaction(Database& db, TransactionKind kind) : m_db(&db), m_kind(kind) {
    if (kind == TransactionKind::savepoint) {
        db.exec("SAVEPOINT tkt_step");
    } else {
        db.begin(kind);
    }
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_kind(other.m_kind) {}

Transaction::~Transaction() {
    if (m_db == nullptr) {
        return;
    }
    if (m_kind == TransactionKind::savepoint) {
        try {
            m_db->exec("ROLLBACK TO tkt_step; RELEASE tkt_step");
        } catch (const Error&) {
            // The enclosing transaction is gone already; its own rollback covers this.
        }
    } else {
        m_db->rollback();
    }
}

void Transaction::commit() {
    if (m_kind == TransactionKind::savepoint) {
        m_db->exec("RELEASE tkt_step");
    } else {
        m_db->commit();
    }
    m_db = nullptr;
}

}  // namespace tkt::store
