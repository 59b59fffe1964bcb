#include "actions/init.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct InitOptions {
    std::string login;
    std::string full_name;
    std::string email;
    std::optional<std::string> group;
    std::string holidays = "ru";
};

HolidayRules holidays_option(const std::string& name) {
    if (const auto rules = parse_holiday_rules(name)) {
        return *rules;
    }
    const auto names = holiday_rules_names();
    throw usage_error(
        fmt::format("unknown holidays '{}'{} (valid: {})", name, did_you_mean(name, names), fmt::join(names, ", ")));
}

// Returns the agent's first and last name: --name, else asked for on a terminal; ""
// when neither (a script, a mail server's set-up), which init then says.
std::string full_name(const InitOptions& options, Context& context) {
    std::string name = squash_whitespace(options.full_name);
    if (name.empty() && context.terminal().asks) {
        context.err() << "Your first and last name, to sign replies with: " << std::flush;
        std::getline(context.in(), name);
        name = squash_whitespace(name);
    }
    if (!name.empty() && lacking_last_name(LocalizedName(name))) {
        throw usage_error(fmt::format("'{}' is one name: replies are signed with a first and a last name, such as "
                                      "--name \"Anna Smirnova\"",
                                      name));
    }
    return name;
}

void run_init(const InitOptions& options, Context& context) {
    InitRequest request;
    request.agent.login = !options.login.empty() ? options.login : context.default_login();
    request.agent.full_name.text = full_name(options, context);
    request.agent.email = options.email;
    request.holidays = holidays_option(options.holidays);
    request.now = context.now();
    if (options.group) {
        request.group = find_group(*options.group);
    }
    bool wrote_config = false;
    for (const auto& step : init_workspace(context.paths(), request)) {
        context.out() << fmt::format("{:8} {}{}\n", step.created ? "created" : "kept", step.path.string(),
                                     step.created ? "" : " (it exists)");
        wrote_config = wrote_config || (step.created && step.path.filename() == "config.toml");
    }
    if (request.group) {
        context.out() << fmt::format("shared   the database with group '{}' (read and write) and the config "
                                     "(read)\n",
                                     request.group->name);
    }
    if (request.agent.full_name.empty() && wrote_config) {
        context.err() << "tkt: no name given: replies are refused until full_name (your first and last name) is "
                         "set in config.toml and routing.toml\n";
    }
}

}  // namespace

void declare_init(CLI::App& command, Context& context) {
    auto options = std::make_shared<InitOptions>();
    command.add_option("--login", options->login, "Your agent login (default: $USER)");
    command.add_option("--name", options->full_name,
                       "Your first and last name, for reply signatures (asked for on a terminal)");
    command.add_option("--email", options->email, "Your mail address");
    command
        .add_option("--group", options->group,
                    "Share the database (read-write) and the config (read) with this Unix group: "
                    "the mail server's user and the agents")
        ->type_name("GROUP");
    command
        .add_option("--holidays", options->holidays,
                    "The office calendar's holidays, this year's and next: ru (Russia's, the default) or none")
        ->type_name("ru|none");
    command.callback([options, &context] { run_init(*options, context); });
}

}  // namespace tkt::cli
