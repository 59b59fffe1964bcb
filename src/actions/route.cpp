#include "actions/route.hpp"

#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "mail/inbound.hpp"
#include "routing/language.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>
#include <nlohmann/json.hpp>

namespace tkt {
namespace {

nlohmann::json optional_json(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// Applies the fields `decision` sets to `outcome`, which starts as the ticket is.
void apply_decision(RouteOutcome& outcome, const Ticket& ticket) {
    const auto& decision = outcome.decision;
    outcome.queue = decision.queue ? decision.queue : ticket.queue;
    outcome.line = decision.line.value_or(ticket.line);
    // Rules raise a priority, never lower it: an urgent call stays urgent when a rule
    // marks its sender's tickets high.
    outcome.priority = std::max(decision.priority.value_or(ticket.priority), ticket.priority);
    for (const auto& tag : decision.tags) {
        if (std::find(ticket.tags.begin(), ticket.tags.end(), tag) == ticket.tags.end()) {
            outcome.tags_added.push_back(tag);
        }
    }
}

void record_route(Store& store, const RouteOutcome& outcome, const Actor& actor) {
    store.set_routing(outcome.id, outcome.queue, outcome.line, outcome.priority, actor.now);
    for (const auto& tag : outcome.tags_added) {
        store.add_tag(outcome.id, tag, actor.now);
    }
    const nlohmann::json detail{
        {"rules", outcome.decision.rules},         {"from_queue", optional_json(outcome.queue_before)},
        {"queue", optional_json(outcome.queue)},   {"line", outcome.line},
        {"priority", to_string(outcome.priority)}, {"tags", outcome.tags_added}};
    store.insert_event(outcome.id, actor.now, actor.login, "routed", detail.dump());
}

// Returns the value of header `name` in the header block of `raw`, unfolded and trimmed.
std::optional<std::string> header_value(std::string_view raw, std::string_view name) {
    std::optional<std::string> value;
    for (const auto& line : split(raw, '\n')) {
        std::string_view text = line;
        if (text.ends_with('\r')) {
            text.remove_suffix(1);
        }
        if (text.empty()) {
            break;  // the end of the headers
        }
        if ((text.front() == ' ' || text.front() == '\t') && value) {
            *value += value->empty() ? "" : " ";
            *value += trim(text);
        } else if (value) {
            break;
        } else if (text.size() > name.size() && text[name.size()] == ':' &&
                   ascii_lower(text.substr(0, name.size())) == ascii_lower(name)) {
            value = std::string(trim(text.substr(name.size() + 1)));
        }
    }
    return value;
}

}  // namespace

RoutingInput routing_input(Store& store, const Ticket& ticket) {
    RoutingInput input;
    input.subject = ticket.subject;
    input.body = store.first_message_body(ticket.id);
    input.from = ticket.requester;
    input.channel = std::string(to_string(ticket.channel));
    input.language = ticket.language.value_or(message_language(input.subject, input.body));
    input.tags = ticket.tags;
    return input;
}

RouteOutcome route_ticket(Store& store, const Routing& routing, Assigner& assigner, const Ticket& ticket,
                          const Actor& actor, DryRun dry_run) {
    RouteOutcome outcome;
    outcome.id = ticket.id;
    outcome.queue_before = ticket.queue;
    outcome.decision = routing.route(routing_input(store, ticket));
    apply_decision(outcome, ticket);
    if (outcome.decision.rules.empty()) {
        return outcome;
    }
    if (!ticket.assignee && outcome.decision.assign) {
        outcome.assigned = assigner.choose(*outcome.decision.assign, outcome.queue, outcome.line);
    }
    if (dry_run == DryRun::yes) {
        assigner.moved(std::nullopt, outcome.assigned);
        return outcome;
    }
    record_route(store, outcome, actor);
    if (outcome.assigned) {
        record_assignment(store, ticket.id, std::nullopt, outcome.assigned, *outcome.decision.assign, actor);
        assigner.moved(std::nullopt, outcome.assigned);
    }
    return outcome;
}

std::vector<RouteOutcome> route_tickets(Store& store, const Routing& routing, std::span<const TicketId> ids,
                                        const Actor& actor, DryRun dry_run) {
    auto transaction = store.begin_write();
    Assigner assigner(store, routing, dry_run == DryRun::yes ? Persist::no : Persist::yes);
    std::vector<RouteOutcome> outcomes;
    for (const TicketId id : ids) {
        outcomes.push_back(route_ticket(store, routing, assigner, require_ticket(store, id), actor, dry_run));
    }
    transaction.commit();
    return outcomes;
}

std::vector<RouteOutcome> route_unrouted(Store& store, const Routing& routing, const Actor& actor, DryRun dry_run) {
    auto transaction = store.begin_write();
    Filter unrouted;
    unrouted.terms.push_back(Term{Field::queue, Compare::equal, {""}, 0, 0});
    unrouted = with_default_statuses(std::move(unrouted));
    const std::vector<SortKey> oldest_first{{SortField::created, Order::ascending}};
    Assigner assigner(store, routing, dry_run == DryRun::yes ? Persist::no : Persist::yes);
    std::vector<RouteOutcome> outcomes;
    for (const auto& ticket : store.find_tickets(unrouted, oldest_first, 0)) {
        outcomes.push_back(route_ticket(store, routing, assigner, ticket, actor, dry_run));
    }
    transaction.commit();
    return outcomes;
}

TicketHook route_on_arrival(const Routing& routing) {
    return [&routing](Store& store, TicketId id, const Actor& creator) {
        const auto ticket = store.find_ticket(id);
        if (!ticket || ticket->queue || routing.empty()) {
            return;
        }
        // Routing on arrival is tkt's doing, neither the sender's nor an agent's.
        const Actor actor{"(routing)", creator.now};
        Assigner assigner(store, routing, Persist::yes);
        route_ticket(store, routing, assigner, *ticket, actor, DryRun::no);
    };
}

TicketHook record_unrouted(std::string reason) {
    return [reason = std::move(reason)](Store& store, TicketId id, const Actor& creator) {
        store.insert_event(id, creator.now, "(routing)", "unrouted", nlohmann::json{{"reason", reason}}.dump());
    };
}

AssignChange assign_ticket(Store& store, const Routing& routing, TicketId id, const std::optional<std::string>& login,
                           const Actor& actor, Ownership ownership) {
    return assign_tickets(store, routing, std::span(&id, 1), login, actor, ownership, DryRun::no).front();
}

std::vector<AssignChange> assign_tickets(Store& store, const Routing& routing, std::span<const TicketId> ids,
                                         const std::optional<std::string>& login, const Actor& actor,
                                         Ownership ownership, DryRun dry_run) {
    if (login && !routing.agents().empty() && routing.agent(*login) == nullptr) {
        std::vector<std::string_view> logins;
        for (const auto& agent : routing.agents()) {
            logins.push_back(agent.login);
        }
        throw usage_error(fmt::format("unknown agent '{}'{} (routing.toml lists: {})", *login,
                                      did_you_mean(*login, logins), fmt::join(logins, ", ")));
    }
    auto transaction = store.begin_write();
    std::vector<AssignChange> changes;
    changes.reserve(ids.size());
    for (const TicketId id : ids) {
        const Ticket ticket = require_ticket(store, id);
        AssignChange change{id, ticket.assignee, login, ticket.assignee != login};
        if (change.changed) {
            record_assignment(store, id, ticket.assignee, login, "hand", actor, ownership);
        }
        changes.push_back(std::move(change));
    }
    if (dry_run == DryRun::no) {
        transaction.commit();
    }
    return changes;
}

std::optional<Ticket> next_ticket(Store& store, const Routing& routing, const SlaConfig& sla, std::string_view login,
                                  const Actor& actor, Take take) {
    const Agent* agent = routing.agent(login);
    if (agent == nullptr) {
        throw Error(Exit::config, fmt::format("routing.toml lists no agent '{}': add an [[agent]] with "
                                              "its queues and line",
                                              login));
    }
    Filter pool;
    pool.terms.push_back(Term{Field::queue, Compare::equal, agent->queues, 0, 0});
    pool.terms.push_back(Term{Field::line, Compare::equal, {}, agent->line, 0});
    pool.terms.push_back(Term{Field::assignee, Compare::equal, {""}, 0, 0});
    pool.terms.push_back(Term{Field::status, Compare::equal, {"new", "open"}, 0, 0});
    auto transaction = take == Take::take ? store.begin_write() : store.begin_read();
    auto tickets = agent->queues.empty() ? std::vector<Ticket>{} : store.find_tickets(pool, {}, 0);
    if (tickets.empty()) {
        return std::nullopt;
    }
    const auto due = [&](const Ticket& ticket) {
        return sla_clock(sla, ticket, actor.now).next_due().value_or(std::numeric_limits<Timestamp>::max());
    };
    // Most urgent first: priority, then the nearest SLA due time, then the oldest.
    const auto first = std::min_element(tickets.begin(), tickets.end(), [&](const Ticket& a, const Ticket& b) {
        if (a.priority != b.priority) {
            return a.priority > b.priority;
        }
        const auto due_a = due(a);
        const auto due_b = due(b);
        return due_a != due_b ? due_a < due_b : std::pair(a.created_at, a.id) < std::pair(b.created_at, b.id);
    });
    Ticket chosen = std::move(*first);
    // The write transaction began IMMEDIATE: no other tkt next can take it meanwhile.
    if (take == Take::take) {
        record_assignment(store, chosen.id, std::nullopt, agent->login, "next", actor);
        chosen.assignee = agent->login;
    }
    transaction.commit();
    return chosen;
}

std::vector<RouteCheck> check_routes(const Routing& routing, const std::filesystem::path& dir) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) {
        throw Error(Exit::no_input, fmt::format("no folder '{}'", dir.string()));
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        if (entry.path().extension() == ".eml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<RouteCheck> checks;
    for (const auto& file : files) {
        const auto raw = read_file(file);
        if (!raw) {
            throw Error(Exit::no_input, fmt::format("cannot read '{}'", file.string()));
        }
        const InboundMail mail = parse_mail(*raw, MailOptions{});
        RoutingInput input{
            mail.subject, mail.body, mail.from.email, "email", message_language(mail.subject, mail.body), {}};
        auto decision = routing.route(input);
        checks.push_back(RouteCheck{file, header_value(*raw, "X-Expect-Queue"), decision.queue, decision.rules});
    }
    return checks;
}

}  // namespace tkt
