// What makes one delivery of a message the same as another: the key tkt deduplicates by.
#include "tkt/mail.hpp"

#include <fmt/format.h>

namespace tkt {

std::string dedup_key(const InboundMail& mail, std::string_view raw) {
    if (!mail.message_id.empty()) {
        return mail.message_id;
    }
    return fmt::format("sha256-{}@tkt.invalid", sha256_hex(raw));
}

}  // namespace tkt
