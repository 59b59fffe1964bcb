// Replies: the context a template sees (DESIGN.md 5) and rendering a template into a
// reply that is whole or refused, never "Hello ,".
#pragma once

#include "core/config.hpp"
#include "core/ticket.hpp"
#include "templates/template_file.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <string>

namespace tkt {

// Returns `at` as a date people read in `lang`: "22 November 2026", "22 ноября 2026".
std::string localized_date(Timestamp at, std::string_view lang);

// Returns the word for `count` days in `lang`: day/days, день/дня/дней.
std::string days_word(std::int64_t count, std::string_view lang);

// Returns how to greet someone called `name`: the first name, and for a Russian full
// name with a patronymic the name and patronymic ("Иванов Иван Иванович" is greeted
// "Иван Иванович"); "" when there is no name.
std::string greeting_name(std::string_view name);

// Returns the context of a reply on `record` by `agent` in `lang` at `now`, with the
// caller's `vars` (dotted names set nested values, so customer.greeting_name overrides).
nlohmann::json reply_context(const TicketRecord& record, const AgentIdentity& agent, std::string_view lang,
                             Timestamp now, const std::map<std::string, std::string>& vars);

// Sets each of `vars` in `context`, a dotted name setting a nested value.
void set_vars(nlohmann::json& context, const std::map<std::string, std::string>& vars);

// Returns every name reply_context() can give, dotted ("ticket.id", "new_owner"), for
// lint to tell a misspelt variable from a real one. Names under "previous_agent" are
// present only when someone else answered before.
std::span<const std::string_view> reply_context_names();

struct RenderedReply {
    std::string template_name;
    std::string lang;
    std::string subject;
    std::string body;
    std::optional<Status> status_after;
};

// Returns the template of a free-text reply in `lang`: the context's `message` between
// the greeting and the signature, under "Re: " and the ticket's subject. The message
// is a value, never template source, so "{{x}}" in it stays as written.
TemplateFile message_template(std::string_view lang);

// Renders `file` in `lang` with `context`, partials from `library`. Throws a usage
// error (64) for a language the template lacks or a required --var not given, and a
// data error (65) naming every variable that came out missing or empty, as file:line:col.
RenderedReply render_reply(const TemplateLibrary& library, const TemplateFile& file, std::string_view lang,
                           const nlohmann::json& context);

}  // namespace tkt
