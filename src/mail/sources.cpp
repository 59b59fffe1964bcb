// Where archived mail comes from: mbox files and maildirs, read a message at a time so
// that memory does not grow with the archive.
#include "tkt/error.hpp"
#include "tkt/import.hpp"
#include "tkt/mail.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace tkt {
namespace {

constexpr std::size_t k_block = 1 << 20;

// The longest line handed out whole: a longer one makes its message too large anyway,
// and comes in pieces rather than growing the buffer without end.
constexpr std::size_t k_max_line = k_max_message_bytes + 1;

std::string system_error_text() {
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
    explicit BlockReader(const std::string& path)
        : m_path(path), m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
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
            skip_to(at); // Past a counted body too large to keep.
        }
        std::size_t scanned = 0;
        while (true) {
            const std::string_view rest = available(at);
            const void* newline = rest.size() > scanned ? std::memchr(rest.data() + scanned, '\n',
                                                                      rest.size() - scanned)
                                                        : nullptr;
            if (newline != nullptr) {
                return rest.substr(
                    0,
                    static_cast<std::size_t>(static_cast<const char*>(newline) - rest.data()) + 1);
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
            throw Error(Exit::io,
                        fmt::format("cannot read mbox '{}': {}", m_path, system_error_text()));
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
            const auto drop = static_cast<std::size_t>(
                std::min<std::uintmax_t>(m_released - m_base, m_data.size()));
            m_data.erase(0, drop);
            m_base += drop;
        }
        while (!m_eof && m_base + m_data.size() < at + count) {
            const std::size_t old = m_data.size();
            m_data.resize(old +
                          std::max(k_block, static_cast<std::size_t>(at + count - m_base - old)));
            const auto got = ::read(m_fd.get(), m_data.data() + old, m_data.size() - old);
            if (got < 0 && errno == EINTR) {
                m_data.resize(old);
                continue;
            }
            if (got < 0) {
                throw Error(Exit::io,
                            fmt::format("cannot read mbox '{}': {}", m_path, system_error_text()));
            }
            m_data.resize(old + static_cast<std::size_t>(got));
            m_eof = got == 0;
        }
    }

    // Moves the buffer of a regular file to `at`.
    void skip_to(std::uintmax_t at) {
        if (::lseek(m_fd.get(), static_cast<off_t>(at), SEEK_SET) < 0) {
            throw Error(Exit::io,
                        fmt::format("cannot read mbox '{}': {}", m_path, system_error_text()));
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
    std::uintmax_t m_base = 0; // the offset of m_data's first byte
    std::uintmax_t m_released = 0;
    bool m_eof = false;
};

bool is_blank(std::string_view line) {
    return line == "\n" || line == "\r\n";
}

// Whether `text` starts with `prefix`, which is in lower case, in any case.
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char lower, char c) {
               return std::tolower(static_cast<unsigned char>(c)) == lower;
           });
}

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> names) {
    return std::any_of(names.begin(), names.end(), [&](std::string_view name) {
        return word.size() == name.size() && starts_with_ignoring_case(word, name);
    });
}

bool is_digits(std::string_view text, std::size_t min, std::size_t max) {
    return text.size() >= min && text.size() <= max &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "9:05", "09:05" or "09:05:33".
bool is_clock_time(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || !is_digits(text.substr(0, colon), 1, 2)) {
        return false;
    }
    const auto rest = text.substr(colon + 1);
    return is_digits(rest, 2, 2) ||
           (rest.size() == 5 && rest[2] == ':' && is_digits(rest.substr(0, 2), 2, 2) &&
            is_digits(rest.substr(3), 2, 2));
}

// Whether `line` is the whole "From sender date" line mbox writers put before each
// message: a sender, then an asctime date ("Sun Nov 22 10:00:00 2026"), perhaps with
// a zone before or after the year, perhaps UUCP's "remote from host" after it.
bool is_full_from_line(std::string_view line) {
    std::vector<std::string_view> words;
    for (std::size_t at = 5; at < line.size() && words.size() < 16;) {
        const auto start = line.find_first_not_of(" \t\r\n", at);
        if (start == std::string_view::npos) {
            break;
        }
        const auto end = std::min(line.find_first_of(" \t\r\n", start), line.size());
        words.push_back(line.substr(start, end - start));
        at = end;
    }
    // words[0] up to the weekday is the sender; the year follows the time.
    for (std::size_t i = 1; i + 4 < words.size(); ++i) {
        if (!is_one_of(words[i], {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}) ||
            !is_one_of(words[i + 1], {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                      "oct", "nov", "dec"}) ||
            !is_digits(words[i + 2], 1, 2) || !is_clock_time(words[i + 3])) {
            continue;
        }
        for (std::size_t j = i + 4; j < std::min(words.size(), i + 7); ++j) {
            if (is_digits(words[j], 4, 4)) {
                return true;
            }
        }
    }
    return false;
}

