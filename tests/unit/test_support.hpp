// What the unit tests share: a temporary folder, and the exit code an action throws.
#pragma once

#include "tkt/error.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <string>
#include <vector>

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

// Lines of output (findings, reasons, problems) compared as a whole.
using Lines = std::vector<std::string>;

}  // namespace tkt::test

// Shows lines one a line when a check on them fails.
template <> struct doctest::StringMaker<tkt::test::Lines> {
    static doctest::String convert(const tkt::test::Lines& lines) {
        std::string text = "\n";
        for (const auto& line : lines) {
            text += "  " + line + "\n";
        }
        return text.c_str();
    }
};
