// Inbound mail for the rest of tkt: parsing and dedup keys run in the mail module,
// loaded on the first message (module.hpp); the names of mail kinds need no module.
#include "mail/inbound.hpp"

#include "mail/module.hpp"

namespace tkt {

std::string_view to_string(MailKind kind) {
    switch (kind) {
    case MailKind::human: return "human";
    case MailKind::automatic: return "auto";
    case MailKind::list: return "list";
    case MailKind::bounce: return "bounce";
    case MailKind::own_loop: return "own-loop";
    }
    return "human";
}

InboundMail parse_mail(std::string_view raw, const MailOptions& options) {
    return mail::api().parse(raw, options);
}

std::string dedup_key(const InboundMail& mail, std::string_view raw) {
    return mail::api().dedup_key(mail, raw);
}

std::string legacy_dedup_key(const InboundMail& mail, std::string_view raw) {
    return mail::api().legacy_dedup_key(mail, raw);
}

std::optional<std::string> attachment_content(std::string_view raw, std::size_t index) {
    return mail::api().attachment_content(raw, index);
}

std::string attachment_sha256(std::string_view bytes) {
    return mail::api().sha256(bytes);
}

}  // namespace tkt
