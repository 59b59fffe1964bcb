#include "actions/import_archive.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

namespace tkt {
namespace {

void count(ImportSummary& summary, const IngestResult& result) {
    switch (result.outcome) {
    case IngestOutcome::created: ++summary.created; break;
    case IngestOutcome::threaded: ++summary.threaded; break;
    case IngestOutcome::duplicate: ++summary.duplicates; return;
    case IngestOutcome::loop: ++summary.loops; return;
    }
    if (result.kind != MailKind::human) {
        ++summary.automatic;
    }
}

// Imports up to `batch` messages in one transaction; returns false once the source is
// done. A message's bad data is counted as its failure; any other error (the store is
// locked, full, read-only or corrupt) stops the import, the batch rolled back.
bool import_batch(Store& store, MessageSource& source, const IngestSettings& settings, const Actor& actor,
                  std::size_t batch, ImportSummary& summary, const ImportProgress& progress) {
    bool more = true;
    auto transaction = store.begin_write();
    for (std::size_t done = 0; done < batch; ++done) {
        auto message = source.next();
        if (!message) {
            more = false;
            break;
        }
        if (message->error) {
            summary.failures.push_back({message->origin, *message->error});
        } else if (trim(message->bytes).empty()) {
            summary.failures.push_back({message->origin, "empty"});
        } else {
            const InboundMail mail = parse_mail(message->bytes, MailOptions{settings.trusted});
            auto step = store.begin_step();
            try {
                const auto result = ingest_parsed(store, mail, message->bytes, settings, actor);
                step.commit();
                count(summary, result);
            } catch (const Error& error) {
                if (error.code() != Exit::data) {
                    throw;
                }
                summary.failures.push_back({message->origin, error.what()});
            }
        }
        if (progress) {
            progress(summary, source.progress());
        }
    }
    transaction.commit();
    return more;
}

}  // namespace

std::int64_t ImportSummary::read() const {
    return created + threaded + duplicates + loops + static_cast<std::int64_t>(failures.size());
}

void import_messages(Store& store, MessageSource& source, const IngestSettings& settings, const Actor& actor,
                     std::size_t batch, ImportSummary& summary, const ImportProgress& progress) {
    store.tune_for_bulk();
    // What the committed batches hold: on a failure, the summary tells only that.
    ImportSummary committed = summary;
    bool more = true;
    while (more) {
        try {
            more = import_batch(store, source, settings, actor, batch, summary, progress);
        } catch (const Error&) {
            summary = committed;
            throw;
        }
        committed = summary;
    }
}

}  // namespace tkt
