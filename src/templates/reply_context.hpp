// Replies: the context a template sees (DESIGN.md 5) and rendering a template into a
// reply that is whole or refused, never "Hello ,".
#pragma once

#include "core/config.hpp"
#include "core/ticket.hpp"
#include "templates/template_file.hpp"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>

namespace tkt {

// Returns `at` as a date people read in `lang`: "22 November 2026", "22 ноября 2026".
std::string localized_date(Timestamp at, std::string_view lang);

// Returns the word for `count` days in `lang`: day/days, день/дня/дней.
std::string days_word(std::int64_t count, std::string_view lang);

// The login of the desk itself, which signs what no agent writes (acknowledgements on
// arrival) and records their events: tkt's own, like "(routing)", in no agent's stats.
inline constexpr std::string_view k_desk_login = "(desk)";

// Looks up an agent of the team by login, with their names in every language.
using AgentDirectory = std::function<std::optional<AgentIdentity>(std::string_view login)>;

// Who a reply's author is to the customer, read from the ticket's history.
struct Introduction {
    // The ticket became theirs (assignment, escalation, takeover, or this reply taking
    // an unowned ticket), someone else answered the customer before, and they have not
    // answered since: their first reply says who they are, once.
    bool new_owner = false;
    bool temporary = false;               // they cover for the owner for a while (assign --temporary)
    bool helping = false;                 // someone else owns the ticket: they help, and change nothing
    std::optional<std::string> previous;  // who answered before a new owner (a login)
    std::optional<std::string> owner;     // whom a helper helps (a login)
};

// Returns how a reply by `login` on `record` introduces its author.
Introduction introduction_for(const TicketRecord& record, std::string_view login);

// Returns the context of a reply on `record` by `agent` in `lang` at `now`, with the
// caller's `vars` (dotted names set nested values, so customer.greeting_name overrides);
// `team` names the previous agent and the owner in `lang`.
nlohmann::json reply_context(const TicketRecord& record, const AgentIdentity& agent, std::string_view lang,
                             Timestamp now, const std::map<std::string, std::string>& vars,
                             const AgentDirectory& team = {});

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
    std::vector<std::filesystem::path> attachments = {};  // files to send with it (template_attachments)
};

// Whether a free-text reply's message is given or is yet to be written in an editor.
enum class MessageSlot { given, to_write };

// Returns the template of a free-text reply in each of `languages`: the context's
// `message` (with `slot` to_write, an empty line) between the greeting and the
// signature, under "Re: " and the ticket's subject. The message is a value, never
// template source, so "{{x}}" in it stays as written.
TemplateFile message_template(std::span<const std::string> languages, MessageSlot slot = MessageSlot::given);

// Renders `file` in `lang` with `context`, partials from `library`. Throws a usage
// error (64) for a language the template lacks or a required --var not given, and a
// data error (65) naming every variable that came out missing or empty, as file:line:col.
RenderedReply render_reply(const TemplateLibrary& library, const TemplateFile& file, std::string_view lang,
                           const nlohmann::json& context);

}  // namespace tkt
