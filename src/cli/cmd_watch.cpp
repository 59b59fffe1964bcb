#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/signals.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/filter.hpp"
#include "core/text.hpp"

#include <array>
#include <atomic>
#include <csignal>
#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct WatchOptions {
    std::vector<std::string> filter;
    bool json = false;
};

// How long one wait lasts before the loop looks at the stop flag again.
constexpr std::chrono::milliseconds k_wait{500};
// Events read at a time.
constexpr std::int64_t k_batch = 500;

std::atomic<bool> g_stop = false;

extern "C" void stop_watching(int) {
    g_stop = true;
}

// SIGINT and SIGTERM end the watch cleanly: the wait they interrupt returns, the loop
// sees the flag and the command exits 0.
constexpr std::array<int, 2> k_stop_signals{SIGINT, SIGTERM};

void print_event(const TicketEvent& item, bool json, std::ostream& out) {
    if (json) {
        nlohmann::ordered_json line = to_json(item.event);
        line["ticket"] = item.event.ticket_id;
        line["subject"] = item.subject;
        out << line.dump() << '\n';
    } else {
        const std::string detail = describe_event(item.event);
        out << fmt::format("{}  #{}  {}  {}{}  {}\n", format_local_time(item.event.at), item.event.ticket_id,
                           item.event.kind, item.event.actor, detail.empty() ? "" : "  " + detail,
                           squash_whitespace(item.subject));
    }
    out.flush();
}

void run_watch(const WatchOptions& options, Context& context) {
    std::vector<std::string> words;
    for (const auto& word : options.filter) {
        words.push_back(restore_dash_word(word));
    }
    const Filter filter = parse_filter(words, context.filter_context());
    if (filter.has_sla_terms()) {
        throw usage_error("watch follows events by the ticket's fields: breaching and due: are for list");
    }
    Store& store = context.existing_store();
    const ScopedSignals signals(k_stop_signals, stop_watching);
    g_stop = false;
    store.wait_for_change(std::chrono::milliseconds(0));  // starts listening before the first look
    std::int64_t last = store.last_event_id();
    while (!g_stop) {
        if (!store.wait_for_change(k_wait) || g_stop) {
            continue;
        }
        for (bool more = true; more && !g_stop;) {
            const auto events = store.events_after(last, filter, k_batch);
            for (const auto& item : events) {
                print_event(item, options.json, context.out());
                last = item.event.id;
            }
            more = static_cast<std::int64_t>(events.size()) == k_batch;
        }
        if (!context.out()) {
            throw Error(Exit::io, "cannot write to standard output");
        }
    }
}

}  // namespace

void declare_watch(CLI::App& command, Context& context) {
    auto options = std::make_shared<WatchOptions>();
    command.add_option("filter", options->filter,
                       "Only events on tickets matching these terms (as for list, without a default status: "
                       "queue:NAME line:N assignee:me +tag ...)");
    command.add_flag("--json", options->json, "One JSON object a line, for pipelines and bots");
    command.callback([options, &context] { run_watch(*options, context); });
}

}  // namespace tkt::cli
