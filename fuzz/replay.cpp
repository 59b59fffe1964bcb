// Replays inputs through a fuzz target without libFuzzer, so that every build (g++
// included) runs the seeds and past crashes: `fuzz_replay_X [--limit N] PATH...`.
// A folder's files are taken in name order; with --limit, at most N of them, spread
// evenly. It fails when an input throws what the target does not catch, when one runs
// longer than 10 seconds (libFuzzer's -timeout in scripts/fuzz), when nothing was
// replayed, and (by aborting) when a sanitizer or the target reports a finding.
#include "fuzz_support.hpp"

#include <algorithm>
#include <charconv>
#include <csignal>
#include <cstring>
#include <exception>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr unsigned k_timeout_seconds = 10;

// The input being replayed, for the alarm handler to name: a signal handler reaches
// nothing but globals.
std::string g_current;

// Ends the replay when an input hangs: a finding, like a crash.
extern "C" void on_alarm(int) {
    constexpr const char* k_message = "replay: timeout: ";
    (void)::write(STDERR_FILENO, k_message, std::strlen(k_message));
    (void)::write(STDERR_FILENO, g_current.data(), g_current.size());
    (void)::write(STDERR_FILENO, "\n", 1);
    ::_exit(1);
}

std::vector<fs::path> files_under(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file()) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Keeps `limit` of `files`, evenly spread, so that every source of seeds is sampled.
std::vector<fs::path> sample(std::vector<fs::path> files, std::size_t limit) {
    if (limit == 0 || files.size() <= limit) {
        return files;
    }
    std::vector<fs::path> kept;
    for (std::size_t i = 0; i < limit; ++i) {
        kept.push_back(files[i * files.size() / limit]);
    }
    return kept;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs one file; returns false when it threw.
bool replay(const fs::path& path) {
    const std::string bytes = read_bytes(path);
    std::cerr << "replay: " << path.string() << '\n';
    g_current = path.string();
    ::alarm(k_timeout_seconds);
    try {
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    } catch (const std::exception& error) {
        ::alarm(0);
        std::cerr << "replay: " << path.string() << ": uncaught exception: " << error.what() << '\n';
        return false;
    }
    ::alarm(0);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGALRM, on_alarm);
    std::size_t limit = 0;
    std::size_t replayed = 0;
    std::size_t failed = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--limit" && i + 1 < argc) {
            const std::string_view value = argv[++i];
            std::from_chars(value.data(), value.data() + value.size(), limit);
            continue;
        }
        const fs::path path(arg);
        std::error_code error;
        if (!fs::exists(path, error)) {
            std::cerr << "replay: " << path.string() << ": not found, skipped\n";
            continue;
        }
        const auto files = fs::is_directory(path) ? sample(files_under(path), limit) : std::vector{path};
        for (const auto& file : files) {
            if (!replay(file)) {
                ++failed;
            }
            ++replayed;
        }
    }
    std::cout << "replayed " << replayed << " inputs, " << failed << " failed\n";
    return replayed == 0 || failed != 0 ? 1 : 0;
}
