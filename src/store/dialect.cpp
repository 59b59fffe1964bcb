#include "store/dialect.hpp"

namespace tkt::store {

const DialectSql& sql_of(Dialect dialect) {
    static constexpr DialectSql k_sqlite{
        .ticket_tags = "(SELECT group_concat(tag, char(31)) FROM "
                       "(SELECT tag FROM tags WHERE ticket_id = t.id ORDER BY tag))",
        .event_detail_to = "json_extract(e.detail, '$.to')",
        .event_kind_not_indexed = "+e.kind",
        .join_left_first = "CROSS JOIN",
        .follow_copied_ids = "",
        .event_detail_message_id = "json_extract(e.detail, '$.message_id')",
        .event_detail_bulk = "json_extract(e.detail, '$.bulk.id')",
    };
    static constexpr DialectSql k_postgres{
        .ticket_tags = "(SELECT string_agg(tag, chr(31) ORDER BY tag) FROM tags WHERE ticket_id = t.id)",
        .event_detail_to = "(e.detail::jsonb ->> 'to')",
        .event_kind_not_indexed = "e.kind",
        .join_left_first = "JOIN",
        .follow_copied_ids = "SELECT setval(pg_get_serial_sequence('{0}', 'id'), coalesce(max(id), 0) + 1, false) "
                             "FROM {0}",
        .event_detail_message_id = "(e.detail::jsonb ->> 'message_id')",
        .event_detail_bulk = "(e.detail::jsonb -> 'bulk' ->> 'id')",
    };
    return dialect == Dialect::postgres ? k_postgres : k_sqlite;
}

}  // namespace tkt::store
