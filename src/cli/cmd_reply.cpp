#include "actions/escalate.hpp"
#include "actions/reply.hpp"
#include "actions/similar.hpp"
#include "cli/bulk.hpp"
#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "cli/sending.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "routing/language.hpp"
#include "templates/lint.hpp"

#include <fmt/format.h>
#include <iterator>
#include <map>

namespace tkt::cli {
namespace {

struct ReplyOptions {
    std::string id;
    std::string where;
    std::string template_name;
    std::optional<std::string> message;
    std::string from_ticket;
    std::vector<std::string> vars;
    std::vector<std::string> attach;
    std::string outcome = "reached";
    std::string lang;
    std::string as;
    std::string status;
    std::optional<std::string> templates;
    bool dry_run = false;
    bool edit = false;
    bool mime = false;
    bool send = false;
    bool force = false;
    bool strict = false;
};

std::string read_message(const std::string& text, Context& context) {
    std::string message = text;
    if (text == "-") {
        message.assign(std::istreambuf_iterator<char>(context.in()), std::istreambuf_iterator<char>());
    }
    if (!is_valid_utf8(message)) {
        throw data_error("the message is not valid UTF-8");
    }
    if (trim(message).empty()) {
        throw data_error("the message is empty");
    }
    while (message.ends_with('\n') || message.ends_with('\r')) {
        message.pop_back();
    }
    return message;
}

std::vector<TicketId> chosen_tickets(const ReplyOptions& options, Context& context) {
    if (!options.where.empty()) {
        return tickets_matching(options.where, context);
    }
    return parse_ticket_ids(std::span(&options.id, 1));
}

void check_choices(const ReplyOptions& options) {
    if (options.id.empty() == options.where.empty()) {
        throw usage_error("give a ticket ID or --where FILTER (see 'tkt help reply')");
    }
    if (!options.template_name.empty() && options.message) {
        throw usage_error("give --template NAME or --message TEXT, not both (see 'tkt help reply')");
    }
    if (!options.from_ticket.empty() && (!options.template_name.empty() || options.message)) {
        throw usage_error("--from-ticket starts from that ticket's answer; it cannot go with --template or --message");
    }
    if (!options.from_ticket.empty() && !options.where.empty()) {
        throw usage_error("--from-ticket answers one ticket; it cannot go with --where");
    }
    if (options.template_name.empty() && !options.message && !options.edit && options.from_ticket.empty()) {
        throw usage_error("give --template NAME, --message TEXT, --from-ticket OTHER or --edit (see 'tkt help reply')");
    }
    if (options.edit && !options.where.empty()) {
        throw usage_error("--edit answers one ticket; it cannot go with --where");
    }
}

// Returns " (open → pending)" for a status the reply changed, else "".
std::string status_note(const StatusChange& change) {
    return change.changed ? fmt::format(" ({} → {})", to_string(change.from), to_string(change.to)) : "";
}

// Lists the files of a reply after its text `body`, as `tkt show` lists them under it.
void print_attachments(const std::string& body, const std::vector<AttachmentInfo>& attachments, std::ostream& out) {
    if (!attachments.empty() && !body.ends_with('\n')) {
        out << '\n';
    }
    for (const auto& attachment : attachments) {
        out << fmt::format("[attachment: {} ({}, {} bytes)]\n", attachment.filename, attachment.content_type,
                           attachment.size);
    }
}

void print_draft(const ReplyDraft& draft, bool mime, bool many, Context& context) {
    if (many) {
        context.out() << fmt::format("==> ticket {} to {}: {}\n", draft.ticket_id, format_address(draft.to),
                                     draft.subject);
    }
    context.out() << (mime ? draft.raw : draft.body);
    if (!mime) {
        print_attachments(draft.body, draft.attachments, context.out());
    }
    if (many) {
        context.out() << '\n';
    }
}

std::optional<Status> chosen_status(const std::string& name) {
    if (name.empty()) {
        return std::nullopt;
    }
    const auto status = parse_status(name);
    if (!status) {
        throw usage_error(
            fmt::format("invalid --status '{}' (one of: {})", name,
                        join(std::vector<std::string>(status_names().begin(), status_names().end()), ", ")));
    }
    return status;
}

std::optional<std::string> chosen_language(const std::string& name) {
    if (name.empty()) {
        return std::nullopt;
    }
    auto code = parse_language(name);
    if (!code) {
        throw usage_error(fmt::format("invalid --lang '{}': give a language code such as ru or en", name));
    }
    return code;
}

// The languages a free-text reply can be written in: those its greeting has, and the
// fallback.
std::vector<std::string> message_languages(const TemplateLibrary& library, const std::string& fallback) {
    std::vector<std::string> languages{fallback};
    if (const auto greeting = library.find("greeting")) {
        for (const auto& [lang, text] : greeting->languages) {
            if (lang != fallback) {
                languages.push_back(lang);
            }
        }
    }
    return languages;
}

// Lints each draft's text; prints the findings and, when `strict`, refuses them all.
void check_drafts(const std::vector<ReplyDraft>& drafts, bool strict, Context& context) {
    const auto phrases = load_banned_phrases(context.banned_phrase_files(), PatternCheck::when_used);
    ReplyLint lint(phrases, LintOptions{});
    std::size_t count = 0;
    for (const auto& draft : drafts) {
        const auto label = fmt::format("ticket {}", draft.ticket_id);
        for (const auto& finding : lint.check(draft.body, draft.lang, label)) {
            context.err() << "tkt: " << format_finding(finding) << '\n';
            ++count;
        }
    }
    if (strict && count > 0) {
        throw data_error(fmt::format("nothing recorded: {} lint finding{} in the reply{} (--strict; rephrase, or "
                                     "answer without --strict)",
                                     count, count == 1 ? "" : "s", drafts.size() == 1 ? "" : "s"));
    }
}

// Checks --outcome: what came of the call a reply to a caller records.
void check_outcome(const std::string& outcome) {
    if (outcome != "reached" && outcome != "voicemail") {
        throw usage_error(fmt::format("--outcome '{}': a reply to a caller is a call that reached them or left a "
                                      "voicemail (reached, voicemail); record a call nobody answered with 'tkt note'",
                                      outcome));
    }
}

void run_reply(const ReplyOptions& options, Context& context) {
    check_choices(options);
    check_outcome(options.outcome);
    auto vars = parse_vars(options.vars);
    const Config& config = context.config();
    const AgentIdentity agent = replying_agent(config.agent, context.acting_as(options.as), vars, context.routing());
    const TemplateLibrary library(context.template_folders(options.templates));
    std::optional<std::string> lang = chosen_language(options.lang);
    TemplateFile file;
    Store& store = context.existing_store();
    if (!options.from_ticket.empty()) {
        vars["message"] = reply_to_start_from(store, parse_ticket_ids(std::span(&options.from_ticket, 1)).front());
    }
    if (!options.template_name.empty()) {
        file = library.get(options.template_name);
    } else if (options.message || !options.from_ticket.empty()) {
        if (options.message) {
            vars["message"] = read_message(*options.message, context);
        }
        // Greeting and signature in the language the agent wrote in.
        if (const auto written = detect_language(vars["message"]); !lang && !written.empty()) {
            lang = written;
        }
        file = message_template(message_languages(library, config.lang));
    } else {
        file = message_template(message_languages(library, config.lang), MessageSlot::to_write);
    }

    const auto ids = chosen_tickets(options, context);
    const Compose compose = options.mime || options.send ? Compose::message : Compose::text_only;
    ReviseBody revise;
    // A reply started from another ticket's answer is edited before it goes (unless only shown).
    if (options.edit || (!options.from_ticket.empty() && !options.dry_run)) {
        const Blank blank = options.template_name.empty() && !options.message && options.from_ticket.empty()
                                ? Blank::refused
                                : Blank::allowed;
        revise = [&context, blank](const TicketRecord& record, const std::string& body) {
            return edit_reply(body, record, blank, context);
        };
    }
    const ReplyRequest request{library,
                               file,
                               lang,
                               config.lang,
                               agent,
                               vars,
                               chosen_status(options.status),
                               context.now(),
                               agent_directory(context.routing()),
                               options.force ? Merged::answer : Merged::refuse,
                               std::vector<std::filesystem::path>(options.attach.begin(), options.attach.end())};
    auto drafts = prepare_replies(store, ids, request, config.mail, compose, revise);
    for (auto& draft : drafts) {
        if (draft.channel == Channel::phone) {
            draft.outcome = options.outcome;
        } else if (options.send && draft.channel != Channel::email) {
            require_delivery_program(draft, config.channels);
        }
    }
    for (const auto& draft : drafts) {
        if (!draft.note.empty()) {
            context.err() << "tkt: " << draft.note << '\n';
        }
    }
    check_drafts(drafts, options.strict || config.lint_strict, context);
    const bool many = drafts.size() > 1 || !options.where.empty();
    if (options.dry_run) {
        for (const auto& draft : drafts) {
            print_draft(draft, options.mime, many, context);
        }
        return;
    }
    const auto recorded =
        record_replies(store, drafts, agent, options.send ? Queue::for_sending : Queue::no, context.now());
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        if (many) {
            context.out() << fmt::format("replied on ticket {} to {}{}\n", drafts[i].ticket_id,
                                         format_address(drafts[i].to), status_note(recorded[i].status));
        } else if (options.mime || !options.send) {
            print_draft(drafts[i], options.mime, false, context);
            if (context.terminal().progress) {
                // The text went to stdout for copying; say on the terminal that it is recorded.
                context.err() << fmt::format("tkt: recorded the reply on ticket {}{}\n", drafts[i].ticket_id,
                                             status_note(recorded[i].status));
            }
        }
    }
    for (const auto& draft : drafts) {
        if (draft.channel == Channel::phone && (options.send || many)) {
            context.out() << fmt::format("recorded the call to {} on ticket {} ({})\n", draft.to.email, draft.ticket_id,
                                         draft.outcome);
        }
    }
    if (options.send) {
        send_queued(recorded, context);
    }
}

}  // namespace

