// Fuzzes sla.toml: the input loaded as `tkt sla` loads it (the first error thrown) and
// as `tkt config check` does (every error collected), then, when it loads, the clocks
// of a few tickets under it. Configuration errors (tkt::Error) are expected.
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "routing/sla.hpp"

namespace {

using namespace tkt;

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z, a Sunday

std::vector<Ticket> tickets() {
    Ticket fresh;
    fresh.id = 1;
    fresh.status = Status::new_;
    fresh.priority = Priority::urgent;
    fresh.queue = "billing";
    fresh.created_at = k_now - 3 * 86400;
    fresh.updated_at = k_now - 3600;
    fresh.tags = {"vip"};
    Ticket answered = fresh;
    answered.id = 2;
    answered.status = Status::open;
    answered.line = 2;
    answered.first_reply_at = k_now - 2 * 86400;
    answered.awaiting_since = k_now - 86400;
    Ticket solved = answered;
    solved.id = 3;
    solved.status = Status::solved;
    solved.solved_at = k_now - 600;
    solved.awaiting_since.reset();
    return {fresh, answered, solved};
}

void run(const SlaConfig& config) {
    static const std::vector<Ticket> k_tickets = tickets();
    for (const auto& ticket : k_tickets) {
        const SlaClock clock = sla_clock(config, ticket, k_now);
        clock.next_due();
        clock.breaching();
    }
    for (const auto& calendar : config.calendars) {
        calendar.is_working(k_now);
        calendar.between(k_now - 7 * 86400, k_now);
        calendar.add(k_now, 8 * 3600);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = fuzz::scratch().write("sla.toml", fuzz::as_text(data, size));
    fuzz::check_loads_agree(
        "sla.toml", [&](std::vector<std::string>& problems) { load_sla(path, k_now, &problems); },
        [&] { run(load_sla(path, k_now)); });
    return 0;
}
