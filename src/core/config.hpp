// config.toml: who "I" am, mail settings, defaults (DESIGN.md 4). Every key is optional.
#pragma once

#include "core/time.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// A person's name, which a bilingual desk may write differently in each language:
// "Anna Smirnova", or { en = "Anna Smirnova", ru = "Анна Смирнова" } in a config file.
struct LocalizedName {
    LocalizedName() = default;
    // Makes the name `name`, the same in every language: implicit, as a plain string is
    // what most configs write.
    LocalizedName(std::string name) : text(std::move(name)) {}  // NOLINT(google-explicit-constructor)
    LocalizedName(const char* name) : text(name) {}             // NOLINT(google-explicit-constructor)

    std::string text;                                // written as a plain string
    std::map<std::string, std::string> by_language;  // "ru" -> "Анна Смирнова"
    std::size_t line = 0;                            // where the file writes it, for errors
    std::size_t column = 0;

    // Returns the name in `lang`: that language's own form, else the plain one, else
    // the English one (the Latin script most customers read), else the first given.
    std::string in(std::string_view lang) const;

    // Returns the name written for `lang` (its own form, else the plain one); "".
    std::string exactly_in(std::string_view lang) const;

    bool empty() const { return text.empty() && by_language.empty(); }
};

// Returns the first form of `name` that is not a first and a last name ("masha",
// "Anna"), nullopt when every form is: a reply is signed with both.
std::optional<std::string> lacking_last_name(const LocalizedName& name);

// Returns "FILE:LINE:COL: `who` signs replies as 'NAME': ..." when a form of `name`
// (written in `file`) is not a first and a last name; nullopt when all are.
std::optional<std::string> signature_problem(const LocalizedName& name, std::string_view file, std::string_view who);

// Returns the first word of `full_name`: the given name, as directories write names.
std::string first_word_of(std::string_view full_name);

struct AgentIdentity {
    std::string login;
    LocalizedName full_name;
    std::string email;
    LocalizedName first_name;  // when given; else the first word of full_name

    // Returns the first name to introduce oneself with in `lang`.
    std::string first_name_in(std::string_view lang) const;
};

// A ticket's tag found in a subject: its id, and where it stands.
struct SubjectTag {
    std::int64_t ticket_id = 0;
    std::size_t at = 0;
    std::size_t length = 0;
};

// Returns every tag in `subject` written in the form `format` ("[Support #{id}]"), left
// to right; none when `format` has no {id}.
std::vector<SubjectTag> find_subject_tags(std::string_view subject, std::string_view format);

struct MailSettings {
    std::string from;
    std::string subject_tag = "[Support #{id}]";
    std::vector<std::string> sendmail{"/usr/sbin/sendmail", "-t", "-i"};
    // How many sendmail processes run at a time when many messages go (1 to
    // k_max_parallel_sendmail): one keeps the order they were queued in.
    std::size_t parallel = 1;
};

// The most sendmail processes mail.parallel may ask for at a time.
constexpr std::size_t k_max_parallel_sendmail = 16;

// Which template a choice in [acknowledge] names, and where config.toml writes it.
struct TemplateChoice {
    std::optional<std::string> name;  // nullopt: no acknowledgement (false in the file)
    std::size_t line = 0;
    std::size_t column = 0;
};

// [acknowledge]: what the desk sends by itself when mail opens a ticket. None unless
// config.toml asks: an automatic message to customers is the team's decision.
struct AcknowledgeSettings {
    TemplateChoice all;                            // `template`, for every queue
    std::map<std::string, TemplateChoice> queues;  // [acknowledge.queues]: a queue's own
    std::int64_t max_per_address_per_day = 10;     // over it, no more that day
    LocalizedName signed_by;                       // the desk's name; else [mail] from's

    // Returns the template for a ticket in `queue` (nullopt: unrouted), nullopt for none.
    std::optional<std::string> template_for(const std::optional<std::string>& queue) const;

    // Returns true when some queue may be acknowledged.
    bool enabled() const;
};

// How replies reach customers of a chat platform, a web form or an API client:
// config.toml's [channels.NAME].
struct ChannelSettings {
    std::string name;                  // chat, web or api
    std::vector<std::string> deliver;  // the program handed each reply as JSON on stdin
};

struct Config {
    std::filesystem::path dir;
    std::vector<ChannelSettings> channels;  // those config.toml sets, in its order
    AgentIdentity agent;
    MailSettings mail;
    std::string lang = "en";   // for customers whose language is unknown
    std::string country;       // ISO 3166 ("RU"): phone numbers without a country code are of it
    bool lint_strict = false;  // a reply with lint findings is refused (65)
    bool route_on_new = true;
    Seconds repeat_window = 7 * 86400;
    AcknowledgeSettings acknowledge;
};

// Loads `dir`/config.toml over the defaults; `fallback_login` names the agent when the
// file does not. Throws a configuration error (exit 78) naming file:line:col for a
// syntax error, an unknown key or a value of the wrong type.
Config load_config(const std::filesystem::path& dir, const std::string& fallback_login);

// Returns the program of `channels` that delivers replies on channel `name`; nullptr
// when they name none (or an empty one).
const std::vector<std::string>* delivery_program(const std::vector<ChannelSettings>& channels, std::string_view name);

}  // namespace tkt
