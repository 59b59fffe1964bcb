// Opening tkt's modules: shared objects that hold what only some commands need (mail
// parsing, the PostgreSQL client), so that no other command pays for loading them.
#pragma once

#include <mutex>
#include <string_view>

namespace tkt {

// A module tkt can open: its file name, where `cmake --install` puts it relative to the
// binary, the C function it exports, and what messages call it.
struct ModuleSpec {
    const char* file;              // "tkt-mail.so"
    const char* from_bindir;       // "../lib/tkt/tkt-mail.so"
    const char* entry_point;       // "tkt_mail_api"
    std::string_view description;  // "mail"
};

// Returns the address of `spec`'s entry point: linked into this binary already (a test
// binary that links the backend itself), else from the module next to the binary (a
// build tree), else from where it is installed. Throws a temporary failure (exit 75: a
// mail server keeps the message) when none can be opened.
void* load_module_entry(const ModuleSpec& spec);

// Returns the table of functions `spec`'s entry point returns, loading the module on the
// first call (a failure, exit 75, is tried again on the next).
template <class Api> const Api& module_api(const ModuleSpec& spec) {
    static std::once_flag once;
    static const Api* api = nullptr;
    std::call_once(once, [&] {
        using Entry = const Api* (*)();
        api = reinterpret_cast<Entry>(load_module_entry(spec))();
    });
    return *api;
}

}  // namespace tkt
