#include "actions/customers.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct CustomerOptions {
    std::vector<std::string> identities;
    std::string who;
    bool json = false;
};

std::vector<Identity> read_identities(const std::vector<std::string>& words, Context& context) {
    const std::string country = context.phone_country();
    std::vector<Identity> identities;
    for (const auto& word : words) {
        const auto identity = parse_identity(word, country);
        if (!identity) {
            throw usage_error(identity_problem(word, country));
        }
        identities.push_back(*identity);
    }
    return identities;
}

void run_link(const CustomerOptions& options, Context& context) {
    if (options.identities.size() < 2) {
        throw usage_error("give at least two identities to link, e.g. 'tkt customer link bob@example.com "
                          "+79001234567'");
    }
    const auto linked =
        link_identities(context.existing_store(), read_identities(options.identities, context), context.actor());
    context.out() << fmt::format("linked: {}\n", join(linked, " "));
}

void run_unlink(const CustomerOptions& options, Context& context) {
    const auto identities = read_identities(options.identities, context);
    unlink_identities(context.existing_store(), identities);
    for (const auto& identity : identities) {
        context.out() << fmt::format("unlinked: {}\n", identity.value);
    }
}

std::string or_dash(const std::optional<std::string>& value) {
    return value ? *value : "-";
}

