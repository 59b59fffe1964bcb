#include "actions/ingest_mail.hpp"

#include "actions/conversation.hpp"
#include "actions/ratings.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "routing/language.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

namespace tkt {
namespace {

// Returns the time a message is dated by. Live mail is dated by its arrival: a sender's
// wrong or forged Date would put a ticket years back (every SLA overdue at once) or
// hours ahead (missing from today's report). An archive is dated by its Date headers,
// when they are after 1990 and not more than a day ahead of now (else a broken clock,
// and the import time is the better guess).
Timestamp message_time(const InboundMail& mail, MessageDates dates, Timestamp now) {
    constexpr Timestamp k_1990 = 631152000;
    if (dates == MessageDates::header && mail.date && *mail.date > k_1990 && *mail.date <= now + 86400) {
        return *mail.date;
    }
    return now;
}

std::optional<TicketId> existing(Store& store, std::optional<TicketId> id) {
    return id && store.find_ticket(*id) ? id : std::nullopt;
}

// Reads our pseudo-reference "tkt-ticket-42@host".
std::optional<TicketId> ticket_from_pseudo_reference(std::string_view id) {
    constexpr std::string_view k_prefix = "tkt-ticket-";
    if (!id.starts_with(k_prefix)) {
        return std::nullopt;
    }
    TicketId ticket = 0;
    const auto digits = id.substr(k_prefix.size());
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), ticket);
    return error == std::errc() && end != digits.data() && *end == '@' ? std::optional(ticket) : std::nullopt;
}

// Threading, in DESIGN.md 6's order: the subject tag; In-Reply-To; References right to
// left; our pseudo-reference; for a bounce, the Message-ID it returns.
std::optional<TicketId> find_thread(Store& store, const InboundMail& mail, const IngestSettings& settings) {
    // A subject can carry another desk's tag, or ours for a ticket that is gone.
    for (const auto& tag : find_subject_tags(mail.subject, settings.subject_tag)) {
        if (auto id = existing(store, tag.ticket_id)) {
            return id;
        }
    }
    std::vector<std::string> ids = mail.in_reply_to;
    ids.insert(ids.end(), mail.references.rbegin(), mail.references.rend());
    ids.insert(ids.end(), mail.returned_ids.begin(), mail.returned_ids.end());
    for (const auto& id : ids) {
        if (id == mail.message_id) {
            continue;  // A message that refers to itself threads nowhere.
        }
        if (auto ticket = store.ticket_of_message(id)) {
            return ticket;
        }
    }
    for (const auto& id : ids) {
        if (auto ticket = existing(store, ticket_from_pseudo_reference(id))) {
            return ticket;
        }
    }
    return std::nullopt;
}

Message inbound_message(const InboundMail& mail, const std::string& key, Timestamp at) {
    Message message;
    message.direction = Direction::in;
    message.message_id = key;
    if (!mail.in_reply_to.empty()) {
        message.in_reply_to = mail.in_reply_to.front();
    }
    message.author = format_address(mail.from);
    message.subject = mail.subject;
    message.body = mail.body;
    message.automatic = mail.kind != MailKind::human;
    message.created_at = at;
    message.sent_at = mail.date;
    return message;
}

// Returns the message's row.
std::int64_t store_message(Store& store, Message message, const InboundMail& mail, std::string_view raw) {
    const auto row = store.insert_message(message, raw);
    for (const auto& attachment : mail.attachments) {
        store.insert_attachment(
            AttachmentInfo{row, attachment.filename, attachment.content_type, attachment.size, attachment.sha256});
    }
    return row;
}

IngestResult append_to(Store& store, TicketId id, const InboundMail& mail, std::string_view raw, const std::string& key,
                       const IngestSettings& settings, const Actor& sender) {
    // A reply is dated like a new ticket: an archive's replies keep their own times, and
    // reply-time metrics with them.
    const Actor actor{sender.login, message_time(mail, settings.dates, sender.now)};
    const Ticket ticket = require_ticket(store, id);
    // A person's reply to a solved ticket that is a rating ("5", "Оценка: 4") is the
    // customer's rating: it asks for nothing, so it reopens nothing.
    std::optional<RatingReply> rating;
    if (mail.kind == MailKind::human && is_finished(ticket.status)) {
        rating = read_rating_reply(mail.body);
    }
    Message message = inbound_message(mail, key, actor.now);
    message.ticket_id = id;
    if (rating) {
        message.rating = rating->score;
    }
    const auto row = store_message(store, message, mail, raw);
    store.touch(id, actor.now);
    store.insert_event(id, actor.now, actor.login, "received",
                       nlohmann::json{{"message_id", key}, {"kind", to_string(mail.kind)}}.dump());
    IngestResult result{IngestOutcome::threaded, id, mail.kind, false, {}, {}};
    if (rating) {
        record_rating(store, ticket, rating->score, rating->comment, RatingSource::reply, actor, row);
        result.rated = rating->score;
    } else if (mail.kind == MailKind::human) {
        // Only a person reopens and tells their language: auto-replies and bounces never do.
        result.reopened = react_to_customer(store, ticket, mail.subject, mail.body, actor, "mail");
    }
    return result;
}

