#include "cli/signals.hpp"

namespace tkt::cli {

ScopedSignals::ScopedSignals(std::span<const int> signals, void (*handler)(int))
    : m_signals(signals.begin(), signals.end()), m_previous(signals.size()) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < m_signals.size(); ++i) {
        ::sigaction(m_signals[i], &action, &m_previous[i]);
    }
}

ScopedSignals::~ScopedSignals() {
    for (std::size_t i = 0; i < m_signals.size(); ++i) {
        ::sigaction(m_signals[i], &m_previous[i], nullptr);
    }
}

}  // namespace tkt::cli
