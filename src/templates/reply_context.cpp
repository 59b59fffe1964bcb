#include "templates/reply_context.hpp"

#include "core/address.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text.hpp"
#include "templates/greeting_name.hpp"

#include <array>
#include <chrono>
#include <fmt/format.h>

namespace tkt {
namespace {

constexpr std::array<std::string_view, 12> k_months_en{"January",   "February", "March",    "April",
                                                       "May",       "June",     "July",     "August",
                                                       "September", "October",  "November", "December"};
// Russian dates use the genitive: "22 ноября".
constexpr std::array<std::string_view, 12> k_months_ru{"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                                                       "июля",   "августа", "сентября", "октября", "ноября", "декабря"};

// Sets `value` at the dotted `name` inside `context`, making objects on the way.
void set_dotted(nlohmann::json& context, std::string_view name, const std::string& value) {
    nlohmann::json* at = &context;
    for (const auto& part : split(name, '.')) {
        if (!at->is_object()) {
            *at = nlohmann::json::object();
        }
        at = &(*at)[part];
    }
    *at = value;
}

constexpr auto k_context_names = std::to_array<std::string_view>({
    "ticket",
    "ticket.id",
    "ticket.subject",
    "ticket.queue",
    "ticket.priority",
    "ticket.status",
    "ticket.line",
    "ticket.language",
    "ticket.created_date",
    "ticket.days_open",
    "ticket.days_open_word",
    "ticket.open_over_a_day",
    "ticket.by_mail",
    "customer",
    "customer.name",
    "customer.first_name",
    "customer.greeting_name",
    "customer.email",
    "agent",
    "agent.login",
    "agent.full_name",
    "agent.first_name",
    "agent.email",
    "previous_agent",
    "previous_agent.login",
    "previous_agent.full_name",
    "previous_agent.first_name",
    "owner",
    "owner.login",
    "owner.full_name",
    "owner.first_name",
    "now",
    "new_owner",
    "covering",
    "helping",
});

// The name `login` signed their last reply on `record` with.
std::string signed_name(const TicketRecord& record, const std::string& login) {
    for (auto it = record.events.rbegin(); it != record.events.rend(); ++it) {
        if (it->kind == "replied" && it->actor == login) {
            const auto detail = nlohmann::json::parse(it->detail, nullptr, false);
            if (detail.is_object() && detail.value("agent_name", "") != "") {
                return detail["agent_name"];
            }
        }
    }
    return {};
}

// Returns who `login` is in `lang` ({login, full_name, first_name}): as the team's
// directory names them, else by the name they signed with.
nlohmann::json person(const TicketRecord& record, const std::string& login, std::string_view lang,
                      const AgentDirectory& team) {
    nlohmann::json who{{"login", login}};
    std::optional<AgentIdentity> member = team ? team(login) : std::nullopt;
    const std::string full_name = member ? member->full_name.in(lang) : signed_name(record, login);
    if (!full_name.empty()) {
        who["full_name"] = full_name;
        who["first_name"] = member ? member->first_name_in(lang) : first_word_of(full_name);
    }
    return who;
}

}  // namespace

void set_vars(nlohmann::json& context, const std::map<std::string, std::string>& vars) {
    for (const auto& [name, value] : vars) {
        set_dotted(context, name, value);
    }
}

std::span<const std::string_view> reply_context_names() {
    return k_context_names;
}

std::string localized_date(Timestamp at, std::string_view lang) {
    using namespace std::chrono;
    const year_month_day date{floor<days>(sys_seconds{seconds{at}})};
    const auto month = static_cast<unsigned>(date.month()) - 1;
    const auto& months = lang == "ru" ? k_months_ru : k_months_en;
    return fmt::format("{} {} {}", static_cast<unsigned>(date.day()), months.at(month), static_cast<int>(date.year()));
}

std::string days_word(std::int64_t count, std::string_view lang) {
    if (lang == "ru") {
        const auto tens = count % 100;
        const auto ones = count % 10;
        if (ones == 1 && tens != 11) {
            return "день";
        }
        if (ones >= 2 && ones <= 4 && (tens < 12 || tens > 14)) {
            return "дня";
        }
        return "дней";
    }
    return count == 1 ? "day" : "days";
}

Introduction introduction_for(const TicketRecord& record, std::string_view login) {
    Introduction intro;
    const auto& owner = record.ticket.assignee;
    if (owner && *owner != login) {
        intro.helping = true;
        intro.owner = *owner;
        return intro;
    }
    // Read the history in order. Their time as owner begins with the last assignment to
    // them (a ticket they own with no such event: from the start; one nobody owns: with
    // this reply); a reply of theirs in that time means they have introduced themselves.
    bool answered_since = false;
    std::optional<std::string> last_replier;
    std::optional<std::string> owner_before;
    std::vector<std::string> repliers;
    for (const Event& event : record.events) {
        if (event.kind == "replied") {
            answered_since = answered_since || event.actor == login;
            last_replier = event.actor;
            repliers.push_back(event.actor);
            continue;
        }
        const auto detail =
            event.kind == "assigned" ? nlohmann::json::parse(event.detail, nullptr, false) : nlohmann::json();
        if (detail.is_object() && detail.value("to", nlohmann::json()) == login) {
            // A reply that takes an unowned ticket is recorded just before its assignment.
            answered_since = detail.value("by", "") == "reply";
            intro.temporary = detail.value("temporary", false);
            const auto& from = detail.value("from", nlohmann::json());
            owner_before = from.is_string() ? std::optional(from.get<std::string>()) : std::nullopt;
        }
    }
    if (!owner) {
        answered_since = false;
        owner_before.reset();
    }
    intro.new_owner = !answered_since && last_replier && *last_replier != login;
    if (!intro.new_owner) {
        intro.temporary = false;
        return intro;
    }
    const bool before_replied =
        owner_before && std::find(repliers.begin(), repliers.end(), *owner_before) != repliers.end();
    intro.previous = before_replied ? *owner_before : *last_replier;
    return intro;
}

nlohmann::json reply_context(const TicketRecord& record, const AgentIdentity& agent, std::string_view lang,
                             Timestamp now, const std::map<std::string, std::string>& vars,
                             const AgentDirectory& team) {
    const Ticket& t = record.ticket;
    const std::int64_t days_open = std::max<std::int64_t>(0, (now - t.created_at) / 86400);
    nlohmann::json context{
        {"ticket",
         {{"id", t.id},
          {"subject", t.subject},
          {"queue", t.queue.value_or("")},
          {"priority", to_string(t.priority)},
          {"status", to_string(t.status)},
          {"line", t.line},
          {"language", lang},
          {"created_date", localized_date(t.created_at, lang)},
          {"days_open", days_open},
          {"days_open_word", days_word(days_open, lang)},
          // For "we've been on it for N days" only when N is at least one: no "0 days".
          {"open_over_a_day", days_open >= 1},
          // Whether the customer answers by mail (a subject to keep) or in their chat.
          {"by_mail", kind_of_identity(t.requester) == IdentityKind::email}}},
        {"customer",
         {{"name", t.requester_name},
          {"first_name", first_word_of(t.requester_name)},
          {"greeting_name", greeting_name(t.requester_name)},
          {"email", t.requester}}},
        {"agent",
         {{"login", agent.login},
          {"full_name", agent.full_name.in(lang)},
          {"first_name", agent.first_name_in(lang)},
          {"email", agent.email}}},
        {"now", localized_date(now, lang)},
    };
    // The desk itself is nobody to introduce, and helps no owner.
    const Introduction intro = agent.login == k_desk_login ? Introduction{} : introduction_for(record, agent.login);
    context["new_owner"] = intro.new_owner;
    context["covering"] = intro.temporary;
    context["helping"] = intro.helping;
    if (intro.previous) {
        context["previous_agent"] = person(record, *intro.previous, lang, team);
    }
    if (intro.owner) {
        context["owner"] = person(record, *intro.owner, lang, team);
    }
    set_vars(context, vars);
    // A name given with --var brings the forms made from it, unless those are given too.
    const auto derive = [&](const std::string& from, const std::string& to, auto make) {
        if (vars.contains(from) && !vars.contains(to)) {
            set_vars(context, {{to, make(vars.at(from))}});
        }
    };
    derive("agent.full_name", "agent.first_name", first_word_of);
    derive("customer.name", "customer.first_name", first_word_of);
    derive("customer.name", "customer.greeting_name", greeting_name);
    return context;
}

TemplateFile message_template(std::span<const std::string> languages, MessageSlot slot) {
    TemplateFile file;
    file.path = "--message";
    const std::string body = slot == MessageSlot::given ? "{{> greeting}}\n\n{{message}}\n\n{{> signature}}\n"
                                                        : "{{> greeting}}\n\n\n\n{{> signature}}\n";
    for (const auto& lang : languages) {
        file.languages[lang] = TemplateText{"Re: {{ticket.subject}}", body, 1, 1};
    }
    return file;
}

RenderedReply render_reply(const TemplateLibrary& library, const TemplateFile& file, std::string_view lang,
                           const nlohmann::json& context) {
    const auto text = file.languages.find(std::string(lang));
    if (text == file.languages.end()) {
        std::vector<std::string> have;
        for (const auto& [name, unused] : file.languages) {
            have.push_back(name);
        }
        throw usage_error(
            fmt::format("template '{}' has no '{}' text (it has: {})", file.name, lang, join(have, ", ")));
    }
    nlohmann::json data = context;
    for (const auto& var : file.vars) {
        if (!data.contains(var.name) && var.default_value) {
            data[var.name] = *var.default_value;
        } else if (!data.contains(var.name) && var.required) {
            throw usage_error(fmt::format("template '{}' needs --var {}=...{}", file.name, var.name,
                                          var.description.empty() ? "" : " (" + var.description + ")"));
        }
    }
    // Partials are other templates' bodies in the same language, by name only.
    struct PartialSource {
        std::string path;
        std::size_t body_line = 1;
    };
    std::map<std::string, PartialSource> partial_files;
    mustache::RenderOptions options;
    options.partials = [&](std::string_view name) -> std::optional<std::string> {
        const auto partial = library.find(name);
        if (!partial || !partial->languages.contains(std::string(lang))) {
            return std::nullopt;
        }
        partial_files[std::string(name)] = {partial->path.string(), partial->languages.at(std::string(lang)).body_line};
        // A partial stands on a line of its own (a greeting, a signature): it ends with
        // a line break, as the line it replaces did, whatever its file's last line.
        std::string body = partial->languages.at(std::string(lang)).body;
        if (!body.empty() && !body.ends_with('\n')) {
            body += '\n';
        }
        return body;
    };
    RenderedReply reply{file.name, std::string(lang), "", "", file.status_after, template_attachments(file, lang)};
    std::vector<std::string> problems;
    auto render_part = [&](const std::string& source, std::size_t first_line, std::string& out) {
        auto result = mustache::Template(source).render(data, options);
        out = std::move(result.text);
        for (const auto& missing : result.missing) {
            const bool in_partial = !missing.partial.empty();
            const PartialSource origin =
                in_partial ? partial_files[missing.partial] : PartialSource{file.path.string(), first_line};
            const std::string& where = origin.path;
            const std::size_t line = origin.body_line + missing.position.line - 1;
            problems.push_back(fmt::format("{}:{}:{}: {} '{}'", where, line, missing.position.column,
                                           missing.is_partial ? "no partial" : "no value for", missing.name));
        }
    };
    try {
        render_part(text->second.subject, text->second.subject_line, reply.subject);
        render_part(text->second.body, text->second.body_line, reply.body);
    } catch (const Error&) {
        throw;  // A broken partial file already names itself.
    } catch (const std::runtime_error& error) {
        // A partial that does not parse, or one that includes itself.
        throw Error(Exit::config, fmt::format("{}: {}", file.path.string(), error.what()));
    }
    if (!problems.empty()) {
        const std::string what = file.name.empty() ? "the reply" : fmt::format("template '{}'", file.name);
        throw data_error(fmt::format("{} cannot be sent as it is: {}", what, join(problems, "; ")));
    }
    return reply;
}

}  // namespace tkt
