// What every command gets: the streams, the environment, the clock, the terminal, and
// the store and config opened on first use.
#pragma once

#include "tkt/actions.hpp"
#include "tkt/config.hpp"
#include "tkt/paths.hpp"
#include "tkt/store.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace tkt::cli {

// How a command's output is styled.
struct Terminal {
    bool is_tty = false;  // stdout is a terminal: aligned tables rather than TSV
    bool color = false;   // ANSI colour: a terminal, NO_COLOR unset, TERM not dumb
    std::size_t width = 80;
};

class Context {
public:
    // Makes a context over `in`, `out` and `err` with the environment `env`; reads the clock
    // (TKT_NOW, else the system clock) once, here.
    Context(std::istream& in, std::ostream& out, std::ostream& err, Environment env,
            Terminal terminal);

    std::istream& in() { return m_in; }
    std::ostream& out() { return m_out; }
    std::ostream& err() { return m_err; }
    const Environment& env() const { return m_env; }
    const Terminal& terminal() const { return m_terminal; }
    Timestamp now() const { return m_now; }

    // The --db and --config flags, set while parsing.
    std::optional<std::string> db_flag;
    std::optional<std::string> config_flag;

    // Returns the resolved database and config paths.
    Paths paths() const;

    // Returns the configuration, loading it on first use.
    const Config& config();

    // Returns the store, opening (and creating) the database on first use.
    Store& store();

    // Returns the configured agent stamped with now, for recording events.
    Actor actor();

private:
    std::istream& m_in;
    std::ostream& m_out;
    std::ostream& m_err;
    Environment m_env;
    Terminal m_terminal;
    Timestamp m_now = 0;
    std::optional<Config> m_config;
    std::optional<Store> m_store;
};

// Returns the environment of this process as a snapshot.
Environment process_environment();

// Returns how stdout looks: a terminal or not, colour, width.
Terminal detect_terminal(const Environment& env);

}  // namespace tkt::cli
