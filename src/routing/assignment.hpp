// Choosing an owner for a ticket among the agents of its queue and line: round robin
// (its position kept in the database, so every process continues one rotation), least
// loaded, or a named agent.
#pragma once

#include "routing/rules.hpp"
#include "store/store.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace tkt {

enum class Persist { no, yes };

class Assigner {
public:
    // Chooses among `routing`'s agents, reading and (with Persist::yes) writing the
    // round-robin positions and open-ticket counts in `store`, inside the caller's
    // transaction.
    Assigner(Store& store, const Routing& routing, Persist persist);

    // Returns who gets a ticket of `queue` on `line` by `how`: "round_robin" (the next
    // active agent after the last one chosen, in login order), "least_loaded" (fewest
    // open tickets; the first login on a tie) or an agent's login (when active); nullopt
    // when nobody can take it.
    std::optional<std::string> choose(std::string_view how, const std::optional<std::string>& queue, int line);

    // Counts a ticket moving from `from` to `to` in the loads least_loaded compares.
    void moved(const std::optional<std::string>& from, const std::optional<std::string>& to);

private:
    std::optional<std::string> round_robin(const std::vector<const Agent*>& agents, std::string_view queue, int line);
    std::optional<std::string> least_loaded(const std::vector<const Agent*>& agents);

    Store& m_store;
    const Routing& m_routing;
    Persist m_persist;
    std::map<std::string, std::int64_t, std::less<>> m_load;    // open tickets, by login
    std::map<std::pair<std::string, int>, std::string> m_last;  // round-robin positions read
};

}  // namespace tkt
