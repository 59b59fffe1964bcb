// Internal to src/mail/. Reading an mbox file (or a pipe) in large blocks: the lower half of the mbox reader,
// which looks at whole lines and counted bodies without caring what they mean.
#pragma once

#include "core/error.hpp"
#include "mail/inbound.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace tkt::mail {

constexpr std::size_t k_block = 1 << 20;

// The longest line handed out whole: a longer one makes its message too large anyway,
// and comes in pieces rather than growing the buffer without end.
constexpr std::size_t k_max_line = k_max_message_bytes + 1;

inline std::string system_error_text() {
    return std::strerror(errno);
}

// An open file descriptor, closed when dropped.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    int get() const { return m_fd; }

private:
    int m_fd;
};

// Reads a file or a pipe in large blocks and keeps the unread bytes in one buffer, so
// that a line, or a counted body and what follows it, can be looked at whole. Offsets
// are from the start of the input.
class BlockReader {
public:
    explicit BlockReader(const std::string& path) : m_path(path), m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
        struct stat status {};
        if (m_fd.get() < 0 || ::fstat(m_fd.get(), &status) != 0 || S_ISDIR(status.st_mode)) {
            throw Error(Exit::no_input, fmt::format("cannot read mbox '{}'", path));
        }
        m_regular = S_ISREG(status.st_mode);
        m_size = m_regular ? static_cast<std::uintmax_t>(status.st_size) : 0;
        ::posix_fadvise(m_fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    }

    // Returns the line at `at` with its "\n"; "" at the end of the input.
    std::string_view line(std::uintmax_t at) {
        if (m_regular && at > m_base + m_data.size() + k_max_line) {
            skip_to(at);  // Past a counted body too large to keep.
        }
        std::size_t scanned = 0;
        while (true) {
            const std::string_view rest = available(at);
            const void* newline =
                rest.size() > scanned ? std::memchr(rest.data() + scanned, '\n', rest.size() - scanned) : nullptr;
            if (newline != nullptr) {
                return rest.substr(0, static_cast<std::size_t>(static_cast<const char*>(newline) - rest.data()) + 1);
            }
            if (m_eof || rest.size() >= k_max_line) {
                return rest.substr(0, k_max_line);
            }
            scanned = rest.size();
            fill(at, rest.size() + k_block);
        }
    }

    // Returns up to `count` bytes at `at`, fewer only at the end of the input.
    std::string_view bytes(std::uintmax_t at, std::size_t count) {
        fill(at, count);
        return available(at).substr(0, count);
    }

    // Returns up to `count` bytes at `at`, which may lie far ahead (a regular file is
    // read there directly); nullopt when a pipe would have to be buffered that far.
    std::optional<std::string> peek(std::uintmax_t at, std::size_t count) {
        if (at + count <= m_base + m_data.size() + k_max_line + k_block) {
            return std::string(bytes(at, count));
        }
        if (!m_regular) {
            return std::nullopt;
        }
        std::string out(count, '\0');
        const auto got = ::pread(m_fd.get(), out.data(), count, static_cast<off_t>(at));
        if (got < 0) {
            throw Error(Exit::io, fmt::format("cannot read mbox '{}': {}", m_path, system_error_text()));
        }
        out.resize(static_cast<std::size_t>(got));
        return out;
    }

    // Lets the buffer drop everything before `at`.
    void release(std::uintmax_t at) { m_released = std::max(m_released, at); }

    // Returns the size of a regular file, 0 for a pipe.
    std::uintmax_t size() const { return m_size; }

private:
    // Returns the buffered bytes from `at` on, which must not have been released.
    std::string_view available(std::uintmax_t at) const {
        const auto from = static_cast<std::size_t>(at - m_base);
        return from >= m_data.size() ? std::string_view() : std::string_view(m_data).substr(from);
    }

    // Reads until `count` bytes at `at` are buffered or the input ends.
    void fill(std::uintmax_t at, std::size_t count) {
        // Drop what was released once it is half the buffer: each byte moves at most once.
        if (m_released > m_base && m_released - m_base >= m_data.size() / 2) {
            const auto drop = static_cast<std::size_t>(std::min<std::uintmax_t>(m_released - m_base, m_data.size()));
            m_data.erase(0, drop);
            m_base += drop;
        }
        while (!m_eof && m_base + m_data.size() < at + count) {
            const std::size_t old = m_data.size();
            m_data.resize(old + std::max(k_block, static_cast<std::size_t>(at + count - m_base - old)));
            const auto got = ::read(m_fd.get(), m_data.data() + old, m_data.size() - old);
            if (got < 0 && errno == EINTR) {
                m_data.resize(old);
                continue;
            }
            if (got < 0) {
                throw Error(Exit::io, fmt::format("cannot read mbox '{}': {}", m_path, system_error_text()));
            }
            m_data.resize(old + static_cast<std::size_t>(got));
            m_eof = got == 0;
        }
    }

    // Moves the buffer of a regular file to `at`.
    void skip_to(std::uintmax_t at) {
        if (::lseek(m_fd.get(), static_cast<off_t>(at), SEEK_SET) < 0) {
            throw Error(Exit::io, fmt::format("cannot read mbox '{}': {}", m_path, system_error_text()));
        }
        m_data.clear();
        m_base = at;
        m_released = std::max(m_released, at);
        m_eof = false;
    }

    std::string m_path;
    FileDescriptor m_fd;
    bool m_regular = false;
    std::uintmax_t m_size = 0;
    std::string m_data;
    std::uintmax_t m_base = 0;  // the offset of m_data's first byte
    std::uintmax_t m_released = 0;
    bool m_eof = false;
};

}  // namespace tkt::mail
