#include "core/ticket.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace tkt {
namespace {

constexpr std::array<std::string_view, 5> k_status_names{"new", "open", "pending", "solved", "closed"};
constexpr std::array<std::string_view, 4> k_priority_names{"low", "normal", "high", "urgent"};
constexpr std::array<std::string_view, 5> k_channel_names{"email", "chat", "phone", "web", "api"};
constexpr std::array<std::string_view, 3> k_direction_names{"in", "out", "note"};
constexpr std::array<std::string_view, 3> k_outbox_state_names{"queued", "sending", "sent"};

// Maps a name to the enum value at the same position of `names`.
template <class Enum, std::size_t N>
std::optional<Enum> parse_name(std::string_view name, const std::array<std::string_view, N>& names) {
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) {
        return std::nullopt;
    }
    return static_cast<Enum>(found - names.begin());
}

template <class Enum, std::size_t N>
std::string_view name_of(Enum value, const std::array<std::string_view, N>& names) {
    return names.at(static_cast<std::size_t>(value));
}

}  // namespace

std::string_view to_string(Status status) {
    return name_of(status, k_status_names);
}
std::string_view to_string(Priority priority) {
    return name_of(priority, k_priority_names);
}
std::string_view to_string(Channel channel) {
    return name_of(channel, k_channel_names);
}
std::string_view to_string(Direction direction) {
    return name_of(direction, k_direction_names);
}

std::string_view to_string(OutboxState state) {
    return name_of(state, k_outbox_state_names);
}
std::optional<OutboxState> parse_outbox_state(std::string_view name) {
    return parse_name<OutboxState>(name, k_outbox_state_names);
}

std::span<const std::string_view> status_names() {
    return k_status_names;
}
std::span<const std::string_view> priority_names() {
    return k_priority_names;
}
std::span<const std::string_view> channel_names() {
    return k_channel_names;
}

std::optional<Status> parse_status(std::string_view name) {
    return parse_name<Status>(name, k_status_names);
}
std::optional<Priority> parse_priority(std::string_view name) {
    return parse_name<Priority>(name, k_priority_names);
}
std::optional<Channel> parse_channel(std::string_view name) {
    return parse_name<Channel>(name, k_channel_names);
}
std::optional<Direction> parse_direction(std::string_view name) {
    return parse_name<Direction>(name, k_direction_names);
}

std::optional<TicketId> parse_ticket_id(std::string_view text) {
    if (text.starts_with('#')) {
        text.remove_prefix(1);
    }
    TicketId id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || id < 1) {
        return std::nullopt;
    }
    return id;
}

std::optional<std::string> parse_language(std::string_view text) {
    // The primary subtag of a BCP 47 tag is the language; a region ("en-US") does not
    // change which template text a reply is written in.
    const auto primary = text.substr(0, text.find_first_of("-_"));
    if (primary.size() < 2 || primary.size() > 3 || primary.size() + 1 == text.size()) {
        return std::nullopt;
    }
    std::string code;
    for (const char c : primary) {
        if (!std::isalpha(static_cast<unsigned char>(c))) {
            return std::nullopt;
        }
        code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return code;
}

bool is_finished(Status status) {
    return status == Status::solved || status == Status::closed;
}

bool is_valid_tag(std::string_view tag) {
    if (tag.empty() || tag.size() > 64 || tag.front() == '+' || tag.front() == '-' || !is_valid_utf8(tag)) {
        return false;
    }
    return std::none_of(tag.begin(), tag.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x21 || c == ',' || c == 0x7f; });
}

}  // namespace tkt
