// Internal to src/mail/. The boundary between tkt and its mail module. GMime, libxml2 and uchardet (with gio,
// gpgme and ICU behind them) cost every process about 7 ms to load, mail or not, so
// they live in tkt-mail.so, opened on the first message parsed.
#pragma once

#include "mail/inbound.hpp"
#include "mail/outgoing.hpp"

namespace tkt::mail {

// The functions the module exports, as one table.
struct Api {
    InboundMail (*parse)(std::string_view raw, const MailOptions& options);
    std::string (*dedup_key)(const InboundMail& mail, std::string_view raw);
    std::string (*legacy_dedup_key)(const InboundMail& mail, std::string_view raw);
    std::string (*compose)(const OutgoingMail& mail);
    std::optional<std::string> (*attachment_content)(std::string_view raw, std::size_t index);
    std::string (*sha256)(std::string_view bytes);
};

// The name of the one C symbol the module exports: a function returning the table.
inline constexpr const char* k_entry_point = "tkt_mail_api";

// Returns the module's table, loading the module on first use; throws a temporary
// failure (exit 75: a mail server keeps the message) when it cannot be loaded.
const Api& api();

}  // namespace tkt::mail
