// Internal to src/mail/. The shape of a message's raw bytes before GMime reads them: where its header block
// starts and ends, for mail that breaks the rules GMime relies on.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tkt::mail {

enum class HeaderFields { none, some };

struct HeaderBlock {
    HeaderFields fields = HeaderFields::none;
    // Where the body starts when a line that is no header field ended the headers
    // without the blank line RFC 5322 asks for; nullopt when nothing is missing.
    std::optional<std::size_t> body_without_blank_line;
};

// Returns `raw` without a UTF-8 byte order mark before its first header (editors on
// Windows write one, and GMime takes it for part of the first field's name).
std::string_view without_bom(std::string_view raw);

// Reads the header block of `raw` line by line, up to its end: an mbox "From " line
// first is skipped, continuation lines belong to their field.
HeaderBlock scan_header_block(std::string_view raw);

// Returns `raw` with the blank line inserted that `block` found missing, in the line
// ending of the header before it; `raw` unchanged when none is missing.
std::string with_blank_line(std::string_view raw, const HeaderBlock& block);

}  // namespace tkt::mail
