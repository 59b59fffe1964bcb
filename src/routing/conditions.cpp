#include "routing/conditions.hpp"

#include "core/text.hpp"
#include "core/ticket.hpp"

#include <algorithm>
#include <limits>

namespace tkt::routing {
namespace {

using Field = Condition::Field;

// In the order of k_condition_keys, so that a field's index is its key's.
constexpr std::array<Field, 9> k_fields{Field::subject,  Field::body, Field::from, Field::from_domain, Field::channel,
                                        Field::language, Field::tag,  Field::any,  Field::not_};

// Longer matched text is cut: the reason is a hint, not a copy of the message.
constexpr std::size_t k_shown_width = 40;

std::string_view key_of(Field field) {
    return k_condition_keys[static_cast<std::size_t>(field)];
}

bool is_pattern(Field field) {
    return field == Field::subject || field == Field::body || field == Field::from;
}

bool same_ascii(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x) == (y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y);
           });
}

// Returns the domain of `address` ("bob@Mail.Example.com" gives "Mail.Example.com"), or
// "" when it has none.
std::string_view domain_of(std::string_view address) {
    address = trim(address);
    if (address.ends_with('>')) {
        address.remove_suffix(1);
    }
    const auto at = address.rfind('@');
    return at == std::string_view::npos ? std::string_view() : address.substr(at + 1);
}

// Returns true when `domain` is `parent` or one of its subdomains; `parent` is lowercase.
bool is_within(std::string_view domain, std::string_view parent) {
    if (domain.size() == parent.size()) {
        return same_ascii(domain, parent);
    }
    // "notexample.com" ends with "example.com" but is another domain: a dot must precede.
    return domain.size() > parent.size() && domain[domain.size() - parent.size() - 1] == '.' &&
           same_ascii(domain.substr(domain.size() - parent.size()), parent);
}

std::string_view text_of(Field field, const RoutingInput& input) {
    switch (field) {
    case Field::subject: return input.subject;
    case Field::body: return input.body;
    case Field::from: return input.from;
    case Field::from_domain: return domain_of(input.from);
    case Field::channel: return input.channel;
    case Field::language: return input.language;
    default: return {};
    }
}

// The value of a condition that held, and the text it held on (for a pattern, the match).
struct Hit {
    std::size_t index = 0;
    std::string_view text;
};

// Returns the first value of `condition`, neither any nor not, that holds for `input`;
// `want_match` asks RE2 where a pattern matched, which costs time route() need not spend.
std::optional<Hit> first_hit(const Condition& condition, const RoutingInput& input, bool want_match) {
    const auto& values = condition.values;
    if (condition.field == Field::tag) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (std::find(input.tags.begin(), input.tags.end(), values[i]) != input.tags.end()) {
                return Hit{i, values[i]};
            }
        }
        return std::nullopt;
    }
    const auto text = text_of(condition.field, input);
    const re2::StringPiece piece(text.data(), text.size());
    if (condition.combined && !want_match) {
        return condition.combined->Match(piece, 0, piece.size(), RE2::UNANCHORED, nullptr, 0) ? std::optional(Hit{})
                                                                                              : std::nullopt;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        re2::StringPiece match;
        if (!condition.patterns.empty()) {
            if (condition.patterns[i]->Match(piece, 0, piece.size(), RE2::UNANCHORED, &match, want_match ? 1 : 0)) {
                return Hit{i, std::string_view(match.data(), match.size())};
            }
        } else if (condition.field == Field::from_domain ? is_within(text, values[i]) : same_ascii(text, values[i])) {
            return Hit{i, text};
        }
    }
    return std::nullopt;
}

bool holds(const Condition& condition, const RoutingInput& input) {
    switch (condition.field) {
    case Field::any:
        return std::any_of(condition.sets.begin(), condition.sets.end(),
                           [&input](const ConditionSet& set) { return holds(set, input); });
    case Field::not_: return !holds(condition.sets.front(), input);
    default: return first_hit(condition, input, false).has_value();
    }
}

// Returns "'a'", or "'a' or 'b'" for a condition with several values.
std::string alternatives(const std::vector<std::string>& values) {
    std::vector<std::string> quoted;
    for (const auto& value : values) {
        quoted.push_back(fmt::format("'{}'", value));
    }
    return join(quoted, " or ");
}

// Returns what a pattern matched as the reader will want to see it: the whole word when it
// stops inside one (so that "посылк" shows "посылка"), on one line, and not too long.
std::string shown_match(std::string_view text, std::string_view match) {
    static const RE2 k_letters("(\\p{L}*)");
    const auto end = static_cast<std::size_t>(match.data() - text.data()) + match.size();
    re2::StringPiece rest(text.data() + end, text.size() - end);
    re2::StringPiece letters;
    RE2::Consume(&rest, k_letters, &letters);
    return truncate_to_width(squash_whitespace(std::string_view(match.data(), match.size() + letters.size())),
                             k_shown_width);
}

