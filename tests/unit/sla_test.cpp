#include "core/error.hpp"
#include "routing/sla.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace tkt;
using tkt::test::TempDir;

namespace {

constexpr Seconds k_minute = 60;
constexpr Seconds k_hour = 3600;

Timestamp at(const char* text) {
    const auto parsed = parse_timestamp(text);
    REQUIRE(parsed);
    return *parsed;
}

constexpr Timestamp k_now = 1795176000;  // 2026-11-20T12:00:00Z

const std::string k_good = R"toml(
[[calendar]]
name = "msk"
timezone = "Europe/Moscow"
days = ["mon", "tue", "wed", "thu", "fri"]
hours = "09:00-18:00"
holidays = ["2026-12-31", "2027-01-01"]

[[policy]]
name = "line1-urgent"
match = "line:1  priority:urgent"
calendar = "msk"
first_reply = "15m"
next_reply = "1h"
resolve = "4h"
on_breach = { escalate_to_line = 2, priority = "urgent", tags = ["sla-breach"] }

[[policy]]
name = "vip"
match = "+vip"
first_reply = "1h"
resolve = "2d"

[[policy]]
name = "everyone"
calendar = "msk"
first_reply = "8h"
resolve = "27h"
)toml";

std::filesystem::path write_sla(const TempDir& dir, const std::string& text) {
    const auto path = dir / "sla.toml";
    std::ofstream(path) << text;
    return path;
}

// Returns the message of the error loading `text` throws, without the file name.
std::string load_error(const std::string& text) {
    TempDir dir;
    const auto path = write_sla(dir, text);
    const std::string message = test::config_error_of([&] { load_sla(path, k_now); });
    const std::string prefix = path.string() + ":";
    return message.starts_with(prefix) ? message.substr(prefix.size()) : message;
}

// A policy with one calendar, and `body` after its name.
std::string one_policy(const std::string& body) {
    return "[[calendar]]\nname = \"msk\"\n[[policy]]\nname = \"p\"\n" + body;
}

Ticket make_ticket(int line, Priority priority, std::vector<std::string> tags = {}) {
    Ticket ticket;
    ticket.line = line;
    ticket.priority = priority;
    ticket.tags = std::move(tags);
    ticket.created_at = at("2026-11-20T17:50:00+03:00");  // a Friday, ten minutes before closing
    ticket.updated_at = ticket.created_at;
    return ticket;
}

// Returns the clock of `target`, or nullptr when the ticket has none.
const TargetClock* find(const SlaClock& clock, SlaTarget target) {
    for (const auto& t : clock.targets) {
        if (t.target == target) {
            return &t;
        }
    }
    return nullptr;
}

const TargetClock& target_of(const SlaClock& clock, SlaTarget target) {
    const auto* found = find(clock, target);
    REQUIRE(found != nullptr);
    return *found;
}

std::string due_of(const SlaClock& clock, SlaTarget target) {
    const auto* found = find(clock, target);
    return found ? format_iso8601(found->due) : "none";
}

}  // namespace

TEST_CASE("sla::load_sla") {
    TempDir dir;
    SUBCASE("a good file") {
        const auto config = load_sla(write_sla(dir, k_good), k_now);
        REQUIRE(config.calendars.size() == 1);
        REQUIRE(config.policies.size() == 3);
        CHECK(config.calendars[0].name() == "msk");
        CHECK(config.calendars[0].timezone() == "Europe/Moscow");
        const auto& urgent = config.policies[0];
        CHECK(urgent.name == "line1-urgent");
        CHECK(urgent.match_text == "line:1  priority:urgent");
        CHECK(urgent.match.terms.size() == 2);
        CHECK(urgent.calendar == &config.calendars[0]);
        CHECK(urgent.first_reply == 15 * k_minute);
        CHECK(urgent.next_reply == k_hour);
        CHECK(urgent.resolve == 4 * k_hour);
        CHECK(urgent.on_breach.escalate_to_line == 2);
        CHECK(urgent.on_breach.priority == Priority::urgent);
        CHECK(urgent.on_breach.tags == std::vector<std::string>{"sla-breach"});
        CHECK(config.policies[1].calendar == nullptr);
        CHECK(config.policies[1].resolve == 2 * 86400);
        CHECK_FALSE(config.policies[1].next_reply);
        CHECK_FALSE(config.policies[1].on_breach.escalate_to_line);
        CHECK(config.policies[2].match.terms.empty());
        CHECK(config.calendar("msk") == &config.calendars[0]);
        CHECK(config.calendar("spb") == nullptr);
    }
    SUBCASE("a missing file is an empty config") {
        std::vector<std::string> problems;
        const auto config = load_sla(dir / "sla.toml", k_now, &problems);
        CHECK(config.calendars.empty());
        CHECK(config.policies.empty());
        CHECK(problems.empty());
    }
    SUBCASE("an empty file is an empty config") {
        CHECK(load_sla(write_sla(dir, ""), k_now).policies.empty());
    }
    SUBCASE("a calendar written below the policy that names it") {
        const auto config = load_sla(write_sla(dir, "[[policy]]\nname = \"p\"\ncalendar = \"c\"\nresolve = "
                                                    "\"8h\"\n[[calendar]]\nname = \"c\"\n"),
                                     k_now);
        CHECK(config.policies[0].calendar == &config.calendars[0]);
    }
    SUBCASE("moving keeps the policies' calendars") {
        auto config = load_sla(write_sla(dir, k_good), k_now);
        SlaConfig moved(std::move(config));
        CHECK(moved.policies[0].calendar == &moved.calendars[0]);
        SlaConfig assigned;
        assigned = std::move(moved);
        CHECK(assigned.policies[0].calendar == &assigned.calendars[0]);
        CHECK(assigned.policies[0].calendar->name() == "msk");
    }
}