void declare_reply(CLI::App& command, Context& context) {
    auto options = std::make_shared<ReplyOptions>();
    command.add_option("id", options->id, "The ticket to answer")->type_name("ID");
    command.add_option("--where", options->where, "Answer every open ticket matching the filter, in one go")
        ->type_name("FILTER");
    command.add_option("-t,--template", options->template_name, "The template to reply with (see 'tkt template list')")
        ->type_name("NAME");
    command
        .add_option("-m,--message", options->message,
                    "Reply with this text between greeting and signature ('-' reads stdin)")
        ->type_name("TEXT");
    command
        .add_option("--from-ticket", options->from_ticket,
                    "Start from the reply that solved ticket OTHER (see 'tkt similar'), in the editor")
        ->type_name("OTHER");
    command.add_option("--var", options->vars, "A value for the template: name=value, name.ru=value (repeatable)")
        ->allow_extra_args(false)
        ->type_name("NAME=VALUE");
    command
        .add_option("--attach", options->attach,
                    "Send this file with the reply, after the template's own (repeatable; mail only)")
        ->allow_extra_args(false)
        ->type_name("FILE");
    command
        .add_option("--lang", options->lang,
                    "Answer in this language (default: each customer's own, else config's defaults.lang)")
        ->type_name("LANG");
    command.add_option("--as", options->as, "Reply as this agent (default: config's agent.login)")->type_name("LOGIN");
    command.add_option("--status", options->status, "Status after the reply (default: the template's status_after)")
        ->type_name("STATUS");
    command.add_option("--templates", options->templates, "Look for templates in this folder first")->type_name("DIR");
    command.add_flag("-n,--dry-run", options->dry_run, "Show the reply; record and send nothing");
    command.add_flag("-e,--edit", options->edit,
                     "Edit the reply in $VISUAL or $EDITOR first, the customer's last message below (empty aborts)");
    command.add_flag("--strict", options->strict, "Refuse a reply that lint finds fault with (also: lint.strict)");
    command.add_flag("--force", options->force, "Answer a ticket even though it was merged into another");
    command.add_flag("--mime", options->mime, "Print the whole RFC 5322 message rather than its text");
    command.add_flag("--send", options->send,
                     "Send through the outbox: by sendmail, or a chat's [channels] program; a caller's is a call");
    command
        .add_option("--outcome", options->outcome,
                    "For a ticket whose customer is a phone number: reached (default) or voicemail")
        ->type_name("OUTCOME");
    command.callback([options, &context] { run_reply(*options, context); });
}

}  // namespace tkt::cli
