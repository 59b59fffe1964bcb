// sla.toml and the clocks of SLA targets: the only place that reads that file's TOML.
#include "routing/sla.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/toml_file.hpp"

#include <algorithm>
#include <limits>

namespace tkt {
namespace {

constexpr std::array<std::string_view, 2> k_root_keys{"calendar", "policy"};
constexpr std::array<std::string_view, 5> k_calendar_keys{"name", "timezone", "days", "hours", "holidays"};
constexpr std::array<std::string_view, 7> k_policy_keys{"name",       "match",   "calendar", "first_reply",
                                                        "next_reply", "resolve", "on_breach"};
constexpr std::array<std::string_view, 3> k_breach_keys{"escalate_to_line", "priority", "tags"};

// The longest target. Clocks walk the calendar's working weeks, and over thousands of
// years (parse_duration takes up to 2^40 s) they would not end.
constexpr Seconds k_max_target = 366 * 86400;

// Reads sla.toml: the shared reader plus the value types only this file has.
class SlaReader : public toml_file::Reader {
public:
    using Reader::Reader;

    [[noreturn]] void fail(const toml::node& node, std::string_view message) const {
        Reader::fail(node.source(), message);
    }

    // Returns the name of a [[`what`]] table, which must be there and be new to `seen`.
    std::string name(const toml::table& table, std::string_view what, const std::vector<std::string>& seen) const {
        auto name = string(table, "name", "");
        if (name.empty()) {
            fail(table, fmt::format("[[{}]] needs a 'name'", what));
        }
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
            fail(*table.get("name"), fmt::format("{} '{}' is defined twice", what, name));
        }
        return name;
    }
};

// Checks one value of a [[calendar]] by making a calendar of it alone (`set` puts it
// into a default spec), so that an error from Calendar::make points at that value.
template <typename Set> void check_part(const SlaReader& reader, const toml::node& node, Set&& set) {
    CalendarSpec part;
    set(part);
    try {
        (void)Calendar::make(part);
    } catch (const Error& error) {
        if (error.code() != Exit::config) {
            throw;
        }
        reader.fail(node, error.what());
    }
}

Calendar read_calendar(const SlaReader& reader, const toml::table& table, std::string name) {
    CalendarSpec spec;
    spec.name = std::move(name);
    if (const auto* node = table.get("timezone")) {
        spec.timezone = reader.string(table, "timezone", "");
        check_part(reader, *node, [&](CalendarSpec& part) { part.timezone = spec.timezone; });
    }
    if (const auto* node = table.get("days")) {
        spec.days = reader.strings(*node, "days");
        for (std::size_t i = 0; i < spec.days.size(); ++i) {
            check_part(reader, *node->as_array()->get(i), [&](CalendarSpec& part) { part.days = {spec.days[i]}; });
        }
        check_part(reader, *node, [&](CalendarSpec& part) { part.days = spec.days; });
    }
    if (const auto* node = table.get("hours")) {
        spec.hours = reader.string(table, "hours", "");
        check_part(reader, *node, [&](CalendarSpec& part) { part.hours = spec.hours; });
    }
    if (const auto* node = table.get("holidays")) {
        spec.holidays = reader.strings(*node, "holidays");
        for (std::size_t i = 0; i < spec.holidays.size(); ++i) {
            check_part(reader, *node->as_array()->get(i),
                       [&](CalendarSpec& part) { part.holidays = {spec.holidays[i]}; });
        }
    }
    return Calendar::make(spec);
}

// Parses the `match` filter; its usage errors become configuration errors at the value.
Filter read_match(const SlaReader& reader, const toml::node& node, const std::string& text, Timestamp now) {
    Filter filter;
    try {
        filter = parse_filter(filter_words(text), FilterContext{now, "", {}});
    } catch (const Error& error) {
        if (error.code() != Exit::usage) {
            throw;
        }
        reader.fail(node, error.what());
    }
    // The policy decides the clocks these terms read: matching on them is circular.
    if (filter.has_sla_terms()) {
        reader.fail(node, "'match' cannot use breaching or due: the policy sets the clocks they read");
    }
    return filter;
}

// Reads a target such as "4h"; `working_time` (a policy with a calendar) rejects days
// and weeks, whose length in working hours nobody could tell at a glance.
std::optional<Seconds> read_target(const SlaReader& reader, const toml::table& table, std::string_view key,
                                   bool working_time) {
    const auto* node = table.get(key);
    if (node == nullptr) {
        return std::nullopt;
    }
    const auto text = node->value_exact<std::string>();
    const auto length = text ? parse_duration(*text) : std::nullopt;
    if (!length) {
        reader.fail(*node, fmt::format("'{}' must be a duration such as \"15m\" or \"4h\"", key));
    }
    if (*length <= 0) {
        reader.fail(*node, fmt::format("'{}' must be longer than zero", key));
    }
    if (*length > k_max_target) {
        reader.fail(*node, fmt::format("'{}' must be at most a year (8784h)", key));
    }
    if (working_time && (text->back() == 'd' || text->back() == 'w')) {
        reader.fail(*node,
                    fmt::format("'{}' counts working time: write hours, e.g. \"27h\" for three 9-hour days", key));
    }
    return length;
}

std::optional<int> read_line(const SlaReader& reader, const toml::table& table) {
    const auto* node = table.get("escalate_to_line");
    if (node == nullptr) {
        return std::nullopt;
    }
    const auto line = node->value_exact<std::int64_t>();
    if (!line || *line < 1 || *line > std::numeric_limits<int>::max()) {
        reader.fail(*node, "'on_breach.escalate_to_line' must be a line number: 1 or more");
    }
    return static_cast<int>(*line);
}

BreachAction read_breach(const SlaReader& reader, const toml::node& node) {
    const auto* table = node.as_table();
    if (table == nullptr) {
        reader.fail(node, "'on_breach' must be a table, e.g. { escalate_to_line = 2 }");
    }
    reader.check_keys(*table, "on_breach.", k_breach_keys);
    BreachAction action;
    action.escalate_to_line = read_line(reader, *table);
    if (const auto* priority = table->get("priority")) {
        const auto name = reader.string(*table, "priority", "on_breach.");
        action.priority = parse_priority(name);
        if (!action.priority) {
            reader.fail(*priority, fmt::format("unknown priority '{}'{} (valid: low, normal, high, urgent)", name,
                                               did_you_mean(name, priority_names())));
        }
    }
    if (const auto* tags = table->get("tags")) {
        action.tags = reader.strings(*tags, "on_breach.tags");
    }
    return action;
}

// What the policies refer to: the calendars made, and the names of all declared.
struct Calendars {
    const std::vector<Calendar>& made;
    std::vector<std::string> declared;
};

// Returns the calendar that `node` names, or nullopt when that calendar is declared but
// broken: its error is reported already.
std::optional<const Calendar*> named_calendar(const SlaReader& reader, const toml::table& table, const toml::node& node,
                                              const Calendars& calendars) {
    const auto wanted = reader.string(table, "calendar", "");
    const auto found = std::find_if(calendars.made.begin(), calendars.made.end(),
                                    [&](const Calendar& c) { return c.name() == wanted; });
    if (found != calendars.made.end()) {
        return &*found;
    }
    const auto& declared = calendars.declared;
    if (std::find(declared.begin(), declared.end(), wanted) != declared.end()) {
        return std::nullopt;
    }
    const std::vector<std::string_view> names(declared.begin(), declared.end());
    reader.fail(node, fmt::format("unknown calendar '{}'{}", wanted, did_you_mean(wanted, names)));
}

// Returns the policy of `table`, or nullopt when its calendar is broken: a policy
// half-read must not act.
std::optional<SlaPolicy> read_policy(const SlaReader& reader, const toml::table& table, std::string name,
                                     const Calendars& calendars, Timestamp now) {
    SlaPolicy policy;
    policy.name = std::move(name);
    if (const auto* node = table.get("match")) {
        policy.match_text = reader.string(table, "match", "");
        policy.match = read_match(reader, *node, policy.match_text, now);
    }
    if (const auto* node = table.get("calendar")) {
        const auto calendar = named_calendar(reader, table, *node, calendars);
        if (!calendar) {
            return std::nullopt;
        }
        policy.calendar = *calendar;
    }
    const bool working_time = policy.calendar != nullptr;
    policy.first_reply = read_target(reader, table, "first_reply", working_time);
    policy.next_reply = read_target(reader, table, "next_reply", working_time);
    policy.resolve = read_target(reader, table, "resolve", working_time);
    if (!policy.first_reply && !policy.next_reply && !policy.resolve) {
        reader.fail(table,
                    fmt::format("policy '{}' has no target: give first_reply, next_reply or resolve", policy.name));
    }
    if (const auto* node = table.get("on_breach")) {
        policy.on_breach = read_breach(reader, *node);
    }
    return policy;
}

TargetClock make_clock(SlaTarget target, const SlaPolicy& policy, Seconds length, Timestamp started,
                       std::optional<Timestamp> stopped, Timestamp now) {
    TargetClock clock;
    clock.target = target;
    clock.started = started;
    clock.due = policy.calendar ? policy.calendar->add(started, length) : started + length;
    clock.stopped = stopped;
    // Exactly at the due time is still in time.
    clock.late = stopped ? *stopped > clock.due : now > clock.due;
    return clock;
}

void read_file(const SlaReader& reader, const toml::table& root, Timestamp now, SlaConfig& config,
               std::vector<std::string>* problems) {
    toml_file::collect(problems, [&] { reader.check_keys(root, "", k_root_keys); });
    std::vector<const toml::table*> calendar_tables;
    std::vector<const toml::table*> policy_tables;
    toml_file::collect(problems, [&] { calendar_tables = reader.tables(root, "calendar"); });
    toml_file::collect(problems, [&] { policy_tables = reader.tables(root, "policy"); });
    // Every calendar before any policy: the policies point into `calendars`, which
    // must not grow after that, and a policy may name a calendar written below it.
    Calendars calendars{config.calendars, {}};
    for (const auto* table : calendar_tables) {
        toml_file::collect(problems, [&] {
            reader.check_keys(*table, "calendar.", k_calendar_keys);
            auto name = reader.name(*table, "calendar", calendars.declared);
            calendars.declared.push_back(name);
            config.calendars.push_back(read_calendar(reader, *table, std::move(name)));
        });
    }
    std::vector<std::string> policy_names;
    for (const auto* table : policy_tables) {
        toml_file::collect(problems, [&] {
            reader.check_keys(*table, "policy.", k_policy_keys);
            auto name = reader.name(*table, "policy", policy_names);
            policy_names.push_back(name);
            if (auto policy = read_policy(reader, *table, std::move(name), calendars, now)) {
                config.policies.push_back(std::move(*policy));
            }
        });
    }
}

}  // namespace

