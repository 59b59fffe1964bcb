#include "actions/reply.hpp"
#include "actions/ticket_language.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "templates/lint.hpp"
#include "templates/reply_context.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <map>

namespace tkt::cli {
namespace {

struct TemplateOptions {
    std::optional<std::string> templates;
    bool json = false;
    std::vector<std::string> names;
    std::string name;
    std::string ticket;
    std::string context_file;
    std::vector<std::string> vars;
    std::string lang;
};

std::string read_or_fail(const std::filesystem::path& path) {
    auto bytes = read_file(path);
    if (!bytes) {
        throw Error(Exit::no_input, fmt::format("cannot read '{}'", path.string()));
    }
    return std::move(*bytes);
}

void run_list(const TemplateOptions& options, Context& context) {
    const TemplateLibrary library(context.template_folders(options.templates));
    auto array = nlohmann::ordered_json::array();
    std::vector<std::vector<Cell>> rows;
    for (const auto& name : library.names()) {
        std::string category;
        std::string description;
        std::vector<std::string> langs;
        std::string path;
        try {
            const auto file = *library.find(name);
            category = file.category;
            description = file.description;
            path = file.path.string();
            for (const auto& [lang, text] : file.languages) {
                langs.push_back(lang);
            }
        } catch (const Error&) {
            description = "(does not load: see 'tkt template lint " + name + "')";
        }
        array.push_back({{"name", name},
                         {"category", category},
                         {"languages", langs},
                         {"description", description},
                         {"path", path}});
        rows.push_back({{name, Style::bold}, {category}, {join(langs, ",")}, {description}});
    }
    if (options.json) {
        context.out() << array.dump(2) << '\n';
    } else if (context.terminal().is_tty) {
        print_table(context.out(), context.terminal(), {"NAME", "CATEGORY", "LANG", "DESCRIPTION"}, rows);
    } else {
        for (const auto& row : rows) {
            context.out() << fmt::format("{}\t{}\t{}\t{}\n", row[0].text, row[1].text, row[2].text,
                                         tsv_field(row[3].text));
        }
    }
}

void run_show(const TemplateOptions& options, Context& context) {
    const TemplateLibrary library(context.template_folders(options.templates));
    const auto file = library.get(options.name);
    if (context.terminal().is_tty) {
        context.out() << paint(context.terminal(), "# " + file.path.string(), Style::dim) << '\n';
    }
    context.out() << read_or_fail(file.path);
}

nlohmann::json context_from_file(const std::string& path) {
    const std::string text = read_or_fail(path);
    auto data = nlohmann::json::parse(text, nullptr, false);
    if (data.is_discarded() || !data.is_object()) {
        throw data_error(fmt::format("'{}' is not a JSON object", path));
    }
    return data;
}

// Lists the files a reply from the template sends, as `tkt show` lists them under it,
// and says which of them are missing.
void print_template_files(const RenderedReply& reply, std::ostream& out) {
    if (!reply.attachments.empty() && !reply.body.ends_with('\n')) {
        out << '\n';
    }
    for (const auto& path : reply.attachments) {
        std::error_code error;
        const auto name = path.filename().string();
        const auto size = std::filesystem::file_size(path, error);
        out << (error ? fmt::format("[attachment: {} (missing: no file '{}')]\n", name, path.string())
                      : fmt::format("[attachment: {} ({}, {} bytes)]\n", name, content_type_for(name), size));
    }
}

void run_render(const TemplateOptions& options, Context& context) {
    if (options.ticket.empty() == options.context_file.empty()) {
        throw usage_error("give --ticket ID or --context FILE.json (see 'tkt help template render')");
    }
    const TemplateLibrary library(context.template_folders(options.templates));
    const auto file = library.get(options.name);
    std::string lang = context.config().lang;
    if (!options.lang.empty()) {
        const auto code = parse_language(options.lang);
        if (!code) {
            throw usage_error(fmt::format("invalid --lang '{}': give a language code such as ru or en", options.lang));
        }
        lang = *code;
    }
    const auto vars = parse_vars(options.vars);
    nlohmann::json data;
    if (!options.ticket.empty()) {
        const auto id = parse_ticket_id(options.ticket);
        if (!id) {
            throw usage_error(fmt::format("invalid ticket id '{}'", options.ticket));
        }
        const auto record = load_conversation(context.existing_store(), *id);
        // As a reply would be: in the customer's language when the template has it.
        if (const auto customer = customer_language(record);
            options.lang.empty() && file.languages.contains(customer)) {
            lang = customer;
        }
        data = reply_context(record, context.config().agent, lang, context.now(), vars,
                             agent_directory(context.routing()));
    } else {
        data = context_from_file(options.context_file);
        set_vars(data, vars);
    }
    const auto reply = render_reply(library, file, lang, data);
    if (!reply.subject.empty()) {
        context.out() << "Subject: " << reply.subject << "\n\n";
    }
    context.out() << reply.body;
    print_template_files(reply, context.out());
}

void run_lint(const TemplateOptions& options, Context& context) {
    const TemplateLibrary library(context.template_folders(options.templates));
    const auto findings =
        lint_templates(library, options.names, load_banned_phrases(context.banned_phrase_files()), LintOptions{});
    std::size_t errors = 0;
    for (const auto& finding : findings) {
        errors += finding.severity == Severity::error ? 1 : 0;
        context.out() << format_finding(finding) << '\n';
    }
    if (!findings.empty()) {
        throw Error(Exit::nothing,
                    fmt::format("{} {}, {} {}", errors, errors == 1 ? "error" : "errors", findings.size() - errors,
                                findings.size() - errors == 1 ? "warning" : "warnings"));
    }
}

}  // namespace

void declare_template(CLI::App& command, Context& context) {
    auto options = std::make_shared<TemplateOptions>();
    command.add_option("--templates", options->templates, "Look for templates in this folder first")->type_name("DIR");
    command.require_subcommand(1);

    auto* list = command.add_subcommand("list", "List the templates, each once, the first folder winning");
    list->add_flag("--json", options->json, "Print a JSON array");
    list->callback([options, &context] { run_list(*options, context); });

    auto* show = command.add_subcommand("show", "Print a template's file");
    show->add_option("name", options->name, "The template")->required()->type_name("NAME");
    show->callback([options, &context] { run_show(*options, context); });

    auto* render = command.add_subcommand("render", "Render a template for a ticket or a JSON context");
    render->add_option("name", options->name, "The template")->required()->type_name("NAME");
    auto* ticket =
        render->add_option("--ticket", options->ticket, "Render for this ticket (not with --context)")->type_name("ID");
    auto* json = render
                     ->add_option("--context", options->context_file,
                                  "Render with this JSON object as context (not with --ticket)")
                     ->type_name("FILE");
    ticket->excludes(json);
    render->add_option("--var", options->vars, "A value for the template: name=value (repeatable)")
        ->allow_extra_args(false)
        ->type_name("NAME=VALUE");
    render
        ->add_option("--lang", options->lang,
                     "The language (default: the ticket's customer's, else config's defaults.lang)")
        ->type_name("LANG");
    render->callback([options, &context] { run_render(*options, context); });

    auto* lint = command.add_subcommand("lint", "Check templates: syntax, variables, languages, tone");
    lint->add_option("names", options->names, "Only these templates (default: all)")->type_name("NAME...");
    lint->callback([options, &context] { run_lint(*options, context); });
}

}  // namespace tkt::cli