TEST_CASE("sla::load_sla errors") {
    SUBCASE("the file and the tables") {
        CHECK(load_error("[[polcy]]\nname = \"p\"\n") == "1:3: unknown key 'polcy' (did you mean 'policy'?)");
        CHECK(load_error("calendar = \"msk\"\n") == "1:12: 'calendar' must be a list of tables: write [[calendar]]");
        CHECK(load_error("[[policy]]\nname = \"p\nresolve = \"4h\"\n").starts_with("2:"));
    }
    SUBCASE("calendars") {
        CHECK(load_error("[[calendar]]\ntimezone = \"UTC\"\n") == "1:1: [[calendar]] needs a 'name'");
        CHECK(load_error("[[calendar]]\nname = \"c\"\n[[calendar]]\nname = \"c\"\n") ==
              "4:8: calendar 'c' is defined twice");
        CHECK(load_error("[[calendar]]\nname = \"c\"\ntimezon = \"UTC\"\n") ==
              "3:1: unknown key 'calendar.timezon' (did you mean 'timezone'?)");
        CHECK(load_error("[[calendar]]\nname = \"c\"\ntimezone = \"Europe/Moskow\"\n") ==
              "3:12: unknown time zone 'Europe/Moskow'");
        CHECK(load_error("[[calendar]]\nname = \"c\"\ntimezone = 3\n") == "3:12: 'timezone' must be a string");
        CHECK(load_error("[[calendar]]\nname = \"c\"\ndays = [\"mon\", \"Tue\"]\n") ==
              "3:16: unknown day 'Tue' (did you mean 'tue'?) (valid: mon, tue, wed, thu, fri, sat, "
              "sun)");
        CHECK(load_error("[[calendar]]\nname = \"c\"\ndays = []\n") ==
              "3:8: 'days' must name at least one working day");
        CHECK(load_error("[[calendar]]\nname = \"c\"\ndays = \"mon\"\n") == "3:8: 'days' must be an array of strings");
        CHECK(load_error("[[calendar]]\nname = \"c\"\nhours = \"9-18\"\n") ==
              "3:9: invalid hours '9-18' (write \"HH:MM-HH:MM\", e.g. \"09:00-18:00\")");
        CHECK(load_error("[[calendar]]\nname = \"c\"\nholidays = [\"2026-12-31\", \"2026-13-01\"]\n") ==
              "3:27: invalid holiday '2026-13-01' (write a date as \"YYYY-MM-DD\")");
        CHECK(load_error("[[calendar]]\nname = \"c\"\nholidays = [2026-12-31]\n") ==
              "3:13: 'holidays' must hold only strings");
    }
    SUBCASE("policies") {
        CHECK(load_error("[[policy]]\nresolve = \"4h\"\n") == "1:1: [[policy]] needs a 'name'");
        CHECK(load_error(one_policy("resolve = \"4h\"\n[[policy]]\nname = \"p\"\nresolve = \"4h\"\n")) ==
              "7:8: policy 'p' is defined twice");
        CHECK(load_error(one_policy("resolv = \"4h\"\n")) ==
              "5:1: unknown key 'policy.resolv' (did you mean 'resolve'?)");
        CHECK(load_error(one_policy("calendar = \"mks\"\nresolve = \"4h\"\n")) ==
              "5:12: unknown calendar 'mks' (did you mean 'msk'?)");
        CHECK(load_error(one_policy("match = \"priority:urgnet\"\nresolve = \"4h\"\n")) ==
              "5:9: invalid filter term 'priority:urgnet': unknown priority 'urgnet' (did you mean "
              "'urgent'?) "
              "(valid: low, normal, high, urgent)");
        CHECK(load_error(one_policy("match = \"breaching\"\nresolve = \"4h\"\n")) ==
              "5:9: 'match' cannot use breaching or due: the policy sets the clocks they read");
        CHECK(load_error(one_policy("name2 = 1\n")).starts_with("5:1: unknown key 'policy.name2'"));
        CHECK(load_error(one_policy("match = \"+vip\"\n")) ==
              "3:1: policy 'p' has no target: give first_reply, next_reply or resolve");
    }
    SUBCASE("targets") {
        CHECK(load_error(one_policy("first_reply = \"soon\"\n")) ==
              "5:15: 'first_reply' must be a duration such as \"15m\" or \"4h\"");
        CHECK(load_error(one_policy("first_reply = 15\n")) ==
              "5:15: 'first_reply' must be a duration such as \"15m\" or \"4h\"");
        CHECK(load_error(one_policy("next_reply = \"0m\"\n")) == "5:14: 'next_reply' must be longer than zero");
        CHECK(load_error(one_policy("calendar = \"msk\"\nresolve = \"3d\"\n")) ==
              "6:11: 'resolve' counts working time: write hours, e.g. \"27h\" for three 9-hour days");
        CHECK(load_error(one_policy("calendar = \"msk\"\nfirst_reply = \"1w\"\n")) ==
              "6:15: 'first_reply' counts working time: write hours, e.g. \"27h\" for three 9-hour "
              "days");
        CHECK(load_error(one_policy("resolve = \"3d\"\n")) == "");
    }
    SUBCASE("on_breach") {
        CHECK(load_error(one_policy("resolve = \"4h\"\non_breach = \"line 2\"\n")) ==
              "6:13: 'on_breach' must be a table, e.g. { escalate_to_line = 2 }");
        CHECK(load_error(one_policy("resolve = \"4h\"\non_breach = { escalate_to_lin = 2 }\n")) ==
              "6:15: unknown key 'on_breach.escalate_to_lin' (did you mean 'escalate_to_line'?)");
        CHECK(load_error(one_policy("resolve = \"4h\"\non_breach = { escalate_to_line = 0 }\n")) ==
              "6:34: 'on_breach.escalate_to_line' must be a line number: 1 or more");
        CHECK(load_error(one_policy("resolve = \"4h\"\non_breach = { escalate_to_line = \"2\" }\n")) ==
              "6:34: 'on_breach.escalate_to_line' must be a line number: 1 or more");
        CHECK(load_error(one_policy("resolve = \"4h\"\non_breach = { priority = \"urgnet\" }\n")) ==
              "6:26: unknown priority 'urgnet' (did you mean 'urgent'?) (valid: low, normal, high, "
              "urgent)");
        CHECK(load_error(one_policy("resolve = \"4h\"\non_breach = { tags = \"x\" }\n")) ==
              "6:22: 'on_breach.tags' must be an array of strings");
    }
}

