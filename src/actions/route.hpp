// Putting tickets in the right hands: routing by rules, assignment by hand, the pull
// queue of `tkt next`, and regression tests of the rules over saved mail.
#pragma once

#include "actions/tickets.hpp"
#include "routing/assignment.hpp"
#include "routing/rules.hpp"
#include "routing/sla.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tkt {

// What routing did (or, in a dry run, would do) to one ticket.
struct RouteOutcome {
    TicketId id = 0;
    RouteDecision decision;
    std::optional<std::string> queue_before;
    std::optional<std::string> queue;
    int line = 1;
    Priority priority = Priority::normal;
    std::vector<std::string> tags_added;
    std::optional<std::string> assigned;  // the owner routing gave it, if it gave one
};

// Returns what the rules look at in `ticket`: subject, first message, requester,
// channel, tags and the guessed language.
RoutingInput routing_input(Store& store, const Ticket& ticket);

// Routes `ticket` inside the caller's transaction: queue, line and priority set, tags
// added, a `routed` event; an owner chosen by `assigner` only when it has none (one
// owner to the end), with an `assigned` event. Nothing is written in a dry run.
RouteOutcome route_ticket(Store& store, const Routing& routing, Assigner& assigner, const Ticket& ticket,
                          const Actor& actor, DryRun dry_run);

// Routes the tickets `ids` in one transaction; an unknown id routes none (exit 1).
std::vector<RouteOutcome> route_tickets(Store& store, const Routing& routing, std::span<const TicketId> ids,
                                        const Actor& actor, DryRun dry_run);

// Routes every open ticket that has no queue, oldest first, in one transaction.
std::vector<RouteOutcome> route_unrouted(Store& store, const Routing& routing, const Actor& actor, DryRun dry_run);

// Returns the hook that routes a new ticket on arrival, in its creating transaction,
// unless it came with a queue of its own; `routing` must outlive the hook.
TicketHook route_on_arrival(const Routing& routing);

// Returns the hook that records on a new ticket why it was not routed (`reason`: the
// configuration problem that stopped routing), so that 'tkt route --all' is the next step.
TicketHook record_unrouted(std::string reason);

// What an assignment by hand changed.
struct AssignChange {
    TicketId id = 0;
    std::optional<std::string> from;
    std::optional<std::string> to;
    bool changed = false;
};

// Gives ticket `id` to `login` (nullopt: to nobody) for `ownership`, in one
// transaction, with an `assigned` event. When routing.toml lists agents, `login` must be
// one (exit 64).
AssignChange assign_ticket(Store& store, const Routing& routing, TicketId id, const std::optional<std::string>& login,
                           const Actor& actor, Ownership ownership = Ownership::to_the_end);

// Gives each of `ids` to `login` as assign_ticket does, all in one transaction: an
// unknown id assigns none (exit 1). Nothing is written in a dry run.
std::vector<AssignChange> assign_tickets(Store& store, const Routing& routing, std::span<const TicketId> ids,
                                         const std::optional<std::string>& login, const Actor& actor,
                                         Ownership ownership, DryRun dry_run);

enum class Take { peek, take };

// Returns the most urgent unassigned new or open ticket of the queues and line of the
// agent `login` (priority, then SLA due time, then age) and, with Take::take, assigns
// it to them in the same transaction, so that two agents never get the same one.
// nullopt when there is none. An agent routing.toml does not list is a config error.
std::optional<Ticket> next_ticket(Store& store, const Routing& routing, const SlaConfig& sla, std::string_view login,
                                  const Actor& actor, Take take);

// One saved message run through the rules by `tkt route test`.
struct RouteCheck {
    std::filesystem::path file;
    std::optional<std::string> expected;  // X-Expect-Queue; nullopt when the file has none
    std::optional<std::string> queue;     // what the rules chose
    std::vector<std::string> rules;
    bool passed() const { return expected && *expected == queue.value_or("none"); }
};

// Runs the rules over every *.eml file in `dir` (sorted by name) and compares the queue
// chosen with each file's X-Expect-Queue header ("none": no queue). A missing folder
// is an error (exit 66).
std::vector<RouteCheck> check_routes(const Routing& routing, const std::filesystem::path& dir);

}  // namespace tkt
