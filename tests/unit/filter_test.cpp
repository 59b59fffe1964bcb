#include "core/error.hpp"
#include "core/filter.hpp"
#include "core/ticket.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace tkt;

namespace {

const FilterContext k_context{1795341600, "anna", {}};  // 2026-11-22T10:00:00Z

Term one_term(const std::string& word) {
    const std::vector<std::string> words{word};
    const auto filter = parse_filter(words, k_context);
    REQUIRE(filter.terms.size() == 1);
    return filter.terms[0];
}

Exit error_code(const std::string& word) {
    return test::error_code_of([&] { one_term(word); });
}

}  // namespace

TEST_CASE("filter::parse_filter") {
    SUBCASE("status list") {
        const auto t = one_term("status:open,pending");
        CHECK(t.field == Field::status);
        CHECK(t.values == std::vector<std::string>{"open", "pending"});
    }
    SUBCASE("status:any is every status") {
        CHECK(one_term("status:any").values.size() == 5);
    }
    SUBCASE("queue:none is NULL") {
        CHECK(one_term("queue:none").values == std::vector<std::string>{""});
    }
    SUBCASE("assignee:me is the agent") {
        CHECK(one_term("assignee:me").values == std::vector<std::string>{"anna"});
    }
    SUBCASE("line") {
        CHECK(one_term("line:2").low == 2);
    }
    SUBCASE("requester is normalised") {
        CHECK(one_term("requester:bob@Example.com").values == std::vector<std::string>{"bob@example.com"});
    }
    SUBCASE("+tag and -tag") {
        CHECK(one_term("+vip").compare == Compare::equal);
        CHECK(one_term("-spam").compare == Compare::not_equal);
        CHECK(one_term("-spam").values == std::vector<std::string>{"spam"});
    }
    SUBCASE("an id and a range") {
        CHECK(one_term("42").low == 42);
        CHECK(one_term("42").high == 42);
        CHECK(one_term("40-50").high == 50);
        CHECK(one_term("#7").low == 7);
    }
    SUBCASE("created after a date") {
        const auto t = one_term("created>2026-11-01");
        CHECK(t.field == Field::created);
        CHECK(t.compare == Compare::greater);
        CHECK(t.low == 1793491200);
    }
    SUBCASE("age>2h is created more than two hours ago") {
        const auto t = one_term("age>2h");
        CHECK(t.field == Field::created);
        CHECK(t.compare == Compare::less);
        CHECK(t.low == k_context.now - 7200);
    }
    SUBCASE("a bare number is a Unix time, not seconds ago") {
        const auto t = one_term("created>1795000000");
        CHECK(t.compare == Compare::greater);
        CHECK(t.low == 1795000000);
    }
    SUBCASE("updated<7d is updated within seven days") {
        const auto t = one_term("updated<7d");
        CHECK(t.field == Field::updated);
        CHECK(t.compare == Compare::greater);
        CHECK(t.low == k_context.now - 7 * 86400);
    }
}

TEST_CASE("filter::errors name the term") {
    CHECK(error_code("staus:open") == Exit::usage);
    CHECK(error_code("status:opne") == Exit::usage);
    CHECK(error_code("priority:hot") == Exit::usage);
    CHECK(error_code("line:0") == Exit::usage);
    CHECK(error_code("age>soon") == Exit::usage);
    CHECK(error_code("created>yesterdayish") == Exit::usage);
    CHECK(error_code("50-40") == Exit::usage);
    CHECK(error_code("queue:") == Exit::usage);
    CHECK(error_code("requester:nobody") == Exit::usage);
    CHECK(error_code("queue>3") == Exit::usage);
    CHECK(error_code("-\"unclosed") == Exit::usage);
    CHECK(error_code("\"  \"") == Exit::usage);
    // Checked outside any catch: a term that parsed would fail it too.
    CHECK(test::error_message_of([] { one_term("staus:open"); }) ==
          "unknown filter key 'staus' in 'staus:open' (did you mean 'status'?)");
    CHECK(test::error_message_of([] { one_term("re:order"); }) ==
          "unknown filter key 're' in 're:order' (to find it as text, quote it: '\"re:order\"')");
    // A key's value with a space in it is that key's term, not a phrase.
    CHECK(test::error_message_of([] {
              one_term("created>last tuesday");
          }).starts_with("invalid filter term 'created>last tuesday'"));
}

