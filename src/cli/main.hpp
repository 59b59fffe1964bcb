// The tkt command line: parses argv, runs one command, maps errors to exit codes.
#pragma once

namespace tkt::cli {

// Runs the tkt command line with `argc` and `argv`; returns the process exit code.
int main(int argc, char** argv);

}  // namespace tkt::cli