std::string held_reason(const Condition& condition, const Hit& hit, const RoutingInput& input) {
    const auto key = key_of(condition.field);
    const auto& value = condition.values[hit.index];
    switch (condition.field) {
    case Field::from_domain:
        return fmt::format("from_domain '{}' is {}'{}'", hit.text, hit.text.size() == value.size() ? "" : "within ",
                           value);
    case Field::channel:
    case Field::language: return fmt::format("{} is '{}'", key, value);
    case Field::tag: return fmt::format("tag '{}' is set", value);
    default:
        return fmt::format("{} matches '{}' (\"{}\")", key, value,
                           shown_match(text_of(condition.field, input), hit.text));
    }
}

std::string failed_reason(const Condition& condition, const RoutingInput& input) {
    const auto key = key_of(condition.field);
    const auto text = text_of(condition.field, input);
    const auto& values = condition.values;
    switch (condition.field) {
    case Field::from_domain:
        if (text.empty()) {
            return fmt::format("from '{}' has no domain", input.from);
        }
        return fmt::format("from_domain '{}' is not {}", text, alternatives(values));
    case Field::channel:
    case Field::language:
        if (text.empty()) {
            return fmt::format("{} is unknown, not {}", key, alternatives(values));
        }
        return fmt::format("{} '{}' is not {}", key, text, alternatives(values));
    case Field::tag:
        return values.size() == 1 ? fmt::format("tag '{}' is not set", values.front())
                                  : fmt::format("no tag {} is set", alternatives(values));
    default: return fmt::format("{} does not match {}", key, alternatives(values));
    }
}

// How a set of conditions fared: every reason, and those of the conditions that failed.
struct Verdict {
    bool held = true;
    std::vector<std::string> reasons;
    std::vector<std::string> against;
};

Verdict judge(const ConditionSet& set, const RoutingInput& input);

bool explain_any(const Condition& condition, const RoutingInput& input, std::string& reason) {
    std::vector<std::string> failures;
    for (const auto& set : condition.sets) {
        const auto verdict = judge(set, input);
        if (verdict.held) {
            reason = "any: " + join(verdict.reasons, ", ");
            return true;
        }
        failures.push_back(join(verdict.against, ", "));
    }
    reason = fmt::format("any: no alternative matched ({})", join(failures, "; "));
    return false;
}

bool explain_not(const Condition& condition, const RoutingInput& input, std::string& reason) {
    const auto verdict = judge(condition.sets.front(), input);
    reason = verdict.held ? "not: fails, as " + join(verdict.reasons, ", ") : "not: " + join(verdict.against, ", ");
    return !verdict.held;
}

bool explain_one(const Condition& condition, const RoutingInput& input, std::string& reason) {
    if (condition.field == Field::any) {
        return explain_any(condition, input, reason);
    }
    if (condition.field == Field::not_) {
        return explain_not(condition, input, reason);
    }
    const auto hit = first_hit(condition, input, true);
    reason = hit ? held_reason(condition, *hit, input) : failed_reason(condition, input);
    return hit.has_value();
}

// Tries every condition, not stopping at the first that fails: whoever debugs a rule
// wants to see all that stands in its way.
Verdict judge(const ConditionSet& set, const RoutingInput& input) {
    Verdict verdict;
    for (const auto& condition : set.conditions) {
        std::string reason;
        if (!explain_one(condition, input, reason)) {
            verdict.held = false;
            verdict.against.push_back(reason);
        }
        verdict.reasons.push_back(std::move(reason));
    }
    return verdict;
}

RE2::Options pattern_options() {
    RE2::Options options(RE2::Quiet);  // the error goes into our message, not to stderr
    options.set_case_sensitive(false);
    return options;
}

std::unique_ptr<RE2> compile(const RuleReader& reader, const Located& value, std::string_view rule) {
    auto pattern = std::make_unique<RE2>(value.text, pattern_options());
    if (!pattern->ok()) {
        // The pattern is shortened: the error stays one readable line however long it is.
        reader.fail(value.where,
                    fmt::format("invalid regular expression '{}' in rule '{}': {}", truncate_to_width(value.text, 60),
                                rule, truncate_to_width(pattern->error(), 80)));
    }
    return pattern;
}

// Returns `patterns` as one pattern that matches where any of them does, or nullptr in
// the odd case that joining them breaks one (an unended \Q swallows the parentheses).
std::unique_ptr<RE2> combine(const std::vector<std::string>& patterns) {
    std::vector<std::string> groups;
    for (const auto& pattern : patterns) {
        groups.push_back(fmt::format("(?:{})", pattern));
    }
    auto combined = std::make_unique<RE2>(join(groups, "|"), pattern_options());
    return combined->ok() ? std::move(combined) : nullptr;
}