// Whether `line` begins a header field ("Name:", or RFC 822's obsolete "Name :"), or
// is a UUCP ">From " line.
bool is_header_start(std::string_view line) {
    if (line.starts_with(">From ")) {
        return true;
    }
    const auto name_end = std::find_if(line.begin(), line.end(), [](char c) {
        return c <= ' ' || c >= 127 || c == ':';
    });
    const auto colon = std::find_if(name_end, line.end(), [](char c) { return c != ' ' && c != '\t'; });
    return name_end != line.begin() && colon != line.end() && *colon == ':';
}

// Returns the number a "Content-Length:" header line gives, if it is one.
std::optional<std::uintmax_t> content_length(std::string_view line) {
    constexpr std::string_view k_name = "content-length:";
    if (!starts_with_ignoring_case(line, k_name)) {
        return std::nullopt;
    }
    line.remove_prefix(k_name.size());
    const auto start = line.find_first_not_of(" \t");
    const auto end = line.find_last_not_of(" \t\r\n");
    if (start == std::string_view::npos || end < start ||
        !is_digits(line.substr(start, end - start + 1), 1, 15)) {
        return std::nullopt;
    }
    return std::stoull(std::string(line.substr(start, end - start + 1)));
}

// A body in which a line starts with "From " was written by a writer that does not
// quote (mboxcl2): its ">From " lines are the sender's own.
bool has_unquoted_from(std::string_view body) {
    return body.starts_with("From ") || body.find("\nFrom ") != std::string_view::npos;
}

// Reads an mbox file: mboxo, mboxrd, mboxcl and mboxcl2, LF or CRLF. A message begins
// at a "From " line; where a Content-Length header counts its body, the count decides,
// when it ends just before a "From " line or the end of the file.
class MboxSource : public MessageSource {
public:
    explicit MboxSource(const std::filesystem::path& path)
        : m_path(path.string()), m_reader(m_path) {}

    std::optional<RawMessage> next() override {
        skip_blank_lines();
        const std::string_view first = m_reader.line(m_offset);
        if (first.empty()) {
            return std::nullopt;
        }
        RawMessage message;
        message.origin = fmt::format("{}:{}", m_path, m_offset);
        // Every message but a file's first starts at a separator; a file that does not
        // start with one is a message as it is.
        if (first.starts_with("From ")) {
            m_offset += first.size();
        }
        m_last_blank = 0;
        if (const auto length = read_lines(message, Part::headers)) {
            read_counted_body(message, *length);
        } else {
            read_lines(message, Part::body);
        }
        m_reader.release(m_offset);
        return message;
    }

    SourceProgress progress() const override { return {m_offset, m_reader.size()}; }

private:
    enum class Part { headers, body };

    void skip_blank_lines() {
        for (auto line = m_reader.line(m_offset); is_blank(line); line = m_reader.line(m_offset)) {
            m_offset += line.size();
        }
    }

    // Whether `line`, the "From " line at m_offset, begins a message: the full form
    // with or without a blank line before it (some writers omit it), a shorter one
    // ("From -") only after a blank line, and either way with a header line after it,
    // so that a body's own unquoted "From ..." line does not cut a message in two. An
    // empty message (the full form after a blank line, then a blank line or the end)
    // is one too, to be reported rather than taken into the message before it.
    // Moves the buffer: `line` is not valid afterwards.
    bool is_separator(std::string_view line) {
        if (!line.starts_with("From ")) {
            return false;
        }
        const bool full = is_full_from_line(line);
        const bool after_blank = m_last_blank > 0;
        const bool has_sender =
            line.size() > 5 && std::isspace(static_cast<unsigned char>(line[5])) == 0;
        if (!full && !(after_blank && has_sender)) {
            return false;
        }
        const std::string_view next = m_reader.line(m_offset + line.size());
        return is_header_start(next) || (full && after_blank && (next.empty() || is_blank(next)));
    }

    // Reads the headers (up to the blank line after them) or the body (up to the next
    // separator). Returns the Content-Length of headers that end in a blank line.
    std::optional<std::uintmax_t> read_lines(RawMessage& message, Part part) {
        std::optional<std::uintmax_t> length;
        while (true) {
            std::string_view line = m_reader.line(m_offset);
            if (line.empty() || (line.front() == 'F' && is_separator(line))) {
                drop_separator_line(message);
                return std::nullopt;
            }
            if (line.starts_with("From ")) {
                line = m_reader.line(m_offset); // is_separator may have moved the buffer.
            }
            // Keep the line just read: a counted body is checked from its last byte.
            m_reader.release(m_offset);
            m_offset += line.size();
            m_last_blank = is_blank(line) ? line.size() : 0;
            if (part == Part::headers && !length && (line.front() == 'C' || line.front() == 'c')) {
                length = content_length(line);
            }
            append_unquoted(message, line);
            if (part == Part::headers && m_last_blank > 0) {
                return length;
            }
        }
    }

