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

// Returns the reply's text as a UTF-8 text/plain part.
GPtr<GMimeObject> text_part(const std::string& body) {
    GPtr<GMimeTextPart> part(g_mime_text_part_new_with_subtype("plain"));
    // The bytes as they are, labelled UTF-8: g_mime_text_part_set_text would convert
    // them to the smallest charset that fits (ISO-8859-1 for "été") behind the label.
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(body.data(), body.size()));
    GPtr<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(GMIME_PART(part.get()), content.get());
    g_mime_text_part_set_charset(part.get(), "utf-8");
    // Quoted-printable keeps mostly-ASCII text readable; base64 is shorter for Cyrillic.
    g_mime_part_set_content_encoding(
        GMIME_PART(part.get()),
        g_mime_part_get_best_content_encoding(GMIME_PART(part.get()), GMIME_ENCODING_CONSTRAINT_7BIT));
    return GPtr<GMimeObject>(GMIME_OBJECT(part.release()));
}

// Returns `file` as an attachment part. Always base64, text files too: the customer
// gets the bytes sent, line ends and all, whatever the mail servers between do.
GPtr<GMimeObject> file_part(const OutgoingFile& file) {
    const std::string type = header_safe(file.content_type);
    const auto slash = type.find('/');
    const std::string media = slash == std::string::npos ? "application" : type.substr(0, slash);
    const std::string subtype = slash == std::string::npos ? "octet-stream" : type.substr(slash + 1);
    GPtr<GMimePart> part(g_mime_part_new_with_type(media.c_str(), subtype.c_str()));
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(file.bytes.data(), file.bytes.size()));
    GPtr<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(part.get(), content.get());
    g_mime_part_set_content_encoding(part.get(), GMIME_CONTENT_ENCODING_BASE64);
    g_mime_object_set_disposition(GMIME_OBJECT(part.get()), GMIME_DISPOSITION_ATTACHMENT);
    // GMime writes a name that is not ASCII as RFC 2231 parameters, in the smallest
    // charset that fits (iso-8859-5 for Cyrillic) unless told UTF-8, which reads everywhere.
    g_mime_part_set_filename(part.get(), header_safe(file.name).c_str());
    GMimeObject* object = GMIME_OBJECT(part.get());
    for (GMimeParamList* params :
         {g_mime_content_disposition_get_parameters(g_mime_object_get_content_disposition(object)),
          g_mime_content_type_get_parameters(g_mime_object_get_content_type(object))}) {
        for (const char* key : {"filename", "name"}) {
            if (GMimeParam* param = params ? g_mime_param_list_get_parameter(params, key) : nullptr) {
                g_mime_param_set_charset(param, "utf-8");
            }
        }
    }
    return GPtr<GMimeObject>(GMIME_OBJECT(part.release()));
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

    GPtr<GMimeObject> text = text_part(mail.body);
    if (mail.files.empty()) {
        g_mime_message_set_mime_part(message.get(), text.get());
    } else {
        GPtr<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
        g_mime_multipart_add(mixed.get(), text.get());
        for (const auto& file : mail.files) {
            g_mime_multipart_add(mixed.get(), file_part(file).get());
        }
        g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(mixed.get()));
    }

    const GString written(g_mime_object_to_string(GMIME_OBJECT(message.get()), nullptr));
    return written ? std::string(written.get()) : std::string();
}

}  // namespace tkt::mail
