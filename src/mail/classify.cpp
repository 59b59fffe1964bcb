// Which mail deserves a human answer: the rules of DESIGN.md 6, over headers alone.
#include "mail/classify.hpp"

#include "core/text.hpp"
#include "mail/inbound.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace tkt {
namespace {

using Headers = std::vector<MailHeader>;

// Whether `text` is `lower` in any case; compared in place, since every message asks
// this of every header some twenty times.
bool equals_ignoring_case(std::string_view text, std::string_view lower) {
    return text.size() == lower.size() && std::equal(lower.begin(), lower.end(), text.begin(), [](char l, char c) {
               return (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == l;
           });
}

const MailHeader* find_header(const Headers& headers, std::string_view name) {
    const auto found = std::find_if(headers.begin(), headers.end(),
                                    [&](const MailHeader& header) { return equals_ignoring_case(header.name, name); });
    return found == headers.end() ? nullptr : &*found;
}

bool has_header(const Headers& headers, std::string_view name) {
    return find_header(headers, name) != nullptr;
}

std::string value_of(const Headers& headers, std::string_view name) {
    const auto* header = find_header(headers, name);
    return header ? ascii_lower(trim(header->value)) : std::string();
}

// Returns the report type of a multipart/report (RFC 6522), "" when it names none, and
// nullopt for any other content type.
std::optional<std::string> report_type(std::string_view content_type) {
    const std::string type = ascii_lower(content_type);
    if (!type.starts_with("multipart/report")) {
        return std::nullopt;
    }
    constexpr std::string_view k_parameter = "report-type=";
    const auto at = type.find(k_parameter);
    if (at == std::string::npos) {
        return std::string();
    }
    std::string_view value = std::string_view(type).substr(at + k_parameter.size());
    value = value.substr(0, value.find(';'));
    value = trim(value);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
}

bool is_auto_submitted(const Headers& headers) {
    const std::string value = value_of(headers, "auto-submitted");
    return has_header(headers, "auto-submitted") && value != "no" && !value.starts_with("no ") &&
           !value.starts_with("no;");
}

// A null Return-Path is a bounce's, except that RFC 3834 asks automatic responses to
// use it too: alongside Auto-Submitted it marks an auto-reply, not returned mail.
bool has_null_return_path(const Headers& headers) {
    const std::string return_path = value_of(headers, "return-path");
    return has_header(headers, "return-path") && (return_path == "<>" || return_path.empty()) &&
           !is_auto_submitted(headers);
}

bool is_from_local_part(std::string_view from, std::string_view local) {
    return ascii_lower(from.substr(0, from.find('@'))) == local;
}

// Marks that only a mail system returning a message writes, whoever passed it on (a
// list relays a bounce sent to its address as it is): a delivery report (RFC 3464),
// Exim's X-Failed-Recipients, a null Return-Path, MAILER-DAEMON as the author. A
// list's own mail never carries them: a list manager sends from its bounce address.
bool is_delivery_failure(const Headers& headers, const std::optional<std::string>& report, std::string_view from) {
    return report == "delivery-status" || has_header(headers, "x-failed-recipients") || has_null_return_path(headers) ||
           is_from_local_part(from, "mailer-daemon");
}

// A list manager's headers: RFC 2919's List-Id, RFC 2369's List-* but List-Unsubscribe
// (transactional mail carries it alone too), ezmlm's and SmartList's, or Precedence
// list. List-Unsubscribe counts with a bulk sender's marks: Precedence bulk, or RFC
// 8058's one-click List-Unsubscribe-Post. A list's Return-Path, Sender: owner-... and
// Errors-To point at its bounce handling, and are no sign of a bounce.
bool is_list(const Headers& headers) {
    constexpr std::array<std::string_view, 8> k_list_headers{"list-id",        "list-post",     "list-help",
                                                             "list-subscribe", "list-owner",    "list-archive",
                                                             "mailing-list",   "x-mailing-list"};
    if (std::any_of(k_list_headers.begin(), k_list_headers.end(),
                    [&](std::string_view name) { return has_header(headers, name); })) {
        return true;
    }
    const std::string precedence = value_of(headers, "precedence");
    if (precedence == "list") {
        return true;
    }
    return has_header(headers, "list-unsubscribe") &&
           (precedence == "bulk" || has_header(headers, "list-unsubscribe-post"));
}

// Precedence bulk alone is an auto-reply's as often as a list's: vacation(1) sends with it.
bool is_automatic(const Headers& headers) {
    if (is_auto_submitted(headers)) {
        return true;
    }
    constexpr std::array<std::string_view, 3> k_bulk{"bulk", "junk", "auto_reply"};
    const std::string precedence = value_of(headers, "precedence");
    if (std::find(k_bulk.begin(), k_bulk.end(), precedence) != k_bulk.end()) {
        return true;
    }
    constexpr std::array<std::string_view, 3> k_markers{"x-autoreply", "x-autorespond", "x-auto-response-suppress"};
    return std::any_of(k_markers.begin(), k_markers.end(),
                       [&](std::string_view name) { return has_header(headers, name); });
}

}  // namespace

// The order matters: a delivery failure is a bounce even when a list relays it; any
// other report (a read receipt, an abuse report) tells of mail that arrived, so it is
// automatic; a list's mail is the list's before anything in it looks automatic or
// comes from a postmaster.
MailKind classify_mail(const std::vector<MailHeader>& headers, std::string_view content_type, std::string_view from) {
    if (has_header(headers, "x-tkt-loop")) {
        return MailKind::own_loop;
    }
    const auto report = report_type(content_type);
    if (is_delivery_failure(headers, report, from)) {
        return MailKind::bounce;
    }
    if (report) {
        return MailKind::automatic;
    }
    if (is_list(headers)) {
        return MailKind::list;
    }
    // Postmaster is a role a person writes as too, say to a list; alone, it is a bounce.
    if (is_from_local_part(from, "postmaster")) {
        return MailKind::bounce;
    }
    return is_automatic(headers) ? MailKind::automatic : MailKind::human;
}

}  // namespace tkt
