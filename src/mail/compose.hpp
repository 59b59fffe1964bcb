// Internal to src/mail/. The mail module's half of outbound mail: compose_mail() calls this through the
// module's table.
#pragma once

#include "mail/outgoing.hpp"

namespace tkt::mail {

// Returns `mail` as RFC 5322 text (see compose_mail).
std::string compose(const OutgoingMail& mail);

}  // namespace tkt::mail
