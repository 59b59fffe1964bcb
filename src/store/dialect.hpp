// Internal to src/store/. The few pieces of SQL that SQLite and PostgreSQL write
// differently, in one place: every other statement of the store is written once and
// runs on both, and the table definitions differ only as postgres_ddl (migrations.hpp)
// translates them.
#pragma once

#include "store/database.hpp"

#include <string_view>

namespace tkt::store {

struct DialectSql {
    // The tags of ticket t in order, joined by U+001F; NULL when it has none.
    std::string_view ticket_tags;
    // The text of the "to" member of event e's JSON detail.
    std::string_view event_detail_to;
    // e.kind, in a condition the planner must not pick an index for (SQLite's unary +;
    // PostgreSQL's planner weighs its statistics instead).
    std::string_view event_kind_not_indexed;
    // Joins, walking the left side first (SQLite's CROSS JOIN; a plain join elsewhere).
    std::string_view join_left_first;
    // After rows were written with their own ids into table {0}: makes the next id
    // follow the largest (PostgreSQL's identity sequence; "" where nothing is needed,
    // as SQLite takes the largest + 1 itself).
    std::string_view follow_copied_ids;
    // Bulk replies: the message_id member of event e's JSON detail, and the id of the
    // bulk action it records a reply of (NULL for a reply of its own).
    std::string_view event_detail_message_id;
    std::string_view event_detail_bulk;
};

// Returns the SQL of `dialect`.
const DialectSql& sql_of(Dialect dialect);

}  // namespace tkt::store
