// Internal to src/mail/. The mail module's half of parse_mail(): reading a message
// with GMime (parse.cpp), called through the module's table (module.cpp).
#pragma once

#include "mail/inbound.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tkt::mail {

// Returns `raw` parsed (see parse_mail).
InboundMail parse(std::string_view raw, const MailOptions& options);

// Returns the decoded bytes of the attachment at `index` of those parse() lists for
// `raw`; nullopt when it lists fewer (see attachment_content in inbound.hpp).
std::optional<std::string> attachment_content(std::string_view raw, std::size_t index);

}  // namespace tkt::mail
