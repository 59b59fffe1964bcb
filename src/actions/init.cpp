#include "actions/init.hpp"

#include "core/error.hpp"
#include "store/store.hpp"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tkt {
namespace {

constexpr std::string_view k_config_toml = R"toml(# tkt configuration. Every key is optional; see tkt(1), FILES.

[agent]                       # who "I" am when replying
login = {login}
{full_name_line}
email = {email}

[mail]
# from = "Example Support <support@example.com>"
subject_tag = "[Support #{{id}}]"            # added to reply subjects, used for threading
sendmail = ["/usr/sbin/sendmail", "-t", "-i"]  # an argv, never a shell string

[defaults]
lang = "en"
# country = "RU"              # phone numbers written without +7 are numbers of this country

[routing]
on_new = true                 # route every new ticket on arrival
repeat_window = "7d"          # a new ticket within this of the last one is a repeat contact

[acknowledge]                 # what the desk answers by itself when a person's mail opens a ticket
# template = "received"       # set [mail] from first: it is sent from there and signed with its name
max_per_address_per_day = 10  # then no more to that address for 24 hours
# [acknowledge.queues]        # a queue's own template, or false for none
# spam = false

# [channels.chat]             # how replies reach chat customers: a program given each as JSON
# deliver = ["/usr/share/tkt/contrib/deliver-webhook", "https://chat.example.com/hooks/tkt"]
)toml";

constexpr std::string_view k_routing_toml =
    R"toml(# Routing: rules tried in order, the first match wins unless it says continue = true;
# [default] catches the rest. subject, body and from are RE2 regular expressions,
# case-insensitive; also from_domain, channel, language (ru, en) and tag, combined with
# any = [{...}, {...}] and not = {...}. See tkt(1), ROUTING. Check a ticket with
# 'tkt route --explain ID', saved mail with 'tkt route test DIR'.
#
# The rules fill queues and give no ticket an owner: each agent runs 'tkt next', which
# takes the most urgent unassigned ticket of their queues and line (priority, then SLA
# due time, then age) and assigns it to them. To push work to people instead, uncomment
# the assign lines: "least_loaded" (fewest open tickets), "round_robin", or a login;
# the owner is chosen among the active agents of the ticket's queue and line.

[[rule]]
name = "vip"
from_domain = "bigcustomer.example"
priority = "high"
tags = ["vip"]
continue = true

[[rule]]
name = "payments"
any = [
  { subject = "refund|charged|payment|invoice|billing|возврат|списа|оплат|сч[её]т" },
  { body = "charged twice|refund|списали|возврат" },
  { tag = "billing" },
]
queue = "payments"
line = 1
# assign = "least_loaded"

[[rule]]
name = "logistics"
any = [
  { subject = "посылк|доставк|трек|parcel|delivery|tracking|shipping|livraison" },
  { body = "трек-номер|tracking number" },
]
queue = "logistics"
line = 1
# assign = "least_loaded"

[[rule]]
name = "product quality"
any = [
  { subject = "crash|bug|error|broken|не работает|ошибк|сбой|вылета" },
  { tag = "bug" },
]
queue = "quality"
line = 1
# assign = "round_robin"

[default]
queue = "general"
line = 1
# assign = "least_loaded"

# The team: who serves which queues on which line. The first is you, serving every
# queue above. The others are examples to replace with your colleagues; until then
# they are inactive (active = false), so that no rule or escalation gives them a ticket.
)toml";

constexpr std::string_view k_agents_toml = R"toml(
[[agent]]
login = {login}
full_name = {full_name}
email = {email}
queues = ["payments", "logistics", "quality", "general"]
line = 1

[[agent]]
login = "boris"
full_name = "Boris Petrov"
email = "boris@example.com"
queues = ["payments", "quality", "general"]
line = 1
active = false

[[agent]]
login = "vera"
full_name = "Vera Ivanova"
email = "vera@example.com"
queues = ["payments", "logistics", "quality", "general"]
line = 2
active = false
)toml";

constexpr std::string_view k_sla_head =
    R"toml(# Service levels: calendars and policies. The first policy whose match (the filter
# language of 'tkt list') selects a ticket applies; a policy without a calendar runs
# around the clock, one with a calendar counts working time only (write hours: "27h"
# is three 9-hour days). 'tkt sla ID' shows a ticket's clocks; run
# 'tkt escalate --overdue' from cron every few minutes to act on breaches as each
# policy's on_breach says: only a policy with escalate_to_line moves a ticket up.

