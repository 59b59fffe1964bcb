// Setting tkt up: the database and a starter config directory (`tkt init`).
#pragma once

#include "tkt/config.hpp"
#include "tkt/paths.hpp"

#include <filesystem>
#include <vector>

namespace tkt {

struct InitStep {
    std::filesystem::path path;
    bool created = false;  // false: it existed and was kept as it was
};

// Creates the database at `paths.database` and, in `paths.config_dir`, a config.toml
// naming `agent` plus commented example routing.toml and sla.toml. Never overwrites
// a file that exists. Returns what it created and what it kept, in order.
std::vector<InitStep> init_workspace(const Paths& paths, const AgentIdentity& agent);

}  // namespace tkt
