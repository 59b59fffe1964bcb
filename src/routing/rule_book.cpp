// Reading routing.toml: its rules, [default] and agents, each checked as it is read.
#include "routing/rule_book.hpp"

#include <algorithm>

namespace tkt::routing {
namespace {

constexpr std::array<std::string_view, 4> k_top_keys{"rule", "default", "agent", "queue"};
constexpr std::array<std::string_view, 2> k_queue_keys{"name", "on_transfer"};
constexpr std::array<std::string_view, 2> k_transfers{"pool", "keep_owner"};
constexpr std::array<std::string_view, 5> k_default_keys{"queue", "line", "priority", "tags", "assign"};
constexpr std::array<std::string_view, 7> k_agent_keys{"login",  "full_name", "first_name", "email",
                                                       "queues", "line",      "active"};
constexpr std::array<std::string_view, 16> k_rule_keys{
    "name", "queue", "line",        "priority", "tags",     "assign", "continue", "subject",
    "body", "from",  "from_domain", "channel",  "language", "tag",    "any",      "not"};
constexpr std::array<std::string_view, 2> k_strategies{"round_robin", "least_loaded"};

// A name given once, and the line it was given on, to point at when it comes again.
struct Seen {
    std::string name;
    std::size_t line = 0;
};

std::optional<std::size_t> line_of(const std::vector<Seen>& seen, std::string_view name) {
    const auto found = std::find_if(seen.begin(), seen.end(), [name](const Seen& s) { return s.name == name; });
    return found == seen.end() ? std::nullopt : std::optional(found->line);
}

// Reads the parts of routing.toml one by one, so that with `problems` a bad rule or
// agent is reported and the others still read.
class Loader {
public:
    Loader(const RuleReader& reader, std::vector<std::string>* problems) : m_reader(reader), m_problems(problems) {}

    void read(const toml::table& root, RuleBook& book, std::vector<Agent>& agents) {
        toml_file::collect(m_problems, [&] { m_reader.check_keys(root, "", k_top_keys); });
        // Agents first: a rule's assign may name one of them.
        for_each_table(root, "agent", [&](const toml::table& table, std::size_t) { agents.push_back(agent(table)); });
        for_each_table(root, "rule", [&](const toml::table& table, std::size_t number) {
            book.rules.push_back(rule(table, number));
        });
        for_each_table(root, "queue",
                       [&](const toml::table& table, std::size_t) { book.queues.push_back(queue(table)); });
        if (const auto* node = root.get("default")) {
            toml_file::collect(m_problems, [&] { book.fallback = fallback(*node); });
        }
    }

private:
    // Calls `step` with each table of the [[key]] list and its 1-based number.
    template <typename Step> void for_each_table(const toml::table& root, std::string_view key, Step&& step) {
        std::vector<const toml::table*> tables;
        toml_file::collect(m_problems, [&] { tables = m_reader.tables(root, key); });
        std::size_t number = 0;
        for (const auto* table : tables) {
            toml_file::collect(m_problems, [&] { step(*table, ++number); });
        }
    }

    Agent agent(const toml::table& table) {
        m_reader.check_keys(table, "agent.", k_agent_keys);
        Agent agent;
        agent.login = m_reader.string(table, "login", "agent.");
        if (agent.login.empty()) {
            m_reader.fail(table.source(), "[[agent]] needs a login");
        }
        const auto& where = table.get("login")->source();
        if (const auto first = line_of(m_logins, agent.login)) {
            m_reader.fail(where, fmt::format("duplicate agent login '{}' (first at line {})", agent.login, *first));
        }
        if (std::find(k_strategies.begin(), k_strategies.end(), agent.login) != k_strategies.end()) {
            m_reader.fail(where, fmt::format("login '{}' is reserved for assign = \"{}\"", agent.login, agent.login));
        }
        m_logins.push_back({agent.login, where.begin.line});
        agent.full_name = m_reader.localized(table, "full_name", "agent.");
        agent.first_name = m_reader.localized(table, "first_name", "agent.");
        if (agent.full_name.empty()) {
            m_reader.fail(table.source(), fmt::format("agent '{}' needs a full_name", agent.login));
        }
        agent.email = m_reader.string(table, "email", "agent.");
        // An agent may serve no queue for now: queues = [] is no error.
        const auto* queues = table.get("queues");
        const bool none = queues != nullptr && queues->is_array() && queues->as_array()->empty();
        if (queues != nullptr && !none) {
            for (auto& queue : m_reader.strings(*queues, "queues")) {
                agent.queues.push_back(std::move(queue.text));
            }
        }
        if (const auto* line = table.get("line")) {
            agent.line = m_reader.line(*line, "line");
        }
        if (const auto* active = table.get("active")) {
            agent.active = m_reader.boolean(*active, "active");
        }
        return agent;
    }

