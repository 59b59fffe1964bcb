// What the config and template loaders share: reading a TOML file whose every error
// names file:line:col (exit 78). toml++ is used here and in those two loaders only.
#pragma once

#include "core/config.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/ticket.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fmt/format.h>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

namespace tkt::toml_file {

// Reads one TOML file, keeping its path for error messages.
class Reader {
public:
    explicit Reader(std::filesystem::path path) : m_path(std::move(path)) {}

    // Parses the file; a syntax error is a configuration error at its line and column.
    toml::table parse() const {
        try {
            return toml::parse_file(m_path.string());
        } catch (const toml::parse_error& error) {
            // toml++ says "Error while parsing string: ..."; the house style is lowercase.
            constexpr std::string_view k_prefix = "Error while parsing ";
            std::string message(error.description());
            if (message.starts_with(k_prefix)) {
                message.erase(0, k_prefix.size());
            }
            if (error.source().begin.line == 0) {
                throw Error(Exit::config, fmt::format("{}: {}", m_path.string(), message));
            }
            fail(error.source(), message);
        }
    }

    // Throws a configuration error at `where`.
    [[noreturn]] void fail(const toml::source_region& where, std::string_view message) const {
        throw config_error(m_path.string(), where.begin.line, where.begin.column, message);
    }

    // Rejects keys of `table` not in `known`, so that a typo is an error, not ignored;
    // `prefix` ("agent.") makes the key's full name.
    template <std::size_t N>
    void check_keys(const toml::table& table, std::string_view prefix,
                    const std::array<std::string_view, N>& known) const {
        for (const auto& [key, node] : table) {
            (void)node;
            if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
                fail(key.source(),
                     fmt::format("unknown key '{}{}'{}", prefix, key.str(), did_you_mean(key.str(), known)));
            }
        }
    }

    // Returns the string at `key` of `table`, "" when absent; anything else there is an
    // error naming `prefix` + `key`.
    std::string string(const toml::table& table, std::string_view key, std::string_view prefix) const {
        const auto* node = table.get(key);
        if (node == nullptr) {
            return {};
        }
        if (!node->is_string()) {
            fail(node->source(), fmt::format("'{}{}' must be a string", prefix, key));
        }
        return *node->value<std::string>();
    }

    // Returns the name at `key` of `table`: a string, or a table of language codes and
    // strings ({ en = "Anna Smirnova", ru = "Анна Смирнова" }); empty when absent.
    LocalizedName localized(const toml::table& table, std::string_view key, std::string_view prefix) const {
        LocalizedName name;
        const auto* node = table.get(key);
        if (node == nullptr) {
            return name;
        }
        name.line = node->source().begin.line;
        name.column = node->source().begin.column;
        if (node->is_string()) {
            name.text = *node->value<std::string>();
            return name;
        }
        const auto* forms = node->as_table();
        if (forms == nullptr || forms->empty()) {
            fail(node->source(), fmt::format("'{}{}' must be a string, or a table of languages such as "
                                             "{{ en = \"Anna Smirnova\", ru = \"Анна Смирнова\" }}",
                                             prefix, key));
        }
        for (const auto& [lang, form] : *forms) {
            const auto code = parse_language(lang.str());
            if (!code || !form.is_string()) {
                fail(form.source(), fmt::format("'{}{}.{}' must be a string under a language code such as en or ru",
                                                prefix, key, lang.str()));
            }
            name.by_language[*code] = *form.value<std::string>();
        }
        return name;
    }

    // Returns `node` as a boolean; anything else is an error naming `key`.
    bool boolean(const toml::node& node, std::string_view key) const {
        if (!node.is_boolean()) {
            fail(node.source(), fmt::format("'{}' must be true or false", key));
        }
        return *node.value<bool>();
    }

    // Returns the strings of the array `node`; anything else is an error naming `key`.
    std::vector<std::string> strings(const toml::node& node, std::string_view key) const {
        const auto* array = node.as_array();
        if (array == nullptr) {
            fail(node.source(), fmt::format("'{}' must be an array of strings", key));
        }
        std::vector<std::string> items;
        for (const auto& item : *array) {
            if (!item.is_string()) {
                fail(item.source(), fmt::format("'{}' must hold only strings", key));
            }
            items.push_back(*item.value<std::string>());
        }
        return items;
    }

    // Returns the tables of the [[`key`]] list in `root`, none when it is absent.
    std::vector<const toml::table*> tables(const toml::table& root, std::string_view key) const {
        std::vector<const toml::table*> tables;
        if (const auto* node = root.get(key)) {
            if (!node->is_array_of_tables()) {
                fail(node->source(), fmt::format("'{}' must be a list of tables: write [[{}]]", key, key));
            }
            for (const auto& item : *node->as_array()) {
                tables.push_back(item.as_table());
            }
        }
        return tables;
    }

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// Runs `step`, one independent part of a config file (a rule, a policy). With
// `problems`, a configuration error it throws is recorded there and loading goes on,
// so that `tkt config check` reports every problem; without, it propagates.
template <typename Step> void collect(std::vector<std::string>* problems, Step&& step) {
    if (problems == nullptr) {
        step();
        return;
    }
    try {
        step();
    } catch (const Error& error) {
        if (error.code() != Exit::config) {
            throw;
        }
        problems->emplace_back(error.what());
    }
}

}  // namespace tkt::toml_file
