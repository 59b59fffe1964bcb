// Inbound mail as tkt sees it: parsed leniently with GMime, every string UTF-8, and
// classified as human, automatic, mailing list, bounce or our own loop (DESIGN.md 6).
#pragma once

#include "core/address.hpp"
#include "core/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// What sent a message: a person, a machine answering or reporting (auto-replies, read
// receipts, abuse reports), a mailing list, a mail system returning undelivered mail,
// or tkt itself. Every kind but `human` is stored flagged and never reopens a ticket.
enum class MailKind { human, automatic, list, bounce, own_loop };

// Returns "human", "auto", "list", "bounce" or "own-loop".
std::string_view to_string(MailKind kind);

struct Attachment {
    std::string filename;  // decoded (RFC 2047 and 2231); may be empty
    std::string content_type;
    std::int64_t size = 0;  // decoded bytes
    std::string sha256;     // hex
};

// Control headers a trusted source may set on a new ticket.
struct MailControl {
    std::optional<std::string> queue;
    std::optional<std::string> priority;
    std::vector<std::string> tags;
};

struct InboundMail {
    std::string subject;  // decoded; may be empty
    Address from;         // email is empty or a real addr-spec; empty when From is missing or no address
    std::optional<Timestamp> date;
    std::string message_id;  // without <>; empty when the message has none
    std::vector<std::string> in_reply_to;
    std::vector<std::string> references;  // oldest first
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::string body;  // UTF-8 text, from text/plain or else from HTML
    std::vector<Attachment> attachments;
    MailKind kind = MailKind::human;
    std::vector<std::string> returned_ids;  // a bounce: the Message-IDs it returns
    MailControl control;                    // X-Tkt-* headers, only from trusted input
    // False when the input has not one header field (random bytes, a bare text file):
    // no message at all, which a caller refuses rather than file as a ticket.
    bool has_headers = true;
};

// The largest message tkt takes (25 MiB): larger ones are refused whole, with exit
// 65, rather than stored in part. Mail servers commonly cap messages lower.
constexpr std::size_t k_max_message_bytes = 25u << 20;

struct MailOptions {
    bool trusted = false;  // honour X-Tkt-* control headers
};

// Parses the RFC 5322 message `raw`, through the mail module (tkt-mail.so, loaded on
// first use; a module that cannot load is a temporary failure, exit 75). Never throws
// for malformed mail: what can be read
// is read, the rest is left empty. Every string in the result is valid UTF-8.
InboundMail parse_mail(std::string_view raw, const MailOptions& options);

// Returns the key that makes a delivery unique: the Message-ID, or for a message
// without one "sha256-<hex>@tkt.invalid" over `raw` less what changes between two
// deliveries of it (trace and mailbox headers, mbox framing, CRLF or LF).
std::string dedup_key(const InboundMail& mail, std::string_view raw);

// Returns the key tkt before schema 6 gave a message without a Message-ID (the SHA-256
// of all of `raw`), or "" for a message with one: such keys are still looked up, so
// that importing an archive again doubles nothing stored before.
std::string legacy_dedup_key(const InboundMail& mail, std::string_view raw);

// Returns the decoded bytes of attachment `index` (from 0) of the message `raw`, in the
// order parse_mail() lists them, through the mail module; nullopt when it has fewer.
// An attached message (message/rfc822) gives "": it is recorded without its bytes.
std::optional<std::string> attachment_content(std::string_view raw, std::size_t index);

// Returns the SHA-256 of `bytes` in lowercase hex, as attachments are recorded, through
// the mail module.
std::string attachment_sha256(std::string_view bytes);

}  // namespace tkt
