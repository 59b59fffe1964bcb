// Leaf parts: their type when GMime gives up on it, and their bytes at the edges of a
// multipart that ends badly.
#include "mail/part_content.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace tkt::mail {
namespace {

std::string gmime_mime_type(GMimeObject* object) {
    GMimeContentType* type = g_mime_object_get_content_type(object);
    if (type == nullptr) {
        return "text/plain";
    }
    const GString name(g_mime_content_type_get_mime_type(type));
    const std::string_view text = name ? name.get() : "";
    // A type is ASCII token characters (RFC 2045); raw bytes in one ("text/\xf6n")
    // name no type anybody knows, and would reach the database as invalid UTF-8.
    const bool token = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7f;
    });
    return token ? ascii_lower(text) : std::string("application/octet-stream");
}

// Where the encoded bytes of a part parsed from memory lie in the parsed buffer.
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
};

std::optional<Span> content_span(GMimeDataWrapper* content, std::string_view raw) {
    GMimeStream* stream = g_mime_data_wrapper_get_stream(content);
    if (stream == nullptr || !GMIME_IS_STREAM_MEM(stream) || stream->bound_start < 0 ||
        stream->bound_end < stream->bound_start || static_cast<std::uint64_t>(stream->bound_end) > raw.size()) {
        return std::nullopt;
    }
    return Span{static_cast<std::size_t>(stream->bound_start), static_cast<std::size_t>(stream->bound_end)};
}

// Returns how many bytes at the end of `span` belong to a boundary rather than to the
// part: GMime takes only the LF of a CRLF before a final boundary that ends the
// message without a newline, and everything up to the end of a multipart that never
// closes.
std::size_t boundary_bytes(Span span, std::string_view raw, Framing framing) {
    const std::string_view content = raw.substr(span.start, span.end - span.start);
    const std::string_view after = raw.substr(span.end);
    if (content.ends_with('\r') && after.starts_with("\n--")) {
        return 1;
    }
    if (framing == Framing::in_multipart && after.empty()) {
        return content.ends_with("\r\n") ? 2 : content.ends_with('\n') ? 1 : 0;
    }
    return 0;
}

std::string decoded(GMimeDataWrapper* content) {
    GPtr<GMimeStream> stream(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, stream.get());
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
    return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

}  // namespace

PartType::PartType(GMimeObject* object) : m_object(object), m_mime(gmime_mime_type(object)) {
    if (m_mime != "application/octet-stream") {
        return;
    }
    // GMime makes application/octet-stream of what it cannot read: tell that from a
    // declared one by the header as written.
    const char* header = g_mime_object_get_header(object, "Content-Type");
    if (header == nullptr) {
        return;
    }
    const std::string_view value(header);
    const auto semicolon = value.find(';');
    if (ascii_lower(trim(value.substr(0, semicolon))) == "application/octet-stream") {
        return;
    }
    m_mime = "text/plain";
    if (semicolon != std::string_view::npos) {
        const std::string params(value.substr(semicolon + 1));
        m_params.reset(g_mime_param_list_parse(nullptr, params.c_str()));
    }
}

const char* PartType::parameter(const char* name) const {
    if (m_params) {
        GMimeParam* param = g_mime_param_list_get_parameter(m_params.get(), name);
        return param ? g_mime_param_get_value(param) : nullptr;
    }
    return g_mime_object_get_content_type_parameter(m_object, name);
}

std::string PartType::filename() const {
    const char* name = GMIME_IS_PART(m_object) ? g_mime_part_get_filename(GMIME_PART(m_object)) : nullptr;
    if (name == nullptr || *name == '\0') {
        name = parameter("name");
    }
    return name ? name : "";
}

std::string part_bytes(GMimePart* part, std::string_view raw, Framing framing) {
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    if (content == nullptr) {
        return {};
    }
    const auto span = content_span(content, raw);
    const std::size_t extra = span ? boundary_bytes(*span, raw, framing) : 0;
    if (extra == 0) {
        return decoded(content);
    }
    const std::string_view encoded = raw.substr(span->start, span->end - span->start - extra);
    GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(encoded.data(), encoded.size()));
    GPtr<GMimeDataWrapper> trimmed(
        g_mime_data_wrapper_new_with_stream(stream.get(), g_mime_data_wrapper_get_encoding(content)));
    return decoded(trimmed.get());
}

}  // namespace tkt::mail
