// Reading one RFC 5322 message with GMime: the only file that walks GMime's objects.
#include "mail/gmime_support.hpp"
#include "tkt/mail.hpp"
#include "tkt/text.hpp"

#include <fmt/format.h>
#include <memory>

namespace tkt {
namespace {

using mail::GPtr;
using mail::GString;
using mail::start_gmime;

struct OptionsFree {
    void operator()(GMimeParserOptions* options) const { g_mime_parser_options_free(options); }
};

// The longest header value kept; longer ones are cut (a 1 MB subject helps nobody).
constexpr std::size_t k_max_header_bytes = 16 * 1024;

std::unique_ptr<GMimeParserOptions, OptionsFree> lenient_options() {
    std::unique_ptr<GMimeParserOptions, OptionsFree> options(g_mime_parser_options_new());
    g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    return options;
}

// The charset of a message's undeclared 8-bit text (raw header bytes, text parts with
// no charset), guessed once from the whole message: a subject and a body are one
// writer's, and together they give the detector more to go on than either alone.
class UndeclaredCharset {
public:
    explicit UndeclaredCharset(std::string_view raw) : m_raw(raw) {}

    // Returns `bytes` in UTF-8, declared `charset` first, else the message's guess.
    std::string to_utf8(std::string_view bytes, const char* charset) {
        if ((charset && *charset) || is_valid_utf8(bytes)) {
            return tkt::to_utf8(bytes, charset ? charset : "");
        }
        if (!m_guess) {
            m_guess = guess_charset(m_raw);
        }
        return tkt::to_utf8(bytes, *m_guess);
    }

private:
    std::string_view m_raw;
    std::optional<std::string> m_guess;
};

// Returns a header's text as UTF-8: raw 8-bit bytes (no encoded words) go through
// the message's charset first, then encoded words are decoded.
std::string decode_header_text(UndeclaredCharset& charset, std::string_view raw) {
    std::string text = squash_whitespace(raw.substr(0, k_max_header_bytes));
    if (!is_valid_utf8(text)) {
        text = charset.to_utf8(text, nullptr);
    }
    std::string out = decode_encoded_words(text);
    return squash_whitespace(is_valid_utf8(out) ? out : to_utf8(out, ""));
}

std::vector<std::string> message_ids(GMimeParserOptions* options, const char* text) {
    std::vector<std::string> ids;
    if (text == nullptr) {
        return ids;
    }
    GMimeReferences* references = g_mime_references_parse(options, text);
    for (int i = 0; references && i < g_mime_references_length(references); ++i) {
        std::string id = g_mime_references_get_message_id(references, i);
        if (!id.empty() && id.size() <= 998 && is_valid_utf8(id)) {
            ids.push_back(std::move(id));
        }
    }
    if (references) {
        g_mime_references_free(references);
    }
    return ids;
}

std::vector<std::string> mailboxes(InternetAddressList* list) {
    std::vector<std::string> out;
    for (int i = 0; list && i < internet_address_list_length(list); ++i) {
        InternetAddress* address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
            const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
            if (addr && *addr && is_valid_utf8(addr)) {
                out.emplace_back(addr);
            }
        }
    }
    return out;
}

Address sender(GMimeMessage* message, UndeclaredCharset& charset) {
    InternetAddressList* from = g_mime_message_get_from(message);
    for (int i = 0; from && i < internet_address_list_length(from); ++i) {
        InternetAddress* address = internet_address_list_get_address(from, i);
        if (!INTERNET_ADDRESS_IS_MAILBOX(address)) {
            continue;
        }
        const char* name = internet_address_get_name(address);
        const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
        std::string email = addr ? addr : "";
        if (const auto parsed = parse_address(email)) {
            email = parsed->email;
        }
        std::string display = name ? name : "";
        return Address{squash_whitespace(charset.to_utf8(display, nullptr)),
                       is_valid_utf8(email) ? email : std::string()};
    }
    return {};
}

std::string part_bytes(GMimePart* part) {
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    if (content == nullptr) {
        return {};
    }
    GPtr<GMimeStream> stream(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, stream.get());
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

std::string mime_type(GMimeObject* object) {
    GMimeContentType* type = g_mime_object_get_content_type(object);
    if (type == nullptr) {
        return "text/plain";
    }
    const GString name(g_mime_content_type_get_mime_type(type));
    return ascii_lower(name ? name.get() : "application/octet-stream");
}

// Collects the text, HTML, attachments and returned Message-IDs of a MIME tree.
class PartCollector {
public:
    PartCollector(GMimeParserOptions* options, UndeclaredCharset& charset)
        : m_options(options), m_charset(charset) {}

    void visit(GMimeObject* object, int depth) {
        if (depth > 32) {
            return;  // Hostile nesting: what lies deeper is kept in the raw message only.
        }
        if (GMIME_IS_MULTIPART(object)) {
            GMimeMultipart* multipart = GMIME_MULTIPART(object);
            for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i) {
                visit(g_mime_multipart_get_part(multipart, i), depth + 1);
            }
        } else if (GMIME_IS_MESSAGE_PART(object)) {
            visit_message_part(GMIME_MESSAGE_PART(object));
        } else if (GMIME_IS_PART(object)) {
            visit_part(GMIME_PART(object));
        }
    }

    // Returns the text with LF line ends and a final newline, whatever the transport
    // did to them; the raw message keeps the original bytes.
    std::string body() const {
        const std::string text = !m_text.empty() ? m_text : m_html.empty() ? "" : html_to_text(m_html);
        std::string out;
        out.reserve(text.size() + 1);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                continue;
            }
            out += text[i];
        }
        if (!out.empty() && out.back() != '\n') {
            out += '\n';
        }
        return out;
    }

    std::vector<Attachment> attachments;
    std::vector<std::string> returned_ids;

