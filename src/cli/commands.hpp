// The table of subcommands. Each declares its options on a CLI11 app, fills an options
// struct, and calls its run function, which knows nothing of CLI11.
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

// Declare each subcommand's options and callback on `command`.
void declare_init(CLI::App& command, Context& context);
void declare_new(CLI::App& command, Context& context);
void declare_list(CLI::App& command, Context& context);
void declare_show(CLI::App& command, Context& context);
void declare_history(CLI::App& command, Context& context);
void declare_close(CLI::App& command, Context& context);
void declare_reopen(CLI::App& command, Context& context);
void declare_tag(CLI::App& command, Context& context);
void declare_import(CLI::App& command, Context& context);
void declare_reply(CLI::App& command, Context& context);
void declare_outbox(CLI::App& command, Context& context);
void declare_template(CLI::App& command, Context& context);
void declare_route(CLI::App& command, Context& context);
void declare_assign(CLI::App& command, Context& context);
void declare_next(CLI::App& command, Context& context);
void declare_escalate(CLI::App& command, Context& context);
void declare_sla(CLI::App& command, Context& context);
void declare_config(CLI::App& command, Context& context);
void declare_rate(CLI::App& command, Context& context);
void declare_merge(CLI::App& command, Context& context);
void declare_stats(CLI::App& command, Context& context);

}  // namespace tkt::cli
