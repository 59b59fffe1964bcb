// Where archived mail comes from, part one: mbox files in their variants (mboxo,
// mboxrd, mboxcl, mboxcl2), read a block at a time so that memory does not grow with
// the archive.
#include "core/error.hpp"
#include "mail/archive.hpp"
#include "mail/block_reader.hpp"
#include "mail/inbound.hpp"

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

using mail::BlockReader;

bool is_blank(std::string_view line) {
    return line == "\n" || line == "\r\n";
}

// Whether `text` starts with `prefix`, which is in lower case, in any case.
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(),
                      [](char lower, char c) { return std::tolower(static_cast<unsigned char>(c)) == lower; });
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
    return is_digits(rest, 2, 2) || (rest.size() == 5 && rest[2] == ':' && is_digits(rest.substr(0, 2), 2, 2) &&
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
            !is_one_of(words[i + 1],
                       {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}) ||
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
    const auto name_end =
        std::find_if(line.begin(), line.end(), [](char c) { return c <= ' ' || c >= 127 || c == ':'; });
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
    if (start == std::string_view::npos || end < start || !is_digits(line.substr(start, end - start + 1), 1, 15)) {
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
    explicit MboxSource(const std::filesystem::path& path) : m_path(path.string()), m_reader(m_path) {}

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
        const bool has_sender = line.size() > 5 && std::isspace(static_cast<unsigned char>(line[5])) == 0;
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
                line = m_reader.line(m_offset);  // is_separator may have moved the buffer.
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
        constexpr std::size_t k_window = 7;  // "\r\nFrom "
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
        const bool at_end_of_file = after.size() < k_window && after.find_first_not_of("\r\n") == std::string::npos;
        const std::size_t newline = after.starts_with("\r\n") ? 2 : after.starts_with('\n') ? 1 : 0;
        if (!at_end_of_file && !after.substr(newline).starts_with("From ")) {
            fail_counted(message, length, "does not end where a 'From ' line begins");
            return;
        }
        if (length > k_max_message_bytes) {
            set_too_large(message);
        } else if (!message.error) {
            const std::string_view body = m_reader.bytes(m_offset, static_cast<std::size_t>(length));
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
    std::size_t m_last_blank = 0;  // the size of the last line read when it was blank
};

}  // namespace

std::unique_ptr<MessageSource> open_mbox(const std::filesystem::path& path) {
    return std::make_unique<MboxSource>(path);
}

}  // namespace tkt
