// Escalation from one line to the next, by hand or when an SLA target is missed, and
// the SLA view of tickets (DESIGN.md 4, sla.toml).
#pragma once

#include "actions/route.hpp"
#include "routing/sla.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tkt {

struct EscalateRequest {
    TicketId id = 0;
    std::string reason;
    std::optional<int> to_line;     // default: the next line
    std::optional<std::string> to;  // default: the least loaded agent of that line and queue
    std::string note;               // a handover note for the next line ("" for none)
};

// What an escalation changed.
struct Escalation {
    TicketId id = 0;
    int from_line = 1;
    int to_line = 2;
    std::optional<std::string> from_assignee;
    std::optional<std::string> to_assignee;
    std::optional<std::int64_t> note;  // the handover note's message row
};

// Returns the line `request` moves `ticket` to, after checking that it may (see
// escalate_ticket), so that a caller can act before escalating.
int escalation_line(const Ticket& ticket, const Routing& routing, const EscalateRequest& request);

// Moves ticket `request.id` up to a higher line in one transaction: an `escalated`
// event with the reason, and a new owner of that line (`to`, else the least loaded
// active agent of its queue and line, else nobody: the line's pool), and the handover
// note when the request has one (its row in the event's "note"). A missing reason,
// a line not above the current one or beyond routing's last, an agent of another line,
// or a finished ticket is a usage error (64); a blank or broken note a data error (65).
Escalation escalate_ticket(Store& store, const Routing& routing, const EscalateRequest& request, const Actor& actor);

// One missed target found by `tkt escalate --overdue`, and what its policy did.
struct BreachOutcome {
    SlaBreach breach;
    bool running = true;                   // the target is still unmet: the action applies
    std::optional<Escalation> escalation;  // on_breach.escalate_to_line
    std::optional<Priority> raised_to;     // on_breach.priority
    std::vector<std::string> tags_added;   // on_breach.tags
};

// Finds every open ticket past an SLA target at `runner.now` and, once per breach,
// records it (a `sla_breached` event) and applies the policy's on_breach to targets
// still unmet; breaches recorded before are skipped, so that cron may run it often.
// Its events are recorded as "(sla)", not as the login running it: the policy acted,
// and no person's work is counted for it. Nothing is written in a dry run. One
// transaction.
std::vector<BreachOutcome> escalate_overdue(Store& store, const Routing& routing, const SlaConfig& sla,
                                            const Actor& runner, DryRun dry_run);

// Returns the tickets matching every term of `filter` in `sort` order, at most `limit`
// (all when 0), judging its SLA terms (breaching: a running target is past due;
// due<15m: the nearest running target is due within 15 minutes, or overdue) with the
// clocks of `sla` at `now`.
std::vector<Ticket> select_tickets(Store& store, const Filter& filter, std::span<const SortKey> sort,
                                   std::int64_t limit, const SlaConfig& sla, Timestamp now);

// Hands each ticket select_tickets would return to `visit`, in order, as the store reads
// it (Store::each_ticket): memory stays flat however many match.
void each_selected_ticket(Store& store, const Filter& filter, std::span<const SortKey> sort, std::int64_t limit,
                          const SlaConfig& sla, Timestamp now, const std::function<void(Ticket&&)>& visit);

}  // namespace tkt
