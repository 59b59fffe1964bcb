// Internal to src/routing/. What routing.toml holds once read: the rules with their actions, the default and the
// agents. Shared by the reading (rule_book.cpp) and the running (rules.cpp) of rules.
#pragma once

#include "routing/conditions.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tkt::routing {

// What a rule or the default sets.
struct Actions {
    std::optional<std::string> queue;
    std::optional<int> line;
    std::optional<Priority> priority;
    std::vector<std::string> tags;  // sorted, unique
    std::optional<std::string> assign;

    bool empty() const { return !queue && !line && !priority && tags.empty() && !assign; }
};

struct Rule {
    std::string name;
    ConditionSet when;
    Actions actions;
    bool go_on = false;  // continue = true
};

// A [[queue]]: the settings of one queue.
struct QueueSettings {
    std::string name;
    Transfer on_transfer = Transfer::to_pool;
};

// Everything routing.toml says but the agents.
struct RuleBook {
    std::vector<Rule> rules;
    std::optional<Actions> fallback;  // [default]
    std::vector<QueueSettings> queues;
};

// Reads `file` (routing.toml), which exists, into `book` and `agents`; with `problems`,
// each configuration error is recorded there and reading goes on, else the first is thrown.
void read_rule_file(const std::filesystem::path& file, std::vector<std::string>* problems, RuleBook& book,
                    std::vector<Agent>& agents);

}  // namespace tkt::routing
