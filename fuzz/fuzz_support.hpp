// What the fuzz targets share: the libFuzzer entry point's declaration, a scratch
// folder for loaders that read files, and a way to report a broken promise.
#pragma once

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
    std::fprintf(stderr, "fuzz: broken promise: %.*s\n", static_cast<int>(what.size()),
                 what.data());
    std::abort();
}

// A folder of this process's own under the temporary folder, made on first use and
// reused by every input, so that loaders taking paths read the input from a file.
class ScratchDir {
  public:
    ScratchDir() {
        m_path =
            std::filesystem::temp_directory_path() / ("tkt-fuzz-" + std::to_string(::getpid()));
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
inline std::vector<std::string_view> split_parts(std::string_view text, char separator,
                                                 std::size_t max_parts) {
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

}  // namespace tkt::fuzz
