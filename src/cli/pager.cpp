#include "cli/pager.hpp"

#include "cli/signals.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <optional>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace tkt::cli {
namespace {

// What sh exits with when it cannot find or run the command it was given.
constexpr int k_shell_cannot_execute = 126;
constexpr int k_shell_not_found = 127;

// Returns the rows `text` takes on a terminal `width` columns wide: each line at least
// one, long ones wrapped; colour codes take no room.
std::size_t screen_rows(std::string_view text, std::size_t width) {
    const std::size_t columns = std::max<std::size_t>(width, 1);
    std::size_t rows = 0;
    for (std::string line : split(text, '\n')) {
        for (auto escape = line.find('\x1b'); escape != std::string::npos; escape = line.find('\x1b', escape)) {
            line.erase(escape, line.find('m', escape) - escape + 1);
        }
        rows += std::max<std::size_t>(1, (display_width(line) + columns - 1) / columns);
    }
    return text.ends_with('\n') ? rows - 1 : rows;  // no row after the last line break
}

// Returns the pager to run: $TKT_PAGER, else $PAGER, else less; none when the one set
// is empty or cat. Read with getenv, since an empty variable means "no pager" here,
// as GIT_PAGER's does, where Environment takes an empty one for an unset one.
std::optional<std::string> pager_command() {
    const char* chosen = std::getenv("TKT_PAGER");
    if (chosen == nullptr) {
        chosen = std::getenv("PAGER");
    }
    const std::string command(trim(chosen != nullptr ? chosen : "less"));
    if (command.empty() || command == "cat") {
        return std::nullopt;
    }
    return command;
}

// Returns the pager's environment: tkt's, with LESS=FRX when LESS is unset (as git
// does), so that less prints short text and quits, passes colours and leaves the
// screen as it was.
std::vector<std::string> pager_environment() {
    std::vector<std::string> variables;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        variables.emplace_back(*entry);
    }
    if (std::getenv("LESS") == nullptr) {
        variables.emplace_back("LESS=FRX");
    }
    return variables;
}

// The two ends of a pipe, closed when done with and at the end of the scope;
// O_CLOEXEC, so that the pager gets only the reading end, as its standard input.
class Pipe {
public:
    Pipe() {
        if (::pipe2(m_ends, O_CLOEXEC) != 0) {
            m_ends[0] = m_ends[1] = -1;
        }
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    ~Pipe() {
        close_read();
        close_write();
    }
    bool is_open() const { return m_ends[0] >= 0; }
    int read_end() const { return m_ends[0]; }
    int write_end() const { return m_ends[1]; }
    void close_read() { close(m_ends[0]); }
    void close_write() { close(m_ends[1]); }

private:
    static void close(int& fd) {
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
    }
    int m_ends[2] = {-1, -1};
};

// The signals tkt ignores while a pager runs: SIGPIPE (a user who quits the pager early
// gets no error and no other exit status), SIGINT and SIGQUIT (they are the pager's to
// act on: tkt must not die and leave it fighting the shell for the terminal). The
// pager gets them back with their default actions.
constexpr std::array<int, 3> k_pager_signals{SIGPIPE, SIGINT, SIGQUIT};

// Starts `command` through the shell (pagers are often set with options: "less -S"),
// reading `input` as its standard input; returns its pid, none when it cannot start.
std::optional<pid_t> start_pager(const std::string& command, int input) {
    std::vector<std::string> variables = pager_environment();
    std::vector<char*> environment;
    for (auto& variable : variables) {
        environment.push_back(variable.data());
    }
    environment.push_back(nullptr);
    std::vector<char*> args{const_cast<char*>("/bin/sh"), const_cast<char*>("-c"), const_cast<char*>(command.c_str()),
                            nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO);
    ::posix_spawnattr_init(&attributes);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (const int signal : k_pager_signals) {
        sigaddset(&defaults, signal);
    }
    ::posix_spawnattr_setsigdefault(&attributes, &defaults);
    ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    const int error = ::posix_spawn(&pid, "/bin/sh", &actions, &attributes, args.data(), environment.data());
    ::posix_spawnattr_destroy(&attributes);
    ::posix_spawn_file_actions_destroy(&actions);
    return error == 0 ? std::optional(pid) : std::nullopt;
}

// Writes all of `text` to `fd`; stops without a word when the reader has gone.
void write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t written = ::write(fd, text.data(), text.size());
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            return;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

// Pages `text` through `command`; returns false when the pager could not be started
// (no pipe, no shell, or a shell that found no such command), so that nothing is lost.
bool page(std::string_view text, const std::string& command, std::ostream& out) {
    out.flush();
    Pipe pipe;
    if (!pipe.is_open()) {
        return false;
    }
    const ScopedSignals ignored(k_pager_signals, SIG_IGN);
    const auto pid = start_pager(command, pipe.read_end());
    pipe.close_read();
    if (!pid) {
        return false;
    }
    write_all(pipe.write_end(), text);
    pipe.close_write();
    int status = 0;
    while (::waitpid(*pid, &status, 0) < 0 && errno == EINTR) {
    }
    const bool not_run = WIFEXITED(status) &&
                         (WEXITSTATUS(status) == k_shell_cannot_execute || WEXITSTATUS(status) == k_shell_not_found);
    return !not_run;
}

}  // namespace

void print_paged(std::string_view text, std::ostream& out, const Terminal& terminal, Paging paging) {
    const bool too_tall =
        paging == Paging::automatic && terminal.is_tty && screen_rows(text, terminal.width) >= terminal.height;
    const auto command = too_tall ? pager_command() : std::nullopt;
    if (!command || !page(text, *command, out)) {
        out << text;
    }
}

}  // namespace tkt::cli
