#include "cli/json_stream.hpp"

#include "cli/sending.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "mail/inbound.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <variant>

namespace tkt::cli {
namespace {

// Lines stored in one transaction at most: a commit per line would cost a disk sync
// each, while a long-held write lock would keep other deliveries waiting.
constexpr std::size_t k_batch_lines = 500;

// A line read, and what it says or what is wrong with it.
struct StreamLine {
    std::size_t number = 0;
    std::variant<InboundMessage, std::string> content;  // the message, or the error
};

// Returns true when more input can be read without waiting: a batch ends at a pause,
// so that a line from a slow writer is stored at once.
bool more_input_ready(std::istream& in) {
    if (in.rdbuf()->in_avail() > 0) {
        return true;
    }
    pollfd input{0, POLLIN, 0};
    return ::poll(&input, 1, 0) > 0;
}

std::optional<std::string> text_field(const nlohmann::json& object, const char* name) {
    const auto found = object.find(name);
    if (found == object.end() || found->is_null()) {
        return std::nullopt;
    }
    if (!found->is_string()) {
        throw data_error(fmt::format("'{}' must be a string", name));
    }
    return found->get<std::string>();
}

std::string required_text(const nlohmann::json& object, const char* name) {
    auto value = text_field(object, name);
    if (!value) {
        throw data_error(fmt::format("missing field '{}'", name));
    }
    return std::move(*value);
}

// An id may be a number on platforms that count their messages.
std::string id_field(const nlohmann::json& object) {
    const auto found = object.find("id");
    if (found != object.end() && found->is_number_integer()) {
        return std::to_string(found->get<std::int64_t>());
    }
    return required_text(object, "id");
}

std::optional<Timestamp> time_field(const nlohmann::json& object) {
    const auto found = object.find("at");
    if (found == object.end() || found->is_null()) {
        return std::nullopt;
    }
    if (found->is_number_integer()) {
        return found->get<Timestamp>();
    }
    const auto at = found->is_string() ? parse_timestamp(found->get<std::string>()) : std::nullopt;
    if (!at) {
        throw data_error("'at' must be ISO 8601 (2026-12-07T10:30:00Z) or Unix seconds");
    }
    return at;
}

InboundMessage read_message(const std::string& text, std::string_view country) {
    nlohmann::json object;
    try {
        object = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        throw data_error(fmt::format("not valid JSON (at byte {})", error.byte));
    }
    if (!object.is_object()) {
        throw data_error("not a JSON object");
    }
    InboundMessage message;
    message.external_id = id_field(object);
    const std::string from = required_text(object, "from");
    const auto identity = parse_identity(from, country);
    if (!identity) {
        throw data_error(fmt::format("'from': {}", identity_problem(from, country)));
    }
    message.from = *identity;
    if (auto name = text_field(object, "name")) {
        message.from.name = std::move(*name);
    }
    if (const auto rating = object.find("rating"); rating != object.end() && !rating->is_null()) {
        if (!rating->is_number_integer() || rating->get<std::int64_t>() < 1 || rating->get<std::int64_t>() > 5) {
            throw data_error("'rating' must be a score from 1 (bad) to 5 (excellent)");
        }
        message.rating = rating->get<int>();
    }
    // A rating's comment may be empty; any other message says something.
    message.body = message.rating ? text_field(object, "body").value_or("") : required_text(object, "body");
    message.thread = text_field(object, "thread");
    message.subject = text_field(object, "subject").value_or("");
    const std::string channel = text_field(object, "channel").value_or("chat");
    const auto parsed = parse_channel(channel);
    if (!parsed || *parsed == Channel::email) {
        throw data_error(fmt::format("'channel' must be chat, phone, web or api, not '{}' (mail comes by "
                                     "'tkt new --email')",
                                     channel));
    }
    message.channel = *parsed;
    message.at = time_field(object);
    if (const auto ticket = object.find("ticket"); ticket != object.end() && !ticket->is_null()) {
        if (!ticket->is_number_integer() || ticket->get<std::int64_t>() < 1) {
            throw data_error("'ticket' must be a ticket number");
        }
        message.ticket = ticket->get<TicketId>();
    }
    return message;
}

// Counts what the stream did, for its summary.
struct Tally {
    std::size_t lines = 0;
    std::size_t created = 0;
    std::size_t added = 0;
    std::size_t duplicates = 0;
    std::size_t refused = 0;

