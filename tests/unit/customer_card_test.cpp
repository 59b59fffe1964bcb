#include "actions/customers.hpp"
#include "actions/ratings.hpp"
#include "actions/tickets.hpp"
#include "core/error.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace tkt;
using tkt::test::error_code_of;
using tkt::test::error_message_of;

namespace {

constexpr Timestamp k_day = 86400;
constexpr Timestamp k_start = 1795341600;  // 2026-11-22T10:00:00Z
constexpr Seconds k_week = 7 * k_day;

// Opens a ticket from `requester` (named `name`) `day` days after k_start.
TicketId open_from(Store& store, const std::string& requester, const std::string& name, Timestamp day,
                   std::optional<std::string> language = "en") {
    auto ticket = test::new_ticket(fmt::format("day {}", day), requester);
    ticket.requester_name = name;
    ticket.language = std::move(language);
    return create_ticket(store, ticket, Actor{"anna", k_start + day * k_day});
}

std::vector<TicketId> ids_of(const CustomerCard& card) {
    std::vector<TicketId> ids;
    for (const auto& ticket : card.tickets) {
        ids.push_back(ticket.ticket.id);
    }
    return ids;
}

CustomerWho identity_who(const std::string& value) {
    return read_customer_who(value, "RU");
}

}  // namespace

TEST_CASE("actions::read_customer_who") {
    SUBCASE("#42 is always a ticket") {
        CHECK(read_customer_who("#42", "RU").ticket == 42);
        CHECK(read_customer_who("#89001234567", "RU").ticket == 89001234567);
    }
    SUBCASE("digits that are no phone number of the country are a ticket") {
        CHECK(read_customer_who("42", "RU").ticket == 42);
        CHECK(read_customer_who("4217", "RU").ticket == 4217);
        CHECK(read_customer_who("4217", "RU").digits_only);
    }
    SUBCASE("digits that are a phone number of the country are the phone number") {
        const auto who = read_customer_who("89001234567", "RU");
        CHECK_FALSE(who.ticket);
        REQUIRE(who.identity);
        CHECK(who.identity->value == "+79001234567");
        CHECK(who.digits_only);
    }
    SUBCASE("without a country, digits alone are never a phone number") {
        CHECK(read_customer_who("89001234567", "").ticket == 89001234567);
    }
    SUBCASE("identities as parse_identity reads them") {
        CHECK(read_customer_who("+7 900 123-45-67", "").identity->value == "+79001234567");
        CHECK_FALSE(read_customer_who("+7 900 123-45-67", "").digits_only);
        CHECK(read_customer_who("Bob <Bob@Example.COM>", "").identity->value == "bob@example.com");
        CHECK(read_customer_who("Telegram:12345", "").identity->value == "telegram:12345");
    }
    SUBCASE("anything else is a usage error") {
        CHECK(error_code_of([] { read_customer_who("#4x", "RU"); }) == Exit::usage);
        CHECK(error_message_of([] { read_customer_who("#", "RU"); }) ==
              "invalid ticket id '#' (ids are numbers such as 42)");
        CHECK(error_code_of([] { read_customer_who("nobody", "RU"); }) == Exit::usage);
        CHECK(error_message_of([] { read_customer_who("+7 900 123-45", "RU"); }) ==
              "'+7 900 123-45' is not a possible phone number (read as a number of RU)");
        CHECK(error_code_of([] { read_customer_who("0", "RU"); }) == Exit::usage);
    }
}

