// The domain: tickets, their messages and the events that record everything done to them.
#pragma once

#include "core/time.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

using TicketId = std::int64_t;

enum class Status { new_, open, pending, solved, closed };
enum class Priority { low, normal, high, urgent };
enum class Channel { email, chat, phone, web, api };
enum class Direction { in, out, note };

// Returns the name of a value as stored and shown ("new", "urgent", "email", "in").
std::string_view to_string(Status status);
std::string_view to_string(Priority priority);
std::string_view to_string(Channel channel);
std::string_view to_string(Direction direction);

// Returns every valid name, in order, for error messages and completions.
std::span<const std::string_view> status_names();
std::span<const std::string_view> priority_names();
std::span<const std::string_view> channel_names();

// Parses a name into its value; nullopt when `name` is not one of the valid names.
std::optional<Status> parse_status(std::string_view name);
std::optional<Priority> parse_priority(std::string_view name);
std::optional<Channel> parse_channel(std::string_view name);
std::optional<Direction> parse_direction(std::string_view name);

// Parses a ticket id as users write it: "42" or "#42"; nullopt when it is not one.
std::optional<TicketId> parse_ticket_id(std::string_view text);

// Parses a language as users write it ("ru", "RU", "en-US", "en_GB") into the code
// tickets and templates use ("ru", "en"): two or three letters, lowercase; nullopt
// when `text` is not one.
std::optional<std::string> parse_language(std::string_view text);

// Returns true for solved and closed: the statuses that end a ticket's open life.
bool is_finished(Status status);

struct Ticket {
    TicketId id = 0;
    std::string subject;
    std::string requester;       // an address, lowercase domain
    std::string requester_name;  // may be empty
    Channel channel = Channel::api;
    std::optional<std::string> queue;
    int line = 1;
    Priority priority = Priority::normal;
    Status status = Status::new_;
    std::optional<std::string> assignee;
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
    std::optional<Timestamp> first_reply_at;
    std::optional<Timestamp> solved_at;
    // When the customer's oldest unanswered message arrived; nullopt once answered.
    std::optional<Timestamp> awaiting_since;
    std::optional<int> csat;
    std::optional<TicketId> parent_id;
    std::optional<TicketId> merged_into;  // set when folded into another ticket
    std::optional<std::string> language;  // the customer's ("ru", "en"); nullopt while unknown
    std::vector<std::string> tags;        // sorted
};

struct Message {
    std::int64_t id = 0;
    TicketId ticket_id = 0;
    Direction direction = Direction::in;
    std::optional<std::string> message_id;
    std::optional<std::string> in_reply_to;
    std::string author;
    std::string subject;
    std::string body;
    bool automatic = false;
    std::optional<Channel> channel;    // when it came another way than its ticket (a call)
    Timestamp created_at = 0;          // when tkt received or wrote it
    std::optional<Timestamp> sent_at;  // inbound mail: what its Date header says
    std::optional<int> rating;         // a customer's reply that is a rating: its score
};

struct Event {
    std::int64_t id = 0;
    TicketId ticket_id = 0;
    Timestamp at = 0;
    std::string actor;
    std::string kind;    // created, routed, assigned, escalated, replied, status, tagged, ...
    std::string detail;  // a JSON object
};

// What it takes to open a ticket: its fields and the first inbound message.
struct NewTicket {
    std::string subject;
    std::string requester;
    std::string requester_name;
    std::string body;
    Channel channel = Channel::api;
    Priority priority = Priority::normal;
    std::optional<std::string> queue;
    std::vector<std::string> tags;
    std::optional<TicketId> parent_id;    // the ticket this one repeats
    std::optional<std::string> language;  // given; else detected from subject and body
};

// What is known of a file that came with a message.
struct AttachmentInfo {
    std::int64_t message_id = 0;  // the row in messages
    std::string filename;
    std::string content_type;
    std::int64_t size = 0;
    std::string sha256;
};

// A ticket with everything recorded about it.
struct TicketRecord {
    Ticket ticket;
    std::vector<Message> messages;
    std::vector<Event> events;
    std::vector<AttachmentInfo> attachments;
    std::optional<std::string> thread = {};  // the chat platform's conversation, if any
};

// A reply waiting for sendmail, being handed to it, or sent. `sending` means a tkt
// process ran sendmail and has not said how it went: it is still running, or it
// stopped, and then the message may or may not have left.
enum class OutboxState { queued, sending, sent };

std::string_view to_string(OutboxState state);
std::optional<OutboxState> parse_outbox_state(std::string_view name);

// Which outbox entries a listing holds.
enum class OutboxScope { waiting, all };

struct OutboxItem {
    std::int64_t id = 0;
    std::int64_t message_row = 0;  // the outbound message in messages
    TicketId ticket_id = 0;
    Channel channel = Channel::email;  // email: sendmail; chat, web, api: the channel's program
    std::string recipient;
    std::string subject;
    OutboxState state = OutboxState::queued;
    std::int64_t attempts = 0;
    std::optional<std::string> last_error;
    Timestamp queued_at = 0;
    std::optional<Timestamp> tried_at;
    std::optional<Timestamp> sent_at;
    std::string raw;  // the RFC 5322 message; filled only by Store::claim_outbox
};

// A missed SLA target, recorded once per target and clock start.
struct SlaBreach {
    TicketId ticket_id = 0;
    std::string target;  // first_reply, next_reply, resolve
    Timestamp started_at = 0;
    Timestamp due_at = 0;
    Timestamp breached_at = 0;  // when tkt noticed
    std::string policy;
};

// Who did something and when: every event is stamped with both.
struct Actor {
    std::string login;
    Timestamp now = 0;
};

// Returns true when `tag` may name a tag: non-empty, no spaces, commas or control
// characters, not starting with '+' or '-'.
bool is_valid_tag(std::string_view tag);

}  // namespace tkt
