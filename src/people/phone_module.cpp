// The entry point of tkt-phone.so: libphonenumber, the library Android and most
// telephony software read numbers with, and its metadata of every country's plan.
#include "people/module.hpp"

#include <phonenumbers/phonenumberutil.h>

namespace tkt::people {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::optional<std::string> e164(std::string_view text, std::string_view country) {
    const auto* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    // An unknown region ("ZZ") reads only numbers that carry their country code.
    const std::string region = country.empty() ? std::string("ZZ") : std::string(country);
    if (util->Parse(std::string(text), region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
        return std::nullopt;
    }
    // Possible, not valid: the metadata Debian ships ages, and a number from a range
    // opened since is still a customer's number. Possible checks the length for the
    // country, which catches the typos that matter (a digit missing or added).
    if (!util->IsPossibleNumber(number)) {
        return std::nullopt;
    }
    std::string out;
    util->Format(number, PhoneNumberUtil::E164, &out);
    return out;
}

}  // namespace
}  // namespace tkt::people

extern "C" __attribute__((visibility("default"))) const tkt::people::Api* tkt_phone_api() {
    static const tkt::people::Api api{tkt::people::e164};
    return &api;
}
