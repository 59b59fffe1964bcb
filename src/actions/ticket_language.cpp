#include "actions/ticket_language.hpp"

#include "actions/tickets.hpp"
#include "core/error.hpp"
#include "routing/language.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tkt {
namespace {

nlohmann::json or_null(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

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

std::vector<LanguageChange> set_ticket_language(Store& store, std::span<const TicketId> ids,
                                                const LanguageChoice& choice, const Actor& actor) {
    // Detection reads messages, which are only ever added: it can run before the write.
    std::vector<std::optional<std::string>> targets;
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
    auto transaction = store.begin_write();
    std::vector<LanguageChange> changes;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const TicketId id = ids[i];
        LanguageChange change{id, require_ticket(store, id).language, targets[i], false};
        change.changed = change.to != change.from;
        if (change.changed) {
            store.set_language(id, change.to);
            store.insert_event(
                id, actor.now, actor.login, "changed",
                nlohmann::json{{"field", "language"}, {"from", or_null(change.from)}, {"to", or_null(change.to)}}
                    .dump());
            store.touch(id, actor.now);
        }
        changes.push_back(std::move(change));
    }
    transaction.commit();
    return changes;
}

}  // namespace tkt
