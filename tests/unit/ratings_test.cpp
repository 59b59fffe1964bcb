#include "actions/conversation.hpp"
#include "actions/ratings.hpp"
#include "actions/tickets.hpp"
#include "core/error.hpp"
#include "store/store.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace tkt;

namespace {

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z

struct Case {
    const char* reply;
    int score;            // 0: no rating
    const char* comment;  // what is kept with it
};

// Customer replies to a closing message that asked for a rating, as they come.
constexpr Case k_cases[] = {
    // Ratings.
    {"5", 5, ""},
    {"  4  \n", 4, ""},
    {"5!", 5, ""},
    {"5/5", 5, ""},
    {"4 / 5", 4, ""},
    {"3 из 5", 3, ""},
    {"4 out of 5, the courier was late", 4, "the courier was late"},
    {"Оценка: 4", 4, ""},
    {"оценка 5 всё отлично", 5, "всё отлично"},
    {"Моя оценка - 2. Долго ждал ответа", 2, "Долго ждал ответа"},
    {"Rating: 3", 3, ""},
    {"I'd give you 5 stars", 5, ""},
    {"I’d rate it 4", 4, ""},
    {"Ставлю 5, спасибо!", 5, "спасибо!"},
    {"ставлю вам 4 балла", 4, ""},
    {"5 звёзд", 5, ""},
    {"5 - thanks, all works now", 5, "thanks, all works now"},
    {"4 — быстро, но пришлось напоминать", 4, "быстро, но пришлось напоминать"},
    {"1. Nobody called me back.", 1, "Nobody called me back."},
    {"5 :)", 5, ""},
    {"5 🙂", 5, "🙂"},
    {"👍", 5, ""},
    {"👍🏻 спасибо", 5, "спасибо"},
    {"👎", 1, ""},
    {"⭐⭐⭐⭐", 4, ""},
    {"★★★☆☆ slow", 3, "slow"},
    {"5\n\nThe courier was very polite.\n\nThank you,\nOlga", 5, "The courier was very polite."},
    {"Здравствуйте!\n\n5\n\nС уважением,\nОльга", 5, ""},
    {"Hello,\n4 - good\n\nBest regards,\nSam", 4, "good"},
    {"3\n\nOn Mon, 23 Nov 2026 at 10:00, Support <support@example.com> wrote:\n> How did we do? Reply with a number", 3,
     ""},
    {"2\n> 5 stars would be nice", 2, ""},
    // Not ratings: numbers that say something else, and words.
    {"5 minutes ago it broke again", 0, ""},
    {"2 вопроса остались", 0, ""},
    {"3 дня жду ответа", 0, ""},
    {"1) the login fails\n2) the mail is late", 0, ""},
    {"1. The login fails\n2. The mail is late", 0, ""},
    {"4.5", 0, ""},
    {"4,5", 0, ""},
    {"10/10", 0, ""},
    {"5/10", 0, ""},
    {"0", 0, ""},
    {"6", 0, ""},
    {"15", 0, ""},
    {"3rd time I write about this", 0, ""},
    {"5th floor, the courier could not find it", 0, ""},
    {"Thanks!", 0, ""},
    {"Спасибо, всё работает", 0, ""},
    {"It still does not work", 0, ""},
    {"Оценка отличная", 0, ""},
    {"Rating the app is impossible, it crashes", 0, ""},
    {"+7 900 123-45-67", 0, ""},
    {"2 more questions: where is my refund?", 0, ""},
    {"⭐⭐⭐⭐⭐⭐", 0, ""},
    {"👍👎", 0, ""},
    {"", 0, ""},
    {"> 5", 0, ""},
};

TicketId solved_ticket(Store& store, const std::string& replier, Timestamp at) {
    NewTicket ticket = test::new_ticket("Parcel late");
    ticket.requester = "olga@example.org";
    const TicketId id = create_ticket(store, ticket, Actor{"olga@example.org", at});
    auto transaction = store.begin_write();
    Message reply;
    reply.ticket_id = id;
    reply.direction = Direction::out;
    reply.author = replier;
    reply.body = "It ships today.";
    reply.created_at = at + 600;
    store.insert_message(reply);
    change_status(store, require_ticket(store, id), Status::solved, Actor{replier, at + 600});
    transaction.commit();
    return id;
}

InboundMessage chat_line(TicketId ticket, std::string id, std::string body) {
    InboundMessage message;
    message.ticket = ticket;
    message.external_id = std::move(id);
    message.from = Identity{IdentityKind::email, "olga@example.org", "Olga"};
    message.body = std::move(body);
    return message;
}

// store_inbound() in a transaction of its own.
InboundResult deliver(Store& store, const InboundMessage& message, Timestamp at, Opening opening = Opening::refused) {
    auto transaction = store.begin_write();
    const auto result = store_inbound(store, message, InboundSettings{}, opening, at);
    transaction.commit();
    return result;
}

}  // namespace

TEST_CASE("read_rating_reply reads a rating where a customer gives one, and nothing else") {
    static_assert(std::size(k_cases) >= 30);
    for (const auto& c : k_cases) {
        CAPTURE(c.reply);
        const auto rating = read_rating_reply(c.reply);
        if (c.score == 0) {
            CHECK_FALSE(rating);
            continue;
        }
        REQUIRE(rating);
        CHECK(rating->score == c.score);
        CHECK(rating->comment == c.comment);
    }
}

