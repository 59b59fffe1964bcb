#include "actions/copy_database.hpp"

#include "actions/search.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "stats/formats.hpp"
#include "stats/metrics.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace tkt {
namespace {

// The metrics of everything `store` holds, as tkt stats --format json gives them:
// every ticket, reply and event up to `now`.
std::string whole_history_stats(Store& store, Timestamp now) {
    StatsOptions options;
    options.period = Period{0, now + 1};
    options.now = now;
    const StatsGroup groups[] = {StatsGroup::none};
    const StatsFacts facts = gather_stats(store, options, groups);
    return stats_json(aggregate_stats(facts, options, StatsGroup::none, calendar_measure())).dump();
}

bool same_database(const std::string& from, const std::string& to) {
    if (is_database_uri(from) || is_database_uri(to)) {
        return from == to;
    }
    std::error_code error;
    return std::filesystem::equivalent(from, to, error) || from == to;
}

std::string differences(const std::vector<TableRows>& from, const std::vector<TableRows>& to) {
    std::vector<std::string> found;
    for (std::size_t i = 0; i < from.size() && i < to.size(); ++i) {
        if (from[i].rows != to[i].rows) {
            found.push_back(fmt::format("{} {} and {}", from[i].table, from[i].rows, to[i].rows));
        }
    }
    return fmt::format("{}", fmt::join(found, ", "));
}

}  // namespace

CopyOutcome copy_database(const std::string& from, const std::string& to, StoreOptions options, Timestamp now,
                          const CopyProgress& progress) {
    if (same_database(from, to)) {
        throw usage_error(fmt::format("'{}' is both the database to copy and the copy", from));
    }
    if (!is_database_uri(from) && !std::filesystem::exists(from)) {
        throw Error(Exit::no_input, fmt::format("no database at '{}' to copy", from));
    }
    Store source = Store::open(from, options);
    const bool new_file = !is_database_uri(to) && !std::filesystem::exists(to);
    Store target = Store::open(to, options);
    const std::vector<TableRows> before = source.row_counts();
    try {
        source.copy_into(target, progress);
    } catch (const Error&) {
        if (new_file) {
            // Nothing was copied: the empty database made for the copy goes too.
            target = Store::open_in_memory();
            std::error_code ignored;
            for (const char* suffix : {"", "-wal", "-shm"}) {
                std::filesystem::remove(to + suffix, ignored);
            }
        }
        throw;
    }

    const std::vector<TableRows> copied = target.row_counts();
    const std::vector<TableRows> after = source.row_counts();
    if (after != before) {
        throw Error(Exit::temp_fail,
                    fmt::format("'{}' changed while it was copied ({}): stop what writes to it (the mail server, "
                                "the agents) and copy again into an empty database",
                                source.name(), differences(before, after)));
    }
    if (copied != before) {
        throw Error(Exit::software, fmt::format("the copy in '{}' differs from '{}' ({}): do not use it", target.name(),
                                                source.name(), differences(before, copied)));
    }
    if (whole_history_stats(source, now) != whole_history_stats(target, now)) {
        throw Error(Exit::software, fmt::format("the metrics of the copy in '{}' differ from those of '{}': do not "
                                                "use it",
                                                target.name(), source.name()));
    }
    // The copy holds no search index (each backend keeps its own): built from its rows.
    finish_search_build(target, [&](std::int64_t done, std::int64_t total) {
        if (progress) {
            progress("search index", done, total);
        }
    });
    return CopyOutcome{source.name(), target.name(), copied};
}

}  // namespace tkt