[[calendar]]
name = "office"
timezone = "Europe/Moscow"
days = ["mon", "tue", "wed", "thu", "fri"]
hours = "09:00-18:00"
)toml";

constexpr std::string_view k_ru_holidays =
    R"toml(# Russia's public holidays of {year} and {next_year} that fall on working days, by article 112
# of the Labour Code: the fixed holidays, and for one other than January's that falls
# on a Saturday or Sunday, the day off moved to the next working day. The government's
# yearly decree moves more days off (bridge days, the weekends of the January holidays):
# check it each year, add its days here, and add the next year's holidays in time.
holidays = [{dates}
]
)toml";

constexpr std::string_view k_no_holidays =
    R"toml(# No public holidays: list the days off as local dates, e.g. "2026-12-31".
holidays = []
)toml";

constexpr std::string_view k_sla_policies = R"toml(
[[policy]]
name = "urgent"
match = "priority:urgent"
first_reply = "30m"
next_reply = "2h"
resolve = "8h"
# Urgent work that waits goes up to line 2: to its least loaded active agent who
# serves the queue, else into line 2's pool for 'tkt next'.
on_breach = { escalate_to_line = 2, tags = ["sla-breach"] }

[[policy]]
name = "second line"
match = "line:2"
calendar = "office"
first_reply = "4h"
next_reply = "8h"
resolve = "45h"
on_breach = { priority = "high", tags = ["sla-breach"] }

[[policy]]
name = "standard"
calendar = "office"
first_reply = "1h"
next_reply = "4h"
resolve = "27h"
# A missed target tags the ticket and raises it to high, so that 'tkt next' hands it
# out first; it stays on its line, with its owner.
on_breach = { priority = "high", tags = ["sla-breach"] }
)toml";

// Returns the year of `now` in UTC.
std::chrono::year year_of(Timestamp now) {
    const auto day = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{now}});
    return std::chrono::year_month_day{day}.year();
}

// Returns the holidays of the starter calendar: those of `rules` in the year of `now`
// and the next, six dates a line, a year starting a line.
std::string starter_holidays(HolidayRules rules, Timestamp now) {
    if (rules == HolidayRules::none) {
        return std::string(k_no_holidays);
    }
    const auto year = year_of(now);
    std::string dates;
    for (const auto listed : {year, year + std::chrono::years{1}}) {
        const auto days = public_holidays(rules, listed);
        for (std::size_t i = 0; i < days.size(); ++i) {
            dates += fmt::format("{}\"{}\",", i % 6 == 0 ? "\n  " : " ", format_date(days[i]));
        }
    }
    return fmt::format(fmt::runtime(k_ru_holidays), fmt::arg("year", static_cast<int>(year)),
                       fmt::arg("next_year", static_cast<int>(year) + 1), fmt::arg("dates", dates));
}

// Quotes `text` as a TOML basic string.
std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            out += fmt::format("\\u{:04X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// Returns the starter files, name and content, in the order they are written.
std::vector<std::pair<std::string_view, std::string>> starter_files(const InitRequest& request) {
    const auto& agent = request.agent;
    // Without a name, config.toml says where it goes (replies are refused until it is
    // there), and routing.toml, which needs one, has the login, for config check to flag.
    const std::string& name = agent.full_name.text;
    const std::string full_name_line =
        name.empty() ? "# full_name = \"First Last\"     # your first and last name: replies are signed with it"
                     : "full_name = " + toml_string(name);
    const auto identity = [&](std::string_view text) {
        return fmt::format(fmt::runtime(text), fmt::arg("login", toml_string(agent.login)),
                           fmt::arg("full_name", toml_string(name.empty() ? agent.login : name)),
                           fmt::arg("full_name_line", full_name_line), fmt::arg("email", toml_string(agent.email)));
    };
    return {{"config.toml", identity(k_config_toml)},
            {"routing.toml", std::string(k_routing_toml) + identity(k_agents_toml)},
            {"sla.toml",
             std::string(k_sla_head) + starter_holidays(request.holidays, request.now) + std::string(k_sla_policies)}};
}

// Writes `content` to a new file at `path`; returns false when the file exists.
bool write_new_file(const std::filesystem::path& path, std::string_view content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST) {
        return false;
    }
    if (fd < 0) {
        throw Error(Exit::cant_create, fmt::format("cannot create '{}': {}", path.string(), std::strerror(errno)));
    }
    const auto written = ::write(fd, content.data(), content.size());
    const bool ok = written == static_cast<ssize_t>(content.size()) && ::close(fd) == 0;
    if (!ok) {
        const int saved = errno;
        std::filesystem::remove(path);
        throw Error(Exit::io, fmt::format("cannot write '{}': {}", path.string(), std::strerror(saved)));
    }
    return true;
}

