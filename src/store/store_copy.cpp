// Copying a whole database into an empty one, SQLite or PostgreSQL either way (`tkt db
// copy`): every table, every row with its own id, read from one snapshot and written
// in one transaction.
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/dialect.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace tkt {
namespace {

// tkt's tables, parents before the rows that refer to them, each with its primary key:
// a table is read a page at a time in the key's order (one query for a whole table
// would hold it all in memory on PostgreSQL, raw mail included).
struct TableSpec {
    std::string_view name;
    std::array<std::string_view, 3> key;  // "" past its last column
};
constexpr TableSpec k_tables[] = {
    {"tickets", {"id"}},
    {"tags", {"ticket_id", "tag"}},
    {"messages", {"id"}},
    {"attachments", {"id"}},
    {"events", {"id"}},
    {"outbox", {"id"}},
    {"assignment_cursors", {"queue", "line"}},
    {"sla_breaches", {"ticket_id", "target", "started_at"}},
    {"customers", {"id"}},
    {"identities", {"identity"}},
    {"threads", {"thread"}},
};

constexpr std::int64_t k_page_rows = 2000;

// Columns of tickets that refer to other tickets, possibly later ones (a ticket merged
// into a newer one): written once every ticket is there.
constexpr std::string_view k_later_references[] = {"parent_id", "merged_into"};

constexpr std::int64_t k_progress_every = 1000;

bool refers_later(std::string_view table, std::string_view column) {
    return table == "tickets" && std::ranges::find(k_later_references, column) != std::end(k_later_references);
}

std::int64_t count_rows(store::Database& db, std::string_view table) {
    auto statement = db.prepare(fmt::format("SELECT count(*) FROM {}", table));
    statement.step();
    const std::int64_t rows = statement.integer(0);
    statement.run();
    return rows;
}

// The search index is not copied: each backend holds it its own way (an FTS5 table and
// its shadow tables, a tsvector column), and the target builds its own from the rows.
bool is_search_table(std::string_view table) {
    return table == "search_state" || table.starts_with("ticket_text");
}

// Refuses a schema with a table the copy does not know: it would be left behind.
void check_known_tables(store::Database& db) {
    for (const auto& table : db.tables()) {
        if (std::ranges::find(k_tables, table, &TableSpec::name) == std::end(k_tables) && !is_search_table(table)) {
            throw Error(Exit::software,
                        fmt::format("database '{}' has a table tkt cannot copy: '{}'", db.name(), table));
        }
    }
}

// A page of `table`'s rows in key order: the first, or those after the key bound to
// the parameters ?1.. (then the limit is the next parameter).
std::string page_sql(const TableSpec& table, const std::string& column_list, bool first) {
    std::vector<std::string> key;
    std::vector<std::string> after;
    for (const auto column : table.key) {
        if (!column.empty()) {
            key.emplace_back(column);
            after.push_back(fmt::format("?{}", after.size() + 1));
        }
    }
    return fmt::format("SELECT {} FROM {}{} ORDER BY {} LIMIT ?{}", column_list, table.name,
                       first ? "" : fmt::format(" WHERE ({}) > ({})", fmt::join(key, ", "), fmt::join(after, ", ")),
                       fmt::join(key, ", "), first ? 1 : after.size() + 1);
}

// Copies `spec`'s table from `from` into `to`, calling `progress` every so many rows.
void copy_table(store::Database& from, store::Database& to, const TableSpec& spec, const CopyProgress& progress) {
    const std::string_view table = spec.name;
    const auto columns = from.columns(table);
    const std::int64_t total = count_rows(from, table);
    std::vector<std::string> names;
    std::vector<std::string> values;
    std::vector<std::string> later;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        names.push_back(columns[i].name);
        values.push_back(fmt::format("?{}", i + 1));
        if (refers_later(table, columns[i].name)) {
            later.push_back(columns[i].name);
        }
    }
    const std::string column_list = fmt::format("{}", fmt::join(names, ", "));
    // Where the key's columns are among the columns read.
    std::vector<std::size_t> key_columns;
    for (const auto column : spec.key) {
        if (!column.empty()) {
            key_columns.push_back(static_cast<std::size_t>(std::ranges::find(names, column) - names.begin()));
        }
    }
    auto write =
        to.prepare(fmt::format("INSERT INTO {} ({}) VALUES ({})", table, column_list, fmt::join(values, ", ")));
    std::int64_t done = 0;
    std::vector<std::string> row(columns.size());  // the bytes bound, alive until the row is written
    std::vector<std::optional<std::int64_t>> last_number(key_columns.size());
    std::vector<std::string> last_text(key_columns.size());
    for (bool first = true, more = true; more; first = false) {
        auto read = from.prepare(page_sql(spec, column_list, first));
        int bound = 1;
        if (!first) {
            for (std::size_t k = 0; k < key_columns.size(); ++k, ++bound) {
                if (last_number[k]) {
                    read.bind(bound, *last_number[k]);
                } else {
                    read.bind(bound, last_text[k]);
                }
            }
        }
        read.bind(bound, k_page_rows);
        std::int64_t in_page = 0;
        while (read.step()) {
            ++in_page;
            for (std::size_t k = 0; k < key_columns.size(); ++k) {
                const int column = static_cast<int>(key_columns[k]);
                if (columns[key_columns[k]].kind == store::ColumnKind::integer) {
                    last_number[k] = read.integer(column);
                } else {
                    last_number[k].reset();
                    last_text[k] = read.text(column);
                }
            }
            for (std::size_t i = 0; i < columns.size(); ++i) {
                const int column = static_cast<int>(i);
                const int parameter = column + 1;
                if (read.is_null(column) || refers_later(table, columns[i].name)) {
                    write.bind(parameter, std::optional<std::int64_t>());
                } else if (columns[i].kind == store::ColumnKind::integer) {
                    write.bind(parameter, read.integer(column));
                } else if (columns[i].kind == store::ColumnKind::blob) {
                    row[i] = read.text(column);
                    write.bind_blob(parameter, row[i]);
                } else {
                    row[i] = read.text(column);
                    write.bind(parameter, row[i]);
                }
            }
            write.run();
            if (++done % k_progress_every == 0 && progress) {
                progress(table, done, total);
            }
        }
        more = in_page == k_page_rows;
    }
    if (!later.empty()) {
        // Then the references to other tickets, each ticket being there now.
        std::vector<std::string> set;
        for (std::size_t i = 0; i < later.size(); ++i) {
            set.push_back(fmt::format("{} = ?{}", later[i], i + 2));
        }
        auto read_later =
            from.prepare(fmt::format("SELECT id, {} FROM {} WHERE {} IS NOT NULL ORDER BY id", fmt::join(later, ", "),
                                     table, fmt::join(later, " IS NOT NULL OR ")));
        auto update = to.prepare(fmt::format("UPDATE {} SET {} WHERE id = ?1", table, fmt::join(set, ", ")));
        while (read_later.step()) {
            update.bind(1, read_later.integer(0));
            for (std::size_t i = 0; i < later.size(); ++i) {
                update.bind(static_cast<int>(i) + 2, read_later.optional_integer(static_cast<int>(i) + 1));
            }
            update.run();
        }
    }
    const std::string_view follow = store::sql_of(to.dialect()).follow_copied_ids;
    if (!follow.empty() && std::ranges::find(names, "id") != names.end()) {
        to.exec(fmt::format(fmt::runtime(follow), table));
    }
    if (progress) {
        progress(table, done, total);
    }
}

}  // namespace