TEST_CASE("filter::a word that is no other term is text to find") {
    const auto word = one_term("breakfast");
    CHECK(word.field == Field::text);
    CHECK(word.compare == Compare::equal);
    CHECK(word.values == std::vector<std::string>{"breakfast"});
    CHECK(one_term("print*").values == std::vector<std::string>{"print*"});
    // Quotes make a phrase, a number or a key-like word text; -"..." leaves it out.
    CHECK(one_term("\"кассовый  аппарат\"").values == std::vector<std::string>{"кассовый аппарат"});
    CHECK(one_term("кассовый аппарат").field == Field::text);
    CHECK(one_term("\"5512\"").field == Field::text);
    CHECK(one_term("5512").field == Field::id);
    CHECK(one_term("\"re:order\"").values == std::vector<std::string>{"re:order"});
    const auto without = one_term("-\"драйвер\"");
    CHECK(without.field == Field::text);
    CHECK(without.compare == Compare::not_equal);
    CHECK(one_term("-spam").field == Field::tag);
    // One string splits at spaces, a quoted phrase staying whole.
    CHECK(filter_words(" status:open  \"кассовый аппарат\" -\"a b\" +vip ") ==
          std::vector<std::string>{"status:open", "\"кассовый аппарат\"", "-\"a b\"", "+vip"});
    const auto [text, rest] = split_text_terms(parse_filter(std::vector<std::string>{"a", "status:open", "b"}, {}));
    CHECK(text.size() == 2);
    CHECK(rest.terms.size() == 1);
}

TEST_CASE("filter::with_default_statuses") {
    SUBCASE("adds open work when no status or id is given") {
        const auto filter = with_default_statuses(Filter{});
        REQUIRE(filter.terms.size() == 1);
        CHECK(filter.terms[0].values == std::vector<std::string>{"new", "open", "pending"});
    }
    SUBCASE("leaves an explicit status alone") {
        const std::vector<std::string> words{"status:closed"};
        CHECK(with_default_statuses(parse_filter(words, k_context)).terms.size() == 1);
    }
    SUBCASE("leaves an id alone") {
        const std::vector<std::string> words{"42"};
        CHECK(with_default_statuses(parse_filter(words, k_context)).terms.size() == 1);
    }
}

TEST_CASE("filter::parse_sort") {
    const auto keys = parse_sort("-priority,created");
    REQUIRE(keys.size() == 2);
    CHECK(keys[0].field == SortField::priority);
    CHECK(keys[0].order == Order::descending);
    CHECK(keys[1].field == SortField::created);
    CHECK(keys[1].order == Order::ascending);
    CHECK_THROWS_AS(parse_sort("priorty"), Error);
}

TEST_CASE("filter::matches") {
    Ticket ticket;
    ticket.id = 42;
    ticket.status = Status::open;
    ticket.queue = "logistics";
    ticket.line = 1;
    ticket.priority = Priority::urgent;
    ticket.channel = Channel::email;
    ticket.requester = "bob@example.com";
    ticket.created_at = k_context.now - 3 * 3600;
    ticket.updated_at = k_context.now - 60;
    ticket.tags = {"vip"};
    const auto check = [&](std::vector<std::string> words) { return matches(parse_filter(words, k_context), ticket); };
    CHECK(check({}));
    CHECK(check({"line:1", "priority:urgent"}));
    CHECK_FALSE(check({"line:2", "priority:urgent"}));
    CHECK(check({"queue:logistics,general"}));
    CHECK_FALSE(check({"queue:none"}));
    CHECK(check({"assignee:none"}));
    CHECK_FALSE(check({"assignee:me"}));
    CHECK(check({"+vip"}));
    CHECK_FALSE(check({"-vip"}));
    CHECK(check({"age>2h"}));
    CHECK_FALSE(check({"age>4h"}));
    CHECK(check({"updated<5m"}));
    CHECK(check({"40-50"}));
    CHECK_FALSE(check({"43"}));
    CHECK(check({"channel:email", "requester:bob@Example.com", "status:open"}));
    CHECK(check({"breaching", "due<15m"}));  // SLA terms are judged elsewhere
}

TEST_CASE("filter::sla terms") {
    CHECK(one_term("breaching").field == Field::breaching);
    CHECK(one_term("due<15m").field == Field::due);
    CHECK(one_term("due<15m").compare == Compare::less);
    CHECK(one_term("due<15m").low == 900);
    CHECK(one_term("due>2h").compare == Compare::greater);
    CHECK(error_code("due<soon") == Exit::usage);
    CHECK(error_code("due:15m") == Exit::usage);
    // Not a keyword: a word to find.
    CHECK(one_term("breach").field == Field::text);
}
