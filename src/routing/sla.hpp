// SLA policies (sla.toml): which policy a ticket falls under, its targets for first
// reply, next reply and resolution on a calendar, and the clock of each (DESIGN.md 4).
#pragma once

#include "core/filter.hpp"
#include "core/ticket.hpp"
#include "routing/calendar.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

enum class SlaTarget { first_reply, next_reply, resolve };

// Returns "first_reply", "next_reply" or "resolve".
std::string_view to_string(SlaTarget target);

// What a policy does when one of its targets is missed: any of these, all optional.
struct BreachAction {
    std::optional<int> escalate_to_line;  // move the ticket to this line (when lower)
    std::optional<Priority> priority;     // raise the priority to this (never lowers)
    std::vector<std::string> tags;        // add these tags
};

struct SlaPolicy {
    std::string name;
    std::string match_text;              // as written, e.g. "line:1 priority:urgent"
    Filter match;                        // empty: every ticket
    const Calendar* calendar = nullptr;  // nullptr: 24x7
    std::optional<Seconds> first_reply;
    std::optional<Seconds> next_reply;
    std::optional<Seconds> resolve;
    BreachAction on_breach;
};

struct SlaConfig {
    std::vector<Calendar> calendars;
    std::vector<SlaPolicy> policies;  // in file order: the first that matches applies
    // Judges the text terms of policies' match (full-text search); unset, they match nothing.
    TextMatcher text;

    SlaConfig() = default;
    SlaConfig(SlaConfig&& other) noexcept;  // keeps policies' calendar pointers valid
    SlaConfig& operator=(SlaConfig&& other) noexcept;
    SlaConfig(const SlaConfig&) = delete;
    SlaConfig& operator=(const SlaConfig&) = delete;

    // Returns the first policy whose match selects `ticket`, or nullptr.
    const SlaPolicy* policy_for(const Ticket& ticket) const;

    // Returns the calendar named `name`, or nullptr.
    const Calendar* calendar(std::string_view name) const;
};

// Loads `file` (sla.toml); a missing file is an empty config (no policies). Policy
// filters are parsed relative to `now`. Errors are configuration errors naming
// file:line:col (exit 78): the first is thrown, unless `problems` is given, where
// every one is collected and loading goes on.
SlaConfig load_sla(const std::filesystem::path& file, Timestamp now, std::vector<std::string>* problems = nullptr);

// The clock of one target on one ticket.
struct TargetClock {
    SlaTarget target = SlaTarget::first_reply;
    Timestamp started = 0;             // when the clock began (created, customer's message)
    Timestamp due = 0;                 // started + the target, in working time
    std::optional<Timestamp> stopped;  // when it was met (reply, solved); nullopt: running
    bool late = false;                 // stopped after due, or still running past due at `now`
};

// Every running and stopped target of a ticket under its policy.
struct SlaClock {
    const SlaPolicy* policy = nullptr;  // nullptr: no policy applies, no targets
    std::vector<TargetClock> targets;

    // Returns the earliest due time among running targets, or nullopt.
    std::optional<Timestamp> next_due() const;

    // Returns true when a running target is past due.
    bool breaching() const;
};

// Computes the clocks of `ticket` at `now` under `config`:
// first_reply runs from created_at until first_reply_at; next_reply, once a first reply
// was sent, from awaiting_since (the customer's oldest unanswered message) until the
// next reply; resolve from created_at until solved_at. A solved or closed ticket has no
// running clock (a target never met stops, late or not, at solved_at).
SlaClock sla_clock(const SlaConfig& config, const Ticket& ticket, Timestamp now);

}  // namespace tkt
