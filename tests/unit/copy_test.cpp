#include "actions/copy_database.hpp"
#include "actions/tickets.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace tkt;

namespace {

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z

}  // namespace

TEST_CASE("actions::copy_database: every row, then the copy goes on numbering") {
    const test::TestDatabase from;
    {
        auto store = from.open();
        for (int i = 0; i < 3; ++i) {
            create_ticket(store, test::new_ticket("ticket " + std::to_string(i)), Actor{"anna", k_now});
        }
    }
    const std::string to = (from.dir() / "copy.db").string();
    std::vector<std::string> told;
    const auto outcome = copy_database(from.location(), to, {}, k_now,
                                       [&](std::string_view table, std::int64_t done, std::int64_t total) {
                                           if (done == total) {
                                               told.emplace_back(table);
                                           }
                                       });
    CHECK(outcome.rows.at(0) == TableRows{"tickets", 3});
    CHECK(told.size() == outcome.rows.size());
    auto copy = Store::open(to);
    CHECK(copy.find_ticket(2)->subject == "ticket 1");
    CHECK(create_ticket(copy, test::new_ticket("after"), Actor{"anna", k_now}) == 4);
}

TEST_CASE("actions::copy_database: a source that changes while it is copied is exit 75") {
    const test::TestDatabase from;
    auto store = from.open();
    create_ticket(store, test::new_ticket("first"), Actor{"anna", k_now});
    const std::string to = (from.dir() / "copy.db").string();
    bool written = false;
    const auto thrown = test::thrown_by([&] {
        copy_database(from.location(), to, {}, k_now, [&](std::string_view, std::int64_t, std::int64_t) {
            if (!written) {
                written = true;  // another process writes to the desk meanwhile
                create_ticket(store, test::new_ticket("meanwhile"), Actor{"anna", k_now});
            }
        });
    });
    CHECK(thrown.code == Exit::temp_fail);
    CHECK(thrown.message.find("changed while it was copied (tickets 1 and 2") != std::string::npos);
}
