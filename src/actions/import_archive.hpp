// Loading archives: mbox files and maildirs, with the semantics of `new --email` in
// batched transactions (DESIGN.md 6).
#pragma once

#include "actions/ingest_mail.hpp"
#include "mail/archive.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tkt {

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
