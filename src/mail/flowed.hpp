// Internal to src/mail/. RFC 3676 format=flowed text, unwrapped for storage and display.
#pragma once

#include <string>
#include <string_view>

namespace tkt::mail {

// Whether a soft line break's trailing space is the writer's (RFC 3676 DelSp).
enum class DelSp { no, yes };

// Returns the flowed `text` (UTF-8) with its paragraphs joined: soft line breaks (a
// line ending in a space) removed, space-stuffing undone, quoted lines kept at their
// quote depth as "> " prefixes; with `delsp` yes, a soft break's space goes too.
std::string unflow(std::string_view text, DelSp delsp);

}  // namespace tkt::mail