    // Takes a body of `length` bytes when that ends at a separator or the end of the
    // file; else reports the message as failed, since where it ends is then a guess.
    void read_counted_body(RawMessage& message, std::uintmax_t length) {
        constexpr std::size_t k_window = 7; // "\r\nFrom "
        const std::uintmax_t end = m_offset + length;
        // From the body's last byte (the blank line's, for an empty body): a body that
        // runs past the end of the file gets nothing back.
        auto seen = m_reader.peek(end - 1, k_window + 1);
        if (!seen) {
            fail_counted(message, length, "cannot be checked in a pipe");
            return;
        }
        if (seen->empty()) {
            fail_counted(message, length, "runs past the end of the file");
            return;
        }
        const std::string_view after = std::string_view(*seen).substr(1);
        const bool at_end_of_file =
            after.size() < k_window && after.find_first_not_of("\r\n") == std::string::npos;
        const std::size_t newline = after.starts_with("\r\n") ? 2 : after.starts_with('\n') ? 1 : 0;
        if (!at_end_of_file && !after.substr(newline).starts_with("From ")) {
            fail_counted(message, length, "does not end where a 'From ' line begins");
            return;
        }
        if (length > k_max_message_bytes) {
            set_too_large(message);
        } else if (!message.error) {
            const std::string_view body =
                m_reader.bytes(m_offset, static_cast<std::size_t>(length));
            if (has_unquoted_from(body)) {
                message.bytes += body;
            } else {
                append_lines_unquoted(message, body);
            }
            check_size(message);
        }
        m_offset = end + (at_end_of_file ? after.size() : newline);
        m_last_blank = 0;
    }

    void fail_counted(RawMessage& message, std::uintmax_t length, std::string_view why) {
        if (!message.error) {
            message.error = fmt::format("its Content-Length ({} bytes) {}", length, why);
            message.bytes.clear();
        }
        read_lines(message, Part::body);
    }

    // The blank line before a separator (or the end of the file) parts messages; it is
    // not this one's, so a message reads the same here as delivered alone.
    void drop_separator_line(RawMessage& message) const {
        if (!message.error && m_last_blank > 0 && message.bytes.size() >= m_last_blank) {
            message.bytes.resize(message.bytes.size() - m_last_blank);
        }
    }

    // Appends `line`, taking one ">" off ">From ", ">>From " and so on: mboxrd's rule,
    // which reads mboxo's ">From " right too.
    void append_unquoted(RawMessage& message, std::string_view line) {
        if (message.error) {
            return;
        }
        if (line.front() == '>') {
            const auto first = line.find_first_not_of('>');
            if (first != std::string_view::npos && line.substr(first).starts_with("From ")) {
                line.remove_prefix(1);
            }
        }
        message.bytes += line;
        check_size(message);
    }

    void append_lines_unquoted(RawMessage& message, std::string_view text) {
        for (std::size_t at = 0; at < text.size();) {
            const auto end = std::min(text.find('\n', at), text.size() - 1);
            append_unquoted(message, text.substr(at, end - at + 1));
            at = end + 1;
        }
    }

    static void check_size(RawMessage& message) {
        if (message.bytes.size() > k_max_message_bytes) {
            set_too_large(message);
        }
    }

    static void set_too_large(RawMessage& message) {
        message.error = fmt::format("larger than {} MiB", k_max_message_bytes >> 20);
        message.bytes.clear();
        message.bytes.shrink_to_fit();
    }

    std::string m_path;
    BlockReader m_reader;
    std::uintmax_t m_offset = 0;
    std::size_t m_last_blank = 0; // the size of the last line read when it was blank
};

class MaildirSource : public MessageSource {
public:
    explicit MaildirSource(const std::filesystem::path& path) {
        std::error_code error;
        if (!std::filesystem::is_directory(path, error)) {
            throw Error(Exit::no_input, fmt::format("'{}' is not a maildir folder", path.string()));
        }
        const bool maildir = std::filesystem::is_directory(path / "cur", error) ||
                             std::filesystem::is_directory(path / "new", error);
        for (const auto& folder : maildir ? std::vector{path / "cur", path / "new"} : std::vector{path}) {
            if (!std::filesystem::is_directory(folder, error)) {
                continue;
            }
            for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
                if (entry.is_regular_file(error) && !entry.path().filename().string().starts_with('.')) {
                    m_files.push_back(entry.path());
                }
            }
        }
        std::sort(m_files.begin(), m_files.end());
    }

    std::optional<RawMessage> next() override {
        if (m_next == m_files.size()) {
            return std::nullopt;
        }
        const auto& path = m_files[m_next++];
        RawMessage message;
        message.origin = path.string();
        std::error_code error;
        const auto size = std::filesystem::file_size(path, error);
        std::ifstream in(path, std::ios::binary);
        if (error || !in) {
            message.error = "cannot be read";
        } else if (size > k_max_message_bytes) {
            message.error = fmt::format("larger than {} MiB", k_max_message_bytes >> 20);
        } else {
            message.bytes.assign(std::istreambuf_iterator<char>(in), {});
        }
        return message;
    }

    SourceProgress progress() const override { return {m_next, m_files.size()}; }

private:
    std::vector<std::filesystem::path> m_files;
    std::size_t m_next = 0;
};

}  // namespace

std::unique_ptr<MessageSource> open_mbox(const std::filesystem::path& path) {
    return std::make_unique<MboxSource>(path);
}

std::unique_ptr<MessageSource> open_maildir(const std::filesystem::path& path) {
    return std::make_unique<MaildirSource>(path);
}

}  // namespace tkt
