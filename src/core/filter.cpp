#include "core/filter.hpp"

#include "core/address.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/ticket.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/format.h>
#include <optional>
#include <string_view>

namespace tkt {
namespace {

struct KeyInfo {
    std::string_view name;
    Field field;
};

constexpr std::array<KeyInfo, 13> k_keys{{
    {"status", Field::status},
    {"queue", Field::queue},
    {"line", Field::line},
    {"priority", Field::priority},
    {"assignee", Field::assignee},
    {"requester", Field::requester},
    {"channel", Field::channel},
    {"language", Field::language},
    {"created", Field::created},
    {"updated", Field::updated},
    {"age", Field::created},
    {"id", Field::id},
    {"due", Field::due},
}};

constexpr std::array<std::string_view, 13> k_key_names{"status",    "queue",   "line",     "priority", "assignee",
                                                       "requester", "channel", "language", "created",  "updated",
                                                       "age",       "id",      "due"};

Error bad_term(std::string_view word, std::string_view why) {
    return usage_error(fmt::format("invalid filter term '{}': {}", word, why));
}

std::optional<std::int64_t> parse_number(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0) {
        return std::nullopt;
    }
    return value;
}

// Checks every comma-separated value of an enum key against its valid names.
std::vector<std::string> parse_names(std::string_view word, std::string_view key, std::string_view value,
                                     std::span<const std::string_view> names) {
    auto values = split(value, ',');
    for (const auto& v : values) {
        if (std::find(names.begin(), names.end(), v) == names.end()) {
            const std::vector<std::string> all(names.begin(), names.end());
            throw bad_term(
                word, fmt::format("unknown {} '{}'{} (valid: {})", key, v, did_you_mean(v, names), join(all, ", ")));
        }
    }
    return values;
}

// Builds the term for created/updated/age from a date or a duration.
Term time_term(std::string_view word, std::string_view key, Field field, char op, std::string_view value,
               const FilterContext& context) {
    Term term{field, op == '<' ? Compare::less : Compare::greater, {}, 0, 0};
    // A bare number is a Unix time here, as in TKT_NOW: durations carry their unit.
    const bool has_unit = !value.empty() && std::string_view("smhdw").find(value.back()) != std::string_view::npos;
    if (const auto length = has_unit ? parse_duration(value) : std::nullopt) {
        // A duration compares time elapsed: "age>2h" is older than two hours,
        // "updated<7d" was updated within the last seven days.
        term.low = context.now - *length;
        term.compare = op == '<' ? Compare::greater : Compare::less;
        return term;
    }
    if (key == "age") {
        throw bad_term(word, fmt::format("'{}' is not a duration (try 2h, 3d, 1w)", value));
    }
    const auto at = parse_timestamp(value);
    if (!at) {
        throw bad_term(word, fmt::format("'{}' is neither a date (2026-11-01) nor a duration (7d)", value));
    }
    term.low = *at;
    return term;
}

Term id_term(std::string_view word) {
    const auto dash = word.find('-');
    const auto low = parse_number(word.substr(0, dash));
    const auto high = dash == std::string_view::npos ? low : parse_number(word.substr(dash + 1));
    if (!low || !high || *high < *low) {
        throw bad_term(word, "an id range is LOW-HIGH, e.g. 40-50");
    }
    return Term{Field::id, Compare::equal, {}, *low, *high};
}

// Reads one requester of `word`: an identity in its stored form.
std::string requester_value(std::string_view word, const std::string& value, const FilterContext& context) {
    if (context.requester) {
        if (auto identity = context.requester(value)) {
            return std::move(*identity);
        }
        throw bad_term(word, fmt::format("'{}' is not a mail address, phone number or chat identity", value));
    }
    const auto address = parse_address(value);
    if (!address) {
        throw bad_term(word, fmt::format("'{}' is not a mail address", value));
    }
    return address->email;
}

Term key_value_term(std::string_view word, std::string_view key, std::string_view value, const FilterContext& context) {
    const auto* info = std::find_if(k_keys.begin(), k_keys.end(), [&](const KeyInfo& k) { return k.name == key; });
    if (info == k_keys.end()) {
        throw usage_error(fmt::format("unknown filter key '{}' in '{}'{}", key, word, did_you_mean(key, k_key_names)));
    }
    if (value.empty()) {
        throw bad_term(word, "the value is empty");
    }
    Term term{info->field, Compare::equal, {}, 0, 0};
    switch (info->field) {
    case Field::status:
        if (value == "any") {
            term.values.assign(status_names().begin(), status_names().end());
        } else {
            term.values = parse_names(word, key, value, status_names());
        }
        break;
    case Field::priority: term.values = parse_names(word, key, value, priority_names()); break;
    case Field::channel: term.values = parse_names(word, key, value, channel_names()); break;
    case Field::language:
        for (const auto& v : split(value, ',')) {
            const auto code = parse_language(v);
            if (!code && v != "none") {
                throw bad_term(word, fmt::format("'{}' is not a language code (ru, en, ...; none for unknown)", v));
            }
            term.values.push_back(code.value_or(""));
        }
        break;
    case Field::line: {
        const auto line = parse_number(value);
        if (!line || *line < 1) {
            throw bad_term(word, "a line is a number from 1");
        }
        term.low = *line;
        break;
    }
    case Field::id: return id_term(value);
    case Field::queue:
    case Field::assignee:
    case Field::requester:
        for (auto& v : split(value, ',')) {
            if (v == "none" && info->field != Field::requester) {
                v.clear();
            } else if (v == "me" && info->field == Field::assignee) {
                v = context.me;
            } else if (info->field == Field::requester) {
                v = requester_value(word, v, context);
            }
            term.values.push_back(v);
        }
        break;
    default: throw bad_term(word, fmt::format("use {0}<VALUE or {0}>VALUE", key));
    }
    return term;
}

// Returns `word` as a text term when it is written as one: in double quotes (a phrase,
// or a number to find as text), `-"..."` to leave out, or holding a space (a phrase the
// shell kept whole).
std::optional<Term> quoted_text_term(std::string_view word) {
    const bool negated = word.starts_with("-\"");
    std::string_view inner = negated ? word.substr(1) : word;
    // A key's value may hold spaces ('created>last tuesday'): that is no phrase.
    const auto space = inner.find_first_of(" \t");
    const bool phrase =
        space != std::string_view::npos && inner.substr(0, space).find_first_of(":<>") == std::string_view::npos;
    if (inner.size() >= 2 && inner.front() == '"' && inner.back() == '"') {
        inner = inner.substr(1, inner.size() - 2);
    } else if (negated || !phrase) {
        if (negated) {
            throw bad_term(word, "a quoted text has no closing '\"'");
        }
        return std::nullopt;
    }
    const std::string text = squash_whitespace(inner);
    if (text.empty()) {
        throw bad_term(word, "there is no text to find");
    }
    return Term{Field::text, negated ? Compare::not_equal : Compare::equal, {text}, 0, 0};
}

Term parse_term(std::string_view word, const FilterContext& context) {
    if (trim(word).empty()) {
        throw usage_error("an empty filter term: give terms such as status:open, +tag or words to find");
    }
    if (auto text = quoted_text_term(word)) {
        return std::move(*text);
    }
    if (word.size() > 1 && (word.front() == '+' || word.front() == '-')) {
        const auto tag = word.substr(1);
        return Term{Field::tag, word.front() == '+' ? Compare::equal : Compare::not_equal, {std::string(tag)}, 0, 0};
    }
    if (!word.empty() && word.front() >= '0' && word.front() <= '9') {
        return id_term(word);
    }
    if (word.size() > 1 && word.front() == '#') {
        return id_term(word.substr(1));
    }
    if (word == "breaching") {
        return Term{Field::breaching, Compare::equal, {}, 0, 0};
    }
    const auto split_at = word.find_first_of(":<>");
    if (split_at == std::string_view::npos) {
        return Term{Field::text, Compare::equal, {std::string(word)}, 0, 0};
    }
    if (split_at == 0) {
        throw usage_error(fmt::format("unknown filter term '{}' (terms look like status:open, +tag, age>2h, breaching, "
                                      "42, or words to find; quote text to find: '\"{}\"')",
                                      word, word));
    }
    const auto key = word.substr(0, split_at);
    const auto value = word.substr(split_at + 1);
    const char op = word[split_at];
    if (op == ':') {
        const bool known = std::find(k_key_names.begin(), k_key_names.end(), key) != k_key_names.end();
        if (!known) {
            // A word close to a key is a slip of the keyboard; any other may be text to find.
            const std::string suggestion = did_you_mean(key, k_key_names);
            throw usage_error(fmt::format(
                "unknown filter key '{}' in '{}'{}", key, word,
                suggestion.empty() ? fmt::format(" (to find it as text, quote it: '\"{}\"')", word) : suggestion));
        }
        return key_value_term(word, key, value, context);
    }
    if (key == "due") {
        const auto length = parse_duration(value);
        if (!length) {
            throw bad_term(word, fmt::format("'{}' is not a duration (try 15m, 2h)", value));
        }
        return Term{Field::due, op == '<' ? Compare::less : Compare::greater, {}, *length, 0};
    }
    if (key == "created" || key == "updated" || key == "age") {
        const Field field = key == "updated" ? Field::updated : Field::created;
        return time_term(word, key, field, op, value, context);
    }
    if (std::find(k_key_names.begin(), k_key_names.end(), key) == k_key_names.end()) {
        throw usage_error(fmt::format("unknown filter key '{}' in '{}'{}", key, word, did_you_mean(key, k_key_names)));
    }
    throw bad_term(word, fmt::format("'{}' takes ':' not '{}'", key, op));
}

}  // namespace

