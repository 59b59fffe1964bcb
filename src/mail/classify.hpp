// Internal to src/mail/. What kind of sender a message has, from its top-level headers
// (classify.cpp); parse.cpp sets InboundMail::kind with it.
#pragma once

#include "mail/inbound.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tkt {

struct MailHeader {
    std::string name;
    std::string value;  // unfolded, not decoded
};

// Returns the kind of a message from its top-level `headers`, its top-level content
// type with any report type ("multipart/report; report-type=delivery-status" is a
// bounce, every other multipart/report automatic) and the `from` address.
MailKind classify_mail(const std::vector<MailHeader>& headers, std::string_view content_type, std::string_view from);

}  // namespace tkt
