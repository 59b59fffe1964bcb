// Phone numbers as customers and agents write them ("8 (900) 123-45-67", "+44 20 7946
// 0958"), read by libphonenumber in the module tkt-phone.so: ICU, protobuf and the
// number metadata cost a process several milliseconds to load, which only a command
// that meets a phone number should pay.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tkt {

// Returns true when `text` could be a phone number: digits with spaces, dashes, dots,
// brackets, a leading '+' or "tel:", and at most an extension ("ext. 12", "доб. 12");
// no letters otherwise. Cheap: decides whether the phone module is worth loading.
bool looks_like_phone(std::string_view text);

// Returns `text` as an E.164 number ("+79001234567"), a number written without its
// country code read as one of `country` (ISO 3166 "RU"; empty: none, and such a number
// is not one); nullopt when it is not a possible phone number. Loads the phone module
// (exit 75 when it cannot be loaded).
std::optional<std::string> normalize_phone(std::string_view text, std::string_view country);

}  // namespace tkt