bool Filter::has(Field field) const {
    return std::any_of(terms.begin(), terms.end(), [field](const Term& term) { return term.field == field; });
}

Filter parse_filter(std::span<const std::string> words, const FilterContext& context) {
    Filter filter;
    for (const auto& word : words) {
        filter.terms.push_back(parse_term(word, context));
    }
    return filter;
}

std::vector<std::string> filter_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted;
        }
        if (!quoted && (c == ' ' || c == '\t' || c == '\n')) {
            if (!word.empty()) {
                words.push_back(std::move(word));
                word.clear();
            }
            continue;
        }
        word += c;
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    return words;
}

std::pair<std::vector<Term>, Filter> split_text_terms(Filter filter) {
    std::vector<Term> text;
    Filter rest;
    for (auto& term : filter.terms) {
        (term.field == Field::text ? text : rest.terms).push_back(std::move(term));
    }
    return {std::move(text), std::move(rest)};
}

std::vector<SortKey> parse_sort(std::string_view text) {
    constexpr std::array<std::string_view, 7> k_names{"id",     "created", "updated", "priority",
                                                      "status", "queue",   "assignee"};
    std::vector<SortKey> keys;
    for (const auto& part : split(text, ',')) {
        std::string_view name = part;
        SortKey key;
        if (name.starts_with('-')) {
            key.order = Order::descending;
            name.remove_prefix(1);
        }
        const auto* found = std::find(k_names.begin(), k_names.end(), name);
        if (found == k_names.end()) {
            throw usage_error(fmt::format("unknown sort key '{}'{} (valid: id, created, updated, "
                                          "priority, status, queue, assignee)",
                                          name, did_you_mean(name, k_names)));
        }
        key.field = static_cast<SortField>(found - k_names.begin());
        keys.push_back(key);
    }
    return keys;
}

