#include "core/config.hpp"

#include "core/text.hpp"
#include "core/ticket.hpp"
#include "core/toml_file.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fmt/format.h>

namespace tkt {

std::string LocalizedName::exactly_in(std::string_view lang) const {
    const auto own = by_language.find(std::string(lang));
    return own != by_language.end() ? own->second : text;
}

std::string LocalizedName::in(std::string_view lang) const {
    std::string name = exactly_in(lang);
    if (name.empty() && !by_language.empty()) {
        const auto english = by_language.find("en");
        name = english != by_language.end() ? english->second : by_language.begin()->second;
    }
    return name;
}

std::optional<std::string> signature_problem(const LocalizedName& name, std::string_view file, std::string_view who) {
    const auto short_form = lacking_last_name(name);
    if (!short_form) {
        return std::nullopt;
    }
    return fmt::format("{}:{}:{}: {} signs replies as '{}': a signature needs a first and a last name", file, name.line,
                       name.column, who, *short_form);
}

std::optional<std::string> lacking_last_name(const LocalizedName& name) {
    const auto short_one = [](const std::string& form) { return split(squash_whitespace(form), ' ').size() < 2; };
    if (!name.text.empty() && short_one(name.text)) {
        return name.text;
    }
    for (const auto& [lang, form] : name.by_language) {
        if (short_one(form)) {
            return form;
        }
    }
    return std::nullopt;
}

std::string first_word_of(std::string_view full_name) {
    const auto words = split(squash_whitespace(full_name), ' ');
    return words.empty() ? std::string() : words.front();
}

std::vector<SubjectTag> find_subject_tags(std::string_view subject, std::string_view format) {
    const auto hole = format.find("{id}");
    if (hole == std::string_view::npos) {
        return {};
    }
    const auto prefix = format.substr(0, hole);
    const auto suffix = format.substr(hole + 4);
    std::vector<SubjectTag> tags;
    for (auto at = subject.find(prefix); at != std::string_view::npos; at = subject.find(prefix, at + 1)) {
        const auto digits = subject.substr(at + prefix.size());
        std::int64_t id = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
        if (error == std::errc() && std::string_view(end, digits.data() + digits.size()).starts_with(suffix)) {
            tags.push_back({id, at, static_cast<std::size_t>(end - subject.data()) + suffix.size() - at});
        }
    }
    return tags;
}

std::optional<std::string> AcknowledgeSettings::template_for(const std::optional<std::string>& queue) const {
    if (queue) {
        if (const auto own = queues.find(*queue); own != queues.end()) {
            return own->second.name;
        }
    }
    return all.name;
}

bool AcknowledgeSettings::enabled() const {
    return all.name || std::any_of(queues.begin(), queues.end(), [](const auto& queue) { return queue.second.name; });
}

std::string AgentIdentity::first_name_in(std::string_view lang) const {
    const std::string given = first_name.exactly_in(lang);
    return given.empty() ? first_word_of(full_name.in(lang)) : given;
}

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

    // Reads a template name, or false for none, at `key` of `table`.
    TemplateChoice read_choice(const toml::node& node, std::string_view key) const {
        TemplateChoice choice{std::nullopt, node.source().begin.line, node.source().begin.column};
        if (const auto name = node.value<std::string>(); node.is_string() && !name->empty()) {
            choice.name = *name;
        } else if (!node.is_boolean() || *node.value<bool>()) {
            fail(node, fmt::format("'{}' must be a template name such as \"received\", or false for none", key));
        }
        return choice;
    }

private:
    const toml::table& m_root;
};

// Reads defaults.country: two letters of ISO 3166, stored uppercase.
void read_country(const ConfigReader& reader, const toml::table& defaults, Config& config) {
    reader.read(defaults, "country", config.country);
    const bool letters = config.country.size() == 2 && std::isalpha(static_cast<unsigned char>(config.country[0])) &&
                         std::isalpha(static_cast<unsigned char>(config.country[1]));
    if (!config.country.empty() && !letters) {
        reader.fail(*defaults.get("country"),
                    fmt::format("'defaults.country' must be a country's two-letter code such as \"RU\" or \"GB\", "
                                "not \"{}\": phone numbers without a country code are read as numbers of it",
                                config.country));
    }
    for (auto& c : config.country) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
}

// Reads [channels.NAME]: the programs replies on chat, web and api channels leave by.
void read_channels(const ConfigReader& reader, const toml::table& channels, Config& config) {
    for (const auto& [key, node] : channels) {
        const std::string name(key.str());
        if (name != "chat" && name != "web" && name != "api") {
            reader.fail(node, fmt::format("[channels.{}]: replies go by program on chat, web or api only (mail goes "
                                          "by [mail] sendmail, and a reply to a caller is a call)",
                                          name));
        }
        const auto* table = node.as_table();
        if (table == nullptr) {
            reader.fail(node, fmt::format("'channels.{}' must be a table ([channels.{}])", name, name));
        }
        reader.check_keys(*table, "channels." + name + ".", std::array<std::string_view, 1>{"deliver"});
        ChannelSettings settings{name, {}};
        reader.read(*table, "deliver", settings.deliver);
        config.channels.push_back(std::move(settings));
    }
}