TEST_CASE("sla::load_sla collects problems") {
    TempDir dir;
    const auto path = write_sla(dir, R"toml([[calendar]]
name = "broken"
timezone = "Mars/Olympus"
[[calendar]]
name = "msk"
timezone = "Europe/Moscow"
[[policy]]
name = "a"
calendar = "broken"
resolve = "4h"
[[policy]]
name = "b"
resolv = "4h"
[[policy]]
name = "c"
calendar = "msk"
resolve = "2d"
[[policy]]
name = "d"
calendar = "msk"
resolve = "4h"
)toml");
    std::vector<std::string> problems;
    const auto config = load_sla(path, k_now, &problems);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0] == path.string() + ":3:12: unknown time zone 'Mars/Olympus'");
    CHECK(problems[1] == path.string() + ":13:1: unknown key 'policy.resolv' (did you mean 'resolve'?)");
    CHECK(problems[2].starts_with(path.string() + ":17:11: 'resolve' counts working time"));
    SUBCASE("what is good is loaded; a policy on a broken calendar is left out, not reported twice") {
        CHECK(config.calendars.size() == 1);
        REQUIRE(config.policies.size() == 1);
        CHECK(config.policies[0].name == "d");
    }
    SUBCASE("without `problems`, the first is thrown") {
        CHECK(test::error_code_of([&] { load_sla(path, k_now); }) == Exit::config);
    }
}

