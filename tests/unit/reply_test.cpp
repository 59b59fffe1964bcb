#include "actions/reply.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace tkt;
using tkt::test::error_code_of;

namespace {

constexpr Timestamp k_now = 1795341600;

const AgentIdentity k_anna{"anna", "Anna Smirnova", "anna@example.com", {}};

TicketId open_ticket(Store& store, const std::string& subject = "Parcel lost") {
    NewTicket ticket;
    ticket.subject = subject;
    ticket.requester = "bob@example.com";
    ticket.requester_name = "Bob Stone";
    ticket.body = "Where is it?";
    ticket.channel = Channel::email;
    return create_ticket(store, ticket, Actor{"bob@example.com", k_now - 3600});
}

// Adds an inbound message with `id` to ticket `ticket`, as mail threading would.
void receive(Store& store, TicketId ticket, const std::string& id, bool automatic = false) {
    auto transaction = store.begin_write();
    Message message;
    message.ticket_id = ticket;
    message.direction = Direction::in;
    message.message_id = id;
    message.author = "bob@example.com";
    message.body = "more";
    message.automatic = automatic;
    message.created_at = k_now - 60;
    store.insert_message(message);
    transaction.commit();
}

ReplyDraft draft(Store& store, TicketId id, std::string subject = "Re: Parcel lost",
                 std::optional<Status> status_after = std::nullopt) {
    RenderedReply rendered{"acknowledge", "en", std::move(subject), "Hello Bob,\n", status_after};
    ReplyFiles files;
    return draft_reply(load_ticket(store, id), rendered, k_anna, MailSettings{}, Compose::text_only, k_now, files);
}

}  // namespace

TEST_CASE("replying::draft_reply threads to the customer's last message") {
    auto store = test::fresh_store();
    const TicketId id = open_ticket(store);
    receive(store, id, "first@example.com");
    receive(store, id, "ooo@example.com", true);   // an auto-reply is not the customer's
    receive(store, id, "sha256-abc@tkt.invalid");  // a dedup key, not a Message-ID
    const auto reply = draft(store, id);
    CHECK(reply.in_reply_to == "first@example.com");
    CHECK(reply.references == std::vector<std::string>{"tkt-ticket-1@example.com", "first@example.com"});
    CHECK(reply.subject == "Re: Parcel lost [Support #1]");
    CHECK(reply.to.email == "bob@example.com");
    CHECK(reply.to.name == "Bob Stone");
    CHECK(reply.message_id.starts_with("tkt.1.1795341600."));
    CHECK(reply.message_id.ends_with("@example.com"));
    CHECK(reply.raw.empty());
    CHECK(draft(store, id).message_id != reply.message_id);
}

TEST_CASE("replying::draft_reply keeps References short: the first and the latest") {
    auto store = test::fresh_store();
    const TicketId id = open_ticket(store);
    for (int i = 0; i < 15; ++i) {
        receive(store, id, "m" + std::to_string(i) + "@example.com");
    }
    const auto reply = draft(store, id);
    REQUIRE(reply.references.size() == 11);
    CHECK(reply.references[1] == "m0@example.com");
    CHECK(reply.references[2] == "m6@example.com");
    CHECK(reply.references.back() == "m14@example.com");
}

TEST_CASE("replying::draft_reply subjects") {
    auto store = test::fresh_store();
    const TicketId id = open_ticket(store, "Re: Parcel lost");
    CHECK(draft(store, id, "Re: Re: Parcel lost").subject == "Re: Parcel lost [Support #1]");
    CHECK(draft(store, id, "  ").subject == "Re: Re: Parcel lost [Support #1]");
    CHECK(draft(store, id, "Re: Parcel [Support #1] lost").subject == "Re: Parcel [Support #1] lost");
    CHECK(draft(store, id, "Line\nbreak").subject == "Line break [Support #1]");
}

