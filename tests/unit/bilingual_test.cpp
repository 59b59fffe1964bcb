// Issue 17: the customer's language, introductions that are true, names per language,
// free-text lint, merged conversations and subject tags, below the command line.
#include "actions/edit_ticket.hpp"
#include "actions/reply.hpp"
#include "actions/ticket_language.hpp"
#include "routing/language.hpp"
#include "templates/lint.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace tkt;
using tkt::test::error_code_of;
using tkt::test::error_message_of;
using tkt::test::write_file;

namespace {

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z

const AgentIdentity k_anna{"anna", "Anna Smirnova", "anna@example.com", {}};

TicketId open(Store& store, const std::string& subject, const std::string& body,
              const std::string& from = "bob@example.com") {
    NewTicket ticket;
    ticket.subject = subject;
    ticket.requester = from;
    ticket.body = body;
    ticket.channel = Channel::email;
    return create_ticket(store, ticket, Actor{from, k_now - 3600});
}

// Sets the language of `ids` as `tkt set ID... language:VALUE` does.
std::vector<TicketEditOutcome> set_language(Store& store, std::vector<TicketId> ids, std::string_view value) {
    TicketEdit edit;
    edit.language = parse_language_choice(value);
    return edit_tickets(store, Routing(), ids, edit, Actor{"anna", k_now});
}

Event event(std::string actor, std::string kind, std::string detail = "{}") {
    return Event{0, 1, k_now, std::move(actor), std::move(kind), std::move(detail)};
}

Event assigned(const std::string& from, const std::string& to, const std::string& by, bool temporary = false) {
    const auto login = [](const std::string& l) { return l.empty() ? std::string("null") : "\"" + l + "\""; };
    return event("anna", "assigned",
                 "{\"from\": " + login(from) + ", \"to\": " + login(to) + ", \"by\": \"" + by + "\"" +
                     (temporary ? ", \"temporary\": true}" : "}"));
}

// A folder with a greeting, a signature and `extra` templates, each "name" -> TOML.
struct Library {
    test::TempDir dir;
    explicit Library(const std::map<std::string, std::string>& extra = {}) {
        write_file(dir / "greeting.toml", "[lang.en]\nbody = 'Hello,'\n[lang.ru]\nbody = 'Здравствуйте!'\n");
        write_file(dir / "signature.toml",
                   "[lang.en]\nbody = '{{agent.full_name}}'\n[lang.ru]\nbody = '{{agent.full_name}}'\n");
        for (const auto& [name, text] : extra) {
            write_file(dir / (name + ".toml"), text);
        }
    }
    TemplateLibrary library() const { return TemplateLibrary({dir.path()}); }
};

}  // namespace

TEST_CASE("language: codes as users write them") {
    CHECK(parse_language("ru") == "ru");
    CHECK(parse_language("RU") == "ru");
    CHECK(parse_language("en-US") == "en");
    CHECK(parse_language("en_GB") == "en");
    CHECK(parse_language("kaz") == "kaz");
    CHECK_FALSE(parse_language(""));
    CHECK_FALSE(parse_language("e"));
    CHECK_FALSE(parse_language("auto1"));
    CHECK_FALSE(parse_language("english"));
    CHECK_FALSE(parse_language("en-"));
    CHECK_FALSE(parse_language("р у"));
}

TEST_CASE("language: detected from the customer's own text") {
    CHECK(detect_language("Где моя посылка? Заказ 58213") == "ru");
    CHECK(detect_language("Where is my parcel?") == "en");
    CHECK(detect_language("ok") == "");    // too short to tell
    CHECK(detect_language("?? !") == "");  // no letters
    // Addresses and links are not the customer's words.
    CHECK(detect_language("Не работает https://shop.example.com/account/orders/settings ivan.petrov@example.com") ==
          "ru");
    SUBCASE("quoted replies and signatures are left out") {
        const std::string body = "Спасибо, всё пришло.\n\nOn Mon, 23 Nov 2026 Anna Smirnova <anna@example.com> "
                                 "wrote:\n> Hello, we have sent your parcel today with the tracking number below.\n";
        CHECK(own_text(body) == "Спасибо, всё пришло.\n\n");
        CHECK(message_language("Re: Your parcel", body) == "ru");
        CHECK(own_text("Thanks!\n-- \nИван Петров, ООО «Ромашка», генеральный директор\n") == "Thanks!\n");
        CHECK(own_text("Да\n> It is shipped.\n> Anything else?\n") == "Да\n");
        CHECK(own_text("ok\n\n-----Original Message-----\nFrom: x\n") == "ok\n\n");
        CHECK(own_text("Ок\n23.11.2026, 10:00, Анна пишет:\n> Здравствуйте\n") == "Ок\n");
    }
}

