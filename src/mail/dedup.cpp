// What makes one delivery of a message the same as another: the key tkt deduplicates by.
#include "mail/dedup.hpp"

#include "core/text.hpp"
#include "mail/charset.hpp"
#include "mail/inbound.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace tkt {
namespace {

using namespace std::string_view_literals;

// Headers that tell how one copy travelled or where it is kept, not what its sender
// wrote: every MTA, MDA, filter and mailbox writes its own, so two deliveries of one
// message differ in them. DKIM-Signature is not one: the sender's domain signs each
// sending once, so it is the same in every copy, and its time tells two sendings of
// the same text apart.
constexpr std::array k_transit_headers{
    // Trace (RFC 5321 4.4), and the X-Received some receivers add at each hop.
    "received"sv, "return-path"sv, "x-received"sv,
    // Delivery, written by the MDA from the envelope, and Exchange's arrival stamp.
    "delivered-to"sv, "x-original-to"sv, "envelope-to"sv, "x-envelope-from"sv, "x-envelope-to"sv,
    "x-original-arrival-time"sv,
    // The receiving side's verdicts (RFC 8601), different at each receiver.
    "authentication-results"sv, "received-spf"sv,
    // Mailbox state, rewritten as mail is read or moved: mbox flags, IMAP servers over
    // mbox, Thunderbird, Google Takeout.
    "status"sv, "x-status"sv, "x-keywords"sv, "x-uid"sv, "x-imap"sv, "x-imapbase"sv, "x-mozilla-status"sv,
    "x-mozilla-status2"sv, "x-mozilla-keys"sv, "x-gmail-labels"sv, "x-gm-thrid"sv,
    // mbox framing (mboxcl): counted by whichever program wrote the mailbox.
    "content-length"sv, "lines"sv};

// ARC sets (RFC 8617) are sealed anew by each hop; X-Spam-* (SpamAssassin) and
// X-Virus-* (amavis) hold a score and a time of each run.
constexpr std::array k_transit_prefixes{"arc-"sv, "x-spam-"sv, "x-virus-"sv};

bool is_transit_header(std::string_view line) {
    if (line.starts_with(">From ")) {
        return true;  // A UUCP hop's envelope line, kept among the headers.
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
        return false;  // Not a field: what it is, it is of the message.
    }
    const std::string name = ascii_lower(trim(line.substr(0, colon)));
    return std::find(k_transit_headers.begin(), k_transit_headers.end(), name) != k_transit_headers.end() ||
           std::any_of(k_transit_prefixes.begin(), k_transit_prefixes.end(),
                       [&](std::string_view prefix) { return name.starts_with(prefix); });
}

// Returns `line` with mbox quoting undone: ">From " and ">>From " both read "From ",
// since mboxo quotes one level and mboxrd one more, and a store may have done either.
std::string_view unquoted(std::string_view line) {
    const auto first = line.find_first_not_of('>');
    return first != 0 && first != std::string_view::npos && line.substr(first).starts_with("From ") ? line.substr(first)
                                                                                                    : line;
}

// Returns `raw` as every delivery of it reads: LF line ends, no leading mbox "From "
// line, no transit headers, body lines unquoted, no trailing blank lines.
std::string canonical_form(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    bool in_headers = true;
    bool dropping = false;
    if (raw.starts_with("From ")) {
        const auto end = raw.find('\n');
        raw.remove_prefix(end == std::string_view::npos ? raw.size() : end + 1);
    }
    for (std::size_t at = 0; at < raw.size();) {
        const auto end = raw.find('\n', at);
        std::string_view line = raw.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        at = end == std::string_view::npos ? raw.size() : end + 1;
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        if (in_headers && line.empty()) {
            in_headers = false;
        } else if (in_headers) {
            const bool continuation = line.front() == ' ' || line.front() == '\t';
            dropping = continuation ? dropping : is_transit_header(line);
            if (dropping) {
                continue;
            }
        } else {
            line = unquoted(line);
        }
        out += line;
        out += '\n';
    }
    while (!out.empty() && out.back() == '\n') {
        out.pop_back();
    }
    return out;
}

}  // namespace

std::string mail::dedup_key(const InboundMail& mail, std::string_view raw) {
    if (!mail.message_id.empty()) {
        return mail.message_id;
    }
    return fmt::format("sha256-{}@tkt.invalid", sha256_hex(canonical_form(raw)));
}

std::string mail::legacy_dedup_key(const InboundMail& mail, std::string_view raw) {
    return mail.message_id.empty() ? fmt::format("sha256-{}@tkt.invalid", sha256_hex(raw)) : std::string();
}

}  // namespace tkt
