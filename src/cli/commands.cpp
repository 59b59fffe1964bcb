// The subcommands, in the order `tkt help` lists them. Adding one: a line here, its
// declare_NAME in src/cli/cmd_NAME.cpp (CONTRIBUTING.md has the checklist).
#include "cli/commands.hpp"

#include <array>

namespace tkt::cli {

// Declare each subcommand's options and callback on `command`.
void declare_init(CLI::App& command, Context& context);
void declare_new(CLI::App& command, Context& context);
void declare_add(CLI::App& command, Context& context);
void declare_customer(CLI::App& command, Context& context);
void declare_list(CLI::App& command, Context& context);
void declare_search(CLI::App& command, Context& context);
void declare_similar(CLI::App& command, Context& context);
void declare_show(CLI::App& command, Context& context);
void declare_history(CLI::App& command, Context& context);
void declare_attachment(CLI::App& command, Context& context);
void declare_close(CLI::App& command, Context& context);
void declare_reopen(CLI::App& command, Context& context);
void declare_tag(CLI::App& command, Context& context);
void declare_set(CLI::App& command, Context& context);
void declare_note(CLI::App& command, Context& context);
void declare_move(CLI::App& command, Context& context);
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
void declare_db(CLI::App& command, Context& context);
void declare_watch(CLI::App& command, Context& context);

namespace {

constexpr auto k_commands = std::to_array<CommandSpec>({
    {"init", "Create the database and a starter config directory", declare_init},
    {"new", "Open a ticket", declare_new},
    {"add", "Add a customer's message to a ticket: a chat line, a call summary", declare_add},
    {"list", "List tickets that match a filter", declare_list},
    {"search", "Find tickets by the words they hold, in any form, best first", declare_search},
    {"similar", "List solved tickets like this one, with the reply that solved each", declare_similar},
    {"show", "Show a ticket with its messages and history", declare_show},
    {"history", "Show the events recorded on a ticket", declare_history},
    {"attachment", "List a ticket's attachments, or save one", declare_attachment},
    {"reply", "Answer a ticket from a template or a message", declare_reply},
    {"note", "Add an internal note to a ticket: never sent, never counted as a reply", declare_note},
    {"close", "Close tickets", declare_close},
    {"reopen", "Reopen solved or closed tickets", declare_reopen},
    {"tag", "Add (+tag) and remove (-tag) tags", declare_tag},
    {"set", "Change tickets' fields: priority, subject, queue, line, language, requester", declare_set},
    {"move", "Transfer tickets to another queue (and line), saying why", declare_move},
    {"merge", "Fold duplicate tickets into the one that stays", declare_merge},
    {"customer", "Show a customer's card; link their mail addresses, phone numbers and chat identities",
     declare_customer},
    {"route", "Send tickets to queues, lines and agents by routing.toml's rules", declare_route},
    {"assign", "Give a ticket to an agent by hand", declare_assign},
    {"next", "Take the most urgent unassigned ticket of your queues and line", declare_next},
    {"escalate", "Move a ticket to the next line, or escalate all past their SLA", declare_escalate},
    {"sla", "Show a ticket's SLA clocks: policy, targets, time left or overdue", declare_sla},
    {"rate", "Record the customer's satisfaction with a ticket (1-5)", declare_rate},
    {"watch", "Print ticket events as they happen, until interrupted", declare_watch},
    {"stats", "Report metrics over a period: volume, reply times, escalations, CSAT, load", declare_stats},
    {"import", "Load mail archives: mbox files or maildirs", declare_import},
    {"outbox", "List replies waiting for sendmail; flush retries them", declare_outbox},
    {"template", "List, show, render and lint reply templates", declare_template},
    {"config", "Check the configuration files", declare_config},
    {"db", "Copy a whole database, SQLite or PostgreSQL; build and check the search index", declare_db},
});

}  // namespace

std::span<const CommandSpec> commands() {
    return k_commands;
}

}  // namespace tkt::cli
