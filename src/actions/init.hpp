// Setting tkt up: the database and a starter config directory (`tkt init`).
#pragma once

#include "core/config.hpp"
#include "core/paths.hpp"
#include "core/time.hpp"
#include "routing/holidays.hpp"

#include <filesystem>
#include <optional>
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

// What `tkt init` writes into the starter config besides its rules: who "I" am, the
// holidays of the office calendar, and the group that shares the files.
struct InitRequest {
    AgentIdentity agent;
    HolidayRules holidays = HolidayRules::ru;
    Timestamp now = 0;                 // the calendar lists the holidays of its year (UTC) and the next
    std::optional<SharedGroup> group;  // nullopt: no group shares the files
};

// Creates the database at `paths.database` and, in `paths.config_dir`, a config.toml
// naming `request.agent` plus commented starter routing.toml (rules that fill queues
// for 'tkt next', assigning nobody) and sla.toml (a Moscow office calendar with
// `request.holidays`; escalation only where a policy says so). Never overwrites a
// file that exists. With `request.group`, gives it the database (0660, in a setgid
// folder of its own, 2770, so the -wal and -shm files any member creates stay shared)
// and read access to the config (2750, files 0640). Returns what it created and kept,
// in order.
std::vector<InitStep> init_workspace(const Paths& paths, const InitRequest& request);

}  // namespace tkt
