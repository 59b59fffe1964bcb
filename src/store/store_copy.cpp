// Copying a whole database into an empty one, SQLite or PostgreSQL either way (`tkt db
// copy`): every table, every row with its own id, read from one snapshot and written
// in one transaction.
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/dialect.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace tkt {
namespace {

// tkt's tables, parents before the rows that refer to them.
constexpr std::string_view k_tables[] = {"tickets", "tags",   "messages",           "attachments",
                                         "events",  "outbox", "assignment_cursors", "sla_breaches"};

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

// Refuses a schema with a table the copy does not know: it would be left behind.
void check_known_tables(store::Database& db) {
    for (const auto& table : db.tables()) {
        if (std::ranges::find(k_tables, table) == std::end(k_tables)) {
            throw Error(Exit::software,
                        fmt::format("database '{}' has a table tkt cannot copy: '{}'", db.name(), table));
        }
    }
}

// Copies `table` from `from` into `to`, calling `progress` every so many rows.
void copy_table(store::Database& from, store::Database& to, std::string_view table, const CopyProgress& progress) {
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
    auto read = from.prepare(fmt::format("SELECT {} FROM {} ORDER BY {}", column_list, table, names.at(0)));
    auto write =
        to.prepare(fmt::format("INSERT INTO {} ({}) VALUES ({})", table, column_list, fmt::join(values, ", ")));
    std::int64_t done = 0;
    std::vector<std::string> row(columns.size());  // the bytes bound, alive until the row is written
    while (read.step()) {
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
    for (const auto table : k_tables) {
        counts.push_back({std::string(table), count_rows(*m_db, table)});
    }
    transaction.commit();
    return counts;
}

void Store::copy_into(Store& target, const CopyProgress& progress) {
    check_known_tables(*m_db);
    auto read = begin_read();
    auto write = target.begin_write();
    for (const auto table : k_tables) {
        if (const std::int64_t rows = count_rows(*target.m_db, table); rows > 0) {
            throw Error(Exit::cant_create, fmt::format("database '{}' is not empty ({} rows in {}): tkt db copy fills "
                                                       "only an empty database",
                                                       target.m_db->name(), rows, table));
        }
    }
    for (const auto table : k_tables) {
        copy_table(*m_db, *target.m_db, table, progress);
    }
    write.commit();
    read.commit();
}

const std::string& Store::name() const {
    return m_db->name();
}

}  // namespace tkt
