#include "actions/edit_ticket.hpp"
#include "actions/escalate.hpp"
#include "actions/notes.hpp"
#include "core/error.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace tkt;
using tkt::test::error_code_of;

namespace {

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z

// Returns routing whose queue "quality" keeps its owner on a transfer.
Routing routing_keeping_quality(const test::TempDir& dir) {
    test::write_file(dir / "routing.toml", "[default]\nqueue = \"general\"\n"
                                           "[[queue]]\nname = \"quality\"\non_transfer = \"keep_owner\"\n"
                                           "[[queue]]\nname = \"payments\"\n");
    return Routing::load(dir / "routing.toml");
}

TicketEdit edit_of(std::initializer_list<std::string_view> words, std::string reason = {}) {
    TicketEdit edit;
    for (const auto word : words) {
        add_field_change(edit, word, "RU");
    }
    edit.reason = std::move(reason);
    return edit;
}

std::int64_t rows_of(Store& store, std::string_view table) {
    for (const auto& counted : store.row_counts()) {
        if (counted.table == table) {
            return counted.rows;
        }
    }
    return -1;
}

}  // namespace

TEST_CASE("actions::edit_tickets") {
    auto store = test::fresh_store();
    const test::TempDir dir;
    const Routing routing = routing_keeping_quality(dir);
    const Actor actor{"anna", k_now};
    const TicketId id = create_ticket(store, test::new_ticket("Printer"), actor);
    SUBCASE("each field changed is one event with before and after") {
        const auto outcome =
            edit_tickets(store, routing, std::vector{id}, edit_of({"priority:urgent", "subject:Toner"}), actor);
        REQUIRE(outcome[0].changes.size() == 2);
        CHECK(outcome[0].changes[0].field == "priority");
        CHECK(outcome[0].changes[0].from == "normal");
        const auto events = load_ticket(store, id).events;
        CHECK(events.back().detail == R"({"field":"subject","from":"Printer","to":"Toner"})");
        CHECK(require_ticket(store, id).priority == Priority::urgent);
    }
    SUBCASE("the same values again change nothing") {
        edit_tickets(store, routing, std::vector{id}, edit_of({"priority:high"}), actor);
        CHECK(edit_tickets(store, routing, std::vector{id}, edit_of({"priority:high"}), actor)[0].changes.empty());
    }
    SUBCASE("a transfer to a pool queue drops the owner; to a keep_owner queue keeps it") {
        assign_ticket(store, routing, id, std::string("anna"), actor);
        const auto to_pool =
            edit_tickets(store, routing, std::vector{id}, edit_of({"queue:payments"}, "refund"), actor);
        CHECK(to_pool[0].dropped_owner == "anna");
        CHECK_FALSE(require_ticket(store, id).assignee);
        CHECK(load_ticket(store, id).events.back().kind == "assigned");
        assign_ticket(store, routing, id, std::string("anna"), actor);
        const auto kept =
            edit_tickets(store, routing, std::vector{id}, edit_of({"queue:quality", "line:2"}, "x"), actor);
        CHECK_FALSE(kept[0].dropped_owner);
        CHECK(require_ticket(store, id).assignee == "anna");
        CHECK(require_ticket(store, id).line == 2);
    }
    SUBCASE("a transfer needs a reason and a queue routing knows") {
        CHECK(error_code_of([&] {
                  edit_tickets(store, routing, std::vector{id}, edit_of({"queue:payments"}), actor);
              }) == Exit::usage);
        CHECK(error_code_of([&] {
                  edit_tickets(store, routing, std::vector{id}, edit_of({"queue:paymnts"}, "x"), actor);
              }) == Exit::usage);
        CHECK(error_code_of([&] { edit_tickets(store, routing, std::vector{id}, edit_of({"line:3"}, "x"), actor); }) ==
              Exit::usage);
    }
    SUBCASE("values are checked as a new ticket's are") {
        TicketEdit edit;
        CHECK(error_code_of([&] { add_field_change(edit, "priority:hgh", "RU"); }) == Exit::usage);
        CHECK(error_code_of([&] { add_field_change(edit, "subject: ", "RU"); }) == Exit::data);
        CHECK(error_code_of([&] { add_field_change(edit, "requester:nobody", "RU"); }) == Exit::data);
        CHECK(error_code_of([&] { add_field_change(edit, "colour:red", "RU"); }) == Exit::usage);
    }
    SUBCASE("a dry run writes nothing") {
        const auto outcome =
            edit_tickets(store, routing, std::vector{id}, edit_of({"priority:low"}), actor, DryRun::yes);
        CHECK(outcome[0].changes.size() == 1);
        CHECK(require_ticket(store, id).priority == Priority::normal);
    }
}

