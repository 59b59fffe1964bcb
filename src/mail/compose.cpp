// Writing one RFC 5322 message with GMime: the reply as a customer's mail client
// receives it. GMime encodes the subject and names (RFC 2047), picks quoted-printable
// or base64 for the body, and folds long headers.
#include "mail/compose.hpp"

#include "core/text.hpp"
#include "mail/gmime_support.hpp"

#include <fmt/format.h>

namespace tkt::mail {
namespace {

std::string angle(std::string_view id) {
    return fmt::format("<{}>", id);
}

void add_mailbox(GMimeMessage* message, GMimeAddressType type, const Address& address) {
    const std::string name = header_safe(address.name);
    const std::string email = header_safe(address.email);
    GPtr<InternetAddress> mailbox(internet_address_mailbox_new(name.empty() ? nullptr : name.c_str(), email.c_str()));
    // GMime would pick the smallest charset that fits (iso-8859-5 for Cyrillic); UTF-8 reads everywhere.
    internet_address_set_charset(mailbox.get(), "utf-8");
    internet_address_list_add(g_mime_message_get_addresses(message, type), mailbox.get());
}

void set_header(GMimeMessage* message, const char* name, const std::string& value) {
    g_mime_object_set_header(GMIME_OBJECT(message), name, header_safe(value).c_str(), "utf-8");
}

}  // namespace

std::string compose(const OutgoingMail& mail) {
    start_gmime();
    GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
    add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, mail.from);
    add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, mail.to);
    g_mime_message_set_subject(message.get(), header_safe(mail.subject).c_str(), "utf-8");
    GDateTime* date = g_date_time_new_from_unix_utc(mail.date);
    g_mime_message_set_date(message.get(), date);
    g_date_time_unref(date);
    g_mime_message_set_message_id(message.get(), header_safe(mail.message_id).c_str());
    if (mail.in_reply_to) {
        set_header(message.get(), "In-Reply-To", angle(*mail.in_reply_to));
    }
    if (!mail.references.empty()) {
        std::vector<std::string> ids;
        for (const auto& id : mail.references) {
            ids.push_back(angle(id));
        }
        set_header(message.get(), "References", join(ids, " "));
    }
    if (mail.automatic) {
        set_header(message.get(), "Auto-Submitted", "auto-replied");
    }
    set_header(message.get(), "X-Tkt-Loop", mail.loop_token);

    GPtr<GMimeTextPart> part(g_mime_text_part_new_with_subtype("plain"));
    // The bytes as they are, labelled UTF-8: g_mime_text_part_set_text would convert
    // them to the smallest charset that fits (ISO-8859-1 for "été") behind the label.
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(mail.body.data(), mail.body.size()));
    GPtr<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(GMIME_PART(part.get()), content.get());
    g_mime_text_part_set_charset(part.get(), "utf-8");
    // Quoted-printable keeps mostly-ASCII text readable; base64 is shorter for Cyrillic.
    g_mime_part_set_content_encoding(
        GMIME_PART(part.get()),
        g_mime_part_get_best_content_encoding(GMIME_PART(part.get()), GMIME_ENCODING_CONSTRAINT_7BIT));
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(part.get()));

    const GString text(g_mime_object_to_string(GMIME_OBJECT(message.get()), nullptr));
    return text ? std::string(text.get()) : std::string();
}

}  // namespace tkt::mail
