// config.toml: who "I" am, mail settings, defaults (DESIGN.md 4). Every key is optional.
#pragma once

#include "core/time.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tkt {

struct AgentIdentity {
    std::string login;
    std::string full_name;
    std::string email;
};

struct MailSettings {
    std::string from;
    std::string subject_tag = "[Support #{id}]";
    std::vector<std::string> sendmail{"/usr/sbin/sendmail", "-t", "-i"};
};

struct Config {
    std::filesystem::path dir;
    AgentIdentity agent;
    MailSettings mail;
    std::string lang = "en";
    bool route_on_new = true;
    Seconds repeat_window = 7 * 86400;
};

// Loads `dir`/config.toml over the defaults; `fallback_login` names the agent when the
// file does not. Throws a configuration error (exit 78) naming file:line:col for a
// syntax error, an unknown key or a value of the wrong type.
Config load_config(const std::filesystem::path& dir, const std::string& fallback_login);

}  // namespace tkt