namespace {

bool contains(const std::vector<std::string>& values, std::string_view value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool text_matches(const std::vector<std::string>& values, const std::optional<std::string>& value) {
    return contains(values, value.value_or(""));
}

bool term_matches(const Term& term, const Ticket& ticket, const TextMatcher& text) {
    switch (term.field) {
    case Field::text: return text && text(term, ticket) == (term.compare == Compare::equal);
    case Field::id: return ticket.id >= term.low && ticket.id <= term.high;
    case Field::status: return contains(term.values, to_string(ticket.status));
    case Field::queue: return text_matches(term.values, ticket.queue);
    case Field::line: return ticket.line == term.low;
    case Field::priority: return contains(term.values, to_string(ticket.priority));
    case Field::assignee: return text_matches(term.values, ticket.assignee);
    case Field::requester: return contains(term.values, ticket.requester);
    case Field::channel: return contains(term.values, to_string(ticket.channel));
    case Field::language: return text_matches(term.values, ticket.language);
    case Field::tag: return contains(ticket.tags, term.values.at(0)) == (term.compare == Compare::equal);
    case Field::breaching:
    case Field::due: return true;
    case Field::created:
    case Field::updated: {
        const Timestamp at = term.field == Field::created ? ticket.created_at : ticket.updated_at;
        return term.compare == Compare::less ? at < term.low : at > term.low;
    }
    }
    return false;
}

}  // namespace

bool matches(const Filter& filter, const Ticket& ticket, const TextMatcher& text) {
    return std::all_of(filter.terms.begin(), filter.terms.end(),
                       [&](const Term& term) { return term_matches(term, ticket, text); });
}

Filter with_default_statuses(Filter filter) {
    if (!filter.has(Field::status) && !filter.has(Field::id)) {
        filter.terms.push_back(Term{Field::status, Compare::equal, {"new", "open", "pending"}, 0, 0});
    }
    return filter;
}

}  // namespace tkt
