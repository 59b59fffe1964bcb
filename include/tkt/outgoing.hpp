// Outbound mail (DESIGN.md 6): a reply made into a complete RFC 5322 message, and
// handing a message to the configured sendmail program.
#pragma once

#include "tkt/address.hpp"
#include "tkt/time.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

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
};

// Returns `value` fit for one header line: CR, LF and every other control character
// become a space, so that no data can start a header of its own.
std::string header_safe(std::string_view value);

// Returns true when `id` can stand in <> as a Message-ID: printable ASCII, no spaces,
// no angle brackets, one '@'.
bool is_plausible_message_id(std::string_view id);

// Returns the message `mail` as RFC 5322 text with LF line ends, as sendmail takes it.
// Every header value passes header_safe() first. Uses the mail module (GMime).
std::string compose_mail(const OutgoingMail& mail);

// What became of handing a message to sendmail.
struct SendResult {
    bool ok = false;
    std::string error;  // why not, in one line: "sendmail exited with 75: ..." or "cannot run ..."
};

// Runs `argv` (no shell: argv[0] is looked up in PATH when it has no '/') with
// `message` on its standard input and waits at most `timeout` for it; success is exit
// status 0. Never throws for the program's failures: they are in the result.
SendResult run_sendmail(const std::vector<std::string>& argv, std::string_view message,
                        std::chrono::seconds timeout = std::chrono::seconds{120});

}  // namespace tkt
