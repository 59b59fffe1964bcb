#include "actions/escalate.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct SlaOptions {
    std::string id;
    bool json = false;
};

// Returns where a target's clock stands: "met 20m early", "running, 2h left", ...
std::string state_of(const TargetClock& clock, Timestamp now) {
    if (clock.stopped) {
        return clock.late ? fmt::format("met {} late", format_age(*clock.stopped - clock.due))
                          : fmt::format("met, {} to spare", format_age(clock.due - *clock.stopped));
    }
    return clock.late ? fmt::format("OVERDUE by {}", format_age(now - clock.due))
                      : fmt::format("running, {} left", format_age(clock.due - now));
}

nlohmann::ordered_json to_json(const SlaClock& clock, const std::vector<SlaBreach>& breaches, TicketId id) {
    nlohmann::ordered_json json{{"ticket", id}, {"policy", nullptr}, {"calendar", nullptr}};
    if (clock.policy != nullptr) {
        json["policy"] = clock.policy->name;
        if (clock.policy->calendar != nullptr) {
            json["calendar"] = clock.policy->calendar->name();
        }
    }
    auto targets = nlohmann::ordered_json::array();
    for (const auto& target : clock.targets) {
        targets.push_back({{"target", to_string(target.target)},
                           {"started", format_iso8601(target.started)},
                           {"due", format_iso8601(target.due)},
                           {"stopped", optional_time(target.stopped)},
                           {"late", target.late}});
    }
    json["targets"] = std::move(targets);
    auto recorded = nlohmann::ordered_json::array();
    for (const auto& breach : breaches) {
        recorded.push_back({{"target", breach.target},
                            {"policy", breach.policy},
                            {"due", format_iso8601(breach.due_at)},
                            {"recorded", format_iso8601(breach.breached_at)}});
    }
    json["breaches"] = std::move(recorded);
    return json;
}

void print_clock(const SlaClock& clock, const std::vector<SlaBreach>& breaches, const Ticket& ticket,
                 Context& context) {
    const Timestamp now = context.now();
    if (clock.policy == nullptr) {
        context.out() << fmt::format("ticket {}: no SLA policy applies (see sla.toml)\n", ticket.id);
    } else {
        const auto* calendar = clock.policy->calendar;
        context.out() << fmt::format("ticket {}: policy {} ({})\n", ticket.id, clock.policy->name,
                                     calendar ? fmt::format("calendar {}, {}", calendar->name(), calendar->timezone())
                                              : std::string("24x7"));
    }
    std::vector<std::vector<Cell>> rows;
    for (const auto& target : clock.targets) {
        rows.push_back({{std::string(to_string(target.target))},
                        {format_local_time(target.started)},
                        {format_local_time(target.due)},
                        {state_of(target, now), target.late ? Style::bold_red : Style::none}});
    }
    if (!rows.empty()) {
        print_table(context.out(), context.terminal(), {"TARGET", "STARTED", "DUE", "STATE"}, rows);
    }
    for (const auto& breach : breaches) {
        context.out() << fmt::format("breach recorded {}: {} was due {} (policy {})\n",
                                     format_local_time(breach.breached_at), breach.target,
                                     format_local_time(breach.due_at), breach.policy);
    }
}

void run_sla(const SlaOptions& options, Context& context) {
    const TicketId id = parse_ticket_ids(std::span(&options.id, 1)).front();
    Store& store = context.existing_store();
    auto read = store.begin_read();
    const Ticket ticket = require_ticket(store, id);
    const auto breaches = store.breaches(id);
    read.commit();
    const SlaClock clock = sla_clock(context.sla(), ticket, context.now());
    if (options.json) {
        context.out() << to_json(clock, breaches, id).dump(2) << '\n';
    } else {
        print_clock(clock, breaches, ticket, context);
    }
}

}  // namespace

void declare_sla(CLI::App& command, Context& context) {
    auto options = std::make_shared<SlaOptions>();
    command.add_option("id", options->id, "The ticket")->required()->type_name("ID");
    command.add_flag("--json", options->json, "Print the clocks as JSON");
    command.callback([options, &context] { run_sla(*options, context); });
}

}  // namespace tkt::cli
