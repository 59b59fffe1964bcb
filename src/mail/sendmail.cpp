// Handing a message to sendmail: posix_spawnp with the configured argv (never a
// shell), the message on a pipe, stderr kept for the error line, and a deadline.
#include "mail/sendmail.hpp"

#include "core/text.hpp"
#include "mail/outgoing.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace tkt {
namespace {

// A file descriptor closed when it goes out of scope.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : m_fd(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    int get() const { return m_fd; }
    void reset(int fd = -1) {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = fd;
    }

private:
    int m_fd = -1;
};

// A pipe whose ends close themselves; O_CLOEXEC so that no other child inherits them.
struct Pipe {
    Fd read;
    Fd write;
};

bool open_pipe(Pipe& pipe) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        return false;
    }
    pipe.read.reset(fds[0]);
    pipe.write.reset(fds[1]);
    return true;
}

// SIGPIPE blocked in this thread while it lives: a sendmail that exits without reading
// its input must give tkt an EPIPE to report, not kill it. Blocking is the thread's
// own, where ignoring would set the whole process's disposition, which threads
// handing messages over in parallel would undo for each other; the SIGPIPE a write
// raised is taken off before the mask is restored.
class BlockSigpipe {
public:
    BlockSigpipe() {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        ::pthread_sigmask(SIG_BLOCK, &m_pipe, &m_previous);
    }
    BlockSigpipe(const BlockSigpipe&) = delete;
    BlockSigpipe& operator=(const BlockSigpipe&) = delete;
    ~BlockSigpipe() {
        const timespec now{};
        while (::sigtimedwait(&m_pipe, nullptr, &now) == SIGPIPE) {
        }
        ::pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }

private:
    sigset_t m_pipe{};
    sigset_t m_previous{};
};

// Returns the first non-empty line of a program's error output, shortened.
std::string first_line(std::string_view text) {
    for (const auto& line : split(text, '\n')) {
        const std::string trimmed(trim(line));
        if (!trimmed.empty()) {
            return trimmed.size() > 200 ? trimmed.substr(0, 200) + "..." : trimmed;
        }
    }
    return "";
}

// Reads once from `errors` into `text` (kept to 64 KiB, the rest read and dropped so
// that the program never blocks on a full pipe); closes `errors` at its end.
void read_errors(Fd& errors, std::string& text) {
    char buffer[4096];
    const ssize_t n = ::read(errors.get(), buffer, sizeof buffer);
    if (n > 0) {
        constexpr std::size_t k_kept = 64 << 10;
        text.append(buffer, std::min(static_cast<std::size_t>(n), k_kept - std::min(text.size(), k_kept)));
    } else if (n == 0 || errno != EINTR) {
        errors.reset();
    }
}

// Appends what `errors` holds now to `text`, without waiting for more.
void drain(Fd& errors, std::string& text) {
    pollfd ready{errors.get(), POLLIN, 0};
    while (errors.get() >= 0 && ::poll(&ready, 1, 0) > 0) {
        read_errors(errors, text);
        ready.fd = errors.get();
    }
}

// Returns a descriptor that polls readable when process `pid` exits (Linux 5.3's
// pidfd), or an empty one where the kernel has none.
Fd exit_of(pid_t pid) {
#ifdef SYS_pidfd_open
    return Fd(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)));
#else
    (void)pid;
    return Fd();
#endif
}

// Feeds `message` to child `pid`'s stdin and collects its stderr until it exits (its
// status in `status`) or `deadline` passes; returns false on timeout. Its stderr may
// stay open in a daemon it left behind, so the exit, not EOF, ends the wait: polled on
// a pidfd, else looked at every millisecond once there is nothing else to wait on (a
// program's stderr closes a moment before it can be reaped, and one wait of 50 ms
// there was most of what a message cost).
bool exchange(pid_t pid, Fd& input, Fd& errors, std::string_view message, std::string& error_text,
              std::chrono::steady_clock::time_point deadline, int& status) {
    std::size_t written = 0;
    if (message.empty()) {
        input.reset();
    }
    const Fd exited = exit_of(pid);
    for (;;) {
        if (input.get() < 0 && ::waitpid(pid, &status, WNOHANG) == pid) {
            drain(errors, error_text);
            return true;
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return false;
        }
        const bool blind = exited.get() < 0 && input.get() < 0 && errors.get() < 0;
        pollfd fds[3] = {{input.get(), POLLOUT, 0}, {errors.get(), POLLIN, 0}, {exited.get(), POLLIN, 0}};
        const int ready = ::poll(fds, 3, static_cast<int>(std::min<std::int64_t>(left.count(), blind ? 1 : 50)));
        if (ready < 0 && errno != EINTR) {
            return false;
        }
        if (input.get() >= 0 && fds[0].revents != 0) {
            const ssize_t n = ::write(input.get(), message.data() + written, message.size() - written);
            if (n > 0) {
                written += static_cast<std::size_t>(n);
            }
            if ((n < 0 && errno != EINTR && errno != EAGAIN) || written == message.size()) {
                input.reset();  // done, or the program stopped reading: its exit status says which
            }
        }
        if (errors.get() >= 0 && fds[1].revents != 0) {
            read_errors(errors, error_text);
        }
    }
}

}  // namespace

SendResult run_sendmail(const std::vector<std::string>& argv, std::string_view message, std::chrono::seconds timeout) {
    if (argv.empty() || argv.front().empty()) {
        return {false, "no sendmail program configured (mail.sendmail in config.toml)"};
    }
    const std::string& program = argv.front();
    Pipe input;
    Pipe errors;
    if (!open_pipe(input) || !open_pipe(errors)) {
        return {false, fmt::format("cannot run {}: {}", program, std::strerror(errno))};
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input.read.get(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errors.write.get(), STDERR_FILENO);
    // Its stdout would mix into tkt's own output (a --json report, say): send it to stderr.
    posix_spawn_file_actions_adddup2(&actions, errors.write.get(), STDOUT_FILENO);
    std::vector<char*> args;
    for (const auto& arg : argv) {
        args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, program.c_str(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        return {false, fmt::format("cannot run {}: {}", program, std::strerror(spawned))};
    }
    input.read.reset();
    errors.write.reset();

    std::string error_text;
    bool finished = false;
    int status = 0;
    {
        const BlockSigpipe block;
        finished = exchange(pid, input.write, errors.read, message, error_text,
                            std::chrono::steady_clock::now() + timeout, status);
    }
    if (!finished) {
        ::kill(pid, SIGKILL);
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        return {false, fmt::format("{} did not finish within {} s and was stopped", program, timeout.count())};
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        return {true, ""};
    }
    const std::string said = first_line(error_text);
    const std::string how = WIFEXITED(status) ? fmt::format("exited with {}", WEXITSTATUS(status))
                                              : fmt::format("was killed by signal {}", WTERMSIG(status));
    return {false, fmt::format("{} {}{}{}", program, how, said.empty() ? "" : ": ", said)};
}

}  // namespace tkt