    QueueSettings queue(const toml::table& table) {
        m_reader.check_keys(table, "queue.", k_queue_keys);
        QueueSettings settings{m_reader.string(table, "name", "queue."), Transfer::to_pool};
        if (settings.name.empty()) {
            m_reader.fail(table.source(), "[[queue]] needs a name");
        }
        const auto& where = table.get("name")->source();
        if (const auto first = line_of(m_queues, settings.name)) {
            m_reader.fail(where, fmt::format("duplicate queue '{}' (first at line {})", settings.name, *first));
        }
        m_queues.push_back({settings.name, where.begin.line});
        if (const auto* node = table.get("on_transfer")) {
            const std::string how = m_reader.string(table, "on_transfer", "queue.");
            if (std::find(k_transfers.begin(), k_transfers.end(), how) == k_transfers.end()) {
                m_reader.fail(node->source(), fmt::format("unknown on_transfer '{}'{} (valid: pool, keep_owner)", how,
                                                          did_you_mean(how, k_transfers)));
            }
            settings.on_transfer = how == "keep_owner" ? Transfer::keep_owner : Transfer::to_pool;
        }
        return settings;
    }

    Rule rule(const toml::table& table, std::size_t number) {
        Rule rule{fmt::format("rule {}", number), {}, {}, false};
        const auto* name = table.get("name");
        if (name != nullptr) {
            rule.name = m_reader.string(table, "name", "");
            if (rule.name.empty()) {
                m_reader.fail(name->source(), "'name' must not be empty");
            }
            if (rule.name == "default") {
                m_reader.fail(name->source(), "rule name 'default' is reserved for [default]");
            }
        }
        const auto& where = name != nullptr ? name->source() : table.source();
        if (const auto first = line_of(m_names, rule.name)) {
            m_reader.fail(where, fmt::format("duplicate rule name '{}' (first at line {})", rule.name, *first));
        }
        m_names.push_back({rule.name, where.begin.line});
        m_reader.check_keys(table, "rule.", k_rule_keys);
        rule.when = m_reader.conditions(table, rule.name);
        rule.actions = actions(table);
        if (rule.actions.empty()) {
            m_reader.fail(table.source(),
                          fmt::format("rule '{}' sets nothing: give queue, line, priority, tags or assign", rule.name));
        }
        if (const auto* go_on = table.get("continue")) {
            rule.go_on = m_reader.boolean(*go_on, "continue");
        }
        return rule;
    }

    Actions fallback(const toml::node& node) const {
        const auto* table = node.as_table();
        if (table == nullptr) {
            m_reader.fail(node.source(), "'default' must be a table: write [default]");
        }
        m_reader.check_keys(*table, "default.", k_default_keys);
        auto actions = this->actions(*table);
        if (actions.empty()) {
            m_reader.fail(node.source(), "[default] sets nothing: give queue, line, priority, tags or assign");
        }
        return actions;
    }

    Actions actions(const toml::table& table) const {
        Actions actions;
        if (table.get("queue")) {
            actions.queue = m_reader.string(table, "queue", "");
            if (actions.queue->empty()) {
                m_reader.fail(table.get("queue")->source(), "'queue' must not be empty");
            }
        }
        if (const auto* line = table.get("line")) {
            actions.line = m_reader.line(*line, "line");
        }
        if (const auto* priority = table.get("priority")) {
            actions.priority = this->priority(*priority, m_reader.string(table, "priority", ""));
        }
        if (const auto* tags = table.get("tags")) {
            for (auto& tag : m_reader.strings(*tags, "tags")) {
                m_reader.check_tag(tag);
                actions.tags.push_back(std::move(tag.text));
            }
            std::sort(actions.tags.begin(), actions.tags.end());
            actions.tags.erase(std::unique(actions.tags.begin(), actions.tags.end()), actions.tags.end());
        }
        if (const auto* assign = table.get("assign")) {
            actions.assign = this->assign(*assign, m_reader.string(table, "assign", ""));
        }
        return actions;
    }

    Priority priority(const toml::node& node, const std::string& name) const {
        const auto priority = parse_priority(name);
        if (!priority) {
            const std::vector<std::string> valid(priority_names().begin(), priority_names().end());
            m_reader.fail(node.source(), fmt::format("unknown priority '{}'{} (valid: {})", name,
                                                     did_you_mean(name, priority_names()), join(valid, ", ")));
        }
        return *priority;
    }

    std::string assign(const toml::node& node, const std::string& how) const {
        std::vector<std::string_view> valid(k_strategies.begin(), k_strategies.end());
        for (const auto& login : m_logins) {
            valid.push_back(login.name);
        }
        if (std::find(valid.begin(), valid.end(), how) == valid.end()) {
            m_reader.fail(node.source(), fmt::format("unknown agent '{}' in 'assign'{} (valid: round_robin, "
                                                     "least_loaded or the login of an [[agent]])",
                                                     how, did_you_mean(how, valid)));
        }
        return how;
    }

    const RuleReader& m_reader;
    std::vector<std::string>* m_problems;
    std::vector<Seen> m_logins;
    std::vector<Seen> m_names;
    std::vector<Seen> m_queues;
};

}  // namespace

void read_rule_file(const std::filesystem::path& file, std::vector<std::string>* problems, RuleBook& book,
                    std::vector<Agent>& agents) {
    const RuleReader reader(file);
    std::optional<toml::table> root;
    toml_file::collect(problems, [&] { root = reader.parse(); });
    if (root) {
        Loader(reader, problems).read(*root, book, agents);
    }
}

}  // namespace tkt::routing