TEST_CASE("sla::policy_for") {
    TempDir dir;
    const auto config = load_sla(write_sla(dir, k_good), k_now);
    CHECK(config.policy_for(make_ticket(1, Priority::urgent))->name == "line1-urgent");
    CHECK(config.policy_for(make_ticket(1, Priority::urgent, {"vip"}))->name == "line1-urgent");
    CHECK(config.policy_for(make_ticket(1, Priority::normal, {"vip"}))->name == "vip");
    CHECK(config.policy_for(make_ticket(2, Priority::urgent))->name == "everyone");
    CHECK(config.policy_for(make_ticket(1, Priority::low))->name == "everyone");
    const auto vip_only =
        load_sla(write_sla(dir, "[[policy]]\nname = \"vip\"\nmatch = \"+vip\"\nresolve = \"1h\"\n"), k_now);
    CHECK(vip_only.policy_for(make_ticket(1, Priority::normal)) == nullptr);
}

TEST_CASE("sla::sla_clock") {
    TempDir dir;
    const auto config = load_sla(write_sla(dir, k_good), k_now);
    // Created Friday 17:50 Moscow time: ten working minutes that day, the rest on Monday.
    auto ticket = make_ticket(1, Priority::urgent);
    SUBCASE("new: first reply and resolve run on the calendar") {
        const auto clock = sla_clock(config, ticket, at("2026-11-20T17:55:00+03:00"));
        CHECK(clock.policy->name == "line1-urgent");
        CHECK(clock.targets.size() == 2);
        CHECK(due_of(clock, SlaTarget::first_reply) == "2026-11-23T06:05:00Z");
        CHECK(due_of(clock, SlaTarget::resolve) == "2026-11-23T09:50:00Z");
        CHECK(due_of(clock, SlaTarget::next_reply) == "none");
        CHECK(target_of(clock, SlaTarget::first_reply).started == ticket.created_at);
        CHECK_FALSE(target_of(clock, SlaTarget::first_reply).stopped);
        CHECK(clock.next_due() == at("2026-11-23T06:05:00Z"));
        CHECK_FALSE(clock.breaching());
    }
    SUBCASE("new, past the first-reply target") {
        const auto clock = sla_clock(config, ticket, at("2026-11-23T09:06:00+03:00"));
        CHECK(target_of(clock, SlaTarget::first_reply).late);
        CHECK_FALSE(target_of(clock, SlaTarget::resolve).late);
        CHECK(clock.breaching());
    }
    SUBCASE("exactly at the due time is not late") {
        const auto clock = sla_clock(config, ticket, at("2026-11-23T06:05:00Z"));
        CHECK_FALSE(target_of(clock, SlaTarget::first_reply).late);
        CHECK_FALSE(clock.breaching());
    }
    SUBCASE("answered: first reply stopped in time, resolve still running") {
        ticket.status = Status::open;
        ticket.first_reply_at = at("2026-11-20T17:58:00+03:00");
        const auto clock = sla_clock(config, ticket, at("2026-11-23T10:00:00+03:00"));
        CHECK(target_of(clock, SlaTarget::first_reply).stopped == ticket.first_reply_at);
        CHECK_FALSE(target_of(clock, SlaTarget::first_reply).late);
        CHECK(due_of(clock, SlaTarget::next_reply) == "none");
        CHECK(clock.next_due() == at("2026-11-23T09:50:00Z"));
        CHECK_FALSE(clock.breaching());
    }
    SUBCASE("answered late") {
        ticket.first_reply_at = at("2026-11-23T09:30:00+03:00");
        const auto clock = sla_clock(config, ticket, at("2026-11-23T10:00:00+03:00"));
        CHECK(target_of(clock, SlaTarget::first_reply).late);
        CHECK_FALSE(clock.breaching());
    }
    SUBCASE("awaiting the next reply") {
        ticket.status = Status::open;
        ticket.first_reply_at = at("2026-11-20T17:58:00+03:00");
        ticket.awaiting_since = at("2026-11-23T10:00:00+03:00");
        const auto in_time = sla_clock(config, ticket, at("2026-11-23T10:30:00+03:00"));
        CHECK(due_of(in_time, SlaTarget::next_reply) == "2026-11-23T08:00:00Z");
        CHECK(target_of(in_time, SlaTarget::next_reply).started == ticket.awaiting_since);
        CHECK(in_time.next_due() == at("2026-11-23T08:00:00Z"));
        CHECK_FALSE(in_time.breaching());
        const auto late = sla_clock(config, ticket, at("2026-11-23T11:30:00+03:00"));
        CHECK(target_of(late, SlaTarget::next_reply).late);
        CHECK(late.breaching());
    }
    SUBCASE("a customer's message before the first reply is the first-reply clock's") {
        ticket.awaiting_since = ticket.created_at;
        const auto clock = sla_clock(config, ticket, at("2026-11-20T17:55:00+03:00"));
        CHECK(due_of(clock, SlaTarget::next_reply) == "none");
    }
    SUBCASE("solved late: everything stopped, nothing breaching") {
        ticket.status = Status::solved;
        ticket.first_reply_at = at("2026-11-20T17:58:00+03:00");
        ticket.awaiting_since = at("2026-11-23T10:00:00+03:00");
        ticket.solved_at = at("2026-11-23T13:00:00+03:00");
        const auto clock = sla_clock(config, ticket, at("2026-11-25T12:00:00+03:00"));
        CHECK(clock.targets.size() == 2);
        CHECK(target_of(clock, SlaTarget::resolve).stopped == ticket.solved_at);
        CHECK(target_of(clock, SlaTarget::resolve).late);
        CHECK_FALSE(target_of(clock, SlaTarget::first_reply).late);
        CHECK_FALSE(clock.next_due());
        CHECK_FALSE(clock.breaching());
    }
    SUBCASE("closed without a reply: first reply stops, late, at solving") {
        ticket.status = Status::closed;
        ticket.solved_at = at("2026-11-23T09:10:00+03:00");
        const auto clock = sla_clock(config, ticket, at("2026-11-25T12:00:00+03:00"));
        CHECK(target_of(clock, SlaTarget::first_reply).stopped == ticket.solved_at);
        CHECK(target_of(clock, SlaTarget::first_reply).late);
        CHECK_FALSE(target_of(clock, SlaTarget::resolve).late);
    }
    SUBCASE("reopened: resolve runs again though solved_at is kept") {
        ticket.status = Status::open;
        ticket.first_reply_at = at("2026-11-20T17:58:00+03:00");
        ticket.solved_at = at("2026-11-23T09:30:00+03:00");
        const auto clock = sla_clock(config, ticket, at("2026-11-23T13:00:00+03:00"));
        CHECK_FALSE(target_of(clock, SlaTarget::resolve).stopped);
        CHECK(clock.breaching());
    }
    SUBCASE("24x7 against the calendar for the same ticket") {
        const auto vip = make_ticket(1, Priority::normal, {"vip"});
        const auto round_the_clock = sla_clock(config, vip, at("2026-11-20T17:55:00+03:00"));
        CHECK(round_the_clock.policy->name == "vip");
        CHECK(due_of(round_the_clock, SlaTarget::first_reply) == "2026-11-20T15:50:00Z");
        CHECK(due_of(round_the_clock, SlaTarget::resolve) == "2026-11-22T14:50:00Z");
        const auto office = sla_clock(config, make_ticket(2, Priority::normal), at("2026-11-20T17:55:00+03:00"));
        CHECK(office.policy->name == "everyone");
        CHECK(due_of(office, SlaTarget::first_reply) == "2026-11-23T13:50:00Z");
        CHECK(due_of(office, SlaTarget::resolve) == "2026-11-25T14:50:00Z");
    }
    SUBCASE("no policy, no clock") {
        const auto vip_only =
            load_sla(write_sla(dir, "[[policy]]\nname = \"vip\"\nmatch = \"+vip\"\nresolve = \"1h\"\n"), k_now);
        const auto clock = sla_clock(vip_only, ticket, k_now);
        CHECK(clock.policy == nullptr);
        CHECK(clock.targets.empty());
        CHECK_FALSE(clock.next_due());
        CHECK_FALSE(clock.breaching());
    }
}

TEST_CASE("sla::to_string") {
    CHECK(to_string(SlaTarget::first_reply) == "first_reply");
    CHECK(to_string(SlaTarget::next_reply) == "next_reply");
    CHECK(to_string(SlaTarget::resolve) == "resolve");
}
