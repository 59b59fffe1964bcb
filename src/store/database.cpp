#include "store/database.hpp"

#include "core/error.hpp"
#include "core/module_loader.hpp"

#include <cctype>
#include <utility>

namespace tkt::store {

Statement::Statement(Cursor& cursor, std::unique_ptr<Cursor> owned) : m_cursor(&cursor), m_owned(std::move(owned)) {}

Statement::Statement(Statement&& other) noexcept
    : m_cursor(std::exchange(other.m_cursor, nullptr)), m_owned(std::move(other.m_owned)) {}

Statement::~Statement() {
    if (m_cursor != nullptr) {
        m_cursor->release();
    }
}

Statement& Statement::bind(int index, std::int64_t value) {
    m_cursor->bind_integer(index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    m_cursor->bind_text(index, value);
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    m_cursor->bind_blob(index, bytes);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    if (!value) {
        m_cursor->bind_null(index);
        return *this;
    }
    return bind(index, std::string_view(*value));
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    if (!value) {
        m_cursor->bind_null(index);
        return *this;
    }
    return bind(index, *value);
}

bool Statement::step() {
    return m_cursor->step();
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
    return m_cursor->integer(index);
}

std::string Statement::text(int index) const {
    return m_cursor->text(index);
}

bool Statement::is_null(int index) const {
    return m_cursor->is_null(index);
}

int Statement::parameter_count() const {
    return m_cursor->parameter_count();
}

std::optional<std::string> Statement::optional_text(int index) const {
    return is_null(index) ? std::nullopt : std::optional(text(index));
}

std::optional<std::int64_t> Statement::optional_integer(int index) const {
    return is_null(index) ? std::nullopt : std::optional(integer(index));
}

ColumnKind column_kind(std::string_view declared_type) {
    std::string type(declared_type);
    for (char& c : type) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (type.find("INT") != std::string::npos) {
        return ColumnKind::integer;
    }
    if (type == "BLOB" || type == "BYTEA") {
        return ColumnKind::blob;
    }
    return ColumnKind::text;
}

std::unique_ptr<Database> open_postgres(const std::string& uri, std::chrono::milliseconds lock_timeout) {
    const auto& api = module_api<PostgresApi>(
        {"tkt-postgres.so", TKT_POSTGRES_MODULE_FROM_BINDIR, k_postgres_entry_point, "PostgreSQL"});
    return api.open(uri, lock_timeout);
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
