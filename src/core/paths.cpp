#include "tkt/paths.hpp"

#include "tkt/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>
#include <sstream>

namespace tkt {
namespace {

std::filesystem::path xdg_dir(const Environment& env, std::string_view variable,
                              std::string_view fallback_under_home) {
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

Paths resolve_paths(const std::optional<std::string>& db_flag,
                    const std::optional<std::string>& config_flag, const Environment& env) {
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

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    const auto fail = [&](std::string_view what) {
        return Error(Exit::cant_create,
                     fmt::format("cannot write '{}': {}: {}", path.string(), what, std::strerror(errno)));
    };
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string temporary = (folder / fmt::format(".{}.XXXXXX", path.filename().string())).string();
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
        throw fail("cannot create a temporary file beside it");
    }
    const mode_t mask = ::umask(0);
    ::umask(mask);
    bool written = ::fchmod(fd, 0666 & ~mask) == 0;
    for (std::size_t done = 0; written && done < bytes.size();) {
        const ssize_t count = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        written = count > 0;
        done += written ? static_cast<std::size_t>(count) : 0;
    }
    written = written && ::fsync(fd) == 0;
    const int saved = errno;
    written = ::close(fd) == 0 && written;
    if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) {
        errno = written ? errno : saved;
        const Error error = fail("writing failed");
        ::unlink(temporary.c_str());
        throw error;
    }
}

}  // namespace tkt
