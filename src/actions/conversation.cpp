#include "actions/conversation.hpp"

#include "actions/ratings.hpp"
#include "core/address.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "routing/language.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tkt {
namespace {

// The longest subject made from a body: a list shows about this much.
constexpr std::size_t k_subject_width = 80;

// How far ahead of the clock a message's own time may be (another machine's clock).
constexpr Seconds k_clock_skew = 300;

// External ids live beside Message-IDs in one unique column, apart by a prefix no
// Message-ID has (a space). A platform numbers messages per conversation (Telegram's
// message_id counts per chat): an id counts within its thread, else its sender.
std::string external_key(const InboundMessage& message) {
    return fmt::format("ext {} {}", message.thread.value_or(message.from.value), *message.external_id);
}

void validate(const InboundMessage& message, Timestamp now) {
    if (!is_valid_utf8(message.body) || !is_valid_utf8(message.subject) || !is_valid_utf8(message.from.name)) {
        throw data_error("the body, subject and name must be valid UTF-8");
    }
    if (trim(message.body).empty() && !message.rating) {
        throw data_error("the body is empty");
    }
    if (message.rating && (*message.rating < 1 || *message.rating > 5)) {
        throw data_error(fmt::format("rating {} is out of range: from 1 (bad) to 5 (excellent)", *message.rating));
    }
    if (message.at && *message.at > now + k_clock_skew) {
        throw data_error(fmt::format("the time {} is in the future", format_iso8601(*message.at)));
    }
    if (message.external_id && (message.external_id->empty() || !is_valid_utf8(*message.external_id))) {
        throw data_error("the message id is empty or not valid UTF-8");
    }
    if (message.thread && (trim(*message.thread).empty() || !is_valid_utf8(*message.thread))) {
        throw data_error("the thread is empty or not valid UTF-8");
    }
}

Message inbound_row(const InboundMessage& message, TicketId ticket, Timestamp at) {
    Message row;
    row.ticket_id = ticket;
    row.direction = Direction::in;
    if (message.external_id) {
        row.message_id = external_key(message);
    }
    row.author = format_address(Address{message.from.name, message.from.value});
    row.subject = message.subject;
    row.body = message.body;
    row.created_at = at;
    return row;
}

nlohmann::json event_detail(const InboundMessage& message) {
    nlohmann::json detail{{"channel", to_string(message.channel)}};
    if (message.thread) {
        detail["thread"] = *message.thread;
    }
    if (message.external_id) {
        detail["id"] = *message.external_id;
    }
    if (!message.recorded_by.empty()) {
        detail["recorded_by"] = message.recorded_by;
    }
    return detail;
}

InboundResult join(Store& store, const Ticket& ticket, const InboundMessage& message, const Actor& actor) {
    // A transcript line from before the ticket was solved was answered by that solve:
    // it reopens nothing, and rates nothing either.
    const bool answered = ticket.solved_at && is_finished(ticket.status) && actor.now < *ticket.solved_at;
    std::optional<RatingReply> rating;
    RatingSource source = RatingSource::customer;
    if (message.rating) {
        rating = RatingReply{*message.rating, std::string(trim(message.body))};
    } else if (is_finished(ticket.status) && !answered) {
        rating = read_rating_reply(message.body);
        source = RatingSource::reply;
    }
    // A rating form's submission is kept as the customer's message too, its comment the
    // body (perhaps empty): its id then makes a second delivery change nothing.
    Message row = inbound_row(message, ticket.id, actor.now);
    if (message.channel != ticket.channel) {
        row.channel = message.channel;
    }
    if (rating) {
        row.rating = rating->score;
    }
    const auto row_id = store.insert_message(row);
    store.touch(ticket.id, actor.now);
    store.insert_event(ticket.id, actor.now, actor.login, "received", event_detail(message).dump());
    InboundResult result{InboundOutcome::added, ticket.id, false};
    if (rating) {
        record_rating(store, ticket, rating->score, rating->comment, source, actor, row_id);
        result.rated = rating->score;
    } else if (!answered) {
        result.reopened = react_to_customer(store, ticket, message.subject, message.body, actor, "customer");
    }
    return result;
}

InboundResult open_ticket(Store& store, const InboundMessage& message, const InboundSettings& settings,
                          const Actor& actor) {
    NewTicket ticket;
    ticket.subject = trim(message.subject).empty() ? subject_from_body(message.body) : std::string(message.subject);
    ticket.requester = message.from.value;
    ticket.requester_name = message.from.name;
    ticket.body = message.body;
    ticket.channel = message.channel;
    validate_new_ticket(ticket);
    if (auto language = message_language(ticket.subject, ticket.body); !language.empty()) {
        ticket.language = std::move(language);
    }
    ticket.parent_id = store.latest_ticket_from(ticket.requester, actor.now - settings.repeat_window, actor.now);
    const TicketId id = store.insert_ticket(ticket, actor.now);
    Message row = inbound_row(message, id, actor.now);
    row.subject = ticket.subject;
    store.insert_message(row);
    auto detail = event_detail(message);
    detail["priority"] = to_string(ticket.priority);
    if (ticket.parent_id) {
        detail["repeat_of"] = *ticket.parent_id;
    }
    store.insert_event(id, actor.now, actor.login, "created", detail.dump());
    if (settings.on_new_ticket) {
        settings.on_new_ticket(store, id, actor);
    }
    return InboundResult{InboundOutcome::created, id, false};
}

}  // namespace

