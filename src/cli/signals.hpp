// Internal to src/cli/. Handling signals for as long as a command needs: the pager's
// (ignored while it runs) and tkt watch's (stop cleanly).
#pragma once

#include <csignal>
#include <span>
#include <vector>

namespace tkt::cli {

// While it lives, `signals` go to `handler` (SIG_IGN to ignore them), without
// SA_RESTART: a wait they interrupt returns. The previous actions come back after.
class ScopedSignals {
public:
    ScopedSignals(std::span<const int> signals, void (*handler)(int));
    ScopedSignals(const ScopedSignals&) = delete;
    ScopedSignals& operator=(const ScopedSignals&) = delete;
    ~ScopedSignals();

private:
    std::vector<int> m_signals;
    std::vector<struct sigaction> m_previous;
};

}  // namespace tkt::cli
