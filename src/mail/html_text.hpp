// Internal to src/mail/. The text of an HTML body (libxml2; html_text.cpp).
#pragma once

#include <string>
#include <string_view>

namespace tkt {

// Returns the readable text of an HTML document (UTF-8): script, style and head
// dropped, entities decoded, block elements and <br> as line breaks.
std::string html_to_text(std::string_view html);

}  // namespace tkt