// Reads mail.parallel: how many sendmail processes may run at a time.
void read_parallel(const ConfigReader& reader, const toml::table& mail, MailSettings& out) {
    if (const auto* node = mail.get("parallel")) {
        const auto count = node->value<std::int64_t>();
        if (!node->is_integer() || *count < 1 || *count > static_cast<std::int64_t>(k_max_parallel_sendmail)) {
            reader.fail(*node, fmt::format("'mail.parallel' must be a whole number from 1 to {}: how many sendmail "
                                           "processes run at a time",
                                           k_max_parallel_sendmail));
        }
        out.parallel = static_cast<std::size_t>(*count);
    }
}

void apply_acknowledge(const ConfigReader& reader, const toml::table& table, AcknowledgeSettings& out) {
    reader.check_keys(table, "acknowledge.",
                      std::array<std::string_view, 4>{"template", "max_per_address_per_day", "signed_by", "queues"});
    if (const auto* node = table.get("template")) {
        out.all = reader.read_choice(*node, "acknowledge.template");
    }
    if (const auto* node = table.get("max_per_address_per_day")) {
        const auto count = node->value<std::int64_t>();
        if (!node->is_integer() || *count < 1) {
            reader.fail(*node, "'acknowledge.max_per_address_per_day' must be a whole number of 1 or more (set "
                               "template = false to send none)");
        }
        out.max_per_address_per_day = *count;
    }
    out.signed_by = reader.localized(table, "signed_by", "acknowledge.");
    if (const auto* node = table.get("queues")) {
        const auto* queues = node->as_table();
        if (queues == nullptr) {
            reader.fail(*node, "'acknowledge.queues' must be a table of queue names: [acknowledge.queues]");
        }
        for (const auto& [queue, choice] : *queues) {
            out.queues[std::string(queue.str())] =
                reader.read_choice(choice, fmt::format("acknowledge.queues.{}", queue.str()));
        }
    }
}

void apply(const ConfigReader& reader, const toml::table& root, Config& config) {
    reader.check_keys(
        root, "",
        std::array<std::string_view, 7>{"agent", "mail", "defaults", "routing", "lint", "acknowledge", "channels"});
    if (const auto* agent = reader.table("agent")) {
        reader.check_keys(*agent, "agent.",
                          std::array<std::string_view, 4>{"login", "full_name", "first_name", "email"});
        reader.read(*agent, "login", config.agent.login);
        config.agent.full_name = reader.localized(*agent, "full_name", "agent.");
        config.agent.first_name = reader.localized(*agent, "first_name", "agent.");
        reader.read(*agent, "email", config.agent.email);
        if (config.agent.login.empty()) {
            reader.fail(*agent, "'agent.login' must not be empty");
        }
    }
    if (const auto* mail = reader.table("mail")) {
        reader.check_keys(*mail, "mail.",
                          std::array<std::string_view, 4>{"from", "subject_tag", "sendmail", "parallel"});
        reader.read(*mail, "from", config.mail.from);
        reader.read(*mail, "subject_tag", config.mail.subject_tag);
        reader.read(*mail, "sendmail", config.mail.sendmail);
        read_parallel(reader, *mail, config.mail);
    }
    if (const auto* defaults = reader.table("defaults")) {
        reader.check_keys(*defaults, "defaults.", std::array<std::string_view, 2>{"lang", "country"});
        read_country(reader, *defaults, config);
        reader.read(*defaults, "lang", config.lang);
        const auto code = parse_language(config.lang);
        if (!code) {
            reader.fail(*defaults->get("lang"),
                        fmt::format("'defaults.lang' must be a language code such as \"en\" or \"ru\", not \"{}\": "
                                    "replies follow each customer's language, and this one is for the rest",
                                    config.lang));
        }
        config.lang = *code;
    }
    if (const auto* channels = reader.table("channels")) {
        read_channels(reader, *channels, config);
    }
    if (const auto* lint = reader.table("lint")) {
        reader.check_keys(*lint, "lint.", std::array<std::string_view, 1>{"strict"});
        reader.read(*lint, "strict", config.lint_strict);
    }
    if (const auto* routing = reader.table("routing")) {
        reader.check_keys(*routing, "routing.", std::array<std::string_view, 2>{"on_new", "repeat_window"});
        reader.read(*routing, "on_new", config.route_on_new);
        reader.read_duration(*routing, "repeat_window", config.repeat_window);
    }
    if (const auto* acknowledge = reader.table("acknowledge")) {
        apply_acknowledge(reader, *acknowledge, config.acknowledge);
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
        return config;
    }
    const toml::table root = toml_file::Reader(file).parse();
    apply(ConfigReader(file, root), root, config);
    return config;
}

const std::vector<std::string>* delivery_program(const std::vector<ChannelSettings>& channels, std::string_view name) {
    for (const auto& channel : channels) {
        if (channel.name == name && !channel.deliver.empty()) {
            return &channel.deliver;
        }
    }
    return nullptr;
}

}  // namespace tkt
