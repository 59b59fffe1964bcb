// Reading one RFC 5322 message with GMime: its envelope here, its MIME tree in
// part_collector.cpp, the raw bytes GMime would misread in raw_message.cpp.
#include "mail/parse.hpp"

#include "core/text.hpp"
#include "mail/charset.hpp"
#include "mail/classify.hpp"
#include "mail/gmime_support.hpp"
#include "mail/header_text.hpp"
#include "mail/inbound.hpp"
#include "mail/mail_date.hpp"
#include "mail/part_collector.hpp"
#include "mail/raw_message.hpp"

#include <algorithm>
#include <memory>

namespace tkt {
namespace {

using mail::decode_header_text;
using mail::GPtr;
using mail::start_gmime;
using mail::UndeclaredCharset;

struct OptionsFree {
    void operator()(GMimeParserOptions* options) const { g_mime_parser_options_free(options); }
};

std::unique_ptr<GMimeParserOptions, OptionsFree> lenient_options() {
    std::unique_ptr<GMimeParserOptions, OptionsFree> options(g_mime_parser_options_new());
    g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    return options;
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

// The display name as the From header writes it: the phrase before "<addr>", else a
// comment ("nsb (Nathaniel Borenstein)"), else, when there is no address, all of it.
std::string written_name(std::string_view value, const std::string& email) {
    value = trim(value);
    const auto open = value.rfind('<');
    if (open != std::string_view::npos && value.find('>', open) != std::string_view::npos) {
        std::string_view phrase = trim(value.substr(0, open));
        if (phrase.size() >= 2 && phrase.front() == '"' && phrase.back() == '"') {
            phrase = phrase.substr(1, phrase.size() - 2);
        }
        return std::string(phrase);
    }
    const auto comment = value.rfind('(');
    if (comment != std::string_view::npos && value.back() == ')') {
        return std::string(trim(value.substr(comment + 1, value.size() - comment - 2)));
    }
    return email.empty() ? std::string(value) : std::string();
}

// GMime decodes encoded words with its own charset names (a "gb2312" word with GBK
// characters comes out broken) and reads raw 8-bit names as latin1: tkt's decoder does
// better wherever either occurs.
bool needs_own_decoding(std::string_view value) {
    return value.find("=?") != std::string_view::npos || !is_valid_utf8(value) ||
           std::any_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

struct Sender {
    Address address;
    std::string mailbox;  // the address as written, valid or not: "MAILER-DAEMON" bounces
};

// Reads the first mailbox of From. The email is kept only when it is a real addr-spec:
// an encoded word or a bare name taken for an address would make tkt answer nobody.
Sender sender(GMimeMessage* message, std::string_view raw_from, UndeclaredCharset& charset) {
    InternetAddressList* from = g_mime_message_get_from(message);
    const int count = from ? internet_address_list_length(from) : 0;
    for (int i = 0; i < count; ++i) {
        InternetAddress* address = internet_address_list_get_address(from, i);
        if (!INTERNET_ADDRESS_IS_MAILBOX(address)) {
            continue;
        }
        const char* name = internet_address_get_name(address);
        const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
        Sender out;
        out.mailbox = addr && is_valid_utf8(addr) ? addr : "";
        if (const auto parsed = parse_address(out.mailbox)) {
            out.address.email = parsed->email;
        }
        const bool written = count == 1 && ((name == nullptr || *name == '\0') || needs_own_decoding(raw_from));
        out.address.name = written ? decode_header_text(charset, written_name(raw_from, out.address.email))
                                   : squash_whitespace(charset.to_utf8(name ? name : "", nullptr));
        return out;
    }
    return {};
}

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
    std::string type = mail::PartType(object).mime();
    if (const char* report = g_mime_object_get_content_type_parameter(object, "report-type")) {
        type += std::string("; report-type=") + report;
    }
    return type;
}

// Returns the value of the first header called `name` (lowercase), or "".
std::string_view header_value(const std::vector<MailHeader>& headers, std::string_view name) {
    for (const auto& header : headers) {
        if (ascii_lower(header.name) == name) {
            return header.value;
        }
    }
    return {};
}

// Reads subject, sender, date, ids and recipients into `mail`; returns the From
// mailbox as written, which classification reads even when it is no address.
std::string read_envelope(InboundMail& mail, GMimeMessage* message, const std::vector<MailHeader>& headers,
                          UndeclaredCharset& charset, GMimeParserOptions* options) {
    GMimeObject* object = GMIME_OBJECT(message);
    mail.subject = decode_header_text(charset, header_value(headers, "subject"));
    Sender from = sender(message, header_value(headers, "from"), charset);
    mail.from = std::move(from.address);
    mail.date = mail::parse_mail_date(header_value(headers, "date"));
    if (const char* id = g_mime_message_get_message_id(message);
        id && *id && std::string_view(id).size() <= 998 && is_valid_utf8(id)) {
        mail.message_id = id;
    }
    mail.in_reply_to = message_ids(options, g_mime_object_get_header(object, "In-Reply-To"));
    mail.references = message_ids(options, g_mime_object_get_header(object, "References"));
    mail.to = mailboxes(g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_TO));
    mail.cc = mailboxes(g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_CC));
    return from.mailbox;
}

// A message as GMime reads it, and the buffer it reads it from: saving an attachment
// must walk the very parts that parsing recorded, so both read a message this way.
class ReadMessage {
public:
    explicit ReadMessage(std::string_view raw) : m_options(lenient_options()) {
        start_gmime();
        raw = mail::without_bom(raw);
        m_block = mail::scan_header_block(raw);
        // Only mail whose headers run into its body pays for a repaired copy.
        m_repaired = m_block.body_without_blank_line ? mail::with_blank_line(raw, m_block) : "";
        m_input = m_block.body_without_blank_line ? std::string_view(m_repaired) : raw;
        GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(m_input.data(), m_input.size()));
        GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
        g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
        m_message.reset(g_mime_parser_construct_message(parser.get(), m_options.get()));
    }
    ReadMessage(const ReadMessage&) = delete;
    ReadMessage& operator=(const ReadMessage&) = delete;

