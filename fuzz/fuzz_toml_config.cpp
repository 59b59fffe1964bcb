// Fuzzes config.toml: the input loaded as every command loads it. Configuration
// errors (tkt::Error) are expected; anything else escaping is a finding.
#include "actions/ingest_mail.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& dir = tkt::fuzz::scratch();
    dir.write("config.toml", tkt::fuzz::as_text(data, size));
    try {
        const tkt::Config config = tkt::load_config(dir.path(), "fallback");
        if (config.agent.login.empty() || config.repeat_window < 0) {
            tkt::fuzz::broken_promise("config.toml loaded with an empty login or a negative repeat window");
        }
        tkt::ingest_settings(config, false);
    } catch (const tkt::Error&) {
    }
    return 0;
}
