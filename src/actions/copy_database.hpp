// Moving a desk: `tkt db copy FROM TO` copies a whole database into an empty one,
// SQLite or PostgreSQL either way, and verifies the copy.
#pragma once

#include "store/store.hpp"

#include <string>
#include <vector>

namespace tkt {

struct CopyOutcome {
    std::string from;  // the databases as messages name them (no password)
    std::string to;
    std::vector<TableRows> rows;  // of each table, the same on both sides
};

// Copies the database `from` into `to` (a file or a postgresql:// URI; created when it
// is a file that does not exist, else it must hold no rows), in one transaction on
// `to`, telling `progress` how it goes. Then verifies: the rows of every table, and
// the metrics of the whole history at `now`, the same on both sides. Throws a usage
// error (64) when both name one database, exit 73 when `to` is not empty, 75 when
// `from` changed while it was copied (stop the desk's writers and copy again), 70
// when the copy differs otherwise.
CopyOutcome copy_database(const std::string& from, const std::string& to, StoreOptions options, Timestamp now,
                          const CopyProgress& progress);

}  // namespace tkt