TEST_CASE("language: stored on the ticket, re-detected, set by hand") {
    auto store = test::fresh_store();
    const TicketId ru = open(store, "Посылка", "Заказ так и не пришёл.");
    const TicketId unknown = open(store, "?", "!!");
    CHECK(require_ticket(store, ru).language == "ru");
    CHECK_FALSE(require_ticket(store, unknown).language);
    CHECK(customer_language(load_ticket(store, unknown)) == "");

    const auto changes = set_language(store, {ru, unknown}, "EN");
    CHECK(changes[0].changes.size() == 1);
    CHECK(changes[0].changes[0].from == "ru");
    CHECK(changes[1].changes[0].to == "en");
    CHECK(load_ticket(store, ru).events.back().kind == "changed");
    set_language(store, {ru}, "auto");
    CHECK(require_ticket(store, ru).language == "ru");
    set_language(store, {ru}, "none");
    CHECK_FALSE(require_ticket(store, ru).language);
    CHECK(customer_language(load_ticket(store, ru)) == "ru");  // detected when replying
    CHECK(error_code_of([] { parse_language_choice("klingon"); }) == Exit::usage);
    // One unknown id changes none.
    CHECK(error_code_of([&] { set_language(store, {unknown, 99}, "ru"); }) == Exit::nothing);
    CHECK(require_ticket(store, unknown).language == "en");
}

TEST_CASE("introductions: true, once, and helpers say they help") {
    TicketRecord record;
    record.ticket.id = 1;
    SUBCASE("the first reply to a new ticket introduces nobody") {
        CHECK_FALSE(introduction_for(record, "anna").new_owner);
        record.ticket.assignee = "anna";
        record.events.push_back(assigned("", "anna", "least_loaded"));
        CHECK_FALSE(introduction_for(record, "anna").new_owner);
    }
    SUBCASE("a colleague's reply helps; the owner's next reply introduces nobody again") {
        record.events = {event("anna", "replied"), assigned("", "anna", "reply")};
        record.ticket.assignee = "anna";
        const auto boris = introduction_for(record, "boris");
        CHECK(boris.helping);
        CHECK_FALSE(boris.new_owner);
        CHECK(boris.owner == "anna");
        record.events.push_back(event("boris", "replied"));
        CHECK_FALSE(introduction_for(record, "anna").new_owner);
        CHECK_FALSE(introduction_for(record, "anna").helping);
    }
    SUBCASE("a new owner introduces themselves on their first reply, once") {
        record.events = {event("anna", "replied"), assigned("", "anna", "reply"),
                         assigned("anna", "boris", "escalation")};
        record.ticket.assignee = "boris";
        const auto first = introduction_for(record, "boris");
        CHECK(first.new_owner);
        CHECK_FALSE(first.temporary);
        CHECK(first.previous == "anna");
        record.events.push_back(event("boris", "replied"));
        CHECK_FALSE(introduction_for(record, "boris").new_owner);
        CHECK(introduction_for(record, "anna").helping);
    }
    SUBCASE("covering for a while says so") {
        record.events = {event("anna", "replied"), assigned("", "anna", "reply"),
                         assigned("anna", "vera", "hand", true)};
        record.ticket.assignee = "vera";
        const auto vera = introduction_for(record, "vera");
        CHECK(vera.new_owner);
        CHECK(vera.temporary);
        CHECK(vera.previous == "anna");
    }
    SUBCASE("an owner nobody answered before introduces nobody") {
        record.events = {assigned("", "anna", "least_loaded"), assigned("anna", "boris", "hand")};
        record.ticket.assignee = "boris";
        CHECK_FALSE(introduction_for(record, "boris").new_owner);
    }
    SUBCASE("taking an unowned ticket someone else answered introduces the taker") {
        record.events = {event("anna", "replied"), assigned("", "anna", "reply"), assigned("anna", "", "hand")};
        const auto boris = introduction_for(record, "boris");
        CHECK(boris.new_owner);
        CHECK(boris.previous == "anna");
    }
}

