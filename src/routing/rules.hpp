// Routing rules, agents and lines (routing.toml, DESIGN.md 4): which queue, line,
// priority, tags and owner a ticket gets, decided by rules in order.
#pragma once

#include "core/config.hpp"
#include "core/ticket.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// An agent of the team: who they are, which queues they serve, on which line.
struct Agent {
    std::string login;
    LocalizedName full_name;
    LocalizedName first_name;  // when the directory gives it
    std::string email;
    std::vector<std::string> queues;
    int line = 1;
    bool active = true;
};

// What moving a ticket into a queue does with its owner (routing.toml's [[queue]]
// on_transfer): the queue's pool takes it ("pool", the default: another department
// picks its own owner), or the owner keeps it ("keep_owner").
enum class Transfer { to_pool, keep_owner };

// What routing looks at in a ticket: its first message and its fields.
struct RoutingInput {
    std::string subject;
    std::string body;
    std::string from;      // the requester's address, e.g. "bob@example.com"
    std::string channel;   // "email", "chat", ...
    std::string language;  // guess_language() of subject and body: "ru", "en" or ""
    std::vector<std::string> tags;
};

// What rules decided; fields nobody set stay empty.
struct RouteDecision {
    std::vector<std::string> rules;  // names of the rules that matched, in order ("default" last)
    std::optional<std::string> queue;
    std::optional<int> line;
    std::optional<Priority> priority;
    std::vector<std::string> tags;
    std::optional<std::string> assign;  // "round_robin", "least_loaded" or a login
};

// How one rule fared on one input, for `tkt route --explain`.
struct RuleTrace {
    std::string rule;  // its name ("default" for [default])
    bool matched = false;
    std::vector<std::string> reasons;  // one line per condition, e.g. "subject matches 'посылк'"
    bool stopped = false;              // it matched without continue: later rules were not tried
};

class Routing {
public:
    // Loads `file` (routing.toml); a missing file is an empty routing (no rules, no
    // agents). Errors are configuration errors naming file:line:col (exit 78), an
    // invalid regular expression included: the first is thrown, unless `problems` is
    // given, where every one is collected and loading goes on.
    static Routing load(const std::filesystem::path& file, std::vector<std::string>* problems = nullptr);

    Routing();
    Routing(Routing&&) noexcept;
    Routing& operator=(Routing&&) noexcept;
    ~Routing();

    // Runs the rules over `input`: the first match wins unless it says continue (a later
    // rule's queue, line, priority and assign override an earlier one's; tags add up);
    // [default] fills what no rule set when no rule without continue matched.
    RouteDecision route(const RoutingInput& input) const;

    // Runs the rules like route() and says why each matched or not.
    std::vector<RuleTrace> explain(const RoutingInput& input) const;

    // Returns the agents in file order.
    const std::vector<Agent>& agents() const;

    // Returns the agent whose login is `login`, or nullptr.
    const Agent* agent(std::string_view login) const;

    // Returns the active agents of `line` who serve `queue`, sorted by login.
    std::vector<const Agent*> candidates(std::string_view queue, int line) const;

    // Returns the highest line: that of any agent, rule or default; 2 when none says.
    int last_line() const;

    // Returns every queue named by a rule, the default, an agent or a [[queue]], sorted, unique.
    std::vector<std::string> queues() const;

    // Returns what a transfer into `queue` (nullopt: no queue) does with the owner: its
    // [[queue]]'s on_transfer, else Transfer::to_pool.
    Transfer on_transfer(const std::optional<std::string>& queue) const;

    // Returns true when no rule and no default are configured.
    bool empty() const;

private:
    struct Rules;
    std::unique_ptr<Rules> m_rules;
    std::vector<Agent> m_agents;
};

}  // namespace tkt
