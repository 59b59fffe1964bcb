#include "cli/main.hpp"

#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <array>
#include <fmt/format.h>
#include <iostream>

namespace tkt::cli {

namespace {

std::vector<std::string_view> command_names() {
    std::vector<std::string_view> names{"help"};
    for (const auto& command : commands()) {
        names.push_back(command.name);
    }
    return names;
}

std::string unknown_command(std::string_view word) {
    const auto names = command_names();
    const auto match = closest_match(word, names);
    return fmt::format("unknown command '{}' ({}see 'tkt --help')", word,
                       match ? fmt::format("did you mean '{}'? ", *match) : "");
}

// Returns the arguments with the subcommand checked (an unknown one is rejected with a
// suggestion, before CLI11 reports it less helpfully) and, for commands that take tag
// removals, each "-tag" word that is not an option's value protected from being read
// as an option.
std::vector<std::string> prepare_arguments(int argc, char** argv, const CLI::App& app) {
    std::vector<std::string> args(argv + 1, argv + argc);
    const auto names = command_names();
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--db" || args[i] == "--config") {
            ++i;
            continue;
        }
        if (args[i].starts_with('-')) {
            continue;
        }
        if (std::find(names.begin(), names.end(), args[i]) == names.end()) {
            throw usage_error(unknown_command(args[i]));
        }
        if (args[i] != "list" && args[i] != "tag" && args[i] != "search") {
            break;
        }
        const CLI::App* command = app.get_subcommand(args[i]);
        for (std::size_t j = i + 1; j < args.size(); ++j) {
            const CLI::Option* previous = command->get_option_no_throw(args[j - 1]);
            if (previous == nullptr || previous->get_type_size() == 0) {
                args[j] = protect_dash_word(args[j]);
            }
        }
        break;
    }
    return args;
}

// Returns a CLI11 message in the house style: lowercase first letter, no period.
std::string house_style(std::string message) {
    // "A subcommand is required" becomes lowercase; "FILE is required" stays as it is.
    const bool capitalised = message.size() > 1 && !(message[1] >= 'A' && message[1] <= 'Z');
    if (capitalised && message[0] >= 'A' && message[0] <= 'Z') {
        message[0] = static_cast<char>(message[0] - 'A' + 'a');
    }
    while (!message.empty() && (message.back() == '.' || message.back() == '\n')) {
        message.pop_back();
    }
    for (char& c : message) {
        if (c == '\n') {
            c = ' ';
        }
    }
    return message;
}

// Returns the help of `command`, its usage line naming the program as users type it.
std::string help_of(const CLI::App& command) {
    std::string text = command.help();
    std::string path;
    for (const CLI::App* at = &command; at->get_parent() != nullptr; at = at->get_parent()) {
        path = " " + at->get_name() + path;
    }
    const std::string usage = "Usage: " + command.get_name();
    if (!path.empty() && text.find(usage) != std::string::npos) {
        text.replace(text.find(usage), usage.size(), "Usage: tkt" + path);
    }
    return text;
}

// Returns the command `topic` names ("outbox flush": a subcommand of outbox), `app`
// itself when it is empty; an unknown word is a usage error.
const CLI::App& find_topic(const CLI::App& app, const std::vector<std::string>& topic) {
    if (topic.empty()) {
        return app;
    }
    const auto names = command_names();
    if (std::find(names.begin(), names.end(), topic.front()) == names.end()) {
        throw usage_error(unknown_command(topic.front()));
    }
    const CLI::App* command = &app;
    for (const auto& word : topic) {
        const auto found = command->get_subcommands([&word](const CLI::App* sub) { return sub->get_name() == word; });
        if (found.empty()) {
            throw usage_error(fmt::format("'{}' has no subcommand '{}' (see 'tkt help {}')", command->get_name(), word,
                                          command->get_name()));
        }
        command = found.front();
    }
    return *command;
}

// Prints the subcommands of `command`, one a line: the name, a tab and the summary, for
// the shell completions (so that a summary is written once, in the command table).
void print_subcommands(const CLI::App& command, std::ostream& out) {
    for (const CLI::App* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
        out << sub->get_name() << '\t' << sub->get_description() << '\n';
    }
}

