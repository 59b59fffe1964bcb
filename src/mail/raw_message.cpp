// The header block read by hand, only as far as it goes: a body never is scanned here.
#include "mail/raw_message.hpp"

namespace tkt::mail {
namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// RFC 5322's field name: printable ASCII but ':'; obsolete syntax allows blanks before
// the colon ("Subject : hi").
bool is_field(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] > ' ' && line[i] < 127 && line[i] != ':') {
        ++i;
    }
    if (i == 0) {
        return false;
    }
    while (i < line.size() && is_blank(line[i])) {
        ++i;
    }
    return i < line.size() && line[i] == ':';
}

std::string_view line_at(std::string_view raw, std::size_t pos) {
    const auto end = raw.find('\n', pos);
    return raw.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos + 1);
}

bool is_empty_line(std::string_view line) {
    return line == "\n" || line == "\r\n" || line.empty();
}

// Returns true when the lines from `pos` on are header fields and continuations up to
// a blank line: then a stray line before them ("quite Delivered-To: ...", a "__"
// between a field and its continuation) is noise inside the header block, which
// GMime skips, rather than the first line of a body.
bool headers_go_on(std::string_view raw, std::size_t pos) {
    bool field = false;
    while (pos < raw.size()) {
        const std::string_view line = line_at(raw, pos);
        if (is_empty_line(line)) {
            return field;
        }
        if (!is_field(line) && !is_blank(line.front())) {
            return false;
        }
        field = field || is_field(line);
        pos += line.size();
    }
    return false;
}

}  // namespace

std::string_view without_bom(std::string_view raw) {
    return raw.starts_with(k_bom) ? raw.substr(k_bom.size()) : raw;
}

HeaderBlock scan_header_block(std::string_view raw) {
    HeaderBlock block;
    std::size_t pos = 0;
    if (raw.starts_with("From ")) {
        pos = line_at(raw, 0).size();
    }
    while (pos < raw.size()) {
        const std::string_view line = line_at(raw, pos);
        if (is_empty_line(line)) {
            return block;
        }
        if (is_field(line)) {
            block.fields = HeaderFields::some;
        } else if (!is_blank(line.front()) && !headers_go_on(raw, pos + line.size())) {
            // Mail written by hand or by a script may run its first body line straight
            // after the headers: that line starts the body rather than vanish.
            if (block.fields == HeaderFields::some) {
                block.body_without_blank_line = pos;
            }
            return block;
        }
        pos += line.size();
    }
    return block;
}

std::string with_blank_line(std::string_view raw, const HeaderBlock& block) {
    if (!block.body_without_blank_line) {
        return std::string(raw);
    }
    const std::size_t at = *block.body_without_blank_line;
    const bool crlf = at >= 2 && raw[at - 2] == '\r';
    std::string out;
    out.reserve(raw.size() + 2);
    out.append(raw.substr(0, at));
    out.append(crlf ? "\r\n" : "\n");
    out.append(raw.substr(at));
    return out;
}

}  // namespace tkt::mail