std::string_view to_string(SlaTarget target) {
    switch (target) {
    case SlaTarget::first_reply: return "first_reply";
    case SlaTarget::next_reply: return "next_reply";
    case SlaTarget::resolve: return "resolve";
    }
    return "resolve";
}

// A moved vector hands over its buffer, and pointers to its elements stay valid
// (unlike a copy), so policies keep pointing at the calendars they name.
SlaConfig::SlaConfig(SlaConfig&& other) noexcept = default;
SlaConfig& SlaConfig::operator=(SlaConfig&& other) noexcept = default;

const SlaPolicy* SlaConfig::policy_for(const Ticket& ticket) const {
    const auto found = std::find_if(policies.begin(), policies.end(),
                                    [&](const SlaPolicy& policy) { return matches(policy.match, ticket, text); });
    return found == policies.end() ? nullptr : &*found;
}

const Calendar* SlaConfig::calendar(std::string_view name) const {
    const auto found = std::find_if(calendars.begin(), calendars.end(),
                                    [name](const Calendar& calendar) { return calendar.name() == name; });
    return found == calendars.end() ? nullptr : &*found;
}

SlaConfig load_sla(const std::filesystem::path& file, Timestamp now, std::vector<std::string>* problems) {
    SlaConfig config;
    std::error_code error;
    if (!std::filesystem::exists(file, error)) {
        return config;
    }
    const SlaReader reader(file);
    const toml::table root = reader.parse();
    read_file(reader, root, now, config, problems);
    return config;
}