TEST_CASE("actions::customer_card") {
    auto store = test::fresh_store();
    const TicketId first = open_from(store, "bob@example.com", "Bob", 0);
    const TicketId by_phone = open_from(store, "+79001234567", "Боб", 3, "ru");
    const TicketId duplicate = open_from(store, "+79001234567", "", 3, "ru");
    const TicketId later = open_from(store, "bob@example.com", "Bob Smith", 20);
    open_from(store, "alice@example.com", "Alice", 1);
    const Actor anna{"anna", k_start + 21 * k_day};
    link_identities(
        store, std::vector{*identity_who("bob@example.com").identity, *identity_who("+79001234567").identity}, anna);
    change_status(store, require_ticket(store, first), Status::solved, anna);
    rate_ticket(store, first, 5, "fast", anna);
    rate_ticket(store, by_phone, 2, "", Actor{"anna", k_start + 22 * k_day});
    merge_tickets(store, std::vector{duplicate}, by_phone, anna);
    record_assignment(store, later, std::nullopt, "boris", "hand", anna);
    Message reply;
    reply.ticket_id = later;
    reply.direction = Direction::out;
    reply.author = "boris";
    reply.body = "On its way";
    reply.created_at = k_start + 21 * k_day;
    store.insert_message(reply);

    const auto card = customer_card(store, identity_who("89001234567"), k_week);

    SUBCASE("every identity, with the name it was last seen with") {
        REQUIRE(card.identities.size() == 2);
        CHECK(card.identity == "+79001234567");
        CHECK(card.identities[0].identity == "+79001234567");
        CHECK(card.identities[0].name == "Боб");
        CHECK(card.identities[1].identity == "bob@example.com");
        CHECK(card.identities[1].name == "Bob Smith");
    }
    SUBCASE("open work first, then the rest, newest first in each") {
        // The merge closed the duplicate; first was solved before it was rated.
        CHECK(ids_of(card) == std::vector<TicketId>{later, by_phone, duplicate, first});
        CHECK(card.tickets[2].ticket.merged_into == by_phone);
    }
    SUBCASE("contacts and repeat contacts as tkt stats counts them") {
        CHECK(card.first_contact == k_start);
        CHECK(card.last_contact == k_start + 20 * k_day);
        // by_phone came 3 days after first, from a linked identity; the merged duplicate
        // never counts; later came 17 days after by_phone, outside the week.
        CHECK(card.repeat_contacts == 1);
        CHECK(card.tickets[1].repeat);
        CHECK_FALSE(card.tickets[2].repeat);
    }
    SUBCASE("ratings, oldest first, with their comments") {
        REQUIRE(card.ratings.size() == 2);
        CHECK(card.ratings[0].ticket == first);
        CHECK(card.ratings[0].score == 5);
        CHECK(card.ratings[0].comment == "fast");
        CHECK(card.ratings[1].ticket == by_phone);
        CHECK(card.ratings[1].at == k_start + 22 * k_day);
        CHECK(card.ratings[1].comment.empty());
    }
    SUBCASE("agents who replied or were assigned") {
        REQUIRE(card.agents.size() == 1);
        CHECK(card.agents[0].login == "boris");
        CHECK(card.agents[0].replies == 1);
        CHECK(card.agents[0].assigned == 1);
    }
    SUBCASE("languages of the tickets that were not merged") {
        REQUIRE(card.languages.size() == 2);
        CHECK(card.languages[0].language == "en");
        CHECK(card.languages[0].tickets == 2);
        CHECK(card.languages[1].language == "ru");
        CHECK(card.languages[1].tickets == 1);
    }
    SUBCASE("a ticket's card is its requester's") {
        const auto of_ticket = customer_card(store, read_customer_who("#1", "RU"), k_week);
        CHECK(of_ticket.identity == "bob@example.com");
        CHECK(ids_of(of_ticket) == ids_of(card));
    }
    SUBCASE("an identity of its own has a card of its own") {
        CHECK(customer_card(store, identity_who("alice@example.com"), k_week).tickets.size() == 1);
    }
    SUBCASE("an unknown identity or ticket is not found") {
        CHECK(error_message_of([&] { customer_card(store, identity_who("nobody@example.com"), k_week); }) ==
              "no customer 'nobody@example.com': no ticket came from it and no link names it");
        CHECK(error_code_of([&] { customer_card(store, identity_who("89009999999"), k_week); }) == Exit::nothing);
        CHECK(error_message_of([&] { customer_card(store, identity_who("99"), k_week); }) == "no ticket 99");
    }
}
