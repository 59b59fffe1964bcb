// Where archived mail comes from: mbox files and maildirs, read a message at a time so
// that memory does not grow with the archive.
#include "tkt/error.hpp"
#include "tkt/import.hpp"
#include "tkt/mail.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>

namespace tkt {
namespace {

class MboxSource : public MessageSource {
public:
    explicit MboxSource(const std::filesystem::path& path) : m_path(path.string()), m_in(path, std::ios::binary) {
        std::error_code error;
        if (!m_in || std::filesystem::is_directory(path, error)) {
            throw Error(Exit::no_input, fmt::format("cannot read mbox '{}'", m_path));
        }
        m_total = std::filesystem::file_size(path, error);
    }

    std::optional<RawMessage> next() override {
        RawMessage message;
        bool started = false;
        std::string line;
        while (true) {
            const auto line_start = m_offset;
            if (!std::getline(m_in, line)) {
                break;
            }
            m_offset += line.size() + 1;
            // A "From " line after a blank line (or at the start) begins a message.
            if (line.starts_with("From ") && m_after_blank) {
                if (started) {
                    m_in.seekg(static_cast<std::streamoff>(line_start));
                    m_offset = line_start;
                    break;
                }
                started = true;
                message.origin = fmt::format("{}:{}", m_path, line_start);
                m_after_blank = false;
                continue;
            }
            if (!started) {
                started = true;  // Not an mbox From line: take the file as it is.
                message.origin = fmt::format("{}:{}", m_path, line_start);
            }
            m_after_blank = line.empty() || line == "\r";
            if (message.error) {
                continue;
            }
            message.bytes += line;
            message.bytes += '\n';
            if (message.bytes.size() > k_max_message_bytes) {
                message.error = fmt::format("larger than {} MiB", k_max_message_bytes >> 20);
                message.bytes.clear();
                message.bytes.shrink_to_fit();
            }
        }
        m_after_blank = true;
        if (!started) {
            return std::nullopt;
        }
        // The blank line before the next "From " separates messages; it is not part of
        // this one (else a message without a Message-ID would hash differently here
        // than when delivered alone).
        for (const std::string_view separator : {"\n\n", "\r\n\r\n"}) {
            if (std::string_view(message.bytes).ends_with(separator)) {
                message.bytes.resize(message.bytes.size() - separator.size() / 2);
                break;
            }
        }
        return message;
    }

    SourceProgress progress() const override { return {m_offset, m_total}; }

private:
    std::string m_path;
    std::ifstream m_in;
    std::uintmax_t m_offset = 0;
    std::uintmax_t m_total = 0;
    bool m_after_blank = true;
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