NewTicket ticket_from(const InboundMail& mail, const IngestSettings& settings) {
    NewTicket ticket;
    ticket.subject = mail.subject.empty() ? "(no subject)" : truncate_to_width(mail.subject, 300);
    ticket.requester = mail.from.email;
    ticket.requester_name = mail.from.name;
    ticket.body = mail.body;
    ticket.channel = Channel::email;
    if (mail.kind != MailKind::human) {
        ticket.tags.emplace_back(to_string(mail.kind));
    } else if (auto language = message_language(mail.subject, mail.body); !language.empty()) {
        ticket.language = std::move(language);  // an auto-reply's language is not the customer's
    }
    if (settings.trusted) {
        ticket.queue = mail.control.queue;
        if (mail.control.priority) {
            ticket.priority = parse_priority(*mail.control.priority).value_or(Priority::normal);
        }
        for (const auto& tag : mail.control.tags) {
            if (is_valid_tag(tag)) {
                ticket.tags.push_back(tag);
            }
        }
    }
    return ticket;
}

IngestResult open_ticket(Store& store, const InboundMail& mail, std::string_view raw, const std::string& key,
                         const IngestSettings& settings, const Actor& actor) {
    NewTicket ticket = ticket_from(mail, settings);
    const Timestamp at = message_time(mail, settings.dates, actor.now);
    // A person who wrote again within the window is a repeat contact of their last ticket.
    if (mail.kind == MailKind::human && !ticket.requester.empty()) {
        ticket.parent_id = store.latest_ticket_from(ticket.requester, at - settings.repeat_window, at);
    }
    const TicketId id = store.insert_ticket(ticket, at);
    Message message = inbound_message(mail, key, at);
    message.ticket_id = id;
    store_message(store, message, mail, raw);
    nlohmann::json detail{{"channel", "email"}, {"message_id", key}, {"kind", to_string(mail.kind)}};
    if (ticket.parent_id) {
        detail["repeat_of"] = *ticket.parent_id;
    }
    store.insert_event(id, at, actor.login, "created", detail.dump());
    if (settings.on_new_ticket) {
        settings.on_new_ticket(store, id, actor);
    }
    IngestResult result{IngestOutcome::created, id, mail.kind, false, {}};
    if (settings.acknowledge) {
        result.acknowledgement = settings.acknowledge(store, id, mail.kind, at);
    }
    return result;
}

// Refuses (exit 65) input with no header field at all: random bytes are no message.
void require_headers(const InboundMail& mail) {
    if (!mail.has_headers) {
        throw data_error("not a mail message: it has no header fields");
    }
}

}  // namespace

IngestSettings ingest_settings(const Config& config, bool trusted) {
    IngestSettings settings;
    settings.subject_tag = config.mail.subject_tag;
    settings.repeat_window = config.repeat_window;
    settings.trusted = trusted;
    return settings;
}

std::string_view to_string(IngestOutcome outcome) {
    switch (outcome) {
    case IngestOutcome::created: return "created";
    case IngestOutcome::threaded: return "threaded";
    case IngestOutcome::duplicate: return "duplicate";
    case IngestOutcome::loop: return "loop";
    }
    return "created";
}

IngestResult ingest_parsed(Store& store, const InboundMail& mail, std::string_view raw, const IngestSettings& settings,
                           const Actor& agent) {
    // What mail does is the sender's doing, not the agent's who runs tkt: it must never
    // count as an agent's work.
    const Actor actor{mail.from.email.empty() ? "(mail)" : mail.from.email, agent.now};
    require_headers(mail);
    if (mail.kind == MailKind::own_loop) {
        return IngestResult{IngestOutcome::loop, 0, mail.kind, false, {}};
    }
    const std::string key = dedup_key(mail, raw);
    for (const auto& known_key : {key, legacy_dedup_key(mail, raw)}) {
        if (const auto known = known_key.empty() ? std::nullopt : store.ticket_of_message(known_key)) {
            return IngestResult{IngestOutcome::duplicate, *known, mail.kind, false, {}};
        }
    }
    if (const auto thread = find_thread(store, mail, settings)) {
        return append_to(store, surviving_ticket(store, *thread), mail, raw, key, settings, actor);
    }
    return open_ticket(store, mail, raw, key, settings, actor);
}

IngestResult ingest_mail(Store& store, std::string_view raw, const IngestSettings& settings, const Actor& actor) {
    // Parse before taking the write lock: other deliveries wait only for the writes.
    const InboundMail mail = parse_mail(raw, MailOptions{settings.trusted});
    require_headers(mail);
    try {
        auto transaction = store.begin_write();
        const IngestResult result = ingest_parsed(store, mail, raw, settings, actor);
        transaction.commit();
        return result;
    } catch (const Error& error) {
        // Once a message is read, nothing that fails in storing it is its fault: a
        // broken constraint is tkt's bug, never a reason to bounce the sender's mail.
        if (error.code() == Exit::data) {
            throw Error(Exit::software, error.what());
        }
        throw;
    }
}

}  // namespace tkt