void declare_help(CLI::App& app, Context& context) {
    auto* help = app.add_subcommand("help", "Show help for tkt or one of its commands");
    auto topic = std::make_shared<std::vector<std::string>>();
    auto list = std::make_shared<bool>(false);
    help->add_option("command", *topic, "The command to explain, and its subcommand if any");
    help->add_flag("--commands", *list,
                   "List the commands (or the subcommands of COMMAND) as NAME, a tab and the summary, one a line");
    help->callback([&app, &context, topic, list] {
        const CLI::App& command = find_topic(app, *topic);
        if (*list) {
            print_subcommands(command, context.out());
        } else if (topic->empty()) {
            // Not app.help(): once 'help' is parsed, that prints the help of 'help'.
            context.out() << app.get_formatter()->make_help(&app, "tkt", CLI::AppFormatMode::Normal);
        } else {
            context.out() << help_of(command);
        }
    });
}

int run(int argc, char** argv, Context& context) {
    CLI::App app{"tkt: support tickets and polite replies from the command line", "tkt"};
    app.formatter(make_help_formatter(context.terminal().width));
    app.set_version_flag("--version", "tkt " TKT_VERSION);
    app.add_option("--db", context.db_flag,
                   "Database: a SQLite file, or a postgresql:// URI (default: $TKT_DB, else "
                   "$XDG_DATA_HOME/tkt/tkt.db)")
        ->type_name("PATH|URI");
    app.add_option("--config", context.config_flag,
                   "Config directory (default: $TKT_CONFIG, "
                   "else $XDG_CONFIG_HOME/tkt)")
        ->type_name("DIR");
    app.require_subcommand(1);
    app.fallthrough();
    app.footer("Run 'tkt help COMMAND' for a command's options; 'man tkt' for the whole manual.");
    declare_help(app, context);
    for (const auto& command : commands()) {
        command.declare(*app.add_subcommand(std::string(command.name), std::string(command.summary)), context);
    }
    auto args = prepare_arguments(argc, argv, app);
    // CLI11 takes the arguments in reverse order when given a vector.
    std::reverse(args.begin(), args.end());
    try {
        app.parse(args);
    } catch (const CLI::CallForHelp&) {
        const auto parsed = app.get_subcommands();
        context.out() << (parsed.empty() ? app.help() : help_of(*parsed.front()));
    } catch (const CLI::CallForVersion& version) {
        context.out() << version.what() << '\n';
    } catch (const CLI::ParseError& error) {
        std::string see = "tkt";
        for (const CLI::App* command = &app; !command->get_subcommands().empty();) {
            command = command->get_subcommands().front();
            see += " " + command->get_name();
        }
        see = see == "tkt" ? "tkt --help" : "tkt help" + see.substr(3);
        throw usage_error(fmt::format("{} (see '{}')", house_style(error.what()), see));
    }
    return 0;
}

// Returns true when the command line is a mail delivery (`tkt ... new ... --email`), the
// form an MTA or procmail runs.
bool is_mail_delivery(int argc, char** argv) {
    const std::span<char*> args(argv + 1, static_cast<std::size_t>(std::max(argc - 1, 0)));
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--db" || arg == "--config") {
            ++i;
        } else if (!arg.starts_with('-')) {
            return arg == "new" && std::any_of(args.begin() + static_cast<std::ptrdiff_t>(i), args.end(),
                                               [](const char* word) { return std::string_view(word) == "--email"; });
        }
    }
    return false;
}

// Returns the exit code a mail server should see for `code`. Postfix and sendmail
// defer only on 75 (and 71) and bounce on the rest, so in the mail path every failure
// but the message's own (65: not a message, too big) is 75: the mail stays queued
// until the database, the machine or the command line is mended.
Exit for_mail_server(Exit code) {
    return code == Exit::ok || code == Exit::data ? code : Exit::temp_fail;
}

}  // namespace

int main(int argc, char** argv) {
    const bool delivery = is_mail_delivery(argc, argv);
    const auto exit_code = [delivery](Exit code) { return static_cast<int>(delivery ? for_mail_server(code) : code); };
    try {
        auto env = process_environment();
        const Terminal terminal = detect_terminal(env);
        Context context(std::cin, std::cout, std::cerr, std::move(env), terminal);
        const int code = run(argc, argv, context);
        std::cout.flush();
        if (!std::cout) {
            throw Error(Exit::io, "cannot write to standard output");
        }
        return code;
    } catch (const Error& error) {
        std::cout.flush();
        std::cerr << "tkt: " << error.what() << '\n';
        return exit_code(error.code());
    } catch (const std::bad_alloc&) {
        std::cerr << "tkt: out of memory\n";
        return exit_code(Exit::temp_fail);
    } catch (const std::exception& error) {
        std::cerr << "tkt: internal error: " << error.what() << '\n';
        return exit_code(Exit::software);
    }
}

}  // namespace tkt::cli
