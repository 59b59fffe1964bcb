// Internal to src/mail/. The mail module's half of dedup_key() and legacy_dedup_key()
// (dedup.cpp), called through the module's table (module.cpp).
#pragma once

#include "mail/inbound.hpp"

#include <string>
#include <string_view>

namespace tkt::mail {

// Returns the key that makes a delivery unique (see dedup_key).
std::string dedup_key(const InboundMail& mail, std::string_view raw);

// Returns the key of schema 5 and before (see legacy_dedup_key).
std::string legacy_dedup_key(const InboundMail& mail, std::string_view raw);

}  // namespace tkt::mail