std::vector<TableRows> Store::row_counts() {
    auto transaction = begin_read();
    std::vector<TableRows> counts;
    for (const auto& table : k_tables) {
        counts.push_back({std::string(table.name), count_rows(*m_db, table.name)});
    }
    transaction.commit();
    return counts;
}

void Store::copy_into(Store& target, const CopyProgress& progress) {
    check_known_tables(*m_db);
    auto read = begin_read();
    auto write = target.begin_write();
    for (const auto& table : k_tables) {
        if (const std::int64_t rows = count_rows(*target.m_db, table.name); rows > 0) {
            throw Error(Exit::cant_create, fmt::format("database '{}' is not empty ({} rows in {}): tkt db copy fills "
                                                       "only an empty database",
                                                       target.m_db->name(), rows, table.name));
        }
    }
    for (const auto& table : k_tables) {
        copy_table(*m_db, *target.m_db, table, progress);
    }
    // Every ticket came without its document: the target's index is built anew.
    target.m_db
        ->prepare("UPDATE search_state SET built_through = 0, build_until = (SELECT coalesce(max(id), 0) "
                  "FROM tickets) WHERE id = 1")
        .run();
    write.commit();
    read.commit();
}

const std::string& Store::name() const {
    return m_db->name();
}

}  // namespace tkt
