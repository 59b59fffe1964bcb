// The templates tkt ships: each loads, has English and Russian, and renders whole for a
// customer with a Russian full name, with no name at all, and for a new owner.
#include "templates/reply_context.hpp"

#include <doctest/doctest.h>

using namespace tkt;

TEST_CASE("shipped templates render whole in both languages") {
    const TemplateLibrary library({std::filesystem::path(TKT_SOURCE_DIR) / "templates"});
    const auto names = library.names();
    REQUIRE(names.size() >= 12);
    TicketRecord named;
    named.ticket.id = 42;
    named.ticket.subject = "Где моя посылка?";
    named.ticket.requester = "ivan@example.ru";
    named.ticket.requester_name = "Иванов Иван Иванович";
    named.ticket.created_at = 1795341600 - 3 * 86400;
    TicketRecord nameless = named;
    nameless.ticket.requester_name = "";
    TicketRecord handed_over = named;
    handed_over.events.push_back(Event{1, 42, 1795341600 - 60, "boris", "replied", "{}"});
    const AgentIdentity agent{"anna", "Anna Smirnova", "", {}};
    const std::map<std::string, std::string> vars{{"fix_summary", "We fixed the tracking page."},
                                                  {"exception", "We refund the delivery."}};
    for (const auto& name : names) {
        const auto file = library.find(name);
        REQUIRE(file);
        CAPTURE(name);
        CHECK(file->languages.contains("en"));
        CHECK(file->languages.contains("ru"));
        if (file->category == "partial") {
            continue;
        }
        for (const auto* lang : {"en", "ru"}) {
            for (const auto* record : {&named, &nameless, &handed_over}) {
                CAPTURE(lang);
                CAPTURE(record->ticket.requester_name);
                const auto context = reply_context(*record, agent, lang, 1795341600, vars);
                const auto reply = render_reply(library, *file, lang, context);
                CHECK(reply.body.find("Anna Smirnova") != std::string::npos);
                CHECK(reply.body.find(" ,") == std::string::npos);
                CHECK(reply.body.find("{{") == std::string::npos);
            }
        }
    }
}
