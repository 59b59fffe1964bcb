#include "actions/conversation.hpp"
#include "core/error.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace tkt;

namespace {

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z

InboundMessage chat_line(std::string thread, std::string id, std::string body) {
    InboundMessage message;
    message.thread = std::move(thread);
    message.external_id = std::move(id);
    message.from = Identity{IdentityKind::chat, "jivo:v1", "Olga"};
    message.body = std::move(body);
    return message;
}

std::int64_t messages_in(Store& store, TicketId id) {
    return static_cast<std::int64_t>(store.messages(id).size());
}

}  // namespace

TEST_CASE("conversation::store_inbound_batch keeps a message's own fault to it") {
    auto store = test::fresh_store();
    std::vector<InboundMessage> batch{
        chat_line("jivo:1", "a1", "The card is refused"), chat_line("jivo:1", "a2", ""),  // empty: refused
        chat_line("jivo:1", "a3", "Still refused"), chat_line("jivo:1", "a1", "The card is refused")};
    batch.push_back(chat_line("jivo:2", "b1", "Where is my order?"));
    batch.back().ticket = 99;  // no such ticket: refused
    const auto outcomes = store_inbound_batch(store, batch, InboundSettings{}, Opening::allowed, k_now);
    REQUIRE(outcomes.size() == 5);
    REQUIRE(outcomes[0].stored);
    CHECK(outcomes[0].stored->outcome == InboundOutcome::created);
    CHECK_FALSE(outcomes[1].stored);
    CHECK_FALSE(outcomes[1].refused.empty());
    REQUIRE(outcomes[2].stored);
    CHECK(outcomes[2].stored->outcome == InboundOutcome::added);
    CHECK(outcomes[2].stored->ticket == outcomes[0].stored->ticket);
    REQUIRE(outcomes[3].stored);
    CHECK(outcomes[3].stored->outcome == InboundOutcome::duplicate);
    CHECK_FALSE(outcomes[4].stored);
    CHECK(outcomes[4].refused.find("99") != std::string::npos);
    // Committed: the two messages of the one ticket, nothing of the refused ones.
    CHECK(messages_in(store, outcomes[0].stored->ticket) == 2);
    CHECK_FALSE(store.ticket_of_thread("jivo:2"));
}

TEST_CASE("conversation::store_inbound_batch refuses a message that joins no ticket when opening is refused") {
    auto store = test::fresh_store();
    const std::vector<InboundMessage> batch{chat_line("jivo:5", "c1", "Hello")};
    const auto outcomes = store_inbound_batch(store, batch, InboundSettings{}, Opening::refused, k_now);
    REQUIRE(outcomes.size() == 1);
    CHECK_FALSE(outcomes[0].stored);
    CHECK(outcomes[0].refused.find("jivo:5") != std::string::npos);
}

TEST_CASE("conversation: a reply goes back through the thread the customer used last") {
    auto store = test::fresh_store();
    const auto stored = [&](InboundMessage message, Timestamp now) {
        const std::vector<InboundMessage> one{std::move(message)};
        const auto outcomes = store_inbound_batch(store, one, InboundSettings{}, Opening::allowed, now);
        REQUIRE(outcomes[0].stored);
        return outcomes[0].stored->ticket;
    };
    const TicketId id = stored(chat_line("zz:first", "1", "Hello"), k_now);
    CHECK(store.thread_of_ticket(id) == "zz:first");
    // A second conversation whose name sorts first, used later: it is the one.
    auto later = chat_line("aa:second", "2", "From the app now");
    later.ticket = id;
    stored(later, k_now + 60);
    CHECK(store.thread_of_ticket(id) == "aa:second");
    // A transcript line typed in afterwards, dated before it, changes nothing.
    auto typed_in = chat_line("zz:first", "3", "(from the log)");
    typed_in.at = k_now + 30;
    stored(typed_in, k_now + 120);
    CHECK(store.thread_of_ticket(id) == "aa:second");
    // A newer message in the first conversation makes it the latest again.
    stored(chat_line("zz:first", "4", "Back here"), k_now + 180);
    CHECK(store.thread_of_ticket(id) == "zz:first");
}

TEST_CASE("conversation: the threads of a ticket merged into another answer the one it went to") {
    auto store = test::fresh_store();
    const auto open = [&](std::string thread, std::string id, Timestamp now) {
        const std::vector<InboundMessage> one{chat_line(std::move(thread), std::move(id), "Hello")};
        return *store_inbound_batch(store, one, InboundSettings{}, Opening::allowed, now)[0].stored;
    };
    const TicketId kept = open("jivo:1", "a", k_now).ticket;
    const TicketId merged = open("jivo:2", "b", k_now + 60).ticket;
    REQUIRE(kept != merged);
    {
        auto transaction = store.begin_write();
        store.set_merged(merged, kept, k_now + 90);
        transaction.commit();
    }
    CHECK(store.thread_of_ticket(kept) == "jivo:2");
}
