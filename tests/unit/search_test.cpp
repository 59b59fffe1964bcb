#include "actions/search.hpp"
#include "search/analyzer.hpp"
#include "store/store.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace tkt;
using search::Reading;
using search::terms_of;

namespace {

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z

// Word forms that one search must find together, and pairs it must keep apart.
struct Pair {
    const char* a;
    const char* b;
};

constexpr Pair k_same[] = {
    {"касса", "кассы"},       {"касса", "кассой"},      {"касса", "кассу"},        {"касса", "кассе"},
    {"КАССА", "касса"},       {"принтер", "принтера"},  {"принтер", "принтерами"}, {"принтер", "принтеры"},
    {"оплата", "оплаты"},     {"оплата", "оплатой"},    {"заказ", "заказов"},      {"заказ", "заказа"},
    {"доставка", "доставки"}, {"доставка", "доставку"}, {"возврат", "возврата"},   {"ошибка", "ошибки"},
    {"ошибка", "ошибкой"},    {"пароль", "пароля"},     {"пароль", "паролем"},     {"ёлка", "елка"},
    {"Счёт", "счет"},         {"ЁЖИК", "ежик"},         {"чек", "чеки"},           {"карта", "картой"},
    {"printer", "printers"},  {"connect", "connected"}, {"connect", "connecting"}, {"connect", "connection"},
    {"refund", "refunded"},   {"refund", "refunds"},    {"order", "orders"},       {"payment", "payments"},
    {"invoice", "invoices"},  {"account", "accounts"},  {"cancel", "cancelled"},   {"run", "running"},
    {"café", "cafe"},         {"naïve", "naive"},       {"Straße", "strasse"},     {"résumé", "resume"},
    {"ÉCOLE", "ecole"},       {"й", "и\u0306"},         {"е\u0308лка", "елка"},    {"cus\u00ADtomer", "customer"},
    {"Printer", "PRINTER"},
};

constexpr Pair k_apart[] = {
    {"касса", "класс"}, {"принтер", "принт"}, {"оплата", "плата"}, {"заказ", "указ"},
    {"кот", "код"},     {"printer", "print"}, {"order", "border"}, {"card", "care"},
    {"bill", "build"},  {"й", "и"},           {"мир", "мера"},     {"ship", "shop"},
};

}  // namespace

TEST_CASE("search::terms_of reads word forms as one term, and keeps others apart") {
    for (const auto& [a, b] : k_same) {
        CAPTURE(a);
        CAPTURE(b);
        CHECK(terms_of(a) == terms_of(b));
        CHECK_FALSE(terms_of(a).empty());
    }
    for (const auto& [a, b] : k_apart) {
        CAPTURE(a);
        CAPTURE(b);
        CHECK(terms_of(a) != terms_of(b));
    }
}

TEST_CASE("search::for_each_word splits at punctuation and keeps offsets of the original text") {
    CHECK(terms_of("hello—world foo_bar bob@example.com 10.5") == "hello world foo bar bob exampl com 10 5");
    CHECK(terms_of("don't") == "don't");
    CHECK(terms_of("«Касса»: не печатает!") == "касс не печата");
    // Invalid UTF-8 separates words and never ends up in a term.
    CHECK(terms_of("ab\xFF\xFE"
                   "cd") == "ab cd");
    // A prefix is folded, not stemmed.
    CHECK(terms_of("Printers", Reading::prefix) == "printers");
    const std::string text = "Не печатает КАССА";
    std::vector<std::string> originals;
    search::for_each_word(text, Reading::stem, [&](const search::Word& word) {
        originals.push_back(text.substr(word.begin, word.end - word.begin));
        return true;
    });
    CHECK(originals == std::vector<std::string>{"Не", "печатает", "КАССА"});
    // Encoded data is not language: a word over the limit is skipped.
    CHECK(terms_of(std::string(80, 'a') + " ok") == "ok");
}

