// Where tkt's files live: the database and the config directory (DESIGN.md 4).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tkt {

// A snapshot of the environment variables tkt reads, taken once by the CLI.
class Environment {
public:
    Environment() = default;
    // Makes an environment from `variables` (name to value).
    explicit Environment(std::map<std::string, std::string, std::less<>> variables);

    // Returns the value of `name`, or nullopt when it is unset or empty.
    std::optional<std::string> get(std::string_view name) const;

private:
    std::map<std::string, std::string, std::less<>> m_variables;
};

struct Paths {
    // A SQLite file, or a PostgreSQL URI (is_database_uri).
    std::filesystem::path database;
    std::filesystem::path config_dir;
};

// Resolves the database (`db_flag`, else $TKT_DB, else $XDG_DATA_HOME/tkt/tkt.db, else
// ~/.local/share/tkt/tkt.db) and the config directory (`config_flag`, else $TKT_CONFIG,
// else $XDG_CONFIG_HOME/tkt, else ~/.config/tkt) from `env`.
Paths resolve_paths(const std::optional<std::string>& db_flag, const std::optional<std::string>& config_flag,
                    const Environment& env);

// Returns true when `database` names a PostgreSQL database (a postgresql:// or
// postgres:// URI) rather than a SQLite file.
bool is_database_uri(std::string_view database);

// Returns the bytes of the file at `path`; nullopt when it cannot be opened.
std::optional<std::string> read_file(const std::filesystem::path& path);

// Whether writing a file may replace one that is there.
enum class Replace { yes, no };

// Writes `bytes` to `path` whole or not at all: into a temporary file beside it, flushed
// to disk, then renamed over it (readers never see half a file); with `replace` no, it
// is linked into place instead, which fails when `path` exists, however late that file
// came. The file gets the usual mode for new files (0666 less the umask). Throws exit
// 73 naming the path.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, Replace replace = Replace::yes);

// Returns the folder of the templates shipped with tkt: `templates` next to the binary
// (a build tree), else where `cmake --install` puts them relative to the binary
// (share/tkt/templates); nullopt when neither exists.
std::optional<std::filesystem::path> shipped_templates_dir();

}  // namespace tkt
