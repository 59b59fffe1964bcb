// Fuzzes routing.toml: the input loaded as `tkt route` loads it (the first error
// thrown) and as `tkt config check` does (every error collected), then, when it loads,
// its rules run over a few tickets. Configuration errors (tkt::Error) are expected.
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "routing/rules.hpp"

#include <array>

namespace {

using namespace tkt;

const std::array<RoutingInput, 3> k_inputs{{
    {"Где моя посылка? Заказ 58213", "Трекинг не обновляется.", "irina@example.ru", "email", "ru", {}},
    {"Charged twice for November",
     "Refund the duplicate, please.",
     "tom@bigcustomer.example",
     "phone",
     "en",
     {"billing", "vip"}},
    {"", "", "", "", "", {}},
}};

void run(const Routing& routing) {
    for (const auto& input : k_inputs) {
        const RouteDecision decision = routing.route(input);
        routing.explain(input);
        routing.candidates(decision.queue.value_or(""), decision.line.value_or(1));
    }
    routing.last_line();
    routing.queues();
    for (const auto& agent : routing.agents()) {
        routing.agent(agent.login);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = fuzz::scratch().write("routing.toml", fuzz::as_text(data, size));
    fuzz::check_loads_agree(
        "routing.toml", [&](std::vector<std::string>& problems) { Routing::load(path, &problems); },
        [&] { run(Routing::load(path)); });
    return 0;
}