    std::string summary() const {
        return fmt::format("{} line{}: {} created, {} added, {} duplicate{}, {} refused", lines, lines == 1 ? "" : "s",
                           created, added, duplicates, duplicates == 1 ? "" : "s", refused);
    }
};

std::vector<StreamLine> read_batch(std::istream& in, std::size_t& number, std::string_view country) {
    std::vector<StreamLine> batch;
    std::string text;
    while (batch.size() < k_batch_lines && std::getline(in, text)) {
        ++number;
        if (trim(text).empty()) {
            continue;
        }
        StreamLine line{number, std::string()};
        if (text.size() > k_max_message_bytes) {
            line.content = fmt::format("the line is larger than {} MiB, the most tkt takes", k_max_message_bytes >> 20);
        } else {
            try {
                line.content = read_message(text, country);
            } catch (const Error& error) {
                line.content = std::string(error.what());
            }
        }
        batch.push_back(std::move(line));
        if (!more_input_ready(in)) {
            break;
        }
    }
    if (in.bad()) {
        throw Error(Exit::temp_fail, "cannot read standard input");
    }
    return batch;
}

// What a batch did: each line's result as JSON, and the acknowledgements to send.
struct BatchResult {
    std::vector<nlohmann::ordered_json> lines;
    std::vector<TicketAcknowledgement> acknowledgements;
};

// Stores the messages of `batch` in one transaction (store_inbound_batch), and says what
// became of each line, read or not.
BatchResult store_batch(Context& context, std::vector<StreamLine>& batch, Opening opening,
                        const InboundSettings& settings) {
    std::vector<InboundMessage> messages;
    for (auto& line : batch) {
        if (auto* message = std::get_if<InboundMessage>(&line.content)) {
            messages.push_back(std::move(*message));
        }
    }
    const auto outcomes = store_inbound_batch(context.store(), messages, settings, opening, context.now());
    BatchResult done;
    auto outcome = outcomes.begin();
    for (const auto& line : batch) {
        nlohmann::ordered_json result{{"line", line.number}};
        if (const auto* unread = std::get_if<std::string>(&line.content)) {
            result["error"] = *unread;
        } else if (const BatchOutcome& stored = *outcome++; stored.stored) {
            result["ticket"] = stored.stored->ticket;
            result["outcome"] = to_string(stored.stored->outcome);
            if (stored.stored->rated) {
                result["rated"] = *stored.stored->rated;
            }
            done.acknowledgements.emplace_back(stored.stored->ticket, stored.stored->acknowledgement);
        } else {
            result["error"] = stored.refused;
        }
        done.lines.push_back(std::move(result));
    }
    return done;
}

}  // namespace

void run_json_stream(Context& context, Opening opening, const InboundSettings& settings) {
    const std::string country = context.phone_country();
    Tally tally;
    std::size_t number = 0;
    std::size_t unstored = 1;  // the first line of the batch being stored
    try {
        for (auto batch = read_batch(context.in(), number, country); !batch.empty();
             batch = read_batch(context.in(), number, country)) {
            unstored = batch.front().number;
            const auto done = store_batch(context, batch, opening, settings);
            for (const auto& result : done.lines) {
                ++tally.lines;
                if (result.contains("error")) {
                    ++tally.refused;
                    context.err() << fmt::format("tkt: stdin:{}: {}\n", result["line"].get<std::size_t>(),
                                                 result["error"].get<std::string>());
                } else {
                    const auto outcome = result["outcome"].get<std::string>();
                    ++(outcome == "created" ? tally.created : outcome == "added" ? tally.added : tally.duplicates);
                }
                context.out() << result.dump() << '\n';
            }
            context.out().flush();
            // After the commit, as for mail: a chat customer hears back at once.
            send_acknowledgements(done.acknowledgements, context);
        }
    } catch (const Error& error) {
        // The batch rolled back whole: say where storing stopped, not where reading did.
        throw Error(error.code(), fmt::format("{}; nothing from stdin:{} on is stored (before it, {}): deliver the "
                                              "stream again, whole or from there: the ids keep it from storing a "
                                              "message twice",
                                              error.what(), unstored, tally.summary()));
    }
    if (tally.refused > 0) {
        throw data_error(tally.summary());
    }
    context.err() << "tkt: " << tally.summary() << '\n';
}

}  // namespace tkt::cli