TEST_CASE("actions::add_note: never a reply") {
    auto store = test::fresh_store();
    const Actor actor{"anna", k_now};
    const TicketId id = create_ticket(store, test::new_ticket("Printer"), actor);
    add_note(store, id, "Called him.\n", Actor{"anna", k_now + 60});
    const Ticket ticket = require_ticket(store, id);
    CHECK_FALSE(ticket.first_reply_at);
    CHECK(ticket.awaiting_since == k_now);  // the customer still waits for an answer
    const auto record = load_ticket(store, id);
    CHECK(record.messages.back().direction == Direction::note);
    CHECK(record.messages.back().body == "Called him.");
    CHECK(record.events.back().kind == "noted");
    CHECK(handover_note(record) == nullptr);
    CHECK(error_code_of([&] { add_note(store, id, " \n", actor); }) == Exit::data);
    CHECK(error_code_of([&] { add_note(store, 99, "x", actor); }) == Exit::nothing);
}

TEST_CASE("actions::escalate_ticket records the handover note in its transaction") {
    auto store = test::fresh_store();
    const Actor actor{"anna", k_now};
    const TicketId id = create_ticket(store, test::new_ticket("Printer"), actor);
    const Routing routing;
    const auto escalation =
        escalate_ticket(store, routing, EscalateRequest{id, "refund", {}, {}, "Check order 5."}, actor);
    REQUIRE(escalation.note);
    const auto record = load_ticket(store, id);
    REQUIRE(handover_note(record) != nullptr);
    CHECK(handover_note(record)->body == "Check order 5.");
    // A blank note stops the escalation: nothing is recorded.
    const auto events = record.events.size();
    CHECK(error_code_of([&] {
              escalate_ticket(store, routing, EscalateRequest{id, "x", 3, {}, " "}, actor);
          }) == Exit::data);
    CHECK(load_ticket(store, id).events.size() == events);
}

TEST_CASE("bulk: 10,000 tickets changed in one transaction, an event each") {
    auto store = test::fresh_store();
    const Actor actor{"anna", k_now};
    constexpr int k_tickets = 10000;
    std::vector<TicketId> ids;
    {
        auto transaction = store.begin_write();
        for (int i = 0; i < k_tickets; ++i) {
            ids.push_back(store.insert_ticket(test::new_ticket("Outage"), k_now - 60));
        }
        transaction.commit();
    }
    const std::vector<std::string> outage{"outage"};
    const auto events_before = rows_of(store, "events");
    SUBCASE("tags, status, fields and owner") {
        CHECK(change_tags_of(store, ids, outage, {}, actor, DryRun::no).size() == k_tickets);
        CHECK(close_tickets(store, ids, actor).back().changed);
        CHECK(edit_tickets(store, Routing(), ids, edit_of({"priority:high"}), actor).size() == k_tickets);
        CHECK(assign_tickets(store, Routing(), ids, std::string("anna"), actor, Ownership::to_the_end, DryRun::no)
                  .size() == k_tickets);
        CHECK(rows_of(store, "events") == events_before + 4 * k_tickets);
        CHECK(rows_of(store, "tags") == k_tickets);
        CHECK(require_ticket(store, ids.back()).status == Status::closed);
    }
    SUBCASE("one unknown ticket changes none") {
        ids.push_back(k_tickets + 1);
        CHECK(error_code_of([&] { change_tags_of(store, ids, outage, {}, actor, DryRun::no); }) == Exit::nothing);
        CHECK(error_code_of([&] { close_tickets(store, ids, actor); }) == Exit::nothing);
        CHECK(rows_of(store, "events") == events_before);
        CHECK(rows_of(store, "tags") == 0);
    }
}
