#include "actions/tickets.hpp"
#include "core/error.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <array>
#include <doctest/doctest.h>

using namespace tkt;
using tkt::test::error_code_of;

namespace {

constexpr Timestamp k_now = 1795341600;

}  // namespace

TEST_CASE("actions::create_ticket") {
    auto store = test::fresh_store();
    const Actor actor{"anna", k_now};
    const TicketId id = create_ticket(store, test::new_ticket("Где моя посылка?"), actor);
    const auto record = load_ticket(store, id);
    CHECK(record.ticket.subject == "Где моя посылка?");
    CHECK(record.ticket.status == Status::new_);
    CHECK(record.ticket.created_at == k_now);
    REQUIRE(record.messages.size() == 1);
    CHECK(record.messages[0].direction == Direction::in);
    CHECK(record.messages[0].author == "Bob <bob@example.com>");
    REQUIRE(record.events.size() == 1);
    CHECK(record.events[0].kind == "created");
    CHECK(record.events[0].actor == "anna");
}

TEST_CASE("actions::create_ticket keeps every tag") {
    auto store = test::fresh_store();
    auto ticket = test::new_ticket("tags");
    ticket.tags = {"c", "a", "b"};
    const TicketId id = create_ticket(store, ticket, Actor{"anna", k_now});
    CHECK(store.find_ticket(id)->tags == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("actions::validate_new_ticket") {
    auto store = test::fresh_store();
    const Actor actor{"anna", k_now};
    auto rejects = [&](NewTicket ticket) { return error_code_of([&] { create_ticket(store, ticket, actor); }); };
    CHECK(rejects(test::new_ticket("")) == Exit::data);
    CHECK(rejects(test::new_ticket("   ")) == Exit::data);
    auto no_body = test::new_ticket("subject");
    no_body.body = "";
    CHECK(rejects(no_body) == Exit::data);
    CHECK(rejects(test::new_ticket("bad \xff utf-8")) == Exit::data);
    CHECK(rejects(test::new_ticket(std::string(1000, 'x'))) == Exit::data);
    auto bad_requester = test::new_ticket("s");
    bad_requester.requester = "nobody";
    CHECK(rejects(bad_requester) == Exit::data);
    auto bad_tag = test::new_ticket("s");
    bad_tag.tags = {"two words"};
    CHECK(rejects(bad_tag) == Exit::usage);
    CHECK(store.find_tickets(Filter{}, {}, 0).empty());
}

TEST_CASE("actions::close and reopen") {
    auto store = test::fresh_store();
    const TicketId id = create_ticket(store, test::new_ticket("s"), Actor{"anna", k_now});
    const std::array<TicketId, 1> ids{id};

    const auto closed = close_tickets(store, ids, Actor{"anna", k_now + 60});
    CHECK(closed[0].changed);
    CHECK(closed[0].from == Status::new_);
    CHECK(store.find_ticket(id)->solved_at == k_now + 60);

    SUBCASE("closing again changes nothing") {
        CHECK_FALSE(close_tickets(store, ids, Actor{"anna", k_now + 120})[0].changed);
        CHECK(store.events(id).size() == 2);
    }
    SUBCASE("reopening keeps the first solve time") {
        CHECK(reopen_tickets(store, ids, Actor{"boris", k_now + 120})[0].changed);
        const auto ticket = store.find_ticket(id);
        CHECK(ticket->status == Status::open);
        CHECK(ticket->solved_at == k_now + 60);
        const auto events = store.events(id);
        CHECK(events.back().kind == "reopened");
        CHECK(events.back().actor == "boris");
        CHECK(events.back().detail == R"({"from":"closed","to":"open"})");
        close_tickets(store, ids, Actor{"anna", k_now + 180});
        CHECK(store.find_ticket(id)->solved_at == k_now + 60);
    }
    SUBCASE("reopening an open ticket changes nothing") {
        reopen_tickets(store, ids, Actor{"anna", k_now + 120});
        CHECK_FALSE(reopen_tickets(store, ids, Actor{"anna", k_now + 180})[0].changed);
    }
}

TEST_CASE("actions::change_tags") {
    auto store = test::fresh_store();
    auto ticket = test::new_ticket("s");
    ticket.tags = {"old"};
    const TicketId id = create_ticket(store, ticket, Actor{"anna", k_now});
    const Actor actor{"anna", k_now + 60};
    const std::vector<std::string> add{"vip", "old"};
    const std::vector<std::string> remove{"old2", "old"};

    SUBCASE("adds and removes, reporting only real changes") {
        const std::vector<std::string> add_new{"vip"};
        const std::vector<std::string> remove_old{"old", "missing"};
        const auto change = change_tags(store, id, add_new, remove_old, actor);
        CHECK(change.added == std::vector<std::string>{"vip"});
        CHECK(change.removed == std::vector<std::string>{"old"});
        CHECK(store.find_ticket(id)->tags == std::vector<std::string>{"vip"});
        CHECK(store.events(id).back().kind == "tagged");
        CHECK(store.find_ticket(id)->updated_at == k_now + 60);
    }
    SUBCASE("a tag both added and removed is refused") {
        CHECK(error_code_of([&] { change_tags(store, id, add, remove, actor); }) == Exit::usage);
    }
    SUBCASE("no change records no event") {
        const std::vector<std::string> same{"old"};
        change_tags(store, id, same, {}, actor);
        CHECK(store.events(id).size() == 1);
    }
    SUBCASE("an unknown ticket") {
        const std::vector<std::string> one{"x"};
        CHECK(error_code_of([&] { change_tags(store, 99, one, {}, actor); }) == Exit::nothing);
    }
}
