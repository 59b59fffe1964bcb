// The entry point of tkt-mail.so.
#include "mail/module.hpp"

#include "mail/charset.hpp"
#include "mail/compose.hpp"
#include "mail/dedup.hpp"
#include "mail/parse.hpp"

extern "C" __attribute__((visibility("default"))) const tkt::mail::Api* tkt_mail_api() {
    static const tkt::mail::Api api{tkt::mail::parse,   tkt::mail::dedup_key,          tkt::mail::legacy_dedup_key,
                                    tkt::mail::compose, tkt::mail::attachment_content, tkt::sha256_hex};
    return &api;
}
