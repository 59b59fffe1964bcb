// Routing: running the rules of routing.toml over a ticket, and what the file says of
// agents, lines and queues. Reading the file is in rule_book.cpp.
#include "routing/rules.hpp"

#include "routing/rule_book.hpp"

#include <algorithm>

namespace tkt {

// A name the header can hold without RE2 in it.
struct Routing::Rules : routing::RuleBook {};

namespace {

using routing::Actions;
using routing::Rule;
using routing::RuleBook;

void apply(const Actions& actions, RouteDecision& decision) {
    if (actions.queue) {
        decision.queue = actions.queue;
    }
    if (actions.line) {
        decision.line = actions.line;
    }
    if (actions.priority) {
        decision.priority = actions.priority;
    }
    if (actions.assign) {
        decision.assign = actions.assign;
    }
    decision.tags.insert(decision.tags.end(), actions.tags.begin(), actions.tags.end());
}

std::string shown(const std::string& value) {
    return fmt::format("'{}'", value);
}

std::string shown(int value) {
    return std::to_string(value);
}

std::string shown(Priority value) {
    return std::string(to_string(value));
}

std::string shown(const std::vector<std::string>& tags) {
    return join(tags, ", ");
}

template <typename T> std::string shown(const std::optional<T>& value) {
    return shown(*value);
}

template <typename T> bool is_set(const std::optional<T>& value) {
    return value.has_value();
}

bool is_set(const std::vector<std::string>& tags) {
    return !tags.empty();
}

// Sets `to` from the default's `from` unless a rule set it; `reasons` says which.
template <typename T> void fill(std::string_view name, const T& from, T& to, std::vector<std::string>* reasons) {
    if (!is_set(from)) {
        return;
    }
    const bool unset = !is_set(to);
    if (unset) {
        to = from;
    }
    if (reasons != nullptr) {
        reasons->push_back(unset ? fmt::format("sets {} {}", name, shown(to))
                                 : fmt::format("leaves {} {}: a rule set it", name, shown(to)));
    }
}

void fill_from_default(const Actions& fallback, RouteDecision& decision, std::vector<std::string>* reasons) {
    if (reasons != nullptr) {
        reasons->push_back("no rule without continue matched");
    }
    fill("queue", fallback.queue, decision.queue, reasons);
    fill("line", fallback.line, decision.line, reasons);
    fill("priority", fallback.priority, decision.priority, reasons);
    // Tags are filled, not added, like every field: the default speaks for a ticket
    // only where no rule did.
    fill("tags", fallback.tags, decision.tags, reasons);
    fill("assign", fallback.assign, decision.assign, reasons);
}

bool try_rule(const Rule& rule, const RoutingInput& input, std::vector<RuleTrace>* traces) {
    if (traces == nullptr) {
        return routing::holds(rule.when, input);
    }
    RuleTrace trace{rule.name, false, {}, false};
    trace.matched = routing::explain(rule.when, input, trace.reasons);
    if (rule.when.conditions.empty()) {
        trace.reasons.emplace_back("no conditions: matches every ticket");
    }
    trace.stopped = trace.matched && !rule.go_on;
    traces->push_back(std::move(trace));
    return traces->back().matched;
}

// Runs `book` over `input`, recording in `traces`, when given, how each rule fared.
RouteDecision run(const RuleBook& book, const RoutingInput& input, std::vector<RuleTrace>* traces) {
    RouteDecision decision;
    bool stopped = false;
    for (const auto& rule : book.rules) {
        if (!try_rule(rule, input, traces)) {
            continue;
        }
        decision.rules.push_back(rule.name);
        apply(rule.actions, decision);
        if (!rule.go_on) {
            stopped = true;
            break;
        }
    }
    if (!stopped && book.fallback) {
        std::vector<std::string> reasons;
        fill_from_default(*book.fallback, decision, traces != nullptr ? &reasons : nullptr);
        decision.rules.emplace_back("default");
        if (traces != nullptr) {
            traces->push_back(RuleTrace{"default", true, std::move(reasons), false});
        }
    }
    std::sort(decision.tags.begin(), decision.tags.end());
    decision.tags.erase(std::unique(decision.tags.begin(), decision.tags.end()), decision.tags.end());
    return decision;
}

}  // namespace

Routing Routing::load(const std::filesystem::path& file, std::vector<std::string>* problems) {
    Routing routing;
    std::error_code error;
    if (std::filesystem::exists(file, error)) {
        routing::read_rule_file(file, problems, *routing.m_rules, routing.m_agents);
    }
    return routing;
}

Routing::Routing() : m_rules(std::make_unique<Rules>()) {}
Routing::Routing(Routing&&) noexcept = default;
Routing& Routing::operator=(Routing&&) noexcept = default;
Routing::~Routing() = default;

RouteDecision Routing::route(const RoutingInput& input) const {
    return run(*m_rules, input, nullptr);
}

std::vector<RuleTrace> Routing::explain(const RoutingInput& input) const {
    std::vector<RuleTrace> traces;
    run(*m_rules, input, &traces);
    return traces;
}

const std::vector<Agent>& Routing::agents() const {
    return m_agents;
}

const Agent* Routing::agent(std::string_view login) const {
    const auto found =
        std::find_if(m_agents.begin(), m_agents.end(), [login](const Agent& agent) { return agent.login == login; });
    return found == m_agents.end() ? nullptr : &*found;
}

std::vector<const Agent*> Routing::candidates(std::string_view queue, int line) const {
    std::vector<const Agent*> found;
    for (const auto& agent : m_agents) {
        if (agent.active && agent.line == line &&
            std::find(agent.queues.begin(), agent.queues.end(), queue) != agent.queues.end()) {
            found.push_back(&agent);
        }
    }
    std::sort(found.begin(), found.end(), [](const Agent* a, const Agent* b) { return a->login < b->login; });
    return found;
}

Transfer Routing::on_transfer(const std::optional<std::string>& queue) const {
    const auto& all = m_rules->queues;
    const auto found = std::find_if(all.begin(), all.end(), [&](const auto& q) { return queue && q.name == *queue; });
    return found == all.end() ? Transfer::to_pool : found->on_transfer;
}

int Routing::last_line() const {
    std::optional<int> last;
    const auto see = [&last](std::optional<int> line) {
        if (line && (!last || *line > *last)) {
            last = line;
        }
    };
    for (const auto& agent : m_agents) {
        see(agent.line);
    }
    for (const auto& rule : m_rules->rules) {
        see(rule.actions.line);
    }
    see(m_rules->fallback ? m_rules->fallback->line : std::nullopt);
    return last.value_or(2);
}

std::vector<std::string> Routing::queues() const {
    std::vector<std::string> queues;
    for (const auto& rule : m_rules->rules) {
        if (rule.actions.queue) {
            queues.push_back(*rule.actions.queue);
        }
    }
    if (m_rules->fallback && m_rules->fallback->queue) {
        queues.push_back(*m_rules->fallback->queue);
    }
    for (const auto& agent : m_agents) {
        queues.insert(queues.end(), agent.queues.begin(), agent.queues.end());
    }
    for (const auto& settings : m_rules->queues) {
        queues.push_back(settings.name);
    }
    std::sort(queues.begin(), queues.end());
    queues.erase(std::unique(queues.begin(), queues.end()), queues.end());
    return queues;
}

bool Routing::empty() const {
    return m_rules->rules.empty() && !m_rules->fallback;
}

}  // namespace tkt
