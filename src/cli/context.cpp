#include "cli/context.hpp"

#include "actions/route.hpp"
#include "actions/search.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "people/identity.hpp"
#include "people/phone.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

extern char** environ;

namespace tkt::cli {
namespace {

Timestamp read_clock(const Environment& env) {
    if (const auto fixed = env.get("TKT_NOW")) {
        const auto at = parse_timestamp(*fixed);
        if (!at) {
            throw Error(Exit::config, fmt::format("invalid TKT_NOW '{}' (use ISO 8601 such as "
                                                  "2026-11-22T10:00:00Z, or Unix seconds)",
                                                  *fixed));
        }
        return *at;
    }
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::chrono::milliseconds lock_timeout(const Environment& env) {
    const auto text = env.get("TKT_LOCK_TIMEOUT");
    if (!text) {
        return StoreOptions{}.lock_timeout;
    }
    const auto length = parse_duration(*text);
    if (!length) {
        throw Error(Exit::config, fmt::format("invalid TKT_LOCK_TIMEOUT '{}' (a duration such as 10s)", *text));
    }
    return std::chrono::seconds(*length);
}

}  // namespace

Context::Context(std::istream& in, std::ostream& out, std::ostream& err, Environment env, Terminal terminal)
    : m_in(in), m_out(out), m_err(err), m_env(std::move(env)), m_terminal(terminal) {}

Timestamp Context::now() {
    if (!m_now) {
        m_now = read_clock(m_env);
    }
    return *m_now;
}

std::string Context::default_login() const {
    return m_env.get("USER").value_or(m_env.get("LOGNAME").value_or("agent"));
}

Store& Context::existing_store() {
    const auto path = paths().database;
    std::error_code error;
    if (!m_store && !is_database_uri(path.native()) && !std::filesystem::exists(path, error)) {
        if (error == std::errc::permission_denied) {
            throw Error(Exit::cant_create,
                        fmt::format("cannot open database '{}': {}", path.string(), error.message()));
        }
        throw Error(Exit::no_input, fmt::format("no database at '{}' (run 'tkt init', or check "
                                                "--db and TKT_DB)",
                                                path.string()));
    }
    return store();
}

Paths Context::paths() const {
    return resolve_paths(db_flag, config_flag, m_env);
}

const Config& Context::config() {
    if (!m_config) {
        m_config = load_config(paths().config_dir, default_login());
    }
    return *m_config;
}

const Routing& Context::routing() {
    if (!m_routing) {
        m_routing = Routing::load(paths().config_dir / "routing.toml");
    }
    return *m_routing;
}

const SlaConfig& Context::sla() {
    if (!m_sla) {
        m_sla = load_sla(paths().config_dir / "sla.toml", now());
        const bool reads_text =
            std::ranges::any_of(m_sla->policies, [](const SlaPolicy& policy) { return policy.match.has(Field::text); });
        if (reads_text) {
            // Not built here: sla() may be asked inside a transaction. Tickets the index
            // has not reached yet ('tkt db index') match no text term.
            m_sla->text = [this](const Term& term, const Ticket& ticket) {
                return existing_store().ticket_has_text(ticket.id, term);
            };
        }
    }
    return *m_sla;
}

const SlaConfig& Context::sla_for(const Filter& filter) {
    return filter.has_sla_terms() ? sla() : m_no_sla;
}

TicketHook Context::on_new_ticket() {
    if (!config().route_on_new || routing().empty()) {
        return {};
    }
    return route_on_arrival(routing());
}

StoreOptions Context::store_options() const {
    return StoreOptions{lock_timeout(m_env)};
}

Store& Context::store() {
    if (!m_store) {
        m_store = Store::open(paths().database, store_options());
    }
    return *m_store;
}

namespace {

// True when `session` logs in as an agent of tkt's roles: the role is who acts.
bool role_is_agent(const std::optional<SessionRole>& session) {
    return session && session->agent && !session->admin;
}

}  // namespace

std::string Context::agent_login() {
    if (!m_session) {
        m_session = is_database_uri(paths().database.native()) ? store().session_role() : std::nullopt;
    }
    return role_is_agent(*m_session) ? (*m_session)->name : config().agent.login;
}

std::string Context::acting_as(const std::string& as) {
    const std::string me = agent_login();
    const auto& session = *m_session;
    if (as.empty() || as == me) {
        return role_is_agent(session) ? me : as;
    }
    if (role_is_agent(session) && !session->supervisor) {
        throw Error(Exit::no_perm, fmt::format("role '{}' may not act as '{}': only a member of tkt_supervisor may "
                                               "act for another agent",
                                               me, as));
    }
    return as;
}

std::string Context::read_input(std::size_t limit) {
    std::string data;
    char buffer[65536];
    while (m_in.read(buffer, sizeof buffer) || m_in.gcount() > 0) {
        data.append(buffer, static_cast<std::size_t>(m_in.gcount()));
        if (data.size() > limit) {
            throw data_error(fmt::format("the input is larger than {} MiB, the most tkt takes", limit >> 20));
        }
    }
    if (m_in.bad()) {
        throw Error(Exit::temp_fail, "cannot read standard input");
    }
    return data;
}

Actor Context::actor() {
    return Actor{agent_login(), now()};
}

std::string Context::phone_country() {
    try {
        return config().country;
    } catch (const Error& error) {
        if (error.code() != Exit::config) {
            throw;
        }
        return "";
    }
}

FilterContext Context::filter_context() {
    FilterContext filter{now(), agent_login(), {}};
    filter.requester = [this](std::string_view text) -> std::optional<std::string> {
        // The country matters only for a number without its country code.
        const bool needs_country = looks_like_phone(text) && !trim(text).starts_with('+');
        auto identity = parse_identity(text, needs_country ? config().country : std::string());
        return identity ? std::optional(std::move(identity->value)) : std::nullopt;
    };
    return filter;
}

Filter Context::open_work_filter(std::span<const std::string> words) {
    Filter filter = with_default_statuses(parse_filter(words, filter_context()));
    if (filter.has(Field::text)) {
        ready_search_index();
    }
    return filter;
}

void Context::ready_search_index() {
    bool drawn = false;
    finish_search_build(existing_store(), [&](std::int64_t done, std::int64_t total) {
        if (terminal().progress) {
            err() << fmt::format("\rbuilding the search index: {} of {} tickets\x1b[K", done, total) << std::flush;
            drawn = true;
        }
    });
    if (drawn) {
        err() << "\r\x1b[K" << std::flush;
    }
}

std::vector<std::filesystem::path> Context::template_folders(const std::optional<std::string>& flag) {
    std::vector<std::filesystem::path> folders;
    if (flag) {
        std::error_code error;
        if (!std::filesystem::is_directory(*flag, error)) {
            throw Error(Exit::no_input, fmt::format("no template folder '{}' (--templates)", *flag));
        }
        folders.emplace_back(*flag);
    }
    folders.push_back(paths().config_dir / "templates");
    if (auto shipped = shipped_templates_dir()) {
        folders.push_back(std::move(*shipped));
    }
    return folders;
}

std::vector<std::filesystem::path> Context::banned_phrase_files() const {
    std::vector<std::filesystem::path> lists;
    if (auto shipped = shipped_templates_dir()) {
        lists.push_back(*shipped / "lint.toml");
    }
    lists.push_back(paths().config_dir / "lint.toml");
    return lists;
}

Environment process_environment() {
    std::map<std::string, std::string, std::less<>> variables;
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string_view text(*entry);
        const auto equals = text.find('=');
        if (equals != std::string_view::npos) {
            variables.emplace(text.substr(0, equals), text.substr(equals + 1));
        }
    }
    return Environment(std::move(variables));
}

Terminal detect_terminal(const Environment& env) {
    Terminal terminal;
    terminal.is_tty = ::isatty(STDOUT_FILENO) == 1;
    terminal.color = terminal.is_tty && !env.get("NO_COLOR") && env.get("TERM") != "dumb";
    terminal.progress = ::isatty(STDERR_FILENO) == 1 && env.get("TERM") != "dumb";
    terminal.asks = ::isatty(STDIN_FILENO) == 1 && ::isatty(STDERR_FILENO) == 1;
    winsize size{};
    if (terminal.is_tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        terminal.width = size.ws_col;
        terminal.height = size.ws_row > 0 ? size.ws_row : terminal.height;
    } else if (const auto columns = env.get("COLUMNS")) {
        terminal.width = std::max<std::size_t>(40, std::strtoul(columns->c_str(), nullptr, 10));
    }
    return terminal;
}

}  // namespace tkt::cli