private:
    void visit_message_part(GMimeMessagePart* part) {
        GMimeMessage* inner = g_mime_message_part_get_message(part);
        if (inner == nullptr) {
            return;
        }
        if (const char* id = g_mime_message_get_message_id(inner)) {
            returned_ids.emplace_back(id);
        }
        const char* subject = g_mime_message_get_subject(inner);
        attachments.push_back(Attachment{decode_header_text(m_charset, subject ? subject : ""),
                                         "message/rfc822", 0, ""});
    }

    void visit_part(GMimePart* part) {
        GMimeObject* object = GMIME_OBJECT(part);
        const std::string type = mime_type(object);
        const char* filename = g_mime_part_get_filename(part);
        const bool attachment = g_mime_part_is_attachment(part) || (filename && *filename);
        if (type == "text/rfc822-headers") {
            collect_returned_headers(part_bytes(part));
            return;
        }
        if (!attachment && type == "text/plain") {
            const char* charset = g_mime_object_get_content_type_parameter(object, "charset");
            std::string text = m_charset.to_utf8(part_bytes(part), charset);
            m_text += (m_text.empty() || text.empty() ? "" : "\n") + text;
            return;
        }
        if (!attachment && type == "text/html" && m_html.empty()) {
            const char* charset = g_mime_object_get_content_type_parameter(object, "charset");
            m_html = m_charset.to_utf8(part_bytes(part), charset);
            return;
        }
        if (type.starts_with("multipart/") || type == "message/delivery-status") {
            return;
        }
        const std::string bytes = part_bytes(part);
        attachments.push_back(Attachment{filename ? decode_header_text(m_charset, filename) : "",
                                         type, static_cast<std::int64_t>(bytes.size()),
                                         sha256_hex(bytes)});
    }

    // A bounce may return only the original's headers: find its Message-ID there.
    void collect_returned_headers(const std::string& headers) {
        GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(headers.data(), headers.size()));
        GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
        GPtr<GMimeMessage> original(g_mime_parser_construct_message(parser.get(), m_options));
        if (original) {
            if (const char* id = g_mime_message_get_message_id(original.get())) {
                returned_ids.emplace_back(id);
            }
        }
    }

    GMimeParserOptions* m_options;
    UndeclaredCharset& m_charset;
    std::string m_text;
    std::string m_html;
};

