#include "actions/notes.hpp"

#include "actions/tickets.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace tkt {
namespace {

// How much of a note its event keeps, in columns: enough to tell notes apart in
// `tkt history` and `tkt watch`; the whole text stays in the message.
constexpr std::size_t k_excerpt_width = 72;

}  // namespace

std::string note_text(std::string_view body) {
    if (!is_valid_utf8(body)) {
        throw data_error("the note is not valid UTF-8");
    }
    if (trim(body).empty()) {
        throw data_error("the note is empty");
    }
    std::string text(body);
    while (text.ends_with('\n') || text.ends_with('\r')) {
        text.pop_back();
    }
    return text;
}

std::int64_t record_note(Store& store, TicketId id, std::string_view body, const Actor& actor, std::string_view by) {
    Message message;
    message.ticket_id = id;
    message.direction = Direction::note;
    message.author = actor.login;
    message.body = std::string(body);
    message.created_at = actor.now;
    const std::int64_t row = store.insert_message(message);
    nlohmann::json detail{{"message", row}, {"excerpt", truncate_to_width(squash_whitespace(body), k_excerpt_width)}};
    if (!by.empty()) {
        detail["by"] = by;
    }
    store.insert_event(id, actor.now, actor.login, "noted", detail.dump());
    store.touch(id, actor.now);
    return row;
}

std::int64_t add_note(Store& store, TicketId id, std::string_view body, const Actor& actor) {
    const std::string text = note_text(body);
    auto transaction = store.begin_write();
    require_ticket(store, id);
    const std::int64_t row = record_note(store, id, text, actor);
    transaction.commit();
    return row;
}

const Message* handover_note(const TicketRecord& record) {
    const auto last = std::find_if(record.events.rbegin(), record.events.rend(),
                                   [](const Event& event) { return event.kind == "escalated"; });
    if (last == record.events.rend()) {
        return nullptr;
    }
    const auto detail = nlohmann::json::parse(last->detail, nullptr, false);
    if (!detail.is_object() || !detail.contains("note") || !detail["note"].is_number_integer()) {
        return nullptr;
    }
    const auto row = detail["note"].get<std::int64_t>();
    const auto found = std::find_if(record.messages.begin(), record.messages.end(),
                                    [row](const Message& message) { return message.id == row; });
    return found == record.messages.end() ? nullptr : &*found;
}

}  // namespace tkt