TEST_CASE("replying::draft_reply needs a From address to compose") {
    auto store = test::fresh_store();
    const TicketId id = open_ticket(store);
    const RenderedReply rendered{"x", "en", "Re: x", "Hello\n", std::nullopt};
    const AgentIdentity nobody{"anna", "Anna Smirnova", "", {}};
    ReplyFiles files;
    CHECK(error_code_of([&] {
              draft_reply(load_ticket(store, id), rendered, nobody, MailSettings{}, Compose::message, k_now, files);
          }) == Exit::config);
    MailSettings bad;
    bad.from = "not an address";
    CHECK(error_code_of([&] {
              draft_reply(load_ticket(store, id), rendered, k_anna, bad, Compose::message, k_now, files);
          }) == Exit::config);
}

TEST_CASE("replying::record_replies records everything once") {
    auto store = test::fresh_store();
    const TicketId id = open_ticket(store);
    const std::vector<ReplyDraft> first{draft(store, id)};
    const auto recorded = record_replies(store, first, k_anna, Queue::no, k_now);
    REQUIRE(recorded.size() == 1);
    CHECK(recorded[0].first_reply);
    CHECK(recorded[0].assigned);
    CHECK(recorded[0].status.from == Status::new_);
    CHECK(recorded[0].status.to == Status::open);
    CHECK_FALSE(recorded[0].outbox_id);

    auto record = load_ticket(store, id);
    CHECK(record.ticket.first_reply_at == k_now);
    CHECK(record.ticket.assignee == "anna");
    CHECK(record.ticket.status == Status::open);
    REQUIRE(record.messages.size() == 2);
    CHECK(record.messages[1].direction == Direction::out);
    CHECK(record.messages[1].message_id == first[0].message_id);
    CHECK(record.messages[1].subject == "Re: Parcel lost [Support #1]");

    // A later reply by another agent: first_reply_at and the owner stay.
    const AgentIdentity boris{"boris", "Boris Petrov", "", {}};
    const std::vector<ReplyDraft> second{draft(store, id, "Re: x", Status::pending)};
    const auto again = record_replies(store, second, boris, Queue::no, k_now + 600);
    CHECK_FALSE(again[0].first_reply);
    CHECK_FALSE(again[0].assigned);
    record = load_ticket(store, id);
    CHECK(record.ticket.first_reply_at == k_now);
    CHECK(record.ticket.assignee == "anna");
    CHECK(record.ticket.status == Status::pending);
    std::vector<std::string> kinds;
    for (const auto& event : record.events) {
        kinds.push_back(event.kind + ":" + event.actor);
    }
    CHECK(kinds == std::vector<std::string>{"created:bob@example.com", "replied:anna", "assigned:anna", "status:anna",
                                            "replied:boris", "status:boris"});
}

TEST_CASE("replying::record_replies is all or nothing") {
    auto store = test::fresh_store();
    const TicketId id = open_ticket(store);
    auto good = draft(store, id);
    auto gone = good;
    gone.ticket_id = 99;
    gone.message_id = "other@example.com";
    const std::vector<ReplyDraft> drafts{good, gone};
    CHECK(error_code_of([&] { record_replies(store, drafts, k_anna, Queue::no, k_now); }) == Exit::nothing);
    CHECK(load_ticket(store, id).messages.size() == 1);
    CHECK_FALSE(load_ticket(store, id).ticket.first_reply_at);
}

