// Fuzzes the filter language and sort keys. The input's first line is a --sort value,
// each further line one filter word. A filter that parses is run by the store (SQL)
// and in memory (matches(), text terms asked of the index), which must agree, then
// with SLA terms and in a report.
// Usage errors (tkt::Error) are expected; anything else escaping is a finding.
#include "actions/escalate.hpp"
#include "core/error.hpp"
#include "core/filter.hpp"
#include "fuzz_support.hpp"
#include "stats/metrics.hpp"
#include "store/store.hpp"

#include <algorithm>

namespace {

using namespace tkt;

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z

// A store of tickets that differ in every field a filter can name.
Store& shared_store() {
    static Store store = [] {
        Store made = Store::open_in_memory();
        auto transaction = made.begin_write();
        const auto add = [&made](const std::string& requester, Priority priority, Channel channel,
                                 std::vector<std::string> tags, Timestamp age) {
            NewTicket ticket;
            ticket.subject = "ticket of " + requester;
            ticket.requester = requester;
            ticket.body = "body";
            ticket.priority = priority;
            ticket.channel = channel;
            ticket.tags = std::move(tags);
            return made.insert_ticket(ticket, k_now - age);
        };
        const TicketId a = add("ivan@example.ru", Priority::high, Channel::email, {"vip", "ru"}, 3 * 86400);
        const TicketId b = add("tom@bigcustomer.example", Priority::urgent, Channel::phone, {"billing"}, 7200);
        const TicketId c = add("li.wei@example.cn", Priority::low, Channel::web, {}, 40 * 86400);
        const TicketId d = add("maria@shop.example", Priority::normal, Channel::chat, {"bug", "vip"}, 600);
        add("oleg@example.ru", Priority::normal, Channel::api, {}, 0);
        made.set_routing(a, std::string("delivery"), 1, Priority::high, k_now - 86400);
        made.set_routing(b, std::string("billing"), 2, Priority::urgent, k_now - 3600);
        made.set_assignee(a, std::string("anna"), k_now - 86400);
        made.set_assignee(b, std::string("boris"), k_now - 3600);
        made.update_status(a, Status::open, std::nullopt, k_now - 86400);
        made.update_status(c, Status::solved, k_now - 30 * 86400, k_now - 30 * 86400);
        made.update_status(d, Status::pending, std::nullopt, k_now - 300);
        transaction.commit();
        return made;
    }();
    return store;
}

std::vector<TicketId> ids_of(const std::vector<Ticket>& tickets) {
    std::vector<TicketId> ids;
    for (const auto& ticket : tickets) {
        ids.push_back(ticket.id);
    }
    return ids;
}

// find_tickets and matches() promise the same answer.
void compare_store_and_memory(Store& store, const Filter& filter) {
    const auto found = ids_of(store.find_tickets(filter, {}, 0));
    for (const auto& ticket : store.find_tickets(Filter{}, {}, 0)) {
        const bool in_store = std::find(found.begin(), found.end(), ticket.id) != found.end();
        const TextMatcher text = [&store](const Term& term, const Ticket& t) {
            return store.ticket_has_text(t.id, term);
        };
        if (in_store != matches(filter, ticket, text)) {
            fuzz::broken_promise("the store and matches() disagree on ticket " + std::to_string(ticket.id));
        }
    }
}

void run(const Filter& filter, const std::vector<SortKey>& sort) {
    Store& store = shared_store();
    static const SlaConfig k_no_sla;
    select_tickets(store, filter, sort, 3, k_no_sla, k_now);
    select_tickets(store, with_default_statuses(filter), sort, 0, k_no_sla, k_now);
    if (filter.has_sla_terms()) {
        return;
    }
    compare_store_and_memory(store, filter);
    auto transaction = store.begin_read();
    store.stats_facts(Period{k_now - 60 * 86400, k_now}, filter, 7 * 86400, true, true);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto lines = fuzz::split_parts(fuzz::as_text(data, size), '\n', 17);
    const std::vector<std::string> words(lines.begin() + 1, lines.end());
    const FilterContext context{k_now, "anna", {}};
    Filter filter;
    std::vector<SortKey> sort;
    try {
        sort = parse_sort(lines.front());
    } catch (const Error&) {
    }
    try {
        filter = parse_filter(words, context);
    } catch (const Error&) {
        return 0;
    }
    try {
        run(filter, sort);
    } catch (const Error& error) {
        // Text terms are read when the store runs them: one with no word is refused there.
        if (error.code() != Exit::usage) {
            throw;
        }
    }
    return 0;
}
