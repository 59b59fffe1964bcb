#include "actions/similar.hpp"
#include "actions/tickets.hpp"
#include "store/store.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace tkt;

namespace {

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z

TicketId open_ticket(Store& store, const std::string& subject, const std::string& body, Timestamp at) {
    NewTicket ticket = test::new_ticket(subject);
    ticket.body = body;
    return create_ticket(store, ticket, Actor{"bob@example.com", at});
}

void add_message(Store& store, TicketId id, Direction direction, const std::string& body, Timestamp at,
                 bool automatic = false) {
    auto transaction = store.begin_write();
    Message message;
    message.ticket_id = id;
    message.direction = direction;
    message.author = direction == Direction::in ? "bob@example.com" : "anna";
    message.body = body;
    message.automatic = automatic;
    message.created_at = at;
    store.insert_message(message);
    transaction.commit();
}

void finish(Store& store, TicketId id, Status status, Timestamp at) {
    auto transaction = store.begin_write();
    change_status(store, require_ticket(store, id), status, Actor{"anna", at});
    transaction.commit();
}

std::vector<TicketId> ids_of(const std::vector<SimilarTicket>& similar) {
    std::vector<TicketId> ids;
    for (const auto& found : similar) {
        ids.push_back(found.ticket.id);
    }
    return ids;
}

}  // namespace

TEST_CASE("reply_core keeps what a reply says, without its greeting, introduction and signature") {
    CHECK(reply_core("Здравствуйте, Ольга!\n\nПерезагрузите кассу.\nПотом проверьте драйвер.\n\nС уважением,\nАнна "
                     "Иванова\nanna@example.com\n") == "Перезагрузите кассу.\nПотом проверьте драйвер.");
    CHECK(reply_core("Hello Bob,\n\nI'm Anna, and I'm taking over your request from Petr: I'll stay with it until "
                     "it's resolved.\n\nPlease reinstall the driver.\n\nIt came back after the update.\n\nBest "
                     "regards,\nAnna Ivanova\n") == "Please reinstall the driver.\n\nIt came back after the update.");
    CHECK(reply_core("Добрый день!\n\nМеня зовут Анна, теперь вашим обращением занимаюсь я.\n\nОплата прошла.\n\n"
                     "Всего доброго,\nАнна") == "Оплата прошла.");
    // Windows line ends, a greeting with text under it, and a "-- " separator.
    CHECK(reply_core("Hi Bob,\r\nthe refund went out today.\r\n\r\n-- \r\nAnna\r\n") == "the refund went out today.");
    // No greeting, no signature: all of it.
    CHECK(reply_core("Fixed in 2.4.\n\nThanks for the detailed report, it helped.") ==
          "Fixed in 2.4.\n\nThanks for the detailed report, it helped.");
    // A long first line that opens with "Hello" is not a greeting; a first paragraph that
    // says "Thanks" is what the reply says, not its end.
    CHECK(reply_core("Hello and welcome to the new billing system that we moved you to.\n\nAll set.") ==
          "Hello and welcome to the new billing system that we moved you to.\n\nAll set.");
    CHECK(reply_core("Thanks!\n\nCheers,\nAnna") == "Thanks!");
    CHECK(reply_core("Hello,\n\nBest regards,\nAnna").empty());
}

TEST_CASE("informative_words: subject first, once per stem, without short words, numbers and common words") {
    TicketText text;
    text.subject = "Касса не печатает чеки";
    text.opening = "Здравствуйте! Кассы с утра не печатают, заказ 5512, для всех точек. The printer is offline.";
    const auto none_common = [](std::string_view) { return false; };
    CHECK(informative_words(text, none_common) == std::vector<std::string>{"Касса", "печатает", "чеки", "утра", "заказ",
                                                                           "всех", "точек", "printer", "offline"});
    const auto common = [](std::string_view word) { return word == "заказ" || word == "утра"; };
    CHECK(informative_words(text, common) ==
          std::vector<std::string>{"Касса", "печатает", "чеки", "всех", "точек", "printer", "offline"});
    TicketText many;
    for (int i = 0; i < 40; ++i) {
        many.opening += "слово" + std::to_string(i) + " ";
    }
    CHECK(informative_words(many, none_common).size() == k_max_similar_words);
}

TEST_CASE("similar_tickets: the solved tickets that say the same, each with the reply that solved it") {
    auto store = test::fresh_store();
    const TicketId printer =
        open_ticket(store, "Касса не печатает чеки", "Касса перестала печатать чеки после обновления.", k_now - 9000);
    add_message(store, printer, Direction::out,
                "Здравствуйте!\n\nПереустановите драйвер принтера.\n\nС уважением,\nАнна", k_now - 8000);
    add_message(store, printer, Direction::note, "Драйвер 2.3 сбрасывается.", k_now - 7900);
    finish(store, printer, Status::solved, k_now - 7800);
    // A thank-you after it was solved, and the automatic answer to it, are not the answer.
    add_message(store, printer, Direction::out, "Рады помочь!", k_now - 7000, true);

    const TicketId payment = open_ticket(store, "Оплата картой", "Не проходит оплата по карте.", k_now - 6000);
    add_message(store, payment, Direction::out, "Банк устранил сбой, оплата проходит.", k_now - 5000);
    finish(store, payment, Status::closed, k_now - 4000);

    const TicketId paper =
        open_ticket(store, "Чеки печатаются бледно", "Касса печатает чеки бледно, лента новая.", k_now - 3900);
    add_message(store, paper, Direction::out, "Почистите печатающую головку.", k_now - 3800);
    finish(store, paper, Status::solved, k_now - 3700);

    // Open, merged away, or solved without a reply: none is a past answer.
    const TicketId open = open_ticket(store, "Касса не печатает", "Касса не печатает чеки.", k_now - 3000);
    const TicketId merged = open_ticket(store, "Касса не печатает чеки", "Касса не печатает чеки!", k_now - 2900);
    add_message(store, merged, Direction::out, "Отвечу в основной заявке.", k_now - 2800);
    merge_tickets(store, std::vector<TicketId>{merged}, open, Actor{"anna", k_now - 2700});
    const TicketId silent = open_ticket(store, "Касса не печатает чеки", "Спам про кассы и чеки", k_now - 2600);
    finish(store, silent, Status::closed, k_now - 2500);

    const TicketId asking =
        open_ticket(store, "Не печатаются чеки на кассе", "После обновления касса не печатает чеки.", k_now - 100);
    const auto similar = similar_tickets(store, asking, 5);
    CHECK(ids_of(similar) == std::vector<TicketId>{printer, paper});
    REQUIRE(similar.size() == 2);
    CHECK(similar[0].answer.body.find("Переустановите драйвер") != std::string::npos);
    CHECK(reply_to_start_from(store, printer) == "Переустановите драйвер принтера.");
    CHECK(ids_of(similar_tickets(store, asking, 1)) == std::vector<TicketId>{printer});
    CHECK(ids_of(similar_tickets(store, payment, 5)).empty());
    CHECK(test::error_code_of([&] { similar_tickets(store, 999, 5); }) == Exit::nothing);
    CHECK(test::error_code_of([&] { reply_to_start_from(store, silent); }) == Exit::data);
}
