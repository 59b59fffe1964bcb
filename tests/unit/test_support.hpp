// What the unit tests share: a temporary folder, files written in one call, the error an
// action throws, and a ticket to open.
#pragma once

#include "core/error.hpp"
#include "core/ticket.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
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

// What an action threw: the exit code and message of its tkt::Error, or Exit::ok and ""
// when it threw none.
struct Thrown {
    Exit code = Exit::ok;
    std::string message;
};

// Runs `action` and returns the tkt::Error it throws, if any.
inline Thrown thrown_by(auto&& action) {
    try {
        action();
    } catch (const Error& error) {
        return Thrown{error.code(), error.what()};
    }
    return {};
}

// Returns the exit code of the tkt::Error that `action` throws, or Exit::ok.
inline Exit error_code_of(auto&& action) {
    return thrown_by(action).code;
}

// Returns the message of the tkt::Error that `action` throws, or "".
inline std::string error_message_of(auto&& action) {
    return thrown_by(action).message;
}

// Returns the message of the error `action` throws, checking that it is a configuration
// error (exit 78); "" when it throws none (a case that loads).
inline std::string config_error_of(auto&& action) {
    const Thrown thrown = thrown_by(action);
    if (thrown.code != Exit::ok) {
        CHECK(thrown.code == Exit::config);
    }
    return thrown.message;
}

// Writes `bytes` to `path`, replacing what was there.
inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// Returns a ticket to open: `subject` from `requester` (Bob), its body naming the subject.
inline NewTicket new_ticket(const std::string& subject, const std::string& requester = "bob@example.com") {
    NewTicket ticket;
    ticket.subject = subject;
    ticket.requester = requester;
    ticket.requester_name = "Bob";
    ticket.body = "body of " + subject;
    return ticket;
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
