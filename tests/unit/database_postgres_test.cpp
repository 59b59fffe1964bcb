// The PostgreSQL backend of store::Database against a real server: ctest's
// postgres/unit runs these under tests/pg/cluster.py, which starts a temporary cluster
// and names it in TKT_TEST_POSTGRES. The SQLite unit run leaves this suite out.
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace tkt;
using namespace std::chrono_literals;
using test::thrown_by;

namespace {

std::unique_ptr<store::Database> connect(std::chrono::milliseconds lock_timeout = 2000ms) {
    return store::open_postgres(test::postgres_server(), lock_timeout);
}

// A connection with a fresh table t to play in.
std::unique_ptr<store::Database> with_table(const std::string& table = "t") {
    auto db = connect();
    db->exec("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table +
             " (id BIGSERIAL PRIMARY KEY, n BIGINT, s TEXT UNIQUE, b BYTEA)");
    return db;
}

std::int64_t count_rows(store::Database& db, const std::string& table = "t") {
    auto statement = db.prepare("SELECT count(*) FROM " + table);
    REQUIRE(statement.step());
    const auto count = statement.integer(0);
    statement.run();
    return count;
}

}  // namespace

TEST_SUITE("postgres") {

    TEST_CASE("store::open_postgres: ?N parameters, values, NULLs and bytes round-trip") {
        auto db = with_table();
        constexpr char k_raw[] = "raw\0mail \xff\xfe bytes";
        const std::string bytes(k_raw, sizeof k_raw - 1);  // the NUL inside included
        const auto id = db->prepare("INSERT INTO t (n, s, b) VALUES (?1, ?2, ?3) RETURNING id")
                            .bind(1, std::int64_t{-9007199254740993})
                            .bind(2, std::string_view("Где моя посылка? '?1' stays"))
                            .bind_blob(3, bytes)
                            .returned_id();
        CHECK(id == 1);
        db->prepare("INSERT INTO t (n, s) VALUES (?1, ?2)")
            .bind(1, std::optional<std::int64_t>{})
            .bind(2, std::optional<std::string>{})
            .run();

        auto row = db->prepare("SELECT n, s, b, n < 0, '?1 is not a parameter' FROM t WHERE id = ?1");
        REQUIRE(row.bind(1, id).step());
        CHECK(row.integer(0) == -9007199254740993);
        CHECK(row.text(1) == "Где моя посылка? '?1' stays");
        CHECK(row.text(2) == bytes);
        CHECK(row.integer(3) == 1);  // a boolean reads as 1 or 0, as in SQLite
        CHECK(row.text(4) == "?1 is not a parameter");
        CHECK(row.parameter_count() == 1);
        CHECK_FALSE(row.step());

        auto nulls = db->prepare("SELECT n, s FROM t WHERE id = 2");
        REQUIRE(nulls.step());
        CHECK(nulls.is_null(0));
        CHECK(nulls.optional_text(1) == std::nullopt);
        CHECK(nulls.optional_integer(0) == std::nullopt);
        nulls.run();
    }

    TEST_CASE("store::open_postgres: a statement runs again, and two run at once") {
        auto db = with_table();
        auto insert = db->prepare("INSERT INTO t (n) VALUES (?1)");
        for (std::int64_t n = 1; n <= 3; ++n) {
            insert.bind(1, n).run();
        }
        CHECK(db->changes() == 1);
        auto outer = db->prepare("SELECT n FROM t ORDER BY n");
        std::int64_t sum = 0;
        while (outer.step()) {
            auto inner = db->prepare("SELECT count(*) FROM t WHERE n <= ?1");
            REQUIRE(inner.bind(1, outer.integer(0)).step());
            sum += inner.integer(0);
            inner.run();
        }
        CHECK(sum == 1 + 2 + 3);
        db->prepare("SELECT n FROM t").run();  // three rows read, none changed
        CHECK(db->changes() == 1);             // still the last insert's
        db->exec("UPDATE t SET n = n + 1");
        CHECK(db->changes() == 3);
    }

    TEST_CASE("store::open_postgres: transactions and savepoints") {
        auto db = with_table();
        {
            store::Transaction transaction(*db, store::TransactionKind::write);
            db->exec("INSERT INTO t (n) VALUES (1)");
        }  // rolled back
        CHECK(count_rows(*db) == 0);
        {
            store::Transaction transaction(*db, store::TransactionKind::write);
            db->exec("INSERT INTO t (n) VALUES (1)");
            {
                store::Transaction step(*db, store::TransactionKind::savepoint);
                db->exec("INSERT INTO t (n) VALUES (2)");
            }  // the step alone rolled back
            store::Transaction kept(*db, store::TransactionKind::savepoint);
            db->exec("INSERT INTO t (n) VALUES (3)");
            kept.commit();
            transaction.commit();
        }
        CHECK(count_rows(*db) == 2);
    }

    TEST_CASE("store::open_postgres: writers queue, and past the lock timeout it is exit 75") {
        auto first = with_table();
        auto second = connect(200ms);
        store::Transaction writing(*first, store::TransactionKind::write);
        const auto waited = thrown_by([&] { store::Transaction blocked(*second, store::TransactionKind::write); });
        CHECK(waited.code == Exit::temp_fail);
        CHECK(waited.message.find("locked by another process") != std::string::npos);
        // A reader is never kept waiting by a writer.
        store::Transaction reading(*second, store::TransactionKind::read);
        CHECK(count_rows(*second) == 0);
    }

    TEST_CASE("store::open_postgres: a broken constraint is exit 65, a missing table 74") {
        auto db = with_table();
        auto insert = [&] { db->prepare("INSERT INTO t (s) VALUES (?1)").bind(1, std::string_view("same")).run(); };
        insert();
        const auto twice = thrown_by(insert);
        CHECK(twice.code == Exit::data);
        CHECK(twice.message.find("duplicate key") != std::string::npos);
        CHECK(thrown_by([&] { db->prepare("SELECT * FROM no_such_table").step(); }).code == Exit::io);
    }

    TEST_CASE("store::open_postgres: a server that cannot be reached is exit 75") {
        const auto thrown =
            thrown_by([] { store::open_postgres("postgresql:///tkt?host=/nonexistent/tkt-socket&user=tkt", 1000ms); });
        CHECK(thrown.code == Exit::temp_fail);
        CHECK(thrown.message.find("cannot reach database") != std::string::npos);
        CHECK(thrown.message.find("try again") != std::string::npos);
    }

    TEST_CASE("store::open_postgres: a refused login is exit 77 with the server's reason, the password never shown") {
        auto db = connect();
        db->exec("DROP ROLE IF EXISTS agent_anna; CREATE ROLE agent_anna LOGIN PASSWORD 'right horse'");
        const std::string socket = std::getenv("TKT_TEST_POSTGRES_DIR");
        const auto wrong = thrown_by([&] {
            store::open_postgres(fmt::format("postgresql://agent_anna:wrong-battery@/tkt?host={}", socket), 1000ms);
        });
        CHECK(wrong.code == Exit::no_perm);
        CHECK(wrong.message.find("password authentication failed") != std::string::npos);
        CHECK(wrong.message.find("wrong-battery") == std::string::npos);
        auto right =
            store::open_postgres(fmt::format("postgresql://agent_anna:right%20horse@/tkt?host={}", socket), 1000ms);
        CHECK(right->name().find("right") == std::string::npos);
        CHECK(right->name().find("agent_anna@") != std::string::npos);
    }

    TEST_CASE("store::open_postgres: a connection dropped mid-command is exit 75") {
        auto victim = connect();
        auto pid = victim->prepare("SELECT pg_backend_pid()");
        REQUIRE(pid.step());
        const auto backend = pid.integer(0);
        pid.run();
        auto admin = connect();
        admin->prepare("SELECT pg_terminate_backend(?1::int)").bind(1, backend).run();
        const auto lost = thrown_by([&] { victim->prepare("SELECT 1").step(); });
        CHECK(lost.code == Exit::temp_fail);
        CHECK(lost.message.find("try again") != std::string::npos);
    }

    TEST_CASE("store::migrate on PostgreSQL: the whole schema once, a newer one or another program's refused") {
        auto db = connect();
        db->exec("DROP SCHEMA IF EXISTS migrated CASCADE; CREATE SCHEMA migrated; SET search_path = migrated");
        CHECK(store::schema_version(*db) == 0);
        const auto migrations = store::schema_migrations();
        store::migrate(*db, migrations);
        CHECK(store::schema_version(*db) == migrations.back().version);
        auto tables =
            db->prepare("SELECT string_agg(table_name, ' ' ORDER BY table_name) FROM information_schema.tables "
                        "WHERE table_schema = 'migrated'");
        REQUIRE(tables.step());
        CHECK(
            tables.text(0) ==
            "assignment_cursors attachments customers events identities messages outbox search_state sla_breaches tags "
            "threads ticket_text "
            "tickets tkt_schema");
        tables.run();
        store::migrate(*db, migrations);  // current: nothing to do
        CHECK(store::schema_version(*db) == migrations.back().version);

        db->set_schema_version(99);
        const auto newer = thrown_by([&] { store::migrate(*db, migrations); });
        CHECK(newer.code == Exit::config);
        CHECK(newer.message.find("newer tkt (schema 99") != std::string::npos);

        db->exec("DROP SCHEMA IF EXISTS other CASCADE; CREATE SCHEMA other; SET search_path = other; "
                 "CREATE TABLE invoices (id BIGINT)");
        const auto foreign = thrown_by([&] { store::migrate(*db, migrations); });
        CHECK(foreign.code == Exit::io);
        CHECK(foreign.message.find("not a tkt database") != std::string::npos);
    }

}  // TEST_SUITE
