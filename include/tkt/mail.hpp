// Inbound mail as tkt sees it: parsed leniently with GMime, every string UTF-8, and
// classified as human, automatic, mailing list, bounce or our own loop (DESIGN.md 6).
#pragma once

#include "tkt/address.hpp"
#include "tkt/time.hpp"

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

struct MailHeader {
    std::string name;
    std::string value;  // unfolded, not decoded
};

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

// Parses the RFC 5322 message `raw`. Never throws for malformed mail: what can be read
// is read, the rest is left empty. Every string in the result is valid UTF-8.
InboundMail parse_mail(std::string_view raw, const MailOptions& options);

// Returns the kind of a message from its top-level `headers`, its top-level content
// type with any report type ("multipart/report; report-type=delivery-status" is a
// bounce, every other multipart/report automatic) and the `from` address.
MailKind classify_mail(const std::vector<MailHeader>& headers, std::string_view content_type, std::string_view from);

// Returns the key that makes a delivery unique: the Message-ID, or for a message
// without one "sha256-<hex>@tkt.invalid" over `raw` less what changes between two
// deliveries of it (trace and mailbox headers, mbox framing, CRLF or LF).
std::string dedup_key(const InboundMail& mail, std::string_view raw);

// Returns the key tkt before schema 6 gave a message without a Message-ID (the SHA-256
// of all of `raw`), or "" for a message with one: such keys are still looked up, so
// that importing an archive again doubles nothing stored before.
std::string legacy_dedup_key(const InboundMail& mail, std::string_view raw);

// Returns `bytes` in UTF-8: converted from `charset` when it is known and converts,
// else kept when already UTF-8, else from the charset guess_charset() finds, else from
// windows-1252. Bytes that do not convert become U+FFFD.
std::string to_utf8(std::string_view bytes, std::string_view charset);

// Returns the charset of the 8-bit text in `sample` as uchardet sees it, with KOI8-R
// and windows-1251 told apart by letter case; "" when it cannot tell.
std::string guess_charset(std::string_view sample);

// Decodes the RFC 2047 encoded words of an unstructured header (a subject) into UTF-8.
// The decoded bytes of adjacent words in one charset are joined before conversion, so
// a character split across two words survives; text outside words passes as is.
std::string decode_encoded_words(std::string_view text);

// Returns the readable text of an HTML document (UTF-8): script, style and head
// dropped, entities decoded, block elements and <br> as line breaks.
std::string html_to_text(std::string_view html);

// Returns the SHA-256 of `bytes` in lowercase hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace tkt
