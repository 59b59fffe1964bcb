#include "actions/escalate.hpp"

#include "actions/notes.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tkt {
namespace {}  // namespace

int escalation_line(const Ticket& ticket, const Routing& routing, const EscalateRequest& request) {
    if (trim(request.reason).empty()) {
        throw usage_error("an escalation needs a reason: --reason TEXT says why the next line should take it");
    }
    if (!request.note.empty()) {
        note_text(request.note);
    }
    if (is_finished(ticket.status)) {
        throw usage_error(
            fmt::format("ticket {} is {}: reopen it before escalating", ticket.id, to_string(ticket.status)));
    }
    const int line = request.to_line.value_or(ticket.line + 1);
    if (line <= ticket.line) {
        throw usage_error(
            fmt::format("ticket {} is on line {} already: escalation goes to a higher line", ticket.id, ticket.line));
    }
    if (line > routing.last_line()) {
        throw usage_error(
            fmt::format("ticket {} cannot go to line {}: the last line is {}", ticket.id, line, routing.last_line()));
    }
    if (request.to) {
        const Agent* agent = routing.agent(*request.to);
        if (agent == nullptr && !routing.agents().empty()) {
            throw usage_error(fmt::format("unknown agent '{}' (see routing.toml)", *request.to));
        }
        if (agent != nullptr && agent->line != line) {
            throw usage_error(fmt::format("agent '{}' works on line {}, not line {}", *request.to, agent->line, line));
        }
    }
    return line;
}

namespace {

// Moves `ticket` to `line` with a new owner, recording why and the handover note
// (`note`, when not empty): the part of an escalation that a person and an SLA share.
// Runs in the caller's transaction.
Escalation move_up(Store& store, Assigner& assigner, const Ticket& ticket, int line,
                   const std::optional<std::string>& to, std::string_view reason, std::string_view by,
                   const Actor& actor, std::string_view note = {}) {
    Escalation escalation{ticket.id, ticket.line, line, ticket.assignee, to, std::nullopt};
    if (!to) {
        escalation.to_assignee = assigner.choose("least_loaded", ticket.queue, line);
    }
    store.set_routing(ticket.id, ticket.queue, line, ticket.priority, actor.now);
    nlohmann::json detail{{"from_line", ticket.line}, {"to_line", line}, {"reason", reason}, {"by", by}};
    if (!note.empty()) {
        escalation.note = record_note(store, ticket.id, note, actor, "escalation");
        detail["note"] = *escalation.note;
    }
    store.insert_event(ticket.id, actor.now, actor.login, "escalated", detail.dump());
    if (escalation.to_assignee != ticket.assignee) {
        record_assignment(store, ticket.id, ticket.assignee, escalation.to_assignee, "escalation", actor);
        assigner.moved(ticket.assignee, escalation.to_assignee);
    }
    return escalation;
}

// Fills in what `policy`'s on_breach will do to `ticket`: the plan that the breach
// event records and execute_breach_action carries out.
void plan_breach_action(Assigner& assigner, const Ticket& ticket, const SlaPolicy& policy, BreachOutcome& outcome) {
    const BreachAction& action = policy.on_breach;
    if (action.escalate_to_line && *action.escalate_to_line > ticket.line) {
        const int line = *action.escalate_to_line;
        outcome.escalation = Escalation{
            ticket.id,   ticket.line, line, ticket.assignee, assigner.choose("least_loaded", ticket.queue, line),
            std::nullopt};
    }
    if (action.priority && *action.priority > ticket.priority) {
        outcome.raised_to = action.priority;
    }
    for (const auto& tag : action.tags) {
        if (std::find(ticket.tags.begin(), ticket.tags.end(), tag) == ticket.tags.end()) {
            outcome.tags_added.push_back(tag);
        }
    }
}

void execute_breach_action(Store& store, Assigner& assigner, const Ticket& ticket, const SlaPolicy& policy,
                           const BreachOutcome& outcome, const Actor& actor) {
    const int line = outcome.escalation ? outcome.escalation->to_line : ticket.line;
    if (outcome.escalation) {
        const auto reason = fmt::format("SLA {} missed (policy {})", outcome.breach.target, policy.name);
        move_up(store, assigner, ticket, line, outcome.escalation->to_assignee, reason, "sla", actor);
    }
    if (outcome.raised_to) {
        store.set_routing(ticket.id, ticket.queue, line, *outcome.raised_to, actor.now);
    }
    for (const auto& tag : outcome.tags_added) {
        store.add_tag(ticket.id, tag, actor.now);
    }
}

// Returns the breaches of `ticket` at `now` not recorded before.
std::vector<BreachOutcome> new_breaches(Store& store, const Ticket& ticket, const SlaClock& clock, Timestamp now) {
    std::vector<BreachOutcome> found;
    for (const auto& target : clock.targets) {
        const auto name = std::string(to_string(target.target));
        if (!target.late || store.has_breach(ticket.id, name, target.started)) {
            continue;
        }
        found.push_back(BreachOutcome{SlaBreach{ticket.id, name, target.started, target.due, now, clock.policy->name},
                                      !target.stopped,
                                      {},
                                      {},
                                      {}});
    }
    return found;
}

void record_breach(Store& store, const BreachOutcome& outcome, const Actor& actor) {
    store.record_breach(outcome.breach);
    nlohmann::json detail{{"target", outcome.breach.target},
                          {"policy", outcome.breach.policy},
                          {"started", format_iso8601(outcome.breach.started_at)},
                          {"due", format_iso8601(outcome.breach.due_at)}};
    if (outcome.escalation) {
        detail["escalate_to_line"] = outcome.escalation->to_line;
    }
    if (outcome.raised_to) {
        detail["priority"] = to_string(*outcome.raised_to);
    }
    if (!outcome.tags_added.empty()) {
        detail["tags"] = outcome.tags_added;
    }
    store.insert_event(outcome.breach.ticket_id, actor.now, actor.login, "sla_breached", detail.dump());
}

}  // namespace