    std::string_view input() const { return m_input; }
    bool has_headers() const { return m_block.fields == mail::HeaderFields::some; }
    GMimeParserOptions* options() const { return m_options.get(); }
    // Returns the message, or nullptr when the input is none at all.
    GMimeMessage* message() const { return m_message.get(); }

private:
    std::unique_ptr<GMimeParserOptions, OptionsFree> m_options;
    mail::HeaderBlock m_block;
    std::string m_repaired;
    std::string_view m_input;
    GPtr<GMimeMessage> m_message;
};

}  // namespace

InboundMail mail::parse(std::string_view raw, const MailOptions& options) {
    const ReadMessage read(raw);
    const std::string_view input = read.input();
    InboundMail mail;
    mail.has_headers = read.has_headers();
    GMimeMessage* message = read.message();
    if (!message) {
        // Not a message at all: keep what there is as the body.
        mail.body = to_utf8(input.substr(0, 1 << 20), guess_charset(input));
        return mail;
    }
    const auto headers = header_list(GMIME_OBJECT(message));
    UndeclaredCharset charset(input);
    const std::string mailbox = read_envelope(mail, message, headers, charset, read.options());
    if (GMimeObject* body = g_mime_message_get_mime_part(message)) {
        mail::PartCollector collector(read.options(), input, charset);
        collector.visit(body);
        mail.body = collector.body();
        mail.attachments = std::move(collector.attachments);
        mail.returned_ids = std::move(collector.returned_ids);
        mail.kind = classify_mail(headers, top_content_type(body), mailbox);
    } else {
        mail.kind = classify_mail(headers, "text/plain", mailbox);
    }
    if (options.trusted) {
        mail.control = control_headers(headers);
    }
    return mail;
}

std::optional<std::string> mail::attachment_content(std::string_view raw, std::size_t index) {
    const ReadMessage read(raw);
    GMimeObject* body = read.message() ? g_mime_message_get_mime_part(read.message()) : nullptr;
    if (body == nullptr) {
        return std::nullopt;
    }
    UndeclaredCharset charset(read.input());
    mail::PartCollector collector(read.options(), read.input(), charset, mail::Contents::keep);
    collector.visit(body);
    if (index >= collector.contents.size()) {
        return std::nullopt;
    }
    return std::move(collector.contents[index]);
}

}  // namespace tkt
