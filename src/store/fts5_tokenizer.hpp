// Internal to src/store/. SQLite's FTS5 tokenizer "tkt": search/analyzer's reading of
// text, so that the index and every MATCH read words alike.
#pragma once

#include <sqlite3.h>

namespace tkt::store {

// Registers the tokenizer "tkt" on `db`, which every connection needs before it reads
// or writes the search index; returns false when this SQLite has no FTS5.
bool register_search_tokenizer(sqlite3* db);

}  // namespace tkt::store
