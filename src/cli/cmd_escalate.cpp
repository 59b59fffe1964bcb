#include "actions/escalate.hpp"
#include "actions/reply.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/sending.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct EscalateOptions {
    std::string id;
    std::string reason;
    std::optional<int> to_line;
    std::string to;
    std::string note;
    bool notify = false;
    bool overdue = false;
    bool dry_run = false;
    bool json = false;
};

std::string owner(const std::optional<std::string>& login, int line) {
    return login ? "assigned to " + *login : fmt::format("unassigned, in line {}'s pool", line);
}

// Records and queues the shipped "escalated" reply, in the customer's language when the
// template has it.
std::vector<RecordedReply> record_notice(Context& context, TicketId id) {
    Store& store = context.existing_store();
    const TemplateLibrary library(context.template_folders(std::nullopt));
    const TemplateFile& file = library.get("escalated");
    const Config& config = context.config();
    const AgentIdentity agent = replying_agent(config.agent, "", {}, context.routing());
    const ReplyRequest request{library,      file,          std::nullopt,
                               config.lang,  agent,         {},
                               std::nullopt, context.now(), agent_directory(context.routing())};
    const auto drafts = prepare_replies(store, std::span(&id, 1), request, config.mail, Compose::message);
    for (const auto& draft : drafts) {
        if (draft.channel == Channel::phone) {
            throw usage_error(fmt::format("ticket {}'s customer is a phone number ({}): tell them by calling, and "
                                          "record the call with 'tkt reply {} --outcome reached'; escalate without "
                                          "--notify",
                                          id, draft.to.email, id));
        }
        require_delivery_program(draft, config.channels);
    }
    return record_replies(store, drafts, agent, Queue::for_sending, context.now());
}

void run_escalate_one(const EscalateOptions& options, Context& context) {
    EscalateRequest request{parse_ticket_ids(std::span(&options.id, 1)).front(), options.reason, options.to_line,
                            options.to.empty() ? std::nullopt : std::optional(options.to), options.note};
    Store& store = context.existing_store();
    std::vector<RecordedReply> notice;
    if (options.notify) {
        // The customer hears of it from the agent escalating, before the ticket moves on.
        escalation_line(require_ticket(store, request.id), context.routing(), request);
        notice = record_notice(context, request.id);
    }
    const auto done = escalate_ticket(store, context.routing(), request, context.actor());
    context.out() << fmt::format("escalated ticket {} from line {} to line {} ({}){}\n", done.id, done.from_line,
                                 done.to_line, owner(done.to_assignee, done.to_line),
                                 done.note ? ", with a handover note" : "");
    if (!notice.empty()) {
        send_queued(notice, context);
    }
}

nlohmann::ordered_json to_json(const BreachOutcome& outcome) {
    nlohmann::ordered_json json{{"ticket", outcome.breach.ticket_id},
                                {"target", outcome.breach.target},
                                {"policy", outcome.breach.policy},
                                {"started", format_iso8601(outcome.breach.started_at)},
                                {"due", format_iso8601(outcome.breach.due_at)},
                                {"running", outcome.running},
                                {"escalated_to_line", nullptr},
                                {"assigned", nullptr},
                                {"priority", nullptr},
                                {"tags_added", outcome.tags_added}};
    if (outcome.raised_to) {
        json["priority"] = to_string(*outcome.raised_to);
    }
    if (outcome.escalation) {
        json["escalated_to_line"] = outcome.escalation->to_line;
        if (outcome.escalation->to_assignee) {
            json["assigned"] = *outcome.escalation->to_assignee;
        }
    }
    return json;
}

std::string describe(const BreachOutcome& outcome) {
    std::vector<std::string> actions;
    if (outcome.escalation) {
        actions.push_back(fmt::format("line {}, {}", outcome.escalation->to_line,
                                      owner(outcome.escalation->to_assignee, outcome.escalation->to_line)));
    }
    if (outcome.raised_to) {
        actions.push_back(fmt::format("priority {}", to_string(*outcome.raised_to)));
    }
    for (const auto& tag : outcome.tags_added) {
        actions.push_back("+" + tag);
    }
    return fmt::format("ticket {}: {} missed (due {}, policy {}){}{}", outcome.breach.ticket_id, outcome.breach.target,
                       format_local_time(outcome.breach.due_at), outcome.breach.policy,
                       outcome.running ? "" : ", answered late", actions.empty() ? "" : " → " + join(actions, "; "));
}

void run_overdue(const EscalateOptions& options, Context& context) {
    if (!options.id.empty() || !options.reason.empty() || options.to_line || !options.to.empty() || options.notify ||
        !options.note.empty()) {
        throw usage_error(
            "--overdue finds the tickets itself: it takes no ID, --reason, --to-line, --to, --note or --notify");
    }
    const auto outcomes = escalate_overdue(context.existing_store(), context.routing(), context.sla(), context.actor(),
                                           options.dry_run ? DryRun::yes : DryRun::no);
    if (options.json) {
        print_json_array(context.out(), outcomes, [](const BreachOutcome& outcome) { return to_json(outcome); });
        return;
    }
    for (const auto& outcome : outcomes) {
        context.out() << describe(outcome) << '\n';
    }
    if (options.dry_run) {
        context.out() << fmt::format("{} new breach{} (dry run: nothing written)\n", outcomes.size(),
                                     outcomes.size() == 1 ? "" : "es");
    } else if (outcomes.empty() && context.terminal().is_tty) {
        context.out() << "no new breaches\n";
    }
}

void run_escalate(const EscalateOptions& options, Context& context) {
    if (options.overdue) {
        run_overdue(options, context);
        return;
    }
    if (options.id.empty()) {
        throw usage_error("give a ticket ID and --reason, or --overdue (see 'tkt help escalate')");
    }
    if (options.dry_run || options.json) {
        throw usage_error("--dry-run and --json go with --overdue");
    }
    run_escalate_one(options, context);
}

}  // namespace

void declare_escalate(CLI::App& command, Context& context) {
    auto options = std::make_shared<EscalateOptions>();
    command.add_option("id", options->id, "The ticket to move to the next line")->type_name("ID");
    command.add_option("-r,--reason", options->reason, "Why the next line should take it (required)")
        ->type_name("TEXT");
    command.add_option("--to-line", options->to_line, "The line to move it to (default: the next one)")->type_name("N");
    command.add_option("--to", options->to, "The agent of that line who takes it (default: the least loaded)")
        ->type_name("LOGIN");
    command.add_option("--note", options->note, "A handover note for the next line: internal, never sent")
        ->type_name("TEXT");
    command.add_flag("--notify", options->notify, "Send the customer the shipped 'escalated' reply first");
    command.add_flag("--overdue", options->overdue,
                     "Find tickets past an SLA target, record each breach once and apply its policy (for cron)");
    command.add_flag("-n,--dry-run", options->dry_run, "With --overdue: show what would happen; write nothing");
    command.add_flag("--json", options->json, "With --overdue: print a JSON array");
    command.callback([options, &context] { run_escalate(*options, context); });
}

}  // namespace tkt::cli