TEST_CASE("replying::send_outbox sends each message once") {
    const test::TestDatabase database;
    const auto& dir = database.dir();
    auto store = database.open();
    const TicketId id = open_ticket(store);
    auto reply = draft(store, id);
    reply.raw = "Subject: hi\n\nbody\n";
    const std::vector<ReplyDraft> drafts{reply};
    const auto recorded = record_replies(store, drafts, k_anna, Queue::for_sending, k_now);
    REQUIRE(recorded[0].outbox_id);

    const auto sendmail = (dir / "sendmail").string();
    const auto count = (dir / "count").string();
    std::ofstream(sendmail) << "#!/bin/sh\ncat > /dev/null\necho x >> '" << count << "'\n[ -e '"
                            << (dir / "fail").string() << "' ] && exit 69\nexit 0\n";
    std::filesystem::permissions(sendmail, std::filesystem::perms::owner_all);

    std::ofstream(dir / "fail") << "";
    auto deliveries = send_outbox(store, Senders{{sendmail}, {}}, {}, k_now);
    REQUIRE(deliveries.size() == 1);
    CHECK_FALSE(deliveries[0].result.ok);
    auto waiting = store.outbox(OutboxScope::waiting);
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].state == OutboxState::queued);
    CHECK(waiting[0].attempts == 1);
    CHECK(waiting[0].last_error == sendmail + " exited with 69");

    std::filesystem::remove(dir / "fail");
    deliveries = send_outbox(store, Senders{{sendmail}, {}}, {}, k_now + 60);
    REQUIRE(deliveries.size() == 1);
    CHECK(deliveries[0].result.ok);
    CHECK(store.outbox(OutboxScope::waiting).empty());
    CHECK(send_outbox(store, Senders{{sendmail}, {}}, {}, k_now + 120).empty());
    const std::vector<std::int64_t> again{*recorded[0].outbox_id};
    CHECK(send_outbox(store, Senders{{sendmail}, {}}, again, k_now + 120).empty());

    const auto all = store.outbox(OutboxScope::all);
    REQUIRE(all.size() == 1);
    CHECK(all[0].state == OutboxState::sent);
    CHECK(all[0].sent_at == k_now + 60);
    CHECK(all[0].attempts == 2);
    std::ifstream in(count);
    const std::string lines((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(lines == "x\nx\n");
}

TEST_CASE("replying::replying_agent") {
    const Routing nobody;
    CHECK(replying_agent(k_anna, "", {}, nobody).full_name.in("en") == "Anna Smirnova");
    CHECK(replying_agent(k_anna, "anna", {}, nobody).email == "anna@example.com");
    // Unknown, or one name only: a reply is never signed without first and last name.
    CHECK(error_code_of([&] { replying_agent(k_anna, "boris", {}, nobody); }) == Exit::config);
    CHECK(error_code_of([&] {
              replying_agent(AgentIdentity{"masha", "masha", "", {}}, "", {}, nobody);
          }) == Exit::config);
    CHECK(error_code_of([&] { replying_agent(AgentIdentity{"masha", {}, "", {}}, "", {}, nobody); }) == Exit::config);
    CHECK(test::error_message_of([&] {
              replying_agent(k_anna, "boris", {{"agent.full_name", "Boris"}}, nobody);
          }) == "replies are signed with a first and a last name, and 'Boris' is one name: give both in --var "
                "agent.full_name");
    const auto named =
        replying_agent(k_anna, "boris", {{"agent.full_name", "Boris Petrov"}, {"agent.email", "b@x.org"}}, nobody);
    CHECK(named.full_name.in("ru") == "Boris Petrov");
    CHECK(named.email == "b@x.org");
    SUBCASE("routing.toml's agents name the agent --as gives, in each language") {
        test::TempDir dir;
        std::ofstream(dir / "routing.toml")
            << "[[agent]]\nlogin = \"boris\"\nfull_name = { en = \"Boris Petrov\", ru = \"Борис Петров\" }\n"
               "email = \"boris@example.com\"\n";
        const auto team = Routing::load(dir / "routing.toml");
        const auto boris = replying_agent(k_anna, "boris", {}, team);
        CHECK(boris.full_name.in("ru") == "Борис Петров");
        CHECK(boris.full_name.in("en") == "Boris Petrov");
        CHECK(boris.full_name.in("de") == "Boris Petrov");
        CHECK(boris.first_name_in("ru") == "Борис");
        CHECK(boris.email == "boris@example.com");
        CHECK(replying_agent(k_anna, "boris", {{"agent.full_name", "B. P."}}, team).full_name.in("ru") == "B. P.");
        CHECK(replying_agent(k_anna, "", {}, team).full_name.in("ru") == "Anna Smirnova");
    }
}
