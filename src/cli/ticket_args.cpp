#include "cli/ticket_args.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace tkt::cli {

std::vector<TicketId> parse_ticket_ids(std::span<const std::string> words) {
    std::vector<TicketId> ids;
    for (const auto& word : words) {
        const auto id = parse_ticket_id(word);
        if (!id) {
            throw usage_error(fmt::format("invalid ticket id '{}' (ids are numbers such as 42)", word));
        }
        ids.push_back(*id);
    }
    return ids;
}

namespace {
// A control character no argument of tkt's would start with.
constexpr char k_dash_mark = '\x1f';
}  // namespace

std::string protect_dash_word(const std::string& word) {
    const bool removal = word.size() > 1 && word[0] == '-' && word[1] != '-' && word != "-h";
    return removal ? k_dash_mark + word : word;
}

std::string restore_dash_word(const std::string& word) {
    return word.starts_with(k_dash_mark) ? word.substr(1) : word;
}

std::map<std::string, std::string> parse_vars(const std::vector<std::string>& words) {
    std::map<std::string, std::string> vars;
    for (const auto& word : words) {
        const auto equals = word.find('=');
        if (equals == std::string::npos || equals == 0) {
            throw usage_error(fmt::format("invalid --var '{}' (write name=value)", word));
        }
        vars[word.substr(0, equals)] = word.substr(equals + 1);
    }
    return vars;
}

}  // namespace tkt::cli
