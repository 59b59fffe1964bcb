// What every command gets: the streams, the environment, the clock, the terminal, and
// the store and config opened on first use.
#pragma once

#include "actions/tickets.hpp"
#include "core/config.hpp"
#include "core/paths.hpp"
#include "routing/rules.hpp"
#include "routing/sla.hpp"
#include "store/store.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace tkt::cli {

// How a command's output is styled.
struct Terminal {
    bool is_tty = false;    // stdout is a terminal: aligned tables rather than TSV
    bool color = false;     // ANSI colour: a terminal, NO_COLOR unset, TERM not dumb
    bool progress = false;  // stderr is a terminal: progress lines may be drawn there
    bool asks = false;      // stdin and stderr are a terminal: a command may ask a question
    std::size_t width = 80;
    std::size_t height = 24;  // rows; output taller than this goes through a pager
};

class Context {
public:
    // Makes a context over `in`, `out` and `err` with the environment `env`.
    Context(std::istream& in, std::ostream& out, std::ostream& err, Environment env, Terminal terminal);

    std::istream& in() { return m_in; }
    // Reads standard input whole, refusing (exit 65) more than `limit` bytes without
    // ever holding more than that.
    std::string read_input(std::size_t limit);
    std::ostream& out() { return m_out; }
    std::ostream& err() { return m_err; }
    const Environment& env() const { return m_env; }
    const Terminal& terminal() const { return m_terminal; }

    // Returns the time of this command: TKT_NOW, else the system clock, read once.
    Timestamp now();

    // Returns who runs tkt when config.toml does not say: $USER, else $LOGNAME, else "agent".
    std::string default_login() const;

    // The --db and --config flags, set while parsing.
    std::optional<std::string> db_flag;
    std::optional<std::string> config_flag;

    // Returns the resolved database and config paths.
    Paths paths() const;

    // Returns the configuration, loading it on first use.
    const Config& config();

    // Returns routing.toml's rules and agents, loading them on first use.
    const Routing& routing();

    // Returns sla.toml's calendars and policies, loading them on first use.
    const SlaConfig& sla();

    // Returns sla() when `filter` has SLA terms, else an empty config: only those terms
    // need sla.toml, and a broken one must not stop a plain listing.
    const SlaConfig& sla_for(const Filter& filter);

    // Returns the hook that routes new tickets on arrival when config.toml's
    // [routing] on_new says so (the default), else none.
    TicketHook on_new_ticket();

    // Returns how stores are opened: the lock timeout of TKT_LOCK_TIMEOUT.
    StoreOptions store_options() const;

    // Returns the store, opening (and creating) the database on first use.
    Store& store();

    // Returns the store for a command that only reads: a missing database is an error
    // (exit 66) rather than a new empty one, so that a mistyped --db says so.
    Store& existing_store();

    // Returns the acting agent's login: on a PostgreSQL database where the session's
    // role is an agent's (tkt db setup; admins aside), the role's name, so that nobody
    // records work as someone else; elsewhere config.toml's agent.login.
    std::string agent_login();

    // Returns the login a command acts as for `as` (its --as, "" when not given): `as`,
    // when the session may act for others (on SQLite anyone may; on PostgreSQL a member
    // of tkt_supervisor or tkt_admin), else exit 77; "" for config's agent, or the
    // role's name when agent_login() comes from it.
    std::string acting_as(const std::string& as);

    // Returns the acting agent stamped with now, for recording events.
    Actor actor();

    // Returns the country phone numbers without a country code are read in:
    // config.toml's, or none when the configuration cannot be read (a delivery goes on
    // without it).
    std::string phone_country();

    // Returns what filters are read relative to: now, the configured agent ("me"), and
    // requesters read as identities (phone numbers in config.toml's country).
    FilterContext filter_context();

    // Parses filter `words` relative to now and the configured agent ("me"); without a
    // status or id term, only open work (new, open, pending) matches.
    Filter open_work_filter(std::span<const std::string> words);

    // Finishes building the search index for the tickets older than it, when it is not
    // complete, drawing "building the search index: N of M" on stderr when it is a
    // terminal; stopped, the next search goes on from where it was.
    void ready_search_index();

    // Returns the template folders in search order: `flag` (--templates DIR), the
    // config directory's templates/, the shipped templates. A --templates folder that
    // does not exist is an error (exit 66).
    std::vector<std::filesystem::path> template_folders(const std::optional<std::string>& flag);

    // Returns the banned-phrase lists in the order they apply: the shipped lint.toml,
    // then the config directory's.
    std::vector<std::filesystem::path> banned_phrase_files() const;

private:
    std::istream& m_in;
    std::ostream& m_out;
    std::ostream& m_err;
    Environment m_env;
    Terminal m_terminal;
    std::optional<Timestamp> m_now;
    std::optional<Config> m_config;
    std::optional<Routing> m_routing;
    std::optional<SlaConfig> m_sla;
    SlaConfig m_no_sla;
    std::optional<Store> m_store;
    std::optional<std::optional<SessionRole>> m_session;  // read once, when first asked
};

// Returns the environment of this process as a snapshot.
Environment process_environment();

// Returns how stdout looks: a terminal or not, colour, width and height.
Terminal detect_terminal(const Environment& env);

}  // namespace tkt::cli
