// Internal to src/store/. The schema, as numbered migrations in both dialects; the version reached is
// recorded in the database (DESIGN.md 3).
#pragma once

#include "store/database.hpp"

#include <span>
#include <string>
#include <string_view>

namespace tkt::store {

struct Migration {
    int version;           // 1, 2, ...: the schema version after it ran
    std::string_view sql;  // SQLite's statements that bring the previous version to this one
    // PostgreSQL's own statements, run after `sql` there (functions, triggers): what
    // SQLite has no counterpart of or does another way.
    std::string_view postgres_only = {};
    // SQLite's own statements, run after `sql` there (its FTS5 search index).
    std::string_view sqlite_only = {};
};

// Returns the SQLite statements `sql` in PostgreSQL's words, the one place where the
// dialects' table definitions differ: integers are 64-bit (BIGINT), an INTEGER PRIMARY
// KEY is an identity column, BLOB is BYTEA, and WITHOUT ROWID has no counterpart.
std::string postgres_ddl(std::string_view sql);

// Returns tkt's migrations, oldest first.
std::span<const Migration> schema_migrations();

// Returns the schema version recorded in `db` (0 for a new database).
int schema_version(Database& db);

// Brings `db` up to the last of `migrations`, in its dialect, in one write transaction;
// throws a configuration error when `db` was written by a newer tkt, and refuses (exit
// 74) a database that holds other tables and no tkt schema.
void migrate(Database& db, std::span<const Migration> migrations);

}  // namespace tkt::store
