#include "routing/assignment.hpp"

#include <algorithm>

namespace tkt {

Assigner::Assigner(Store& store, const Routing& routing, Persist persist)
    : m_store(store), m_routing(routing), m_persist(persist) {}

std::optional<std::string> Assigner::choose(std::string_view how, const std::optional<std::string>& queue, int line) {
    if (how != "round_robin" && how != "least_loaded") {
        const Agent* agent = m_routing.agent(how);
        return agent != nullptr && agent->active ? std::optional(agent->login) : std::nullopt;
    }
    if (!queue) {
        return std::nullopt;
    }
    const auto agents = m_routing.candidates(*queue, line);
    if (agents.empty()) {
        return std::nullopt;
    }
    return how == "round_robin" ? round_robin(agents, *queue, line) : least_loaded(agents);
}

void Assigner::moved(const std::optional<std::string>& from, const std::optional<std::string>& to) {
    if (from) {
        if (const auto found = m_load.find(*from); found != m_load.end()) {
            --found->second;
        }
    }
    if (to) {
        if (const auto found = m_load.find(*to); found != m_load.end()) {
            ++found->second;
        }
    }
}

std::optional<std::string> Assigner::round_robin(const std::vector<const Agent*>& agents, std::string_view queue,
                                                 int line) {
    const auto key = std::make_pair(std::string(queue), line);
    auto last = m_last.find(key);
    if (last == m_last.end()) {
        last = m_last.emplace(key, m_store.round_robin_last(queue, line).value_or("")).first;
    }
    // The next login after the last one chosen, so that agents joining or leaving the
    // rotation do not restart it.
    const auto next =
        std::find_if(agents.begin(), agents.end(), [&last](const Agent* agent) { return agent->login > last->second; });
    const Agent* chosen = next == agents.end() ? agents.front() : *next;
    last->second = chosen->login;
    if (m_persist == Persist::yes) {
        m_store.set_round_robin_last(queue, line, chosen->login);
    }
    return chosen->login;
}

std::optional<std::string> Assigner::least_loaded(const std::vector<const Agent*>& agents) {
    std::vector<std::string> unknown;
    for (const Agent* agent : agents) {
        if (!m_load.contains(agent->login)) {
            unknown.push_back(agent->login);
        }
    }
    const auto counts = m_store.open_ticket_counts(unknown);
    for (std::size_t i = 0; i < unknown.size(); ++i) {
        m_load.emplace(unknown[i], counts[i]);
    }
    // Agents come sorted by login, and min_element keeps the first of equals.
    const auto* lightest = *std::min_element(agents.begin(), agents.end(), [this](const Agent* a, const Agent* b) {
        return m_load.find(a->login)->second < m_load.find(b->login)->second;
    });
    return lightest->login;
}

}  // namespace tkt
