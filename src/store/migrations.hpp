// Internal to src/store/. The schema, as numbered migrations recorded in PRAGMA user_version (DESIGN.md 3).
#pragma once

#include "store/database.hpp"

#include <span>
#include <string_view>

namespace tkt::store {

struct Migration {
    int version;           // 1, 2, ...: the user_version after it ran
    std::string_view sql;  // the statements that bring the previous version to this one
};

// Returns tkt's migrations, oldest first.
std::span<const Migration> schema_migrations();

// Returns the schema version recorded in `db` (0 for a new database).
int schema_version(Database& db);

// Brings `db` up to the last of `migrations` in one write transaction; throws a
// configuration error when `db` was written by a newer tkt.
void migrate(Database& db, std::span<const Migration> migrations);

}  // namespace tkt::store