TEST_CASE("search: snippets are cut at characters and mark what was found") {
    TicketText text;
    text.subject = "Касса";
    text.opening = std::string(300, 'x') +
                   " Здравствуйте! Наша касса не печатает чеки с утра, а кассой мы "
                   "пользуемся каждый день. " +
                   std::string(200, 'y');
    Filter filter = parse_filter(std::vector<std::string>{"кассы"}, FilterContext{});
    const auto snippet = snippet_of(text, filter.terms, 60);
    CHECK(snippet.text.starts_with("…"));
    CHECK(snippet.text.ends_with("…"));
    CHECK(snippet.matched == std::vector<std::string>{"касса", "кассой"});
    REQUIRE(snippet.marks.size() == 2);
    CHECK(snippet.text.substr(snippet.marks[0].first, snippet.marks[0].second - snippet.marks[0].first) == "касса");
    // Every cut is at a character: the snippet is valid UTF-8 throughout.
    std::size_t continuation = 0;
    for (const char c : snippet.text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0) == 0x80) {
            REQUIRE(continuation > 0);
            --continuation;
        } else {
            REQUIRE(continuation == 0);
            continuation = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0;
        }
    }
    CHECK(continuation == 0);
}

TEST_CASE("search: the index follows every write in its transaction, on either backend") {
    auto store = test::fresh_store();
    const auto find = [&](std::vector<std::string> words) {
        Filter filter = parse_filter(words, FilterContext{});
        auto [text, rest] = split_text_terms(std::move(filter));
        std::vector<Term> wanted;
        for (auto& term : text) {
            (term.compare == Compare::equal ? wanted : rest.terms).push_back(term);
        }
        return store.search_tickets(wanted, rest, 20, 0);
    };
    TicketId first = 0;
    TicketId second = 0;
    {
        auto transaction = store.begin_write();
        first = store.insert_ticket(test::new_ticket("Касса не печатает"), k_now);
        second = store.insert_ticket(test::new_ticket("Printers offline"), k_now);
        Message message;
        message.ticket_id = second;
        message.direction = Direction::in;
        message.author = "bob@example.com";
        message.body = "The receipt printer at the front desk stopped connecting.";
        message.created_at = k_now;
        store.insert_message(message);
        // Searched inside the transaction, the new text is found already.
        CHECK(find({"кассы"}) == std::vector<TicketId>{first});
        transaction.commit();
    }
    CHECK(find({"printer"}) == std::vector<TicketId>{second});
    CHECK(find({"connection"}) == std::vector<TicketId>{second});
    CHECK(find({"\"front desk\""}) == std::vector<TicketId>{second});
    CHECK(find({"\"desk front\""}).empty());
    CHECK(find({"conn*"}) == std::vector<TicketId>{second});
    CHECK(find({"printer", "-\"receipt\""}).empty());
    CHECK(find({"касса", "printer"}).empty());
    {
        auto transaction = store.begin_write();
        store.set_subject(first, "Принтер чеков", k_now);
        transaction.commit();
    }
    CHECK(find({"кассы"}).empty());
    CHECK(find({"принтеры"}) == std::vector<TicketId>{first});
    {
        // A rolled-back write leaves the index as it was.
        auto transaction = store.begin_write();
        store.set_subject(first, "Something else", k_now);
    }
    CHECK(find({"принтеры"}) == std::vector<TicketId>{first});
    const auto check = store.check_search_index(0, 100);
    CHECK(check.compared == 2);
    CHECK(check.missing.empty());
    CHECK(check.different.empty());
    // A NUL separates words, as punctuation does (FTS5 would read its query only up to it).
    CHECK(find({std::string("front\0desk", 10)}) == std::vector<TicketId>{second});
    CHECK(find({std::string("\"front\0desk\"", 12)}) == std::vector<TicketId>{second});
    CHECK(test::error_code_of([&] { find({"—"}); }) == Exit::usage);
    CHECK(test::error_code_of([&] { find({"\"two words*\""}); }) == Exit::usage);
}
