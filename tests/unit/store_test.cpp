#include "actions/tickets.hpp"
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/store.hpp"
#include "store/ticket_query.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <array>
#include <chrono>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>

using namespace tkt;
using tkt::test::error_code_of;
using tkt::test::TempDir;

namespace {

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z
constexpr std::chrono::milliseconds k_short_wait{200};

std::int64_t count_rows(store::Database& db, const std::string& table) {
    auto statement = db.prepare("SELECT count(*) FROM " + table);
    statement.step();
    return statement.integer(0);
}

}  // namespace

TEST_CASE("store::migrate from empty" * doctest::test_suite("sqlite")) {
    TempDir dir;
    const auto path = dir / "sub" / "tkt.db";
    auto store = Store::open(path);
    CHECK(store.schema_version() == store::schema_migrations().back().version);
    SUBCASE("the file and its folder are private") {
        struct stat info {};
        REQUIRE(::stat(path.c_str(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0600);
        REQUIRE(::stat(path.parent_path().c_str(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0700);
    }
}

TEST_CASE("store::migrate from empty, and opening again changes nothing") {
    const test::TestDatabase database;
    auto store = database.open();
    CHECK(store.schema_version() == store::schema_migrations().back().version);
    create_ticket(store, test::new_ticket("kept"), Actor{"anna", k_now});
    auto again = database.open();
    CHECK(again.schema_version() == store::schema_migrations().back().version);
    CHECK(again.find_ticket(1)->subject == "kept");
}

TEST_CASE("store::migrate from every earlier version keeps the data") {
    const auto migrations = store::schema_migrations();
    for (std::size_t done = 0; done < migrations.size(); ++done) {
        CAPTURE(done);
        const test::TestDatabase database;
        {
            const auto opened = database.connect(k_short_wait);
            store::Database& db = *opened;
            store::migrate(db, migrations.first(done));
            CHECK(store::schema_version(db) == (done == 0 ? 0 : migrations[done - 1].version));
        }
        auto store = database.open();
        CHECK(store.schema_version() == migrations.back().version);
        create_ticket(store, test::new_ticket("after upgrade"), Actor{"anna", k_now});
        CHECK(store.find_ticket(1).has_value());
    }
}

TEST_CASE("store::migrate applies only the missing steps, in one transaction") {
    const test::TestDatabase database;
    const auto opened = database.connect(k_short_wait);
    store::Database& db = *opened;
    constexpr std::array<store::Migration, 1> k_first{{{1, "CREATE TABLE t (x INTEGER);"}}};
    constexpr std::array<store::Migration, 2> k_both{{
        {1, "CREATE TABLE t (x INTEGER);"},
        {2, "ALTER TABLE t ADD COLUMN y TEXT DEFAULT 'new';"},
    }};
    store::migrate(db, k_first);
    db.exec("INSERT INTO t (x) VALUES (7)");

    SUBCASE("upgrading from the previous version keeps the rows") {
        store::migrate(db, k_both);
        CHECK(store::schema_version(db) == 2);
        auto row = db.prepare("SELECT x, y FROM t");
        REQUIRE(row.step());
        CHECK(row.integer(0) == 7);
        CHECK(row.text(1) == "new");
    }
    SUBCASE("a failing step leaves the previous version whole") {
        constexpr std::array<store::Migration, 3> k_broken{{
            {1, "CREATE TABLE t (x INTEGER);"},
            {2, "CREATE TABLE u (z INTEGER);"},
            {3, "THIS IS NOT SQL;"},
        }};
        CHECK_THROWS_AS(store::migrate(db, k_broken), Error);
        CHECK(store::schema_version(db) == 1);
        CHECK(error_code_of([&] { count_rows(db, "u"); }) == Exit::io);  // no such table
        CHECK(count_rows(db, "t") == 1);
    }
}

TEST_CASE("store::open refuses a database of a newer tkt") {
    const test::TestDatabase database;
    { auto store = database.open(); }
    database.connect(k_short_wait)->set_schema_version(99);
    const auto thrown = test::thrown_by([&] { database.open(); });
    CHECK(thrown.code == Exit::config);
    CHECK(thrown.message.find("newer tkt (schema 99") != std::string::npos);
}

TEST_CASE("store::open on a file that is not a database" * doctest::test_suite("sqlite")) {
    TempDir dir;
    const auto path = dir / "junk.db";
    {
        std::FILE* file = std::fopen(path.c_str(), "w");
        std::fputs("this is not an SQLite database, just some text that is long enough\n", file);
        std::fclose(file);
    }
    CHECK(error_code_of([&] { Store::open(path); }) == Exit::io);
}

TEST_CASE("store::transactions") {
    const test::TestDatabase database;
    auto store = database.open();
    const Actor actor{"anna", k_now};

    SUBCASE("a transaction not committed leaves nothing behind") {
        {
            auto transaction = store.begin_write();
            store.insert_ticket(test::new_ticket("never"), k_now);
        }
        CHECK_FALSE(store.find_ticket(1));
        // Nor a gap in the numbers, on either backend (a sequence would skip one).
        CHECK(create_ticket(store, test::new_ticket("first"), actor) == 1);
    }
    SUBCASE("a failed command rolls back whole") {
        const TicketId id = create_ticket(store, test::new_ticket("first"), actor);
        const std::array<TicketId, 2> ids{id, 999};
        CHECK(error_code_of([&] { close_tickets(store, ids, actor); }) == Exit::nothing);
        CHECK(store.find_ticket(id)->status == Status::new_);
        CHECK(store.events(id).size() == 1);
    }
    SUBCASE("a writer waits for another, then gives up with a temporary failure") {
        auto other = database.open(StoreOptions{k_short_wait});
        auto held = store.begin_write();
        CHECK(error_code_of([&] { other.begin_write(); }) == Exit::temp_fail);
    }
}

TEST_CASE("store::find_tickets") {
    auto store = test::fresh_store();
    const Actor actor{"anna", k_now};
    auto vip = test::new_ticket("vip one", "a@big.example");
    vip.tags = {"vip"};
    vip.priority = Priority::high;
    vip.queue = "billing";
    create_ticket(store, vip, actor);
    create_ticket(store, test::new_ticket("plain"), Actor{"anna", k_now + 3600});
    auto spam = test::new_ticket("spam");
    spam.tags = {"spam"};
    create_ticket(store, spam, Actor{"anna", k_now + 7200});
    const std::array<TicketId, 1> third{3};
    close_tickets(store, third, actor);

    auto ids = [&](std::vector<std::string> words, const std::string& sort = "id") {
        const auto filter = parse_filter(words, FilterContext{k_now + 7200, "anna", {}});
        std::vector<TicketId> found;
        for (const auto& ticket : store.find_tickets(filter, parse_sort(sort), 0)) {
            found.push_back(ticket.id);
        }
        return found;
    };
    using Ids = std::vector<TicketId>;
    CHECK(ids({}) == Ids{1, 2, 3});
    CHECK(ids({"+vip"}) == Ids{1});
    CHECK(ids({"-spam"}) == Ids{1, 2});
    CHECK(ids({"status:closed"}) == Ids{3});
    CHECK(ids({"queue:billing"}) == Ids{1});
    CHECK(ids({"queue:none"}) == Ids{2, 3});
    CHECK(ids({"queue:none,billing"}) == Ids{1, 2, 3});
    CHECK(ids({"priority:high"}) == Ids{1});
    CHECK(ids({"requester:A@BIG.example"}) == Ids{1});
    CHECK(ids({"age>1h"}) == Ids{1});
    CHECK(ids({"created>2026-11-22T10:30:00Z"}) == Ids{2, 3});
    CHECK(ids({"2-3"}) == Ids{2, 3});
    CHECK(ids({"assignee:none", "-vip"}) == Ids{2, 3});
    CHECK(ids({}, "-created") == Ids{3, 2, 1});
    CHECK(ids({}, "-priority") == Ids{1, 2, 3});
    CHECK(store.find_tickets(Filter{}, {}, 2).size() == 2);
}

TEST_CASE("store::postgres_ddl: the table definitions in PostgreSQL's words") {
    CHECK(store::postgres_ddl("CREATE TABLE t (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n    n INTEGER NOT NULL,\n"
                              "    raw BLOB,\n    INTEGERS TEXT\n) WITHOUT ROWID;") ==
          "CREATE TABLE t (\n    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n    n BIGINT NOT NULL,\n"
          "    raw BYTEA,\n    INTEGERS TEXT\n);");
    CHECK(store::postgres_ddl("ALTER TABLE tickets ADD COLUMN rated_at INTEGER;") ==
          "ALTER TABLE tickets ADD COLUMN rated_at BIGINT;");
    for (const auto& migration : store::schema_migrations()) {
        CAPTURE(migration.version);
        const std::string ddl = store::postgres_ddl(migration.sql);
        for (const std::string_view sqlite_only : {"INTEGER", "BLOB", "WITHOUT ROWID", "AUTOINCREMENT"}) {
            CHECK(ddl.find(sqlite_only) == std::string::npos);
        }
    }
}

TEST_CASE("SQLite's statement cache keeps the recent statements, never one in use" * doctest::test_suite("sqlite")) {
    const auto db = store::open_sqlite(":memory:", std::chrono::milliseconds(1000));
    db->exec("CREATE TABLE t (n INTEGER)");
    db->exec("INSERT INTO t (n) VALUES (1), (2), (3)");
    // A statement stepping while hundreds of others come and go (more than the cache
    // holds) keeps its place and its rows.
    auto held = db->prepare("SELECT n FROM t ORDER BY n");
    REQUIRE(held.step());
    CHECK(held.integer(0) == 1);
    for (int i = 0; i < 1000; ++i) {
        auto other = db->prepare(fmt::format("SELECT n + {} FROM t WHERE n = 2", i));
        REQUIRE(other.step());
        CHECK(other.integer(0) == 2 + i);
        other.run();
    }
    REQUIRE(held.step());
    CHECK(held.integer(0) == 2);
    held.run();
    // The same text again, evicted long ago, is compiled again and runs.
    auto again = db->prepare("SELECT n + 0 FROM t WHERE n = 2");
    REQUIRE(again.step());
    CHECK(again.integer(0) == 2);
    again.run();
}

TEST_CASE("a page of tickets of any status is read in index order, not sorted whole" * doctest::test_suite("sqlite")) {
    TempDir dir;
    const auto path = dir / "plan.db";
    Store::open(path);
    const auto db = store::open_sqlite(path, std::chrono::milliseconds(1000));
    // The plan SQLite picks for `tkt list status:any --sort KEY --limit 20`.
    const auto plan = [&](std::string_view sort) {
        const std::vector<std::string> words{"status:any"};
        const auto query = store::build_ticket_query(parse_filter(words, FilterContext{}), parse_sort(sort), 20,
                                                     store::Dialect::sqlite);
        auto statement = db->prepare("EXPLAIN QUERY PLAN SELECT t.id FROM tickets AS t" + query.sql);
        store::bind_parameters(statement, query.parameters);
        std::string steps;
        while (statement.step()) {
            steps += statement.text(3) + "\n";
        }
        return steps;
    };
    // status:any holds for every ticket: as a condition (status IN all five) it led
    // SQLite to read by status and sort a million tickets for one page (1.3 s).
    for (const char* sort : {"id", "-id", "created", "-created", "updated", "-updated"}) {
        CAPTURE(sort);
        const auto steps = plan(sort);
        CHECK(steps.find("tickets_status_queue") == std::string::npos);
        CHECK(steps.find("TEMP B-TREE FOR ORDER BY") == std::string::npos);
    }
}
