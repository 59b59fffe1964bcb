// Where archived mail comes from, part two: maildirs (cur/ and new/) and plain folders
// of message files, read a file at a time.
#include "core/error.hpp"
#include "mail/archive.hpp"
#include "mail/inbound.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>

namespace tkt {
namespace {

class MaildirSource : public MessageSource {
public:
    explicit MaildirSource(const std::filesystem::path& path) {
        std::error_code error;
        if (!std::filesystem::is_directory(path, error)) {
            throw Error(Exit::no_input, fmt::format("'{}' is not a maildir folder", path.string()));
        }
        const bool maildir =
            std::filesystem::is_directory(path / "cur", error) || std::filesystem::is_directory(path / "new", error);
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

std::unique_ptr<MessageSource> open_maildir(const std::filesystem::path& path) {
    return std::make_unique<MaildirSource>(path);
}

}  // namespace tkt
