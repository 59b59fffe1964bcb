#include "core/config.hpp"

#include "core/toml_file.hpp"

namespace tkt {
namespace {

// Reads config.toml: the shared reader plus the value types only config has.
class ConfigReader : public toml_file::Reader {
public:
    ConfigReader(std::filesystem::path file, const toml::table& root) : Reader(std::move(file)), m_root(root) {}

    [[noreturn]] void fail(const toml::node& node, std::string_view message) const {
        Reader::fail(node.source(), message);
    }

    const toml::table* table(std::string_view name) const {
        const auto* node = m_root.get(name);
        if (node && !node->is_table()) {
            fail(*node, fmt::format("'{}' must be a table ([{}])", name, name));
        }
        return node ? node->as_table() : nullptr;
    }

    void read(const toml::table& table, std::string_view key, std::string& out) const {
        if (table.get(key)) {
            out = string(table, key, "");
        }
    }

    void read(const toml::table& table, std::string_view key, bool& out) const {
        if (const auto* node = table.get(key)) {
            out = boolean(*node, key);
        }
    }

    void read(const toml::table& table, std::string_view key, std::vector<std::string>& out) const {
        const auto* node = table.get(key);
        if (!node) {
            return;
        }
        const auto* array = node->as_array();
        if (!array || array->empty()) {
            fail(*node, fmt::format("'{}' must be a non-empty array of strings", key));
        }
        out = strings(*node, key);
    }

    void read_duration(const toml::table& table, std::string_view key, Seconds& out) const {
        if (const auto* node = table.get(key)) {
            const auto text = node->value<std::string>();
            const auto length = text ? parse_duration(*text) : std::nullopt;
            if (!node->is_string() || !length) {
                fail(*node, fmt::format("'{}' must be a duration such as \"7d\" or \"12h\"", key));
            }
            out = *length;
        }
    }

private:
    const toml::table& m_root;
};

void apply(const ConfigReader& reader, const toml::table& root, Config& config) {
    reader.check_keys(root, "", std::array<std::string_view, 4>{"agent", "mail", "defaults", "routing"});
    if (const auto* agent = reader.table("agent")) {
        reader.check_keys(*agent, "agent.", std::array<std::string_view, 3>{"login", "full_name", "email"});
        reader.read(*agent, "login", config.agent.login);
        reader.read(*agent, "full_name", config.agent.full_name);
        reader.read(*agent, "email", config.agent.email);
        if (config.agent.login.empty()) {
            reader.fail(*agent, "'agent.login' must not be empty");
        }
    }
    if (const auto* mail = reader.table("mail")) {
        reader.check_keys(*mail, "mail.", std::array<std::string_view, 3>{"from", "subject_tag", "sendmail"});
        reader.read(*mail, "from", config.mail.from);
        reader.read(*mail, "subject_tag", config.mail.subject_tag);
        reader.read(*mail, "sendmail", config.mail.sendmail);
    }
    if (const auto* defaults = reader.table("defaults")) {
        reader.check_keys(*defaults, "defaults.", std::array<std::string_view, 1>{"lang"});
        reader.read(*defaults, "lang", config.lang);
    }
    if (const auto* routing = reader.table("routing")) {
        reader.check_keys(*routing, "routing.", std::array<std::string_view, 2>{"on_new", "repeat_window"});
        reader.read(*routing, "on_new", config.route_on_new);
        reader.read_duration(*routing, "repeat_window", config.repeat_window);
    }
}

}  // namespace

Config load_config(const std::filesystem::path& dir, const std::string& fallback_login) {
    Config config;
    config.dir = dir;
    config.agent.login = fallback_login;
    const auto file = dir / "config.toml";
    std::error_code error;
    if (!std::filesystem::exists(file, error)) {
        config.agent.full_name = config.agent.login;
        return config;
    }
    const toml::table root = toml_file::Reader(file).parse();
    apply(ConfigReader(file, root), root, config);
    if (config.agent.full_name.empty()) {
        config.agent.full_name = config.agent.login;
    }
    return config;
}

}  // namespace tkt
