// Assignment, routing of stored tickets, the pull queue and escalation, on real stores.
#include "actions/escalate.hpp"
#include "actions/route.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <map>

using namespace tkt;
using tkt::test::error_code_of;
using tkt::test::TempDir;

namespace {

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z, a Sunday

constexpr std::string_view k_routing = R"toml(
[[rule]]
name = "logistics"
subject = "parcel|посылк"
queue = "logistics"
assign = "round_robin"
[[rule]]
name = "payments"
subject = "refund"
queue = "payments"
assign = "least_loaded"
[default]
queue = "general"
[[agent]]
login = "anna"
full_name = "Anna Smirnova"
queues = ["logistics", "payments"]
[[agent]]
login = "boris"
full_name = "Boris Petrov"
queues = ["logistics", "payments"]
[[agent]]
login = "carl"
full_name = "Carl Berg"
queues = ["logistics", "payments"]
[[agent]]
login = "dora"
full_name = "Dora Lind"
queues = ["logistics"]
active = false
[[agent]]
login = "vera"
full_name = "Vera Ivanova"
queues = ["logistics", "payments", "general"]
line = 2
)toml";

Routing make_routing(const TempDir& dir, std::string_view text = k_routing) {
    std::ofstream(dir / "routing.toml") << text;
    return Routing::load(dir / "routing.toml");
}

TicketId add_ticket(Store& store, const std::string& subject, Timestamp at = k_now,
                    Priority priority = Priority::normal) {
    NewTicket ticket;
    ticket.subject = subject;
    ticket.requester = "bob@example.com";
    ticket.body = "help";
    ticket.priority = priority;
    return create_ticket(store, ticket, Actor{"bob@example.com", at});
}

std::map<std::string, int> owners(Store& store) {
    std::map<std::string, int> count;
    for (const auto& ticket : store.find_tickets(Filter{}, {}, 0)) {
        ++count[ticket.assignee.value_or("nobody")];
    }
    return count;
}

}  // namespace

TEST_CASE("assignment::round_robin") {
    TempDir dir;
    const auto routing = make_routing(dir);
    SUBCASE("many tickets go around the active agents in login order") {
        auto store = test::fresh_store();
        for (int i = 0; i < 30; ++i) {
            add_ticket(store, "parcel " + std::to_string(i));
        }
        route_unrouted(store, routing, Actor{"anna", k_now}, DryRun::no);
        CHECK(owners(store) == std::map<std::string, int>{{"anna", 10}, {"boris", 10}, {"carl", 10}});
        CHECK(store.find_ticket(1)->assignee == "anna");
        CHECK(store.find_ticket(2)->assignee == "boris");
        CHECK(store.find_ticket(4)->assignee == "anna");
    }
    SUBCASE("the position is kept in the database, across processes") {
        const test::TestDatabase database;
        for (int i = 0; i < 7; ++i) {
            // A new Store each time, as a new tkt process would open.
            auto store = database.open();
            const TicketId id = add_ticket(store, "parcel");
            route_tickets(store, routing, std::span(&id, 1), Actor{"anna", k_now}, DryRun::no);
        }
        auto store = database.open();
        CHECK(owners(store) == std::map<std::string, int>{{"anna", 3}, {"boris", 2}, {"carl", 2}});
    }
    SUBCASE("a dry run moves nothing, not even the position") {
        auto store = test::fresh_store();
        add_ticket(store, "parcel");
        const auto planned = route_unrouted(store, routing, Actor{"anna", k_now}, DryRun::yes);
        CHECK(planned.at(0).assigned == "anna");
        CHECK_FALSE(store.find_ticket(1)->assignee);
        CHECK_FALSE(store.round_robin_last("logistics", 1));
    }
}

TEST_CASE("assignment::least_loaded") {
    TempDir dir;
    const auto routing = make_routing(dir);
    auto store = test::fresh_store();
    const Actor actor{"anna", k_now};
    for (int i = 0; i < 4; ++i) {
        const TicketId id = add_ticket(store, "other work");
        assign_ticket(store, routing, id, std::string(i < 3 ? "anna" : "boris"), actor);
    }
    SUBCASE("the agent with the fewest open tickets; the first login on a tie") {
        for (int i = 0; i < 4; ++i) {
            add_ticket(store, "refund " + std::to_string(i));
        }
        route_unrouted(store, routing, actor, DryRun::no);
        CHECK(store.find_ticket(5)->assignee == "carl");
        CHECK(store.find_ticket(6)->assignee == "boris");
        CHECK(store.find_ticket(7)->assignee == "carl");
        CHECK(store.find_ticket(8)->assignee == "boris");
    }
    SUBCASE("closed tickets are no load") {
        const std::vector<TicketId> ids{1, 2, 3};
        close_tickets(store, ids, actor);
        add_ticket(store, "refund");
        route_unrouted(store, routing, actor, DryRun::no);
        CHECK(store.find_ticket(5)->assignee == "anna");
    }
}

