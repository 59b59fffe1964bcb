// Internal to src/mail/. Walking a message's MIME tree: which parts make the body, which are attachments.
#pragma once

#include "mail/body_text.hpp"
#include "mail/gmime_support.hpp"
#include "mail/header_text.hpp"
#include "mail/inbound.hpp"
#include "mail/part_content.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tkt::mail {

// Whether a PartCollector keeps the decoded bytes of each attachment too (to save one),
// or only what they are (to record them).
enum class Contents { skip, keep };

// Collects the body, attachments and returned Message-IDs of a MIME tree.
class PartCollector {
public:
    // Reads parts whose encoded bytes lie in `raw`, the buffer GMime parsed, keeping
    // the attachments' bytes in `contents` when `keep` says so.
    PartCollector(GMimeParserOptions* options, std::string_view raw, UndeclaredCharset& charset,
                  Contents keep = Contents::skip)
        : m_options(options), m_raw(raw), m_charset(charset), m_keep(keep) {}

    // Visits `object` and all it holds.
    void visit(GMimeObject* object);

    // Returns the body text (see BodyText::finish).
    std::string body() const { return m_body.finish(); }

    std::vector<Attachment> attachments;
    // With Contents::keep, the decoded bytes of each of `attachments`, in order; an
    // attached message is recorded without bytes, so its entry is empty.
    std::vector<std::string> contents;
    std::vector<std::string> returned_ids;

private:
    // Whether a part's text may show as the body: not when it is an alternative
    // to the one shown.
    enum class Role { body, unused_alternative };

    void visit(GMimeObject* object, int depth, Role role, Framing framing);
    void visit_multipart(GMimeMultipart* multipart, int depth, Role role);
    void visit_message_part(GMimeMessagePart* part);
    void visit_part(GMimePart* part, Role role, Framing framing);
    void visit_text(GMimePart* part, const PartType& type, Role role, Framing framing);
    void add_text(const PartType& type, const std::string& bytes);
    void add_attachment(const PartType& type, const std::string& bytes);
    void collect_returned_headers(const std::string& headers);

    GMimeParserOptions* m_options;
    std::string_view m_raw;
    UndeclaredCharset& m_charset;
    Contents m_keep;
    BodyText m_body;
};

}  // namespace tkt::mail
