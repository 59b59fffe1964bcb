// Internal to src/mail/. The mail module's half of parse_mail(): reading a message
// with GMime (parse.cpp), called through the module's table (module.cpp).
#pragma once

#include "mail/inbound.hpp"

#include <string_view>

namespace tkt::mail {

// Returns `raw` parsed (see parse_mail).
InboundMail parse(std::string_view raw, const MailOptions& options);

}  // namespace tkt::mail
