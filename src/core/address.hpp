// Mail addresses as users type them: "bob@example.com" or "Bob Smith <bob@example.com>".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tkt {

struct Address {
    std::string name;   // the display name, unquoted; may be empty
    std::string email;  // local@domain, ASCII letters lowercased
};

// Parses `text` as a bare address or "Name <address>" (the name may be quoted);
// returns nullopt when the address part is not a plausible local@domain.
std::optional<Address> parse_address(std::string_view text);

// Formats `address` as "Name <email>", or the bare email when there is no name; for
// display, "Name (no address)" or "(unknown sender)" when there is no email.
std::string format_address(const Address& address);

// Returns true when `email` is a mailbox nobody reads answers in: its local part says
// so (noreply, no-reply, do-not-reply, donotreply, with any suffix such as
// noreply+id or no-reply-billing) or names a mail system (mailer-daemon, postmaster).
bool takes_no_replies(std::string_view email);

}  // namespace tkt
