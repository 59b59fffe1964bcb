#include "core/paths.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace tkt {
namespace {

std::filesystem::path xdg_dir(const Environment& env, std::string_view variable, std::string_view fallback_under_home) {
    if (auto dir = env.get(variable); dir && std::filesystem::path(*dir).is_absolute()) {
        return *dir;
    }
    const auto home = env.get("HOME");
    if (!home) {
        throw Error(Exit::config, std::string("cannot find a home for tkt's files: set HOME, ") +
                                      std::string(variable) + ", or pass --db and --config");
    }
    return std::filesystem::path(*home) / fallback_under_home;
}

}  // namespace

Environment::Environment(std::map<std::string, std::string, std::less<>> variables)
    : m_variables(std::move(variables)) {}

std::optional<std::string> Environment::get(std::string_view name) const {
    const auto found = m_variables.find(name);
    if (found == m_variables.end() || found->second.empty()) {
        return std::nullopt;
    }
    return found->second;
}

bool is_database_uri(std::string_view database) {
    return database.starts_with("postgresql://") || database.starts_with("postgres://");
}

Paths resolve_paths(const std::optional<std::string>& db_flag, const std::optional<std::string>& config_flag,
                    const Environment& env) {
    Paths paths;
    if (db_flag) {
        paths.database = *db_flag;
    } else if (auto db = env.get("TKT_DB")) {
        paths.database = *db;
    } else {
        paths.database = xdg_dir(env, "XDG_DATA_HOME", ".local/share") / "tkt" / "tkt.db";
    }
    if (config_flag) {
        paths.config_dir = *config_flag;
    } else if (auto dir = env.get("TKT_CONFIG")) {
        paths.config_dir = *dir;
    } else {
        paths.config_dir = xdg_dir(env, "XDG_CONFIG_HOME", ".config") / "tkt";
    }
    return paths;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

std::optional<std::filesystem::path> shipped_templates_dir() {
    std::error_code error;
    const auto binary_dir = std::filesystem::read_symlink("/proc/self/exe", error).parent_path();
    for (const auto& candidate : {binary_dir / "templates", binary_dir / TKT_TEMPLATES_FROM_BINDIR}) {
        if (std::filesystem::is_directory(candidate, error)) {
            return candidate.lexically_normal();
        }
    }
    return std::nullopt;
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, Replace replace) {
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string temporary = (folder / fmt::format(".{}.XXXXXX", path.filename().string())).string();
    const int fd = ::mkstemp(temporary.data());
    int error = fd < 0 ? errno : 0;  // the first failure's errno
    const auto check = [&](bool ok) {
        if (!ok && error == 0) {
            error = errno != 0 ? errno : EIO;
        }
        return ok;
    };
    if (fd >= 0) {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        check(::fchmod(fd, 0666 & ~mask) == 0);
        for (std::size_t done = 0; error == 0 && done < bytes.size();) {
            errno = 0;
            const ssize_t count = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (!(count < 0 && errno == EINTR) && check(count > 0)) {
                done += static_cast<std::size_t>(count);
            }
        }
        check(error == 0 && ::fsync(fd) == 0);
        check(::close(fd) == 0);
        if (replace == Replace::yes) {
            check(error == 0 && ::rename(temporary.c_str(), path.c_str()) == 0);
        } else if (check(error == 0 && ::link(temporary.c_str(), path.c_str()) == 0)) {
            ::unlink(temporary.c_str());
        }
    }
    if (error != 0) {
        if (fd >= 0) {
            ::unlink(temporary.c_str());
        }
        throw Error(Exit::cant_create, fmt::format("cannot write '{}': {}", path.string(), std::strerror(error)));
    }
}

}  // namespace tkt