TEST_CASE("record_rating credits the last agent who replied before the solve") {
    Store store = test::fresh_store();
    const TicketId id = solved_ticket(store, "boris", k_now);
    // Anna looks at it later and adds a note after the solve: not the conversation rated.
    {
        auto transaction = store.begin_write();
        Message late;
        late.ticket_id = id;
        late.direction = Direction::out;
        late.author = "anna";
        late.body = "One more thing.";
        late.created_at = k_now + 7200;
        store.insert_message(late);
        transaction.commit();
    }
    const Rating rating = rate_ticket(store, id, 4, "fast", Actor{"anna", k_now + 9000});
    CHECK(rating.agent == "boris");
    CHECK_FALSE(rating.previous);
    const auto events = store.events(id);
    REQUIRE_FALSE(events.empty());
    const auto detail = nlohmann::json::parse(events.back().detail);
    CHECK(events.back().kind == "rated");
    CHECK(detail["source"] == "agent");
    CHECK(detail["agent"] == "boris");
    CHECK(detail["comment"] == "fast");
    // A ticket never answered credits nobody; a score out of range changes nothing.
    const TicketId unanswered = create_ticket(store, test::new_ticket("Hello"), Actor{"kim@example.com", k_now});
    CHECK_FALSE(rate_ticket(store, unanswered, 2, "", Actor{"anna", k_now + 60}).agent);
    CHECK(test::error_code_of([&] { rate_ticket(store, id, 6, "", Actor{"anna", k_now}); }) == Exit::usage);
    CHECK(test::error_code_of([&] { rate_ticket(store, 999, 4, "", Actor{"anna", k_now}); }) == Exit::nothing);
    CHECK(store.find_ticket(id)->csat == 4);
}

TEST_CASE("a customer's rating reply to a solved ticket is their rating: nothing reopens, no clock starts") {
    Store store = test::fresh_store();
    const TicketId id = solved_ticket(store, "boris", k_now);
    const auto rated = deliver(store, chat_line(id, "m1", "5 - thank you!"), k_now + 3600);
    CHECK(rated.rated == 5);
    CHECK_FALSE(rated.reopened);
    const Ticket ticket = *store.find_ticket(id);
    CHECK(ticket.status == Status::solved);
    CHECK(ticket.csat == 5);
    CHECK_FALSE(ticket.awaiting_since);
    const auto messages = store.messages(id);
    REQUIRE(messages.back().rating == 5);
    CHECK(messages.back().body == "5 - thank you!");
    const auto detail = nlohmann::json::parse(store.events(id).back().detail);
    CHECK(detail["source"] == "reply");
    CHECK(detail["agent"] == "boris");
    CHECK(detail["comment"] == "thank you!");
    CHECK(detail["message"] == messages.back().id);

    // Anything else from the customer reopens it, as before.
    const auto again = deliver(store, chat_line(id, "m2", "5 minutes ago it broke again"), k_now + 7200);
    CHECK_FALSE(again.rated);
    CHECK(again.reopened);
    CHECK(store.find_ticket(id)->status == Status::open);
    CHECK(store.find_ticket(id)->csat == 5);

    // On an open ticket a number is a message like any other.
    CHECK_FALSE(deliver(store, chat_line(id, "m3", "4"), k_now + 7300).rated);
    CHECK(store.find_ticket(id)->csat == 5);
}

TEST_CASE("a chat platform's rating form: recorded once per id, its comment kept, a later one replacing it") {
    Store store = test::fresh_store();
    const TicketId id = solved_ticket(store, "vera", k_now);
    auto form = chat_line(id, "r1", "");
    form.rating = 2;
    CHECK(deliver(store, form, k_now + 3600).rated == 2);
    CHECK(deliver(store, form, k_now + 3601).outcome == InboundOutcome::duplicate);
    auto better = chat_line(id, "r2", "they called back");
    better.rating = 4;
    CHECK(deliver(store, better, k_now + 3700).rated == 4);
    CHECK(store.find_ticket(id)->csat == 4);
    CHECK(store.find_ticket(id)->status == Status::solved);
    const auto event = store.events(id).back();
    CAPTURE(event.detail);
    REQUIRE(event.kind == "rated");
    const auto detail = nlohmann::json::parse(event.detail);
    CHECK(detail["previous"] == 2);
    CHECK(detail["source"] == "customer");
    CHECK(detail["agent"] == "vera");
    CHECK(detail["comment"] == "they called back");

    auto wrong = chat_line(id, "r3", "");
    wrong.rating = 7;
    CHECK(test::error_code_of([&] { deliver(store, wrong, k_now + 3800); }) == Exit::data);
    auto nowhere = chat_line(id, "r4", "");
    nowhere.ticket.reset();
    nowhere.thread = "jivo:404";
    nowhere.rating = 5;
    CHECK(test::error_code_of([&] { deliver(store, nowhere, k_now + 3800, Opening::allowed); }) == Exit::data);
    CHECK_FALSE(store.ticket_of_thread("jivo:404"));
    CHECK(store.find_ticket(id)->csat == 4);
}