// Gives `path` to `group` with `mode`; throws exit 73 when that is not allowed.
void give_to_group(const std::filesystem::path& path, const SharedGroup& group, mode_t mode) {
    if (::chown(path.c_str(), static_cast<uid_t>(-1), static_cast<gid_t>(group.id)) != 0 ||
        ::chmod(path.c_str(), mode) != 0) {
        throw Error(Exit::cant_create,
                    fmt::format("cannot give '{}' to group '{}': {}", path.string(), group.name, std::strerror(errno)));
    }
}

// Refuses (exit 64) to share the folder of `database` when it holds anything but the
// database: it would turn setgid and group-writable, and tkt never opens up a folder
// that is not its own (say /tmp, or a home directory).
void require_own_folder(const std::filesystem::path& database) {
    const auto folder = std::filesystem::absolute(database).parent_path();
    const std::string stem = database.filename().string();
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        if (name != stem && name != stem + "-wal" && name != stem + "-shm" && name != stem + "-journal") {
            throw Error(Exit::usage,
                        fmt::format("the database's folder '{}' holds other files ('{}'): give the database a "
                                    "folder of its own, such as /var/lib/tkt/tkt.db, to share it with a group",
                                    folder.string(), name));
        }
    }
}

// Shares the database, its side files and its folder with `group`.
void share_database(const std::filesystem::path& database, const SharedGroup& group) {
    const auto folder = std::filesystem::absolute(database).parent_path();
    give_to_group(folder, group, S_ISGID | S_IRWXU | S_IRWXG);
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        give_to_group(entry.path(), group, S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP);
    }
}

// Lets `group` read the config folder and its files, and no one else.
void share_config(const std::filesystem::path& config_dir, const SharedGroup& group) {
    give_to_group(config_dir, group, S_ISGID | S_IRWXU | S_IRGRP | S_IXGRP);
    for (const auto& entry : std::filesystem::directory_iterator(config_dir)) {
        if (entry.is_regular_file()) {
            give_to_group(entry.path(), group, S_IRUSR | S_IWUSR | S_IRGRP);
        }
    }
}

}  // namespace

SharedGroup find_group(std::string_view name_or_id) {
    const std::string text(name_or_id);
    if (const group* found = ::getgrnam(text.c_str())) {
        return SharedGroup{text, static_cast<unsigned>(found->gr_gid)};
    }
    unsigned id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        throw usage_error(fmt::format("unknown group '{}' (create it with groupadd, or give a group id)", text));
    }
    return SharedGroup{text, id};
}

std::vector<InitStep> init_workspace(const Paths& paths, const InitRequest& request) {
    const auto& group = request.group;
    if (group && is_database_uri(paths.database.native())) {
        throw usage_error("--group shares a SQLite file; a PostgreSQL database is shared through its roles "
                          "(tkt db setup)");
    }
    if (group) {
        require_own_folder(paths.database);  // before anything is written
    }
    std::vector<InitStep> steps;
    const bool had_database = std::filesystem::exists(paths.database);
    Store::open(paths.database);
    steps.push_back({paths.database, !had_database});

    std::error_code error;
    std::filesystem::create_directories(paths.config_dir, error);
    if (error) {
        throw Error(Exit::cant_create,
                    fmt::format("cannot create folder '{}': {}", paths.config_dir.string(), error.message()));
    }
    for (const auto& [name, content] : starter_files(request)) {
        const auto path = paths.config_dir / name;
        steps.push_back({path, write_new_file(path, content)});
    }
    if (group) {
        share_database(paths.database, *group);
        share_config(paths.config_dir, *group);
    }
    return steps;
}

}  // namespace tkt
