// Internal to src/mail/. The body of a message, put together from its text parts in order.
#pragma once

#include <string>
#include <vector>

namespace tkt::mail {

enum class TextKind { plain, html };

class BodyText {
public:
    // Adds the UTF-8 `text` of the next text part shown as the body.
    void add(TextKind kind, std::string text);

    // Returns true when no text part has been added yet.
    bool empty() const { return m_parts.empty(); }

    // Returns the body: the plain parts in order, an HTML part among them only when it
    // carries words they lack; the HTML parts when there is no plain one. Line ends are
    // LF and there is a final newline, whatever the transport did to them.
    std::string finish() const;

private:
    struct Part {
        TextKind kind;
        std::string text;
    };
    std::vector<Part> m_parts;
};

}  // namespace tkt::mail
