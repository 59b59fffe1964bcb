// The table of subcommands (commands.cpp): each one's name, its one-line summary (the
// only copy: help, the completions and the docs test read it from the binary) and the
// function that declares its options on a CLI11 app. A command's file fills an options
// struct and calls a run function that knows nothing of CLI11.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <span>
#include <string_view>

namespace tkt::cli {

struct CommandSpec {
    std::string_view name;
    std::string_view summary;
    void (*declare)(CLI::App& command, Context& context);
};

// Returns every subcommand, in the order `tkt --help` lists them.
std::span<const CommandSpec> commands();

}  // namespace tkt::cli