std::vector<MailHeader> header_list(GMimeObject* object) {
    std::vector<MailHeader> headers;
    GMimeHeaderList* list = g_mime_object_get_header_list(object);
    for (int i = 0; list && i < g_mime_header_list_get_count(list); ++i) {
        GMimeHeader* header = g_mime_header_list_get_header_at(list, i);
        const char* name = g_mime_header_get_name(header);
        const char* value = g_mime_header_get_raw_value(header);
        headers.push_back({name ? name : "", squash_whitespace(value ? value : "")});
    }
    return headers;
}

// Reads X-Tkt-Queue, X-Tkt-Priority and X-Tkt-Tags: only a trusted source may steer.
MailControl control_headers(const std::vector<MailHeader>& headers) {
    MailControl control;
    for (const auto& header : headers) {
        const std::string name = ascii_lower(header.name);
        const std::string value(trim(header.value));
        // Control values are tokens a trusted gateway writes: one that is not UTF-8 is
        // ignored rather than stored, where every JSON listing would fail on it.
        if (!is_valid_utf8(value)) {
            continue;
        }
        if (name == "x-tkt-queue" && !value.empty()) {
            control.queue = value;
        } else if (name == "x-tkt-priority" && !value.empty()) {
            control.priority = value;
        } else if (name == "x-tkt-tags") {
            for (auto& tag : split(value, ',')) {
                if (!trim(tag).empty()) {
                    control.tags.emplace_back(trim(tag));
                }
            }
        }
    }
    return control;
}

std::string top_content_type(GMimeObject* object) {
    std::string type = mime_type(object);
    if (const char* report = g_mime_object_get_content_type_parameter(object, "report-type")) {
        type += std::string("; report-type=") + report;
    }
    return type;
}

}  // namespace

InboundMail parse_mail(std::string_view raw, const MailOptions& options) {
    start_gmime();
    InboundMail mail;
    const auto parser_options = lenient_options();
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), parser_options.get()));
    if (!message) {
        // Not a message at all: keep what there is as the body.
        mail.body = to_utf8(raw.substr(0, 1 << 20), guess_charset(raw));
        return mail;
    }
    GMimeObject* object = GMIME_OBJECT(message.get());
    const auto headers = header_list(object);
    UndeclaredCharset charset(raw);
    for (const auto& header : headers) {
        if (ascii_lower(header.name) == "subject") {
            mail.subject = decode_header_text(charset, header.value);
            break;
        }
    }
    mail.from = sender(message.get(), charset);
    if (GDateTime* date = g_mime_message_get_date(message.get())) {
        mail.date = g_date_time_to_unix(date);
    }
    if (const char* id = g_mime_message_get_message_id(message.get());
        id && *id && std::string_view(id).size() <= 998 && is_valid_utf8(id)) {
        mail.message_id = id;
    }
    mail.in_reply_to = message_ids(parser_options.get(), g_mime_object_get_header(object, "In-Reply-To"));
    mail.references = message_ids(parser_options.get(), g_mime_object_get_header(object, "References"));
    mail.to = mailboxes(g_mime_message_get_addresses(message.get(), GMIME_ADDRESS_TYPE_TO));
    mail.cc = mailboxes(g_mime_message_get_addresses(message.get(), GMIME_ADDRESS_TYPE_CC));
    if (GMimeObject* body = g_mime_message_get_mime_part(message.get())) {
        PartCollector collector(parser_options.get(), charset);
        collector.visit(body, 0);
        mail.body = collector.body();
        mail.attachments = std::move(collector.attachments);
        mail.returned_ids = std::move(collector.returned_ids);
        mail.kind = classify_mail(headers, top_content_type(body), mail.from.email);
    } else {
        mail.kind = classify_mail(headers, "text/plain", mail.from.email);
    }
    if (options.trusted) {
        mail.control = control_headers(headers);
    }
    return mail;
}

}  // namespace tkt
