// Internal to src/mail/. Charset labels as mail writes them, resolved to the names glibc's iconv knows.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tkt::mail {

// Returns the iconv name of the charset `label` (any case, blanks around it ignored):
// a label of the WHATWG Encoding Standard, or a spelling mail clients are known to
// write ("win-1257", "cp-850", "unicode-1-1-utf-7"); nullopt when it is neither.
std::optional<std::string> iconv_name_for_label(std::string_view label);

}  // namespace tkt::mail
