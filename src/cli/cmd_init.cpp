#include "actions/init.hpp"
#include "cli/commands.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct InitOptions {
    std::string login;
    std::string full_name;
    std::string email;
    std::optional<std::string> group;
};

void run_init(const InitOptions& options, Context& context) {
    AgentIdentity agent;
    agent.login = !options.login.empty() ? options.login : context.default_login();
    agent.full_name = options.full_name.empty() ? agent.login : options.full_name;
    agent.email = options.email;
    std::optional<SharedGroup> group;
    if (options.group) {
        group = find_group(*options.group);
    }
    for (const auto& step : init_workspace(context.paths(), agent, group)) {
        context.out() << fmt::format("{:8} {}{}\n", step.created ? "created" : "kept", step.path.string(),
                                     step.created ? "" : " (it exists)");
    }
    if (group) {
        context.out() << fmt::format("shared   the database with group '{}' (read and write) and the config "
                                     "(read)\n",
                                     group->name);
    }
}

}  // namespace

void declare_init(CLI::App& command, Context& context) {
    auto options = std::make_shared<InitOptions>();
    command.add_option("--login", options->login, "Your agent login (default: $USER)");
    command.add_option("--name", options->full_name, "Your full name, for reply signatures");
    command.add_option("--email", options->email, "Your mail address");
    command
        .add_option("--group", options->group,
                    "Share the database (read-write) and the config (read) with this Unix group: "
                    "the mail server's user and the agents")
        ->type_name("GROUP");
    command.callback([options, &context] { run_init(*options, context); });
}

}  // namespace tkt::cli