// Checks a value of a channel, from_domain or tag condition and returns it as compared.
std::string checked_value(const RuleReader& reader, Field field, const Located& value) {
    if (field == Field::channel && !parse_channel(value.text)) {
        reader.fail(value.where,
                    fmt::format("unknown channel '{}'{} (valid: {})", value.text,
                                did_you_mean(value.text, channel_names()),
                                join(std::vector<std::string>(channel_names().begin(), channel_names().end()), ", ")));
    }
    const bool bad_domain = value.text.find_first_of("@ \t") != std::string::npos || value.text.starts_with('.') ||
                            value.text.ends_with('.');
    if (field == Field::from_domain && bad_domain) {
        reader.fail(value.where,
                    fmt::format("'from_domain' must be a domain such as \"example.com\", not '{}'", value.text));
    }
    if (field == Field::tag) {
        reader.check_tag(value);
    }
    const bool folded = field == Field::from_domain || field == Field::language;
    return folded ? ascii_lower(value.text) : value.text;
}

// Reads the table of a `not`, or one of an `any`: conditions only, at least one.
ConditionSet nested(const RuleReader& reader, const toml::node& node, std::string_view key, std::string_view rule) {
    const auto* table = node.as_table();
    if (table == nullptr) {
        reader.fail(node.source(),
                    fmt::format("'{}' must hold tables of conditions, e.g. {{ subject = \"refund\" }}", key));
    }
    reader.check_keys(*table, fmt::format("{}.", key), k_condition_keys);
    if (table->empty()) {
        reader.fail(node.source(), fmt::format("an empty table in '{}': give it a condition such as "
                                               "{{ subject = \"refund\" }}",
                                               key));
    }
    return reader.conditions(*table, rule);
}

Condition read_condition(const RuleReader& reader, Field field, const toml::node& node, std::string_view rule) {
    Condition condition;
    condition.field = field;
    if (field == Field::not_) {
        condition.sets.push_back(nested(reader, node, "not", rule));
        return condition;
    }
    if (field == Field::any) {
        const auto* array = node.as_array();
        if (array == nullptr || array->empty()) {
            reader.fail(node.source(), "'any' must be a non-empty array of tables of conditions, e.g. "
                                       "any = [{ subject = \"refund\" }, { body = \"invoice\" }]");
        }
        for (const auto& item : *array) {
            condition.sets.push_back(nested(reader, item, "any", rule));
        }
        return condition;
    }
    for (const auto& value : reader.strings(node, key_of(field))) {
        if (is_pattern(field)) {
            condition.patterns.push_back(compile(reader, value, rule));
        }
        condition.values.push_back(checked_value(reader, field, value));
    }
    if (condition.patterns.size() > 1) {
        condition.combined = combine(condition.values);
    }
    return condition;
}

}  // namespace

std::vector<Located> RuleReader::strings(const toml::node& node, std::string_view key) const {
    const auto wrong = fmt::format("'{}' must be a string or a non-empty array of strings", key);
    std::vector<Located> values;
    if (node.is_string()) {
        values.push_back({*node.value<std::string>(), node.source()});
    } else if (const auto* array = node.as_array(); array != nullptr && !array->empty()) {
        for (const auto& item : *array) {
            if (!item.is_string()) {
                fail(item.source(), wrong);
            }
            values.push_back({*item.value<std::string>(), item.source()});
        }
    } else {
        fail(node.source(), wrong);
    }
    for (const auto& value : values) {
        if (value.text.empty()) {
            fail(value.where, fmt::format("'{}' must not be empty", key));
        }
    }
    return values;
}

int RuleReader::line(const toml::node& node, std::string_view key) const {
    const auto value = node.value_exact<std::int64_t>();
    if (!value || *value < 1 || *value > std::numeric_limits<int>::max()) {
        fail(node.source(), fmt::format("'{}' must be an integer from 1", key));
    }
    return static_cast<int>(*value);
}

void RuleReader::check_tag(const Located& tag) const {
    if (!is_valid_tag(tag.text)) {
        fail(tag.where, fmt::format("invalid tag '{}': no spaces, commas or control characters, and no leading "
                                    "'+' or '-'",
                                    tag.text));
    }
}

ConditionSet RuleReader::conditions(const toml::table& table, std::string_view rule) const {
    std::vector<std::pair<Field, const toml::node*>> found;
    for (std::size_t i = 0; i < k_condition_keys.size(); ++i) {
        if (const auto* node = table.get(k_condition_keys[i])) {
            found.emplace_back(k_fields[i], node);
        }
    }
    // A table's keys come sorted; reasons read best in the order the rule was written.
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        const auto& x = a.second->source().begin;
        const auto& y = b.second->source().begin;
        return x.line != y.line ? x.line < y.line : x.column < y.column;
    });
    ConditionSet set;
    for (const auto& [field, node] : found) {
        set.conditions.push_back(read_condition(*this, field, *node, rule));
    }
    return set;
}

bool holds(const ConditionSet& set, const RoutingInput& input) {
    return std::all_of(set.conditions.begin(), set.conditions.end(),
                       [&input](const Condition& condition) { return holds(condition, input); });
}

bool explain(const ConditionSet& set, const RoutingInput& input, std::vector<std::string>& reasons) {
    auto verdict = judge(set, input);
    std::move(verdict.reasons.begin(), verdict.reasons.end(), std::back_inserter(reasons));
    return verdict.held;
}

}  // namespace tkt::routing
