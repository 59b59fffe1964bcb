// The rules that pick the body out of a MIME tree, for the shapes mail clients send.
#include "mail/part_collector.hpp"

#include "core/text.hpp"
#include "mail/charset.hpp"
#include "mail/flowed.hpp"

namespace tkt::mail {
namespace {

// Hostile nesting: what lies deeper is kept in the raw message only.
constexpr int k_max_depth = 32;

bool is_text_type(std::string_view mime) {
    return mime == "text/plain" || mime == "text/html";
}

// Returns true when `object` is, or holds, a part of type `mime` that is no attachment.
bool holds(GMimeObject* object, std::string_view mime, int depth) {
    if (depth > k_max_depth) {
        return false;
    }
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart* multipart = GMIME_MULTIPART(object);
        for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i) {
            if (holds(g_mime_multipart_get_part(multipart, i), mime, depth + 1)) {
                return true;
            }
        }
        return false;
    }
    return GMIME_IS_PART(object) && !g_mime_part_is_attachment(GMIME_PART(object)) && PartType(object).mime() == mime;
}

// Returns the alternative shown as the body: the first that holds plain text (agents
// answer in plain text and quote it), else the first with HTML, else the last.
int shown_alternative(GMimeMultipart* multipart, int depth) {
    const int count = g_mime_multipart_get_count(multipart);
    for (const std::string_view mime : {"text/plain", "text/html"}) {
        for (int i = 0; i < count; ++i) {
            if (holds(g_mime_multipart_get_part(multipart, i), mime, depth + 1)) {
                return i;
            }
        }
    }
    return count - 1;
}

bool is_yes(const char* value, std::string_view yes) {
    return value && ascii_lower(trim(value)) == yes;
}

}  // namespace

void PartCollector::visit(GMimeObject* object) {
    visit(object, 0, Role::body, Framing::whole_message);
}

void PartCollector::visit(GMimeObject* object, int depth, Role role, Framing framing) {
    if (depth > k_max_depth) {
        return;
    }
    if (GMIME_IS_MULTIPART(object)) {
        visit_multipart(GMIME_MULTIPART(object), depth, role);
    } else if (GMIME_IS_MESSAGE_PART(object)) {
        visit_message_part(GMIME_MESSAGE_PART(object));
    } else if (GMIME_IS_PART(object)) {
        visit_part(GMIME_PART(object), role, framing);
    }
}

void PartCollector::visit_multipart(GMimeMultipart* multipart, int depth, Role role) {
    const bool alternative = PartType(GMIME_OBJECT(multipart)).mime() == "multipart/alternative";
    const int shown = alternative ? shown_alternative(multipart, depth) : -1;
    for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i) {
        // Every alternative is walked: the one not shown may still hold attachments.
        const Role part_role = alternative && i != shown ? Role::unused_alternative : role;
        visit(g_mime_multipart_get_part(multipart, i), depth + 1, part_role, Framing::in_multipart);
    }
}

void PartCollector::visit_message_part(GMimeMessagePart* part) {
    GMimeMessage* inner = g_mime_message_part_get_message(part);
    if (inner == nullptr) {
        return;
    }
    if (const char* id = g_mime_message_get_message_id(inner)) {
        returned_ids.emplace_back(id);
    }
    const char* subject = g_mime_message_get_subject(inner);
    attachments.push_back(Attachment{decode_header_text(m_charset, subject ? subject : ""), "message/rfc822", 0, ""});
    if (m_keep == Contents::keep) {
        contents.emplace_back();
    }
}

void PartCollector::visit_part(GMimePart* part, Role role, Framing framing) {
    const PartType type(GMIME_OBJECT(part));
    if (type.mime() == "text/rfc822-headers") {
        collect_returned_headers(part_bytes(part, m_raw, framing));
        return;
    }
    if (is_text_type(type.mime()) && !g_mime_part_is_attachment(part)) {
        visit_text(part, type, role, framing);
        return;
    }
    if (type.mime().starts_with("multipart/") || type.mime() == "message/delivery-status") {
        return;
    }
    add_attachment(type, part_bytes(part, m_raw, framing));
}

// A text part that is not "Content-Disposition: attachment" is body text, named or not:
// mail clients show it in the message, in order (enmime reads it so too). The first
// such part is the message itself, even with a name (some gateways call the body
// "body.txt"), and no client lists it as an attachment. A later one with a name is a
// file the sender attached that the client shows inline, as Apple Mail sends every
// text file: Thunderbird and Gmail list it among the attachments too, and so does tkt.
void PartCollector::visit_text(GMimePart* part, const PartType& type, Role role, Framing framing) {
    if (role != Role::body) {
        return;
    }
    const bool main_text = m_body.empty();
    const std::string bytes = part_bytes(part, m_raw, framing);
    add_text(type, bytes);
    if (!main_text && !type.filename().empty()) {
        add_attachment(type, bytes);
    }
}

void PartCollector::add_text(const PartType& type, const std::string& bytes) {
    std::string text = m_charset.to_utf8(bytes, type.parameter("charset"));
    // A text file saved on Windows starts with a byte order mark, which is no text.
    if (std::string_view(text).starts_with("\xEF\xBB\xBF")) {
        text.erase(0, 3);
    }
    if (type.mime() == "text/html") {
        m_body.add(TextKind::html, std::move(text));
        return;
    }
    if (is_yes(type.parameter("format"), "flowed")) {
        text = unflow(text, is_yes(type.parameter("delsp"), "yes") ? DelSp::yes : DelSp::no);
    }
    m_body.add(TextKind::plain, std::move(text));
}

void PartCollector::add_attachment(const PartType& type, const std::string& bytes) {
    const std::string filename = type.filename();
    attachments.push_back(Attachment{filename.empty() ? "" : decode_header_text(m_charset, filename), type.mime(),
                                     static_cast<std::int64_t>(bytes.size()), sha256_hex(bytes)});
    if (m_keep == Contents::keep) {
        contents.push_back(bytes);
    }
}

// A bounce may return only the original's headers: find its Message-ID there.
void PartCollector::collect_returned_headers(const std::string& headers) {
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(headers.data(), headers.size()));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GPtr<GMimeMessage> original(g_mime_parser_construct_message(parser.get(), m_options));
    if (original) {
        if (const char* id = g_mime_message_get_message_id(original.get())) {
            returned_ids.emplace_back(id);
        }
    }
}

}  // namespace tkt::mail
