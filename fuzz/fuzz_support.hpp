// What the fuzz targets share: the libFuzzer entry point's declaration, a scratch
// folder for loaders that read files, and a way to report a broken promise.
#pragma once

#include "core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

// Runs one input through a target; returns 0 (libFuzzer's contract). Each target
// defines it; libFuzzer or fuzz/replay.cpp calls it.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace tkt::fuzz {

// Returns the input as text: the bytes as they are, not necessarily UTF-8.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Aborts with `what`: a target found a result that breaks a documented promise, which
// libFuzzer and the replay report as a crash with this input.
[[noreturn]] inline void broken_promise(std::string_view what) {
    std::fprintf(stderr, "fuzz: broken promise: %.*s\n", static_cast<int>(what.size()), what.data());
    std::abort();
}

// A folder of this process's own under the temporary folder, made on first use and
// reused by every input, so that loaders taking paths read the input from a file.
class ScratchDir {
public:
    ScratchDir() {
        m_path = std::filesystem::temp_directory_path() / ("tkt-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(m_path);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }

    // Writes `bytes` to the file `name` in the folder and returns its path.
    std::filesystem::path write(const std::string& name, std::string_view bytes) const {
        const auto path = m_path / name;
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
            std::abort();
        }
        return path;
    }

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// Returns the scratch folder of this process.
inline const ScratchDir& scratch() {
    static const ScratchDir dir;
    return dir;
}

// Splits `text` at each `separator` into at most `max_parts` parts (the last keeps
// the rest, separators included).
inline std::vector<std::string_view> split_parts(std::string_view text, char separator, std::size_t max_parts) {
    std::vector<std::string_view> parts;
    while (parts.size() + 1 < max_parts) {
        const auto at = text.find(separator);
        if (at == std::string_view::npos) {
            break;
        }
        parts.push_back(text.substr(0, at));
        text.remove_prefix(at + 1);
    }
    parts.push_back(text);
    return parts;
}

// Loads a configuration file both ways and checks that they agree: `collect(problems)`
// as `tkt config check` does, gathering the problems, and `load_and_use()` as every
// other command does, throwing the first. A file that loads one way loads the other.
template <typename Collect, typename LoadAndUse>
void check_loads_agree(std::string_view file, Collect collect, LoadAndUse load_and_use) {
    std::vector<std::string> problems;
    bool collected_ok = false;
    try {
        collect(problems);
        collected_ok = problems.empty();
    } catch (const Error&) {
        // Errors other than configuration errors are not collected.
    }
    try {
        load_and_use();
        if (!problems.empty()) {
            broken_promise(std::string(file) + " loads although config check finds problems in it");
        }
    } catch (const Error& error) {
        if (collected_ok && error.code() == Exit::config) {
            broken_promise(std::string(file) + " throws a configuration error that config check does not find");
        }
    }
}

}  // namespace tkt::fuzz
