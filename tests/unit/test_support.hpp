// What the unit tests share: a temporary folder, and the exit code an action throws.
#pragma once

#include "tkt/error.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>

namespace tkt::test {

// A temporary folder for one test, removed with everything in it at the end.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "tkt-test-XXXXXX").string();
        m_path = ::mkdtemp(pattern.data());
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// Returns the exit code of the tkt::Error that `action` throws, or Exit::ok.
inline Exit error_code_of(auto&& action) {
    try {
        action();
    } catch (const Error& error) {
        return error.code();
    }
    return Exit::ok;
}

}  // namespace tkt::test
