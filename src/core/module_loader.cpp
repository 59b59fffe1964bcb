#include "core/module_loader.hpp"

#include "core/error.hpp"

#include <dlfcn.h>
#include <filesystem>
#include <fmt/format.h>

namespace tkt {

void* load_module_entry(const ModuleSpec& spec) {
    if (void* linked = ::dlsym(RTLD_DEFAULT, spec.entry_point)) {
        return linked;
    }
    std::error_code error;
    const auto dir = std::filesystem::read_symlink("/proc/self/exe", error).parent_path();
    std::string reasons;
    for (const auto& path : {dir / spec.file, dir / spec.from_bindir}) {
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            reasons += fmt::format("{}{}", reasons.empty() ? "" : "; ", ::dlerror());
            continue;
        }
        if (void* entry = ::dlsym(handle, spec.entry_point)) {
            return entry;
        }
        reasons += fmt::format("{}{}: no {}", reasons.empty() ? "" : "; ", path.string(), spec.entry_point);
    }
    throw Error(Exit::temp_fail, fmt::format("cannot load tkt's {} module ({})", spec.description, reasons));
}

}  // namespace tkt
