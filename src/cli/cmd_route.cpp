#include "actions/route.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct RouteOptions {
    std::vector<std::string> ids;
    bool all = false;
    bool dry_run = false;
    bool json = false;
    std::string explain;
    std::string test_dir;
};

// Returns "logistics, line 1, high, +vip, assigned to anna".
std::string describe(const RouteOutcome& outcome) {
    std::vector<std::string> parts{outcome.queue.value_or("no queue"), fmt::format("line {}", outcome.line),
                                   std::string(to_string(outcome.priority))};
    for (const auto& tag : outcome.tags_added) {
        parts.push_back("+" + tag);
    }
    if (outcome.assigned) {
        parts.push_back("assigned to " + *outcome.assigned);
    }
    return join(parts, ", ");
}

nlohmann::ordered_json to_json(const RouteOutcome& outcome) {
    return {{"ticket", outcome.id},
            {"rules", outcome.decision.rules},
            {"from_queue", optional_value(outcome.queue_before)},
            {"queue", optional_value(outcome.queue)},
            {"line", outcome.line},
            {"priority", to_string(outcome.priority)},
            {"tags_added", outcome.tags_added},
            {"assigned", optional_value(outcome.assigned)}};
}

void print_outcomes(const std::vector<RouteOutcome>& outcomes, const RouteOptions& options, Context& context) {
    if (options.json) {
        print_json_array(context.out(), outcomes, [](const RouteOutcome& outcome) { return to_json(outcome); });
        return;
    }
    std::size_t unmatched = 0;
    for (const auto& outcome : outcomes) {
        if (outcome.decision.rules.empty()) {
            ++unmatched;
            context.out() << fmt::format("ticket {}: no rule matched\n", outcome.id);
            continue;
        }
        context.out() << fmt::format("ticket {} → {} (rules: {})\n", outcome.id, describe(outcome),
                                     join(outcome.decision.rules, ", "));
    }
    const auto routed = outcomes.size() - unmatched;
    context.out() << fmt::format("{} {} ticket{}{}{}\n", options.dry_run ? "would route" : "routed", routed,
                                 routed == 1 ? "" : "s",
                                 unmatched ? fmt::format(", {} matched no rule", unmatched) : "",
                                 options.dry_run ? " (dry run: nothing written)" : "");
}

void print_explanation(Context& context, TicketId id) {
    Store& store = context.existing_store();
    const RoutingInput input = routing_input(store, require_ticket(store, id));
    context.out() << fmt::format("ticket {}: \"{}\" from {} ({}, language {})\n", id, input.subject, input.from,
                                 input.channel, input.language.empty() ? "unknown" : input.language);
    if (context.routing().empty()) {
        context.out() << "no rules: routing.toml is missing or has no [[rule]] and no [default]\n";
        return;
    }
    for (const auto& trace : context.routing().explain(input)) {
        context.out() << fmt::format("  {}: {}\n", trace.rule,
                                     trace.matched ? (trace.stopped ? "matched (first match: stop)" : "matched")
                                                   : "no match");
        for (const auto& reason : trace.reasons) {
            context.out() << fmt::format("      {}\n", reason);
        }
    }
    const auto decision = context.routing().route(input);
    context.out() << fmt::format("  → queue {}, line {}{}{}\n", decision.queue.value_or("(unchanged)"),
                                 decision.line ? std::to_string(*decision.line) : "(unchanged)",
                                 decision.priority ? fmt::format(", priority {}", to_string(*decision.priority)) : "",
                                 decision.assign ? fmt::format(", assign {}", *decision.assign) : "");
}

void run_route(const RouteOptions& options, Context& context) {
    if (!options.explain.empty()) {
        if (options.all || !options.ids.empty() || options.dry_run || options.json) {
            throw usage_error("--explain ID shows one ticket; it takes no other ids, --all, --dry-run or --json");
        }
        print_explanation(context, parse_ticket_ids(std::span(&options.explain, 1)).front());
        return;
    }
    if (options.all == !options.ids.empty()) {
        throw usage_error("give ticket ids or --all (see 'tkt help route')");
    }
    const Routing& routing = context.routing();
    if (routing.empty()) {
        throw Error(Exit::config, fmt::format("no routing rules: write {} (see 'man tkt', ROUTING)",
                                              (context.paths().config_dir / "routing.toml").string()));
    }
    const DryRun dry_run = options.dry_run ? DryRun::yes : DryRun::no;
    Store& store = context.existing_store();
    const auto outcomes = options.all
                              ? route_unrouted(store, routing, context.actor(), dry_run)
                              : route_tickets(store, routing, parse_ticket_ids(options.ids), context.actor(), dry_run);
    print_outcomes(outcomes, options, context);
}

void run_route_test(const std::string& dir, Context& context) {
    const auto checks = check_routes(context.routing(), dir);
    std::size_t passed = 0;
    std::size_t failed = 0;
    for (const auto& check : checks) {
        const auto name = check.file.filename().string();
        const auto got = check.queue.value_or("none");
        if (!check.expected) {
            context.out() << fmt::format("skip {}: no X-Expect-Queue header (routed to {})\n", name, got);
        } else if (check.passed()) {
            ++passed;
            context.out() << fmt::format("ok   {}: {}\n", name, got);
        } else {
            ++failed;
            context.out() << fmt::format("FAIL {}: expected {}, got {} (rules: {})\n", name, *check.expected, got,
                                         check.rules.empty() ? "none matched" : join(check.rules, ", "));
        }
    }
    context.out() << fmt::format("{} passed, {} failed, {} skipped\n", passed, failed, checks.size() - passed - failed);
    if (failed > 0) {
        throw Error(Exit::nothing, fmt::format("{} of {} routing test{} failed", failed, passed + failed,
                                               passed + failed == 1 ? "" : "s"));
    }
}

}  // namespace

void declare_route(CLI::App& command, Context& context) {
    auto options = std::make_shared<RouteOptions>();
    command.add_option("ids", options->ids, "The tickets to route (again)")->type_name("ID...");
    command.add_flag("-a,--all", options->all, "Route every open ticket that has no queue yet");
    command.add_flag("-n,--dry-run", options->dry_run, "Show what routing would do; write nothing");
    command.add_option("--explain", options->explain, "Show every rule tried on one ticket and why it matched or not")
        ->type_name("ID");
    command.add_flag("--json", options->json, "Print the outcome as a JSON array");
    auto* test = command.add_subcommand("test", "Run the rules over saved .eml files and compare with "
                                                "their X-Expect-Queue headers");
    test->add_option("dir", options->test_dir, "A folder of .eml files")->required()->type_name("DIR");
    test->callback([options, &context] { run_route_test(options->test_dir, context); });
    command.callback([options, &context, &command] {
        if (command.get_subcommands().empty()) {
            run_route(*options, context);
        }
    });
}

}  // namespace tkt::cli
