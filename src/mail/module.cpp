// The entry point of tkt-mail.so.
#include "mail/module.hpp"

#include "mail/compose.hpp"

extern "C" __attribute__((visibility("default"))) const tkt::mail::Api* tkt_mail_api() {
    static const tkt::mail::Api api{tkt::parse_mail, tkt::dedup_key, tkt::legacy_dedup_key, tkt::mail::compose};
    return &api;
}