std::string plural(std::int64_t count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

// Returns what the card notes about `ticket` beside its status.
std::string ticket_note(const CardTicket& ticket) {
    std::vector<std::string> notes;
    if (ticket.ticket.merged_into) {
        notes.push_back(fmt::format("merged into #{}", *ticket.ticket.merged_into));
    }
    if (ticket.repeat) {
        notes.emplace_back("repeat");
    }
    return notes.empty() ? "-" : join(notes, ", ");
}

void print_summary(const CustomerCard& card, Context& context) {
    std::ostream& out = context.out();
    const auto field = [&](std::string_view name, std::string_view value) {
        out << fmt::format("{:<15}{}\n", name, value);
    };
    std::size_t width = 0;
    for (const auto& seen : card.identities) {
        width = std::max(width, display_width(seen.identity));
    }
    std::string_view label = "Identities:";
    for (const auto& seen : card.identities) {
        const std::size_t pad = seen.name.empty() ? 0 : width - display_width(seen.identity) + 2;
        field(label, fmt::format("{}{:{}}{}", seen.identity, "", pad, seen.name));
        label = "";
    }
    const auto when = [&](const std::optional<Timestamp>& at) {
        return at ? fmt::format("{} ({} ago)", format_local_time(*at), format_age(context.now() - *at)) : "-";
    };
    field("First contact:", when(card.first_contact));
    field("Last contact:", when(card.last_contact));
    const auto open = std::count_if(card.tickets.begin(), card.tickets.end(),
                                    [](const CardTicket& t) { return !is_finished(t.ticket.status); });
    field("Tickets:", fmt::format("{} ({} open), {}", card.tickets.size(), open,
                                  plural(card.repeat_contacts, "repeat contact", "repeat contacts")));
    const auto good =
        std::count_if(card.ratings.begin(), card.ratings.end(), [](const CardRating& r) { return r.score >= 4; });
    field("Ratings:", card.ratings.empty() ? "none" : fmt::format("{} ({} good)", card.ratings.size(), good));
    std::vector<std::string> languages;
    for (const auto& language : card.languages) {
        languages.push_back(fmt::format("{} ({})", language.language, language.tickets));
    }
    field("Languages:", languages.empty() ? "unknown" : join(languages, ", "));
}

// Prints the card as a person reads it: who, when and how much, then its tables.
void print_card(const CustomerCard& card, Context& context) {
    std::ostream& out = context.out();
    const Terminal& terminal = context.terminal();
    out << paint(terminal, fmt::format("Customer {}", card.identity), Style::bold) << '\n';
    print_summary(card, context);
    std::vector<std::vector<Cell>> rows;
    for (const auto& ticket : card.tickets) {
        const Ticket& t = ticket.ticket;
        rows.push_back({{std::to_string(t.id)},
                        {std::string(to_string(t.status)), style_of(t.status)},
                        {or_dash(t.queue)},
                        {std::to_string(t.line)},
                        {or_dash(t.assignee)},
                        {format_local_time(t.created_at)},
                        {ticket_note(ticket)},
                        {squash_whitespace(t.subject)}});
    }
    if (!rows.empty()) {
        out << '\n';
        print_table(out, terminal, {"ID", "STATUS", "QUEUE", "LINE", "ASSIGNEE", "CREATED", "NOTE", "SUBJECT"}, rows);
    }
    rows.clear();
    for (const auto& rating : card.ratings) {
        rows.push_back({{format_local_time(rating.at)},
                        {fmt::format("#{}", rating.ticket)},
                        {std::to_string(rating.score), rating.score >= 4 ? Style::green : Style::red},
                        {rating.comment.empty() ? "-" : squash_whitespace(rating.comment)}});
    }
    if (!rows.empty()) {
        out << '\n';
        print_table(out, terminal, {"RATED", "TICKET", "SCORE", "COMMENT"}, rows);
    }
    rows.clear();
    for (const auto& agent : card.agents) {
        rows.push_back({{agent.login}, {std::to_string(agent.replies)}, {std::to_string(agent.assigned)}});
    }
    if (!rows.empty()) {
        out << '\n';
        print_table(out, terminal, {"AGENT", "REPLIES", "ASSIGNED"}, rows);
    }
}

nlohmann::ordered_json text_or_null(const std::string& text) {
    return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

void print_card_json(const CustomerCard& card, std::ostream& out) {
    nlohmann::ordered_json json;
    json["identity"] = card.identity;
    json["identities"] = nlohmann::ordered_json::array();
    for (const auto& seen : card.identities) {
        json["identities"].push_back({{"identity", seen.identity},
                                      {"kind", to_string(kind_of_identity(seen.identity))},
                                      {"name", text_or_null(seen.name)}});
    }
    json["tickets"] = nlohmann::ordered_json::array();
    for (const auto& ticket : card.tickets) {
        auto item = to_json(ticket.ticket);
        item["repeat_contact"] = ticket.repeat;
        json["tickets"].push_back(std::move(item));
    }
    json["first_contact"] = optional_time(card.first_contact);
    json["last_contact"] = optional_time(card.last_contact);
    json["repeat_contacts"] = card.repeat_contacts;
    json["ratings"] = nlohmann::ordered_json::array();
    for (const auto& rating : card.ratings) {
        json["ratings"].push_back({{"ticket", rating.ticket},
                                   {"rated_at", format_iso8601(rating.at)},
                                   {"score", rating.score},
                                   {"comment", text_or_null(rating.comment)}});
    }
    json["agents"] = nlohmann::ordered_json::array();
    for (const auto& agent : card.agents) {
        json["agents"].push_back({{"agent", agent.login}, {"replies", agent.replies}, {"assigned", agent.assigned}});
    }
    json["languages"] = nlohmann::ordered_json::array();
    for (const auto& language : card.languages) {
        json["languages"].push_back({{"language", language.language}, {"tickets", language.tickets}});
    }
    out << json.dump(2) << '\n';
}

void run_card(const CustomerOptions& options, Context& context) {
    if (options.who.empty()) {
        throw usage_error("give a customer: 'tkt customer bob@example.com' (a phone number, a chat identity or "
                          "#42 for a ticket's requester), or 'tkt customer link|unlink WHO...'");
    }
    const CustomerWho who = read_customer_who(options.who, context.phone_country());
    const CustomerCard card = customer_card(context.existing_store(), who, context.config().repeat_window);
    if (options.json) {
        print_card_json(card, context.out());
        return;
    }
    print_card(card, context);
}

}  // namespace

void declare_customer(CLI::App& command, Context& context) {
    command.require_subcommand(0, 1);
    auto options = std::make_shared<CustomerOptions>();
    command
        .add_option("who", options->who,
                    "Show the customer's card: a mail address, phone number, chat identity "
                    "(telegram:12345), or a ticket (#42; digits alone are a ticket unless they are a phone number)")
        ->type_name("WHO");
    command.add_flag("--json", options->json, "Print the card as JSON");
    auto* link = command.add_subcommand("link", "Make identities one customer's: mail, phone, chat");
    link->add_option("identities", options->identities,
                     "Two or more: bob@example.com, +7 900 123-45-67, telegram:12345")
        ->required()
        ->type_name("WHO...");
    link->callback([options, &context] { run_link(*options, context); });
    auto* unlink = command.add_subcommand("unlink", "Take identities out of the customer they were linked into");
    unlink->add_option("identities", options->identities, "The identities to take out")
        ->required()
        ->type_name("WHO...");
    unlink->callback([options, &context] { run_unlink(*options, context); });
    command.callback([options, &context, &command] {
        if (command.get_subcommands().empty()) {
            run_card(*options, context);
        }
    });
}

}  // namespace tkt::cli
