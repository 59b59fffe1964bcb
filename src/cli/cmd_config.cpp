#include "actions/acknowledge.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "routing/rules.hpp"
#include "routing/sla.hpp"
#include "templates/lint.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

// Adds the problem `load` throws, if any, to `problems`: for loaders that stop at the first.
template <typename Load> void first_problem(std::vector<std::string>& problems, Load&& load) {
    try {
        load();
    } catch (const Error& error) {
        if (error.code() != Exit::config) {
            throw;
        }
        problems.emplace_back(error.what());
    }
}

// Returns every template finding that makes a template unfit to send; counts the rest.
std::vector<std::string> template_problems(Context& context, std::size_t& warnings) {
    std::vector<std::string> problems;
    std::vector<BannedPhrase> phrases;
    first_problem(problems, [&] { phrases = load_banned_phrases(context.banned_phrase_files()); });
    const TemplateLibrary library(context.template_folders(std::nullopt));
    for (const auto& finding : lint_templates(library, {}, phrases, LintOptions{})) {
        if (finding.severity == Severity::error) {
            problems.push_back(format_finding(finding));
        } else {
            ++warnings;
        }
    }
    return problems;
}

void run_check(Context& context) {
    const auto dir = context.paths().config_dir;
    std::vector<std::string> problems;
    const Config* config = nullptr;
    first_problem(problems, [&] { config = &context.config(); });
    if (config != nullptr) {
        if (auto problem = signature_problem(config->agent.full_name, (dir / "config.toml").string(), "[agent]")) {
            problems.push_back(std::move(*problem));
        }
    }
    const Routing team = Routing::load(dir / "routing.toml", &problems);
    for (const auto& agent : team.agents()) {
        if (const auto problem = signature_problem(agent.full_name, (dir / "routing.toml").string(),
                                                   fmt::format("agent '{}'", agent.login))) {
            problems.push_back(*problem);
        }
    }
    load_sla(dir / "sla.toml", context.now(), &problems);
    if (config != nullptr) {
        const TemplateLibrary library(context.template_folders(std::nullopt));
        for (auto& problem : acknowledge_problems(*config, dir / "config.toml", library)) {
            problems.push_back(std::move(problem));
        }
    }
    std::size_t warnings = 0;
    for (auto& problem : template_problems(context, warnings)) {
        problems.push_back(std::move(problem));
    }
    for (const auto& problem : problems) {
        context.out() << problem << '\n';
    }
    if (warnings > 0) {
        context.out() << fmt::format("{} style warning{} in templates: see 'tkt template lint'\n", warnings,
                                     warnings == 1 ? "" : "s");
    }
    if (!problems.empty()) {
        throw Error(Exit::config,
                    fmt::format("{} problem{} in {}", problems.size(), problems.size() == 1 ? "" : "s", dir.string()));
    }
    context.out() << fmt::format("{}: config.toml, routing.toml, sla.toml, lint.toml and templates are valid\n",
                                 dir.string());
}

}  // namespace

void declare_config(CLI::App& command, Context& context) {
    auto* check = command.add_subcommand("check", "Validate config.toml, routing.toml, sla.toml, lint.toml and "
                                                  "the templates, printing every problem");
    check->callback([&context] { run_check(context); });
    command.require_subcommand(1);
}

}  // namespace tkt::cli