TEST_CASE("replies: each ticket in its customer's language, values per language") {
    auto store = test::fresh_store();
    const TicketId ru = open(store, "Посылка", "Заказ так и не пришёл.");
    const TicketId en = open(store, "Parcel", "It never came.");
    const TicketId de = open(store, "Paket", "Wo ist mein Paket?");
    set_language(store, {de}, "de");
    const std::map<std::string, std::string> update{
        {"update", "[vars.when]\nrequired = true\n[lang.en]\nbody = '''{{> greeting}} By {{when}}.'''\n"
                   "[lang.ru]\nbody = '''{{> greeting}} До {{when}}.'''\n"}};
    const Library folder(update);
    const auto library = folder.library();
    const auto file = library.get("update");
    ReplyRequest request{
        library,      file,  std::nullopt, "en",          k_anna, {{"when.ru", "пятницы"}, {"when", "Friday"}},
        std::nullopt, k_now, {},           Merged::refuse};
    const auto rendered = render_replies(store, std::vector<TicketId>{ru, en, de}, request);
    CHECK(rendered[0].reply.lang == "ru");
    CHECK(rendered[0].reply.body == "Здравствуйте!\n До пятницы.");
    CHECK(rendered[1].reply.body == "Hello,\n By Friday.");
    CHECK(rendered[2].reply.lang == "en");  // no German text: the fallback, said so
    CHECK(rendered[2].note == "ticket 3: template 'update' has no 'de' text, so the reply is in 'en'");
    CHECK(rendered[0].note.empty());

    request.lang = "ru";
    CHECK(render_replies(store, std::vector<TicketId>{en}, request)[0].reply.body == "Здравствуйте!\n До пятницы.");
    request.lang.reset();
    request.vars = {{"when.ru", "пятницы"}};  // no English value: English tickets cannot be answered
    CHECK(error_code_of([&] { render_replies(store, std::vector<TicketId>{ru, en}, request); }) == Exit::data);
}

TEST_CASE("replies: merged tickets and subject tags") {
    auto store = test::fresh_store();
    const TicketId stays = open(store, "Parcel", "Where is it?");
    const TicketId merged = open(store, "Re: [Support #77] [Support #2] Parcel again", "Still nothing.");
    merge_tickets(store, std::vector<TicketId>{merged}, stays, Actor{"anna", k_now});
    const auto conversation = load_conversation(store, stays);
    REQUIRE(conversation.messages.size() == 2);
    CHECK(conversation.messages[1].ticket_id == merged);

    const Library folder;
    const auto library = folder.library();
    const auto file = message_template(std::vector<std::string>{"en"});
    ReplyRequest request{library,      file,  std::nullopt, "en",          k_anna, {{"message", "On it."}},
                         std::nullopt, k_now, {},           Merged::refuse};
    CHECK(error_message_of([&] { render_replies(store, std::vector<TicketId>{merged}, request); }) ==
          "ticket 2 was merged into ticket 1: answer there (or give --force to answer 2 itself)");
    request.merged = Merged::answer;
    auto rendered = render_replies(store, std::vector<TicketId>{merged}, request);
    ReplyFiles files;
    const auto draft =
        draft_reply(rendered[0].record, rendered[0].reply, k_anna, MailSettings{}, Compose::text_only, k_now, files);
    // The tag of a ticket that is not this one goes; this one's stays, once.
    CHECK(draft.subject == "Re: [Support #2] Parcel again");
}

TEST_CASE("reply lint: free text checked like templates") {
    const std::vector<BannedPhrase> phrases{
        {"en", "\\bkindly\\b", "bureaucratese", "write \"please\"", "lint.toml", 1, 1},
        {"ru", "(^|\\P{L})в кратчайшие сроки", "vague-promise", "назовите срок", "lint.toml", 2, 1}};
    ReplyLint lint(phrases, LintOptions{});
    const auto en = lint.check("Hello,\n\nKindly send the receipt {{x}}.\n", "en", "ticket 7");
    REQUIRE(en.size() == 1);
    CHECK(format_finding(en[0]) == "ticket 7:3:1: warning: 'Kindly': write \"please\" [bureaucratese]");
    CHECK(lint.check("Kindly", "ru", "ticket 7").empty());  // phrases of the reply's language only
    const auto ru = lint.check("Исправим в кратчайшие сроки.", "ru", "ticket 8");
    REQUIRE(ru.size() == 1);
    CHECK(ru[0].column == 10);
    CHECK(lint.check("НЕ ЗВОНИТЕ НАМ", "ru", "ticket 9")[0].rule == "shouting");
}
