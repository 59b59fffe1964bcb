// Handing a message to the configured sendmail program (sendmail.cpp): no shell, a
// time limit, and every failure as a result rather than an exception.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// What became of handing a message to sendmail.
struct SendResult {
    bool ok = false;
    std::string error;  // why not, in one line: "sendmail exited with 75: ..." or "cannot run ..."
};

// Runs `argv` (no shell: argv[0] is looked up in PATH when it has no '/') with
// `message` on its standard input and waits at most `timeout` for it; success is exit
// status 0. Never throws for the program's failures: they are in the result.
SendResult run_sendmail(const std::vector<std::string>& argv, std::string_view message,
                        std::chrono::seconds timeout = std::chrono::seconds{120});

}  // namespace tkt
