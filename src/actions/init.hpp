// Setting tkt up: the database and a starter config directory (`tkt init`).
#pragma once

#include "core/config.hpp"
#include "core/paths.hpp"

#include <filesystem>
#include <vector>

namespace tkt {

struct InitStep {
    std::filesystem::path path;
    bool created = false;  // false: it existed and was kept as it was
};

// A Unix group that shares one database: the mail server's user and the agents.
struct SharedGroup {
    std::string name;  // as given, for messages
    unsigned id = 0;
};

// Returns the group named `name_or_id` (a name, or a number); throws a usage error
// (exit 64) when the system has no such group name.
SharedGroup find_group(std::string_view name_or_id);

// Creates the database at `paths.database` and, in `paths.config_dir`, a config.toml
// naming `agent` plus commented example routing.toml and sla.toml. Never overwrites
// a file that exists. With `group`, gives it the database (0660, in a setgid folder
// of its own, 2770, so the -wal and -shm files any member creates stay shared) and read
// access to the config (2750, files 0640). Returns what it created and kept, in order.
std::vector<InitStep> init_workspace(const Paths& paths, const AgentIdentity& agent,
                                     const std::optional<SharedGroup>& group = std::nullopt);

}  // namespace tkt
