// Outbound mail (DESIGN.md 6): a reply made into a complete RFC 5322 message; handing
// it to sendmail is sendmail.hpp.
#pragma once

#include "core/address.hpp"
#include "core/time.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// A file sent with a reply, as a MIME part of its own.
struct OutgoingFile {
    std::string name;  // the file name the customer sees (RFC 2231 encoded when not ASCII)
    std::string content_type;
    std::string bytes;
};

struct OutgoingMail {
    Address from;
    Address to;
    std::string subject;  // UTF-8; encoded as RFC 2047 words when it needs to be
    std::string body;     // UTF-8 text; quoted-printable or base64 as suits it
    Timestamp date = 0;
    std::string message_id;                  // without <>
    std::optional<std::string> in_reply_to;  // without <>
    std::vector<std::string> references;     // without <>, oldest first
    std::string loop_token;                  // the X-Tkt-Loop value: tkt sees its own mail come back
    bool automatic = false;                  // sent by no person: Auto-Submitted: auto-replied
    std::vector<OutgoingFile> files = {};    // attached after the text, each base64
};

// The most a reply's files may weigh together (25 MiB, as tkt takes inbound): mail
// servers refuse larger messages, and base64 makes them a third larger still.
constexpr std::size_t k_max_attached_bytes = 25u << 20;

// Returns the content type a file called `name` is sent as, by its extension (a small
// table of what desks send: documents, images, archives); application/octet-stream for
// any other.
std::string content_type_for(std::string_view name);

// Returns `value` fit for one header line: CR, LF and every other control character
// become a space, so that no data can start a header of its own.
std::string header_safe(std::string_view value);

// Returns true when `id` can stand in <> as a Message-ID: printable ASCII, no spaces,
// no angle brackets, one '@'.
bool is_plausible_message_id(std::string_view id);

// Returns the message `mail` as RFC 5322 text with LF line ends, as sendmail takes it:
// with files, multipart/mixed, the text first and each file a base64 part with
// Content-Disposition: attachment. Every header value passes header_safe() first.
// Uses the mail module (GMime).
std::string compose_mail(const OutgoingMail& mail);

}  // namespace tkt
