// Internal to src/mail/. What one MIME leaf part holds: its type as RFC 2045 reads a broken one, its name,
// and its decoded bytes exactly as the sender encoded them.
#pragma once

#include "mail/gmime_support.hpp"

#include <string>
#include <string_view>

namespace tkt::mail {

// Whether a part is one of a multipart's: then the line break before the closing
// boundary is the boundary's, also when the boundary is missing.
enum class Framing { whole_message, in_multipart };

class PartType {
public:
    // Reads the type of `object`; a Content-Type that does not parse, or that names no
    // subtype ("text"), is text/plain (RFC 2045 5.2), its parameters read as written.
    explicit PartType(GMimeObject* object);

    // Returns "type/subtype" in lowercase.
    const std::string& mime() const { return m_mime; }

    // Returns the Content-Type parameter `name`, or nullptr when it has none.
    const char* parameter(const char* name) const;

    // Returns the part's file name, from Content-Disposition's filename or else from
    // Content-Type's name, RFC 2231 and RFC 2047 decoded by GMime; "" when none.
    std::string filename() const;

private:
    GMimeObject* m_object;
    std::string m_mime;
    GPtr<GMimeParamList> m_params;  // only when GMime could not read the Content-Type
};

// Returns the decoded content of `part`, whose encoded bytes lie in `raw` (the buffer
// GMime parsed): a CR that a closing boundary without a final newline left behind,
// and the line break before a closing boundary that never came, are not content.
std::string part_bytes(GMimePart* part, std::string_view raw, Framing framing);

}  // namespace tkt::mail
