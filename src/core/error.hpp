// Errors the user sees: one type carrying a message and a sysexits code (DESIGN.md 7).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tkt {

// Exit codes of the tkt command, after sysexits(3).
enum class Exit : int {
    ok = 0,
    nothing = 1,       // nothing matched, e.g. no such ticket
    usage = 64,        // the command line is wrong
    data = 65,         // the input data is wrong
    no_input = 66,     // an input file is missing
    software = 70,     // an internal error: a bug in tkt
    cant_create = 73,  // an output file cannot be created
    io = 74,           // an I/O error
    temp_fail = 75,    // temporary failure: the caller should retry
    no_perm = 77,      // permission denied: a database refused the login or the action
    config = 78,       // a configuration file is wrong
};

// An error to show the user as "tkt: <message>", ending the command with code().
class Error : public std::runtime_error {
public:
    // Makes an error with the exit code `code` and the one-line `message`.
    Error(Exit code, const std::string& message);

    // Returns the exit code the command ends with.
    Exit code() const noexcept { return m_code; }

private:
    Exit m_code;
};

// Returns "no <what> <id>" with exit code 1, e.g. "no ticket 42".
Error not_found(std::string_view what, std::int64_t id);

// Returns a usage error (exit 64) with `message`.
Error usage_error(const std::string& message);

// Returns a bad-data error (exit 65) with `message`.
Error data_error(const std::string& message);

// Returns a configuration error (exit 78) that leads with "file:line:col: ".
Error config_error(std::string_view file, std::int64_t line, std::int64_t column, std::string_view message);

}  // namespace tkt
