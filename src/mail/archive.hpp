// Mail archives: mbox files (archive_mbox.cpp) and maildirs (archive_maildir.cpp) read
// as a sequence of raw messages, for `tkt import` (DESIGN.md 6).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace tkt {

struct RawMessage {
    std::string bytes;
    std::string origin;                // "file" or "file:offset", for messages about it
    std::optional<std::string> error;  // set when the message could not be read whole
};

// How far a source has come, in its own unit (bytes of an mbox, files of a maildir).
struct SourceProgress {
    std::uintmax_t done = 0;
    std::uintmax_t total = 0;
};

// A sequence of raw messages.
class MessageSource {
public:
    virtual ~MessageSource() = default;
    // Returns the next message, or nullopt after the last.
    virtual std::optional<RawMessage> next() = 0;
    // Returns how far the source has been read.
    virtual SourceProgress progress() const = 0;
};

// Opens the mbox file `path`: mboxo, mboxrd, mboxcl or mboxcl2, LF or CRLF. Messages
// begin at "From " lines, which with the blank line before them and the ">" of
// ">From " are not part of them; a Content-Length that does not end at the next
// "From " line or the end of the file makes its message a failure. Throws exit 66
// when `path` cannot be opened, exit 74 when it cannot be read.
std::unique_ptr<MessageSource> open_mbox(const std::filesystem::path& path);

// Opens the maildir `path`: the files of its cur/ and new/, or of `path` itself when
// it has neither, in name order; throws exit 66 when it is not a folder.
std::unique_ptr<MessageSource> open_maildir(const std::filesystem::path& path);

}  // namespace tkt