std::optional<Timestamp> SlaClock::next_due() const {
    std::optional<Timestamp> due;
    for (const auto& target : targets) {
        if (!target.stopped && (!due || target.due < *due)) {
            due = target.due;
        }
    }
    return due;
}

bool SlaClock::breaching() const {
    return std::any_of(targets.begin(), targets.end(),
                       [](const TargetClock& target) { return !target.stopped && target.late; });
}

SlaClock sla_clock(const SlaConfig& config, const Ticket& ticket, Timestamp now) {
    SlaClock clock;
    clock.policy = config.policy_for(ticket);
    if (clock.policy == nullptr) {
        return clock;
    }
    const auto& policy = *clock.policy;
    // Only a finished ticket's solved_at ends its clocks: a reopened ticket keeps the
    // time of its first solving, and needs resolving again. A ticket closed without a
    // recorded solving ends when it was last touched.
    const bool finished = is_finished(ticket.status);
    const auto ended = finished ? std::optional(ticket.solved_at.value_or(ticket.updated_at)) : std::nullopt;
    if (policy.first_reply) {
        const auto stopped = ticket.first_reply_at ? ticket.first_reply_at : ended;
        clock.targets.push_back(
            make_clock(SlaTarget::first_reply, policy, *policy.first_reply, ticket.created_at, stopped, now));
    }
    if (policy.next_reply && !finished && ticket.first_reply_at && ticket.awaiting_since) {
        clock.targets.push_back(
            make_clock(SlaTarget::next_reply, policy, *policy.next_reply, *ticket.awaiting_since, std::nullopt, now));
    }
    if (policy.resolve) {
        clock.targets.push_back(make_clock(SlaTarget::resolve, policy, *policy.resolve, ticket.created_at, ended, now));
    }
    return clock;
}

}  // namespace tkt
