// Loading archives: mbox files and maildirs, with the semantics of `new --email` in
// batched transactions (DESIGN.md 6).
#pragma once

#include "tkt/ingest.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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

// Messages committed to one transaction by an import: large enough that the commits
// cost little, small enough that an interrupted import loses little (bench/import.sh).
constexpr std::size_t k_import_batch = 500;

struct ImportFailure {
    std::string origin;
    std::string reason;
};

struct ImportSummary {
    std::int64_t created = 0;
    std::int64_t threaded = 0;
    std::int64_t duplicates = 0;
    std::int64_t automatic = 0;  // every kind but human (auto, list, bounce) among created and threaded
    std::int64_t loops = 0;
    std::vector<ImportFailure> failures;

    // Returns how many messages were read.
    std::int64_t read() const;
};

using ImportProgress = std::function<void(const ImportSummary&, const SourceProgress&)>;

// Ingests every message of `source`, `batch` messages to a write transaction, each in
// a savepoint so that a message that fails leaves nothing behind and the rest go on.
// A temporary failure (locked, disk full) stops the import with exit 75: committed
// batches stay, and running it again skips them as duplicates. Calls `progress` after
// each message.
void import_messages(Store& store, MessageSource& source, const IngestSettings& settings, const Actor& actor,
                     std::size_t batch, ImportSummary& summary, const ImportProgress& progress);

}  // namespace tkt
