// Opening tkt-mail.so: next to the tkt binary (a build tree), else where `cmake
// --install` puts it relative to the binary (TKT_MAIL_MODULE_FROM_BINDIR).
#include "core/error.hpp"
#include "mail/module.hpp"

#include <dlfcn.h>
#include <filesystem>
#include <fmt/format.h>
#include <mutex>
#include <vector>

namespace tkt::mail {
namespace {

std::vector<std::filesystem::path> candidates() {
    std::error_code error;
    const auto binary = std::filesystem::read_symlink("/proc/self/exe", error);
    const auto dir = binary.parent_path();
    return {dir / "tkt-mail.so", dir / TKT_MAIL_MODULE_FROM_BINDIR};
}

const Api* load() {
    std::string reasons;
    for (const auto& path : candidates()) {
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            reasons += fmt::format("{}{}", reasons.empty() ? "" : "; ", ::dlerror());
            continue;
        }
        using Entry = const Api* (*)();
        auto entry = reinterpret_cast<Entry>(::dlsym(handle, k_entry_point));
        if (entry != nullptr) {
            return entry();
        }
        reasons += fmt::format("{}{}: no {}", reasons.empty() ? "" : "; ", path.string(), k_entry_point);
    }
    throw Error(Exit::temp_fail, fmt::format("cannot load tkt's mail module ({})", reasons));
}

}  // namespace

const Api& api() {
    static std::once_flag once;
    static const Api* loaded = nullptr;
    std::call_once(once, [] { loaded = load(); });
    return *loaded;
}

}  // namespace tkt::mail
