#include "actions/customers.hpp"

#include "actions/tickets.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

namespace tkt {

std::vector<std::string> link_identities(Store& store, std::span<const Identity> identities, const Actor& actor) {
    std::vector<std::string> values;
    for (const auto& identity : identities) {
        values.push_back(identity.value);
    }
    auto transaction = store.begin_write();
    auto linked = store.link_identities(values, actor.now);
    transaction.commit();
    return linked;
}

void unlink_identities(Store& store, std::span<const Identity> identities) {
    auto transaction = store.begin_write();
    for (const auto& identity : identities) {
        if (!store.unlink_identity(identity.value)) {
            throw Error(Exit::nothing, fmt::format("'{}' is linked to no other identity", identity.value));
        }
    }
    transaction.commit();
}

namespace {

bool digits_only(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Error no_customer(const CustomerWho& who, std::string_view identity) {
    // Digits read as a phone number may have been meant as a ticket: say how to ask for one.
    const std::string hint = who.digits_only ? " (for a ticket, write '#' before its number)" : "";
    return Error(Exit::nothing,
                 fmt::format("no customer '{}': no ticket came from it and no link names it{}", identity, hint));
}

// Returns the identities of the customer, each with the name its latest ticket gave.
std::vector<SeenIdentity> seen_identities(const std::vector<std::string>& linked, const std::vector<Ticket>& tickets) {
    std::vector<SeenIdentity> seen;
    for (const auto& identity : linked) {
        const Ticket* latest = nullptr;
        for (const auto& ticket : tickets) {
            if (ticket.requester == identity && !ticket.requester_name.empty() &&
                (latest == nullptr ||
                 std::tie(ticket.created_at, ticket.id) > std::tie(latest->created_at, latest->id))) {
                latest = &ticket;
            }
        }
        seen.push_back({identity, latest != nullptr ? latest->requester_name : ""});
    }
    return seen;
}

std::string rating_comment(std::string_view detail) {
    const auto json = nlohmann::json::parse(detail, nullptr, false);
    return json.is_object() && json.contains("comment") && json["comment"].is_string()
               ? json["comment"].get<std::string>()
               : "";
}

std::vector<LanguageCount> count_languages(const std::vector<CardTicket>& tickets) {
    std::map<std::string, std::int64_t> counts;
    for (const auto& [ticket, repeat] : tickets) {
        // A merged ticket repeats the request of the one it went into.
        if (ticket.language && !ticket.merged_into) {
            ++counts[*ticket.language];
        }
    }
    std::vector<LanguageCount> languages;
    for (const auto& [language, count] : counts) {
        languages.push_back({language, count});
    }
    std::stable_sort(languages.begin(), languages.end(),
                     [](const auto& a, const auto& b) { return a.tickets > b.tickets; });
    return languages;
}

// Fills in what the card says about `card.tickets` from `facts` (one per ticket).
void add_facts(CustomerCard& card, const std::vector<CustomerTicketFacts>& facts) {
    std::map<TicketId, const CustomerTicketFacts*> by_id;
    for (const auto& fact : facts) {
        by_id.emplace(fact.id, &fact);
    }
    for (auto& [ticket, repeat] : card.tickets) {
        card.first_contact = std::min(card.first_contact.value_or(ticket.created_at), ticket.created_at);
        const auto found = by_id.find(ticket.id);
        if (found == by_id.end()) {
            continue;
        }
        const CustomerTicketFacts& fact = *found->second;
        repeat = fact.repeat;
        card.repeat_contacts += fact.repeat ? 1 : 0;
        if (fact.last_inbound) {
            card.last_contact = std::max(card.last_contact.value_or(*fact.last_inbound), *fact.last_inbound);
        }
        if (ticket.csat && fact.rated_at) {
            card.ratings.push_back({ticket.id, *fact.rated_at, *ticket.csat, rating_comment(fact.rating_detail)});
        }
    }
    std::sort(card.ratings.begin(), card.ratings.end(),
              [](const auto& a, const auto& b) { return std::tie(a.at, a.ticket) < std::tie(b.at, b.ticket); });
}

}  // namespace

CustomerWho read_customer_who(std::string_view word, std::string_view country) {
    const std::string_view text = trim(word);
    if (text.starts_with('#')) {
        if (const auto id = parse_ticket_id(text)) {
            return CustomerWho{*id, std::nullopt, false};
        }
        throw usage_error(fmt::format("invalid ticket id '{}' (ids are numbers such as 42)", word));
    }
    const bool digits = digits_only(text);
    if (auto identity = parse_identity(text, country)) {
        return CustomerWho{std::nullopt, std::move(identity), digits};
    }
    if (const auto id = digits ? parse_ticket_id(text) : std::nullopt) {
        return CustomerWho{*id, std::nullopt, true};
    }
    throw usage_error(identity_problem(word, country));
}

CustomerCard customer_card(Store& store, const CustomerWho& who, Seconds repeat_window) {
    auto transaction = store.begin_read();
    const std::string identity = who.ticket ? require_ticket(store, *who.ticket).requester : who.identity->value;
    // The requester: filter reads every identity linked to this one, by index.
    const Filter filter{{Term{.field = Field::requester, .values = {identity}}}};
    auto tickets = store.find_tickets(filter, {}, 0);
    if (tickets.empty() && !store.customer_of(identity)) {
        throw no_customer(who, identity);
    }
    CustomerCard card;
    card.identity = identity;
    card.identities = seen_identities(store.customer_identities(identity), tickets);
    const auto facts = store.customer_ticket_facts(identity, repeat_window);
    card.agents = store.customer_agents(identity);
    transaction.commit();

    std::sort(tickets.begin(), tickets.end(), [](const Ticket& a, const Ticket& b) {
        return std::tuple(is_finished(a.status), -a.created_at, -a.id) <
               std::tuple(is_finished(b.status), -b.created_at, -b.id);
    });
    for (auto& ticket : tickets) {
        card.tickets.push_back({std::move(ticket), false});
    }
    add_facts(card, facts);
    card.languages = count_languages(card.tickets);
    std::stable_sort(card.agents.begin(), card.agents.end(), [](const AgentWork& a, const AgentWork& b) {
        return a.replies + a.assigned > b.replies + b.assigned;
    });
    return card;
}

}  // namespace tkt
