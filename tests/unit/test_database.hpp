// The database a unit test runs on: the backend under test. SQLite by default (a file in
// a temporary folder, or memory); PostgreSQL when TKT_TEST_BACKEND is "postgres", as
// ctest's postgres/unit runs this whole binary under tests/pg/cluster.py: each database
// is then a schema of its own on that server, which goes with the cluster.
#pragma once

#include "store/database.hpp"
#include "store/store.hpp"
#include "test_support.hpp"

#include <atomic>
#include <cstdlib>
#include <fmt/format.h>
#include <string>
#include <unistd.h>

namespace tkt::test {

// Returns true when the tests run against PostgreSQL.
inline bool testing_postgres() {
    const char* backend = std::getenv("TKT_TEST_BACKEND");
    return backend != nullptr && std::string_view(backend) == "postgres";
}

// Returns the test server's URI; a PostgreSQL run without one fails rather than passes.
inline std::string postgres_server() {
    const char* uri = std::getenv("TKT_TEST_POSTGRES");
    REQUIRE_MESSAGE(uri != nullptr, "TKT_TEST_POSTGRES is not set: run this through tests/pg/cluster.py");
    return uri;
}

// One empty database on the backend under test, for as long as the test holds it.
class TestDatabase {
public:
    TestDatabase() {
        if (!testing_postgres()) {
            m_location = (m_dir / "tkt.db").string();
            return;
        }
        static std::atomic<int> counter = 0;
        const std::string schema = fmt::format("unit_{}_{}", ::getpid(), ++counter);
        const std::string server = postgres_server();
        store::open_postgres(server, std::chrono::seconds(5))->exec(fmt::format("CREATE SCHEMA {}", schema));
        m_location = fmt::format("{}{}options=-csearch_path%3D{}", server,
                                 server.find('?') == std::string::npos ? '?' : '&', schema);
    }

    // Where Store::open finds it: a SQLite file's path or a PostgreSQL URI.
    const std::string& location() const { return m_location; }
    // Opens it (another connection each time), creating the schema on first use.
    Store open(StoreOptions options = {}) const { return Store::open(m_location, options); }
    // Connects to it below the store: no schema made.
    std::unique_ptr<store::Database> connect(std::chrono::milliseconds lock_timeout) const {
        return testing_postgres() ? store::open_postgres(m_location, lock_timeout)
                                  : store::open_sqlite(m_location, lock_timeout);
    }
    // The temporary folder of the test, for its other files.
    const TempDir& dir() const { return m_dir; }

private:
    TempDir m_dir;
    std::string m_location;
};

// Returns a store with the current schema and nothing in it: SQLite in memory, or a new
// schema on the PostgreSQL server.
inline Store fresh_store() {
    if (!testing_postgres()) {
        return Store::open_in_memory();
    }
    const TestDatabase database;
    return database.open();
}

}  // namespace tkt::test