std::string_view to_string(InboundOutcome outcome) {
    switch (outcome) {
    case InboundOutcome::created: return "created";
    case InboundOutcome::added: return "added";
    case InboundOutcome::duplicate: return "duplicate";
    }
    return "created";
}

std::string subject_from_body(std::string_view body) {
    for (const auto& line : split(body, '\n')) {
        if (const auto text = trim(line); !text.empty()) {
            return truncate_to_width(text, k_subject_width);
        }
    }
    return "(no subject)";
}

bool react_to_customer(Store& store, const Ticket& ticket, std::string_view subject, std::string_view body,
                       const Actor& actor, std::string_view by) {
    if (!ticket.language) {
        // The first message was too short to tell ("help!"); this one may say more.
        if (const auto language = message_language(subject, body); !language.empty()) {
            store.set_language(ticket.id, language);
        }
    }
    if (is_finished(ticket.status) || ticket.status == Status::pending) {
        change_status(store, ticket, Status::open, actor, by);
        return is_finished(ticket.status);
    }
    return false;
}

InboundResult store_inbound(Store& store, const InboundMessage& message, const InboundSettings& settings,
                            Opening opening, Timestamp now) {
    validate(message, now);
    // What a customer says is theirs, whoever typed it in: never an agent's work.
    const Actor actor{message.from.value, message.at.value_or(now)};
    if (message.external_id) {
        if (const auto known = store.ticket_of_message(external_key(message))) {
            return InboundResult{InboundOutcome::duplicate, *known, false};
        }
    }
    std::optional<TicketId> target = message.ticket;
    if (target && !store.find_ticket(*target)) {
        throw not_found("ticket", *target);
    }
    if (!target && message.thread) {
        target = store.ticket_of_thread(*message.thread);
    }
    InboundResult result;
    if (target) {
        result = join(store, require_ticket(store, surviving_ticket(store, *target)), message, actor);
    } else if (message.rating) {
        throw data_error(message.thread ? fmt::format("thread '{}' names no ticket to rate", *message.thread)
                                        : std::string("a rating needs its ticket: give \"ticket\" or a known "
                                                      "\"thread\""));
    } else if (opening == Opening::allowed) {
        result = open_ticket(store, message, settings, actor);
    } else {
        throw data_error(message.thread ? fmt::format("thread '{}' names no ticket yet: give its ticket, or open one "
                                                      "with 'tkt new --json'",
                                                      *message.thread)
                                        : std::string("no ticket to add to: give \"ticket\" or a known \"thread\""));
    }
    if (message.thread) {
        store.set_thread(*message.thread, result.ticket, message.at.value_or(now));
    }
    // Once the thread is known: the acknowledgement goes back into the conversation.
    if (result.outcome == InboundOutcome::created && settings.acknowledge) {
        result.acknowledgement = settings.acknowledge(store, result.ticket, MailKind::human, actor.now);
    }
    return result;
}

std::vector<BatchOutcome> store_inbound_batch(Store& store, std::span<const InboundMessage> messages,
                                              const InboundSettings& settings, Opening opening, Timestamp now) {
    std::vector<BatchOutcome> outcomes;
    outcomes.reserve(messages.size());
    auto transaction = store.begin_write();
    for (const auto& message : messages) {
        auto step = store.begin_step();
        try {
            outcomes.push_back(BatchOutcome{store_inbound(store, message, settings, opening, now), {}});
            step.commit();
        } catch (const Error& error) {
            if (error.code() != Exit::data && error.code() != Exit::usage && error.code() != Exit::nothing) {
                throw;
            }
            outcomes.push_back(BatchOutcome{std::nullopt, error.what()});
        }
    }
    transaction.commit();
    return outcomes;
}

}  // namespace tkt