Escalation escalate_ticket(Store& store, const Routing& routing, const EscalateRequest& request, const Actor& actor) {
    auto transaction = store.begin_write();
    const Ticket ticket = require_ticket(store, request.id);
    const int line = escalation_line(ticket, routing, request);
    Assigner assigner(store, routing, Persist::yes);
    const std::string note = request.note.empty() ? std::string() : note_text(request.note);
    auto escalation = move_up(store, assigner, ticket, line, request.to, trim(request.reason), "hand", actor, note);
    transaction.commit();
    return escalation;
}

std::vector<BreachOutcome> escalate_overdue(Store& store, const Routing& routing, const SlaConfig& sla,
                                            const Actor& runner, DryRun dry_run) {
    // The policy acts, not whoever runs cron: its events are tkt's own, as routing's are.
    const Actor actor{"(sla)", runner.now};
    auto transaction = store.begin_write();
    Filter open_work = with_default_statuses(Filter{});
    Assigner assigner(store, routing, dry_run == DryRun::yes ? Persist::no : Persist::yes);
    std::vector<BreachOutcome> outcomes;
    for (const auto& ticket : store.find_tickets(open_work, {}, 0)) {
        const SlaClock clock = sla_clock(sla, ticket, actor.now);
        if (clock.policy == nullptr) {
            continue;
        }
        bool acted = false;
        for (auto& outcome : new_breaches(store, ticket, clock, actor.now)) {
            // One action per ticket and run: two targets missed at once escalate once.
            const bool act = outcome.running && !acted;
            if (act) {
                plan_breach_action(assigner, ticket, *clock.policy, outcome);
                acted = true;
            }
            if (dry_run == DryRun::no) {
                record_breach(store, outcome, actor);
                if (act) {
                    execute_breach_action(store, assigner, ticket, *clock.policy, outcome, actor);
                }
            } else if (outcome.escalation) {
                assigner.moved(ticket.assignee, outcome.escalation->to_assignee);
            }
            outcomes.push_back(std::move(outcome));
        }
    }
    transaction.commit();
    return outcomes;
}

std::vector<Ticket> select_tickets(Store& store, const Filter& filter, std::span<const SortKey> sort,
                                   std::int64_t limit, const SlaConfig& sla, Timestamp now) {
    std::vector<Ticket> tickets;
    each_selected_ticket(store, filter, sort, limit, sla, now,
                         [&](Ticket&& ticket) { tickets.push_back(std::move(ticket)); });
    return tickets;
}

void each_selected_ticket(Store& store, const Filter& filter, std::span<const SortKey> sort, std::int64_t limit,
                          const SlaConfig& sla, Timestamp now, const std::function<void(Ticket&&)>& visit) {
    if (!filter.has_sla_terms()) {
        store.each_ticket(filter, sort, limit, [&](Ticket&& ticket) {
            visit(std::move(ticket));
            return true;
        });
        return;
    }
    // The SLA terms are judged here, on the clocks: the store reads every ticket the
    // other terms match, and the limit counts those kept.
    const auto keep = [&](const Ticket& ticket) {
        const SlaClock clock = sla_clock(sla, ticket, now);
        const auto due = clock.next_due();
        return std::all_of(filter.terms.begin(), filter.terms.end(), [&](const Term& term) {
            if (term.field == Field::breaching) {
                return clock.breaching();
            }
            if (term.field == Field::due) {
                return due && (term.compare == Compare::less ? *due - now < term.low : *due - now > term.low);
            }
            return true;
        });
    };
    std::int64_t kept = 0;
    store.each_ticket(filter, sort, 0, [&](Ticket&& ticket) {
        if (keep(ticket)) {
            visit(std::move(ticket));
            ++kept;
        }
        return limit == 0 || kept < limit;
    });
}

}  // namespace tkt