TEST_CASE("dispatch::route_ticket") {
    TempDir dir;
    const auto routing = make_routing(dir);
    auto store = test::fresh_store();
    const Actor actor{"anna", k_now};
    SUBCASE("an owner is kept: one owner to the end") {
        const TicketId id = add_ticket(store, "parcel");
        assign_ticket(store, routing, id, std::string("vera"), actor);
        const auto outcome = route_tickets(store, routing, std::span(&id, 1), actor, DryRun::no).at(0);
        CHECK(outcome.queue == "logistics");
        CHECK_FALSE(outcome.assigned);
        CHECK(store.find_ticket(id)->assignee == "vera");
    }
    SUBCASE("routed tickets leave the unrouted set") {
        add_ticket(store, "parcel");
        CHECK(route_unrouted(store, routing, actor, DryRun::no).size() == 1);
        CHECK(route_unrouted(store, routing, actor, DryRun::no).empty());
    }
    SUBCASE("an unknown id routes none") {
        add_ticket(store, "parcel");
        const std::vector<TicketId> ids{1, 99};
        CHECK(error_code_of([&] { route_tickets(store, routing, ids, actor, DryRun::no); }) == Exit::nothing);
        CHECK_FALSE(store.find_ticket(1)->queue);
    }
    SUBCASE("on arrival, in the creating transaction, unless a queue came with it") {
        NewTicket ticket;
        ticket.subject = "Где посылка?";
        ticket.requester = "ivan@example.ru";
        ticket.body = "?";
        const TicketId routed = create_ticket(store, ticket, actor, route_on_arrival(routing));
        CHECK(store.find_ticket(routed)->queue == "logistics");
        ticket.queue = "general";
        const TicketId kept = create_ticket(store, ticket, actor, route_on_arrival(routing));
        CHECK(store.find_ticket(kept)->queue == "general");
        CHECK_FALSE(store.find_ticket(kept)->assignee);
    }
}

TEST_CASE("dispatch::next_ticket") {
    TempDir dir;
    const auto routing = make_routing(dir);
    auto store = test::fresh_store();
    const Actor actor{"anna", k_now};
    const SlaConfig no_sla;
    add_ticket(store, "parcel old", k_now - 7200);
    add_ticket(store, "parcel urgent", k_now - 60, Priority::urgent);
    add_ticket(store, "parcel new", k_now - 60);
    for (const auto& ticket : store.find_tickets(Filter{}, {}, 0)) {
        store.set_routing(ticket.id, std::string("logistics"), 1, ticket.priority, k_now);
    }
    SUBCASE("priority first, then age; taken atomically") {
        CHECK(next_ticket(store, routing, no_sla, "boris", actor, Take::peek)->id == 2);
        CHECK_FALSE(store.find_ticket(2)->assignee);
        CHECK(next_ticket(store, routing, no_sla, "boris", actor, Take::take)->id == 2);
        CHECK(next_ticket(store, routing, no_sla, "carl", actor, Take::take)->id == 1);
        CHECK(next_ticket(store, routing, no_sla, "anna", actor, Take::take)->id == 3);
        CHECK_FALSE(next_ticket(store, routing, no_sla, "anna", actor, Take::take));
        CHECK(store.find_ticket(2)->assignee == "boris");
    }
    SUBCASE("only the agent's queues and line") {
        CHECK_FALSE(next_ticket(store, routing, no_sla, "vera", actor, Take::peek));
    }
    SUBCASE("an agent routing.toml does not list") {
        CHECK(error_code_of([&] { next_ticket(store, routing, no_sla, "zed", actor, Take::peek); }) == Exit::config);
    }
}

TEST_CASE("escalation::escalate_ticket") {
    TempDir dir;
    const auto routing = make_routing(dir);
    auto store = test::fresh_store();
    const Actor actor{"anna", k_now};
    const TicketId id = add_ticket(store, "refund");
    route_unrouted(store, routing, actor, DryRun::no);
    const auto escalate = [&](EscalateRequest request) {
        return error_code_of([&] { escalate_ticket(store, routing, request, actor); });
    };
    SUBCASE("to the next line, to its least loaded agent") {
        const auto done = escalate_ticket(store, routing, EscalateRequest{id, "over the limit", {}, {}, {}}, actor);
        CHECK(done.from_line == 1);
        CHECK(done.to_line == 2);
        CHECK(done.from_assignee == "anna");
        CHECK(done.to_assignee == "vera");
        CHECK(store.find_ticket(id)->line == 2);
        CHECK(store.events(id).back().kind == "assigned");
    }
    SUBCASE("usage errors") {
        CHECK(escalate(EscalateRequest{id, " ", {}, {}, {}}) == Exit::usage);
        CHECK(escalate(EscalateRequest{id, "x", 3, {}, {}}) == Exit::usage);
        CHECK(escalate(EscalateRequest{id, "x", 1, {}, {}}) == Exit::usage);
        CHECK(escalate(EscalateRequest{id, "x", {}, "boris", {}}) == Exit::usage);
        CHECK(escalate(EscalateRequest{99, "x", {}, {}, {}}) == Exit::nothing);
        CHECK(store.find_ticket(id)->line == 1);
    }
}

TEST_CASE("store::awaiting_since") {
    auto store = test::fresh_store();
    const TicketId id = add_ticket(store, "hello", k_now);
    CHECK(store.find_ticket(id)->awaiting_since == k_now);
    Message reply;
    reply.ticket_id = id;
    reply.direction = Direction::out;
    reply.author = "anna";
    reply.body = "hi";
    reply.created_at = k_now + 60;
    store.insert_message(reply);
    CHECK_FALSE(store.find_ticket(id)->awaiting_since);
    Message again = reply;
    again.direction = Direction::in;
    again.created_at = k_now + 120;
    store.insert_message(again);
    again.created_at = k_now + 180;
    store.insert_message(again);
    CHECK(store.find_ticket(id)->awaiting_since == k_now + 120);
    Message automatic = again;
    automatic.automatic = true;
    store.insert_message(reply);
    store.insert_message(automatic);
    CHECK_FALSE(store.find_ticket(id)->awaiting_since);
}
