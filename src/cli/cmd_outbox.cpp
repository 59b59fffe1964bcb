#include "actions/reply.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/sending.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct OutboxOptions {
    bool all = false;
    bool json = false;
    std::vector<std::int64_t> ids;
};

nlohmann::ordered_json outbox_json(const OutboxItem& item) {
    return {{"id", item.id},
            {"ticket", item.ticket_id},
            {"to", item.recipient},
            {"subject", item.subject},
            {"state", to_string(item.state)},
            {"attempts", item.attempts},
            {"last_error", optional_value(item.last_error)},
            {"queued_at", format_iso8601(item.queued_at)},
            {"tried_at", optional_time(item.tried_at)},
            {"sent_at", optional_time(item.sent_at)}};
}

// What a person needs to know of an entry: why it waits.
std::string outbox_note(const OutboxItem& item) {
    if (item.state == OutboxState::sending) {
        return "sendmail was run and tkt did not hear back: check the mail log, then "
               "'tkt outbox requeue " +
               std::to_string(item.id) + "' if it did not go";
    }
    if (item.state == OutboxState::sent) {
        return "sent " + format_local_time(item.sent_at.value_or(item.queued_at));
    }
    return item.last_error.value_or("not tried yet");
}

void run_list(const OutboxOptions& options, Context& context) {
    const auto items = context.existing_store().outbox(options.all ? OutboxScope::all
                                                                   : OutboxScope::waiting);  // one query: one snapshot
    if (options.json) {
        print_json_array(context.out(), items, outbox_json);
        return;
    }
    if (!context.terminal().is_tty) {
        for (const auto& item : items) {
            context.out() << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", item.id, item.ticket_id, to_string(item.state),
                                         item.attempts, format_iso8601(item.queued_at), tsv_field(item.recipient),
                                         tsv_field(outbox_note(item)));
        }
        return;
    }
    if (items.empty()) {
        context.out() << (options.all ? "the outbox is empty\n" : "nothing waits to be sent\n");
        return;
    }
    std::vector<std::vector<Cell>> rows;
    for (const auto& item : items) {
        const Style style = item.state == OutboxState::sent      ? Style::green
                            : item.state == OutboxState::sending ? Style::yellow
                                                                 : Style::none;
        rows.push_back({{std::to_string(item.id)},
                        {std::to_string(item.ticket_id)},
                        {std::string(to_string(item.state)), style},
                        {std::to_string(item.attempts)},
                        {format_local_time(item.queued_at)},
                        {item.recipient},
                        {outbox_note(item), item.last_error ? Style::red : Style::none}});
    }
    print_table(context.out(), context.terminal(), {"ID", "TICKET", "STATE", "TRIES", "QUEUED", "TO", "NOTE"}, rows);
}

void run_flush(const OutboxOptions& options, Context& context) {
    auto& store = context.existing_store();
    std::vector<Delivery> deliveries;
    {
        SendingLine line(context);
        deliveries = send_outbox(store, senders_of(context.config()), options.ids, context.now(), line.options());
    }
    std::vector<std::string> failures;
    for (const auto& delivery : deliveries) {
        if (delivery.result.ok) {
            context.out() << fmt::format("sent {} (ticket {}) to {}\n", delivery.item.id, delivery.item.ticket_id,
                                         delivery.item.recipient);
        } else {
            failures.push_back(
                fmt::format("{} (ticket {}): {}", delivery.item.id, delivery.item.ticket_id, delivery.result.error));
        }
    }
    if (!failures.empty()) {
        throw Error(Exit::temp_fail,
                    fmt::format("{} of {} still queued: {}", failures.size(), deliveries.size(), join(failures, "; ")));
    }
    if (deliveries.empty() && context.terminal().is_tty) {
        context.out() << "nothing to send\n";
    }
}

void run_requeue(const OutboxOptions& options, Context& context) {
    auto& store = context.existing_store();
    auto transaction = store.begin_write();
    const auto changed = store.requeue_outbox(options.ids);
    transaction.commit();
    for (const auto id : options.ids) {
        const bool done = std::find(changed.begin(), changed.end(), id) != changed.end();
        context.out() << (done ? fmt::format("requeued {}\n", id)
                               : fmt::format("{} is not stuck in sending: unchanged\n", id));
    }
}

}  // namespace

void declare_outbox(CLI::App& command, Context& context) {
    auto options = std::make_shared<OutboxOptions>();
    command.add_flag("--all", options->all, "List sent messages too");
    command.add_flag("--json", options->json, "Print a JSON array");
    auto* flush = command.add_subcommand("flush", "Hand queued replies to sendmail again; none goes twice");
    flush->add_option("ids", options->ids, "Only these outbox entries")->type_name("ID...");
    flush->callback([options, &context] { run_flush(*options, context); });
    auto* requeue =
        command.add_subcommand("requeue", "Queue again entries stuck in sending (tkt stopped while sendmail ran)");
    requeue->add_option("ids", options->ids, "The outbox entries")->required()->type_name("ID...");
    requeue->callback([options, &context] { run_requeue(*options, context); });
    command.callback([options, &context, &command] {
        if (command.get_subcommands().empty()) {
            run_list(*options, context);
        }
    });
}

}  // namespace tkt::cli
