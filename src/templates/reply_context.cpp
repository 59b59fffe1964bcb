#include "templates/reply_context.hpp"

#include "core/address.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

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

bool ends_with_any(std::string_view word, std::initializer_list<std::string_view> endings) {
    return std::any_of(endings.begin(), endings.end(), [&](std::string_view ending) { return word.ends_with(ending); });
}

bool is_patronymic(std::string_view word) {
    return ends_with_any(word, {"вич", "вна", "ична", "инична", "ьич", "оглы", "кызы"});
}

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

// The `replied` event of the agent who answered the customer last.
const Event* last_reply(const std::vector<Event>& events) {
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->kind == "replied") {
            return &*it;
        }
    }
    return nullptr;
}

constexpr std::array<std::string_view, 27> k_context_names{
    "ticket",
    "ticket.id",
    "ticket.subject",
    "ticket.queue",
    "ticket.priority",
    "ticket.status",
    "ticket.line",
    "ticket.created_date",
    "ticket.days_open",
    "ticket.days_open_word",
    "ticket.open_over_a_day",
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
    "now",
    "new_owner",
};

std::string first_word(std::string_view name) {
    const auto words = split(squash_whitespace(name), ' ');
    return words.empty() ? std::string() : words.front();
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

std::string greeting_name(std::string_view name) {
    const auto words = split(squash_whitespace(name), ' ');
    if (words.size() == 3 && is_patronymic(words[2])) {
        return words[1] + " " + words[2];  // Фамилия Имя Отчество
    }
    if (words.size() >= 2 && is_patronymic(words[1])) {
        return words[0] + " " + words[1];  // Имя Отчество Фамилия
    }
    return words.empty() ? std::string() : words.front();
}

nlohmann::json reply_context(const TicketRecord& record, const AgentIdentity& agent, std::string_view lang,
                             Timestamp now, const std::map<std::string, std::string>& vars) {
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
          {"created_date", localized_date(t.created_at, lang)},
          {"days_open", days_open},
          {"days_open_word", days_word(days_open, lang)},
          // For "we've been on it for N days" only when N is at least one: no "0 days".
          {"open_over_a_day", days_open >= 1}}},
        {"customer",
         {{"name", t.requester_name},
          {"first_name", first_word(t.requester_name)},
          {"greeting_name", greeting_name(t.requester_name)},
          {"email", t.requester}}},
        {"agent",
         {{"login", agent.login},
          {"full_name", agent.full_name},
          {"first_name", first_word(agent.full_name)},
          {"email", agent.email}}},
        {"now", localized_date(now, lang)},
        {"new_owner", false},
    };
    if (const Event* previous = last_reply(record.events); previous && previous->actor != agent.login) {
        context["new_owner"] = true;
        context["previous_agent"] = {{"login", previous->actor}};
        // The name the previous agent signed with, as the reply recorded it.
        const auto detail = nlohmann::json::parse(previous->detail, nullptr, false);
        if (detail.is_object() && detail.value("agent_name", "") != "") {
            const std::string name = detail["agent_name"];
            context["previous_agent"]["full_name"] = name;
            context["previous_agent"]["first_name"] = first_word(name);
        }
    }
    set_vars(context, vars);
    // A name given with --var brings the forms made from it, unless those are given too.
    const auto derive = [&](const std::string& from, const std::string& to, auto make) {
        if (vars.contains(from) && !vars.contains(to)) {
            set_vars(context, {{to, make(vars.at(from))}});
        }
    };
    derive("agent.full_name", "agent.first_name", first_word);
    derive("customer.name", "customer.first_name", first_word);
    derive("customer.name", "customer.greeting_name", greeting_name);
    return context;
}

TemplateFile message_template(std::string_view lang) {
    TemplateFile file;
    file.path = "--message";
    file.languages[std::string(lang)] =
        TemplateText{"Re: {{ticket.subject}}", "{{> greeting}}\n\n{{message}}\n\n{{> signature}}\n", 1, 1};
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
    RenderedReply reply{file.name, std::string(lang), "", "", file.status_after};
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
