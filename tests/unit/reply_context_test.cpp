#include "templates/greeting_name.hpp"
#include "templates/reply_context.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace tkt;
using tkt::test::TempDir;
using tkt::test::write_file;

namespace {

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z

TicketRecord make_record(const std::string& requester_name, Timestamp created) {
    TicketRecord record;
    record.ticket.id = 42;
    record.ticket.subject = "Где моя посылка?";
    record.ticket.requester = "ivan@example.ru";
    record.ticket.requester_name = requester_name;
    record.ticket.created_at = created;
    return record;
}

const AgentIdentity k_anna{"anna", "Анна Смирнова", "anna@example.com", {}};

std::string message_of(auto&& action) {
    return test::error_message_of(action);
}

}  // namespace

TEST_CASE("reply::localized dates and plurals") {
    CHECK(localized_date(k_now, "en") == "22 November 2026");
    CHECK(localized_date(k_now, "ru") == "22 ноября 2026");
    for (const auto& [count, word] : std::vector<std::pair<int, std::string>>{{0, "дней"},
                                                                              {1, "день"},
                                                                              {2, "дня"},
                                                                              {4, "дня"},
                                                                              {5, "дней"},
                                                                              {11, "дней"},
                                                                              {12, "дней"},
                                                                              {14, "дней"},
                                                                              {21, "день"},
                                                                              {22, "дня"},
                                                                              {111, "дней"},
                                                                              {101, "день"}}) {
        CAPTURE(count);
        CHECK(days_word(count, "ru") == word);
    }
    CHECK(days_word(1, "en") == "day");
    CHECK(days_word(3, "en") == "days");
}

TEST_CASE("reply::greeting_name") {
    CHECK(greeting_name("Иванов Иван Иванович") == "Иван Иванович");
    CHECK(greeting_name("Иван Иванович Иванов") == "Иван Иванович");
    CHECK(greeting_name("Ирина Петрова") == "Ирина");
    CHECK(greeting_name("Петрова Ирина Сергеевна") == "Ирина Сергеевна");
    CHECK(greeting_name("Bob Smith") == "Bob");
    CHECK(greeting_name("") == "");
}

TEST_CASE("reply::reply_context") {
    auto record = make_record("Иванов Иван Иванович", k_now - 3 * 86400);
    SUBCASE("ticket, customer, agent") {
        const auto context = reply_context(record, k_anna, "ru", k_now, {});
        CHECK(context["ticket"]["days_open"] == 3);
        CHECK(context["ticket"]["days_open_word"] == "дня");
        CHECK(context["customer"]["greeting_name"] == "Иван Иванович");
        CHECK(context["agent"]["first_name"] == "Анна");
        CHECK(context["new_owner"] == false);
    }
    SUBCASE("a new owner is the one who did not answer last") {
        record.events.push_back(Event{1, 42, k_now - 60, "boris", "replied", "{}"});
        const auto context = reply_context(record, k_anna, "en", k_now, {});
        CHECK(context["new_owner"] == true);
        CHECK(context["previous_agent"]["login"] == "boris");
    }
    SUBCASE("--var values, dotted ones override") {
        const auto context = reply_context(record, k_anna, "en", k_now,
                                           {{"fix_summary", "We fixed it."}, {"customer.greeting_name", "Ваня"}});
        CHECK(context["fix_summary"] == "We fixed it.");
        CHECK(context["customer"]["greeting_name"] == "Ваня");
    }
}

TEST_CASE("reply::render_reply") {
    TempDir dir;
    write_file(dir / "greeting.toml", "[lang.en]\nbody = '''\nHello {{customer.greeting_name}},'''\n"
                                      "[lang.ru]\nbody = '''\nЗдравствуйте, {{customer.greeting_name}}!'''\n");
    write_file(dir / "signature.toml", "[lang.en]\nbody = '''\nBest regards,\n{{agent.full_name}}'''\n");
    write_file(dir / "apology.toml", R"toml([template]
description = "our fault"
category = "apology"
status_after = "pending"

[vars.fix_summary]
description = "what we fixed"
required = true

[lang.en]
subject = "Re: {{ticket.subject}}"
body = '''
{{> greeting}}

I'm sorry. {{fix_summary}} {{ticket.order}}

{{> signature}}
'''
)toml");
    const TemplateLibrary library({dir.path()});
    const auto file = library.find("apology");
    REQUIRE(file);
    CHECK(file->status_after == Status::pending);
    CHECK(file->languages.at("en").body_line == 13);
    const auto record = make_record("Bob Smith", k_now);

    SUBCASE("every missing value is named with file:line:col, partials included") {
        const auto context = reply_context(make_record("", k_now), k_anna, "en", k_now, {{"fix_summary", "Fixed."}});
        const std::string message = message_of([&] { render_reply(library, *file, "en", context); });
        CHECK(message.find((dir / "greeting.toml").string() + ":3:7: no value for 'customer.greeting_name'") !=
              std::string::npos);
        CHECK(message.find((dir / "apology.toml").string() + ":15:28: no value for 'ticket.order'") !=
              std::string::npos);
    }
    SUBCASE("a required --var") {
        const auto context = reply_context(record, k_anna, "en", k_now, {});
        CHECK(message_of([&] { render_reply(library, *file, "en", context); }) ==
              "template 'apology' needs --var fix_summary=... (what we fixed)");
    }
    SUBCASE("a language the template lacks") {
        const auto context = reply_context(record, k_anna, "ru", k_now, {{"fix_summary", "x"}});
        CHECK(message_of([&] { render_reply(library, *file, "ru", context); }) ==
              "template 'apology' has no 'ru' text (it has: en)");
    }
    SUBCASE("a whole reply") {
        auto context = reply_context(record, k_anna, "en", k_now, {{"fix_summary", "We fixed the bug."}});
        context["ticket"]["order"] = "Order 58213.";
        const auto reply = render_reply(library, *file, "en", context);
        CHECK(reply.subject == "Re: Где моя посылка?");
        CHECK(reply.body ==
              "Hello Bob,\n\nI'm sorry. We fixed the bug. Order 58213.\n\nBest regards,\nАнна Смирнова\n");
    }
    SUBCASE("names, not paths") {
        CHECK_FALSE(library.find("../apology"));
        CHECK_FALSE(library.find("/etc/passwd"));
    }
}

TEST_CASE("reply::template files that are wrong say where") {
    TempDir dir;
    auto error_of = [&](const std::string& text) {
        write_file(dir / "bad.toml", text);
        return message_of([&] { load_template_file(dir / "bad.toml"); });
    };
    const std::string path = (dir / "bad.toml").string();
    CHECK(error_of("[template]\ncategori = \"x\"\n[lang.en]\nbody = 'x'\n") ==
          path + ":2:1: unknown key 'template.categori' (did you mean 'category'?)");
    CHECK(error_of("[lang.en]\nbody = '''\nline one\n{{#open}} never closed\n'''\n") ==
          path + ":4:1: section 'open' is never closed");
    CHECK(error_of("[template]\nstatus_after = \"sovled\"\n[lang.en]\nbody = 'x'\n") ==
          path + ":2:16: unknown status 'sovled' (did you mean 'solved'?) (valid: new, open, pending, solved, closed)");
    CHECK(error_of("[template]\ndescription = 'x'\n").find(":1:1: no [lang.en]") != std::string::npos);
}
