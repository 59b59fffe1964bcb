#include "actions/ticket_language.hpp"

#include "actions/tickets.hpp"
#include "core/error.hpp"
#include "routing/language.hpp"

#include <fmt/format.h>

namespace tkt {
std::string customer_language(const TicketRecord& record) {
    if (record.ticket.language) {
        return *record.ticket.language;
    }
    std::string text = record.ticket.subject;
    for (const auto& message : record.messages) {
        if (message.direction == Direction::in && !message.automatic) {
            text += "\n" + own_text(message.body);
        }
    }
    return detect_language(text);
}

LanguageChoice parse_language_choice(std::string_view value) {
    if (value == "none") {
        return {LanguageChoice::Kind::unknown, {}};
    }
    if (value == "auto") {
        return {LanguageChoice::Kind::detect, {}};
    }
    if (auto code = parse_language(value)) {
        return {LanguageChoice::Kind::code, std::move(*code)};
    }
    throw usage_error(fmt::format("'{}' is not a language: give a code such as ru or en, 'auto' to detect it "
                                  "again, or 'none'",
                                  value));
}

std::vector<std::optional<std::string>> language_targets(Store& store, std::span<const TicketId> ids,
                                                         const LanguageChoice& choice) {
    std::vector<std::optional<std::string>> targets;
    targets.reserve(ids.size());
    for (const auto id : ids) {
        if (choice.kind == LanguageChoice::Kind::code) {
            targets.emplace_back(choice.code);
        } else if (choice.kind == LanguageChoice::Kind::unknown) {
            targets.emplace_back();
        } else {
            TicketRecord record = load_ticket(store, id);
            record.ticket.language.reset();
            auto detected = customer_language(record);
            targets.push_back(detected.empty() ? std::nullopt : std::optional(std::move(detected)));
        }
    }
    return targets;
}

}  // namespace tkt
