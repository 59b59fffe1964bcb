// Which mail deserves a human answer: the rules of DESIGN.md 6, over headers alone.
#include "tkt/mail.hpp"
#include "tkt/text.hpp"

#include <algorithm>
#include <array>

namespace tkt {
namespace {

const MailHeader* find_header(const std::vector<MailHeader>& headers, std::string_view name) {
    const auto found = std::find_if(headers.begin(), headers.end(), [&](const MailHeader& header) {
        return ascii_lower(header.name) == name;
    });
    return found == headers.end() ? nullptr : &*found;
}

std::string value_of(const std::vector<MailHeader>& headers, std::string_view name) {
    const auto* header = find_header(headers, name);
    return header ? ascii_lower(trim(header->value)) : std::string();
}

bool is_bounce(const std::vector<MailHeader>& headers, std::string_view content_type,
               std::string_view from) {
    const std::string return_path = value_of(headers, "return-path");
    if (find_header(headers, "return-path") && (return_path == "<>" || return_path.empty())) {
        return true;
    }
    const std::string local = ascii_lower(from.substr(0, from.find('@')));
    if (local == "mailer-daemon" || local == "postmaster") {
        return true;
    }
    const std::string type = ascii_lower(content_type);
    if (type.starts_with("multipart/report") &&
        type.find("delivery-status") != std::string::npos) {
        return true;
    }
    return find_header(headers, "x-failed-recipients") != nullptr;
}

bool is_automatic(const std::vector<MailHeader>& headers) {
    const std::string auto_submitted = value_of(headers, "auto-submitted");
    if (find_header(headers, "auto-submitted") && auto_submitted != "no" &&
        !auto_submitted.starts_with("no ") && !auto_submitted.starts_with("no;")) {
        return true;
    }
    constexpr std::array<std::string_view, 4> k_bulk{"bulk", "junk", "list", "auto_reply"};
    const std::string precedence = value_of(headers, "precedence");
    if (std::find(k_bulk.begin(), k_bulk.end(), precedence) != k_bulk.end()) {
        return true;
    }
    for (const auto name : {"x-autoreply", "x-autorespond", "x-auto-response-suppress"}) {
        if (find_header(headers, name)) {
            return true;
        }
    }
    // One-click unsubscribe (RFC 8058) is the mark of a bulk sender.
    return find_header(headers, "list-unsubscribe") && find_header(headers, "list-unsubscribe-post");
}

}  // namespace

std::string_view to_string(MailKind kind) {
    switch (kind) {
    case MailKind::human: return "human";
    case MailKind::automatic: return "auto";
    case MailKind::bounce: return "bounce";
    case MailKind::own_loop: return "own-loop";
    }
    return "human";
}

MailKind classify_mail(const std::vector<MailHeader>& headers, std::string_view content_type,
                       std::string_view from) {
    if (find_header(headers, "x-tkt-loop")) {
        return MailKind::own_loop;
    }
    if (is_bounce(headers, content_type, from)) {
        return MailKind::bounce;
    }
    return is_automatic(headers) ? MailKind::automatic : MailKind::human;
}

}  // namespace tkt
