#include "store/fts5_tokenizer.hpp"

#include "search/analyzer.hpp"

#include <limits>
#include <new>

namespace tkt::store {
namespace {

// The tokenizer keeps no state: any non-null pointer stands for its instance.
int create(void* /*context*/, const char** /*arguments*/, int /*count*/, Fts5Tokenizer** made) {
    static char instance;
    *made = reinterpret_cast<Fts5Tokenizer*>(&instance);
    return SQLITE_OK;
}

void destroy(Fts5Tokenizer* /*tokenizer*/) {}

int tokenize(Fts5Tokenizer* /*tokenizer*/, void* context, int flags, const char* text, int length,
             int (*token)(void*, int, const char*, int, int, int)) {
    // A query's prefix ("print*") is only folded: a stem would miss longer words.
    const auto reading = (flags & FTS5_TOKENIZE_PREFIX) != 0 ? search::Reading::prefix : search::Reading::stem;
    int code = SQLITE_OK;
    try {
        search::for_each_word(std::string_view(text, static_cast<std::size_t>(length)), reading,
                              [&](const search::Word& word) {
                                  code = token(context, 0, word.term.data(), static_cast<int>(word.term.size()),
                                               static_cast<int>(word.begin), static_cast<int>(word.end));
                                  return code == SQLITE_OK;
                              });
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    } catch (...) {
        return SQLITE_ERROR;
    }
    return code;
}

fts5_api* fts5_of(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api;
}

}  // namespace

bool register_search_tokenizer(sqlite3* db) {
    fts5_api* api = fts5_of(db);
    if (api == nullptr || api->iVersion < 2) {
        return false;
    }
    fts5_tokenizer tokenizer{&create, &destroy, &tokenize};
    return api->xCreateTokenizer(api, "tkt", nullptr, &tokenizer, nullptr) == SQLITE_OK;
}

}  // namespace tkt::store
