// Internal to src/routing/. The conditions of routing rules: reading them from routing.toml, compiling their
// regular expressions once, and testing them on a ticket. RE2 is used here only.
#pragma once

#include "core/toml_file.hpp"
#include "routing/rules.hpp"

#include <array>
#include <memory>
#include <re2/re2.h>
#include <string>
#include <string_view>
#include <vector>

namespace tkt::routing {

// The keys that are conditions, in a rule and in the tables of `any` and `not`.
constexpr std::array<std::string_view, 9> k_condition_keys{"subject",  "body", "from", "from_domain", "channel",
                                                           "language", "tag",  "any",  "not"};

struct ConditionSet;

// One condition of a rule, such as subject = ["refund", "charged"].
struct Condition {
    enum class Field { subject, body, from, from_domain, channel, language, tag, any, not_ };
    Field field = Field::subject;
    std::vector<std::string> values;             // as written; domains and languages lowercased
    std::vector<std::unique_ptr<RE2>> patterns;  // subject, body, from: the values compiled
    std::unique_ptr<RE2> combined;               // several patterns as one, so that route() reads the text once
    std::vector<ConditionSet> sets;              // any: the alternatives; not: the one negated
};

// Conditions that must all hold; an empty set holds for every ticket.
struct ConditionSet {
    std::vector<Condition> conditions;
};

// A string read from the file and where it was written.
struct Located {
    std::string text;
    toml::source_region where;
};

// Reads routing.toml: the shared reader plus the values only routing has.
class RuleReader : public toml_file::Reader {
public:
    using Reader::Reader;

    // Returns the strings of `node`, a string or a non-empty array of strings, none
    // empty; `key` names the value in errors.
    std::vector<Located> strings(const toml::node& node, std::string_view key) const;

    // Returns the integer of `node`, which must be at least 1; `key` names it in errors.
    int line(const toml::node& node, std::string_view key) const;

    // Throws a configuration error at `tag` unless it is a valid tag name.
    void check_tag(const Located& tag) const;

    // Reads the condition keys of `table` (other keys are the caller's to check), in the
    // order they are written; `rule` names the rule in errors.
    ConditionSet conditions(const toml::table& table, std::string_view rule) const;
};

// Returns true when every condition of `set` holds for `input`.
bool holds(const ConditionSet& set, const RoutingInput& input);

// Returns true when every condition of `set` holds for `input`, adding to `reasons` one
// line per condition that says why it held or not.
bool explain(const ConditionSet& set, const RoutingInput& input, std::vector<std::string>& reasons);

}  // namespace tkt::routing
