// Guessing the language of a ticket from its letters (language.cpp): the `language`
// condition of routing rules, and the language a reply is written in.
#pragma once

#include <string>
#include <string_view>

namespace tkt {

// Returns "ru" when Cyrillic letters outnumber Latin ones in `text`, "en" when Latin
// ones are more, "" when there are neither or as many of each.
std::string guess_language(std::string_view text);

// Returns the part of a message's `body` its sender wrote: without quoted lines
// ("> ..."), without the message a reply quotes below "On ... wrote:", "... пишет:" or
// "-----Original Message-----", and without the signature below "-- ".
std::string own_text(std::string_view body);

// Returns the language of a customer's `text` (their subject and own_text()), as
// guess_language() does but leaving out addresses and links, and "" when it has too
// few letters to tell ("ok", "?").
std::string detect_language(std::string_view text);

// Returns the language of a customer's message: detect_language() of its `subject`
// and the own_text() of its `body`.
std::string message_language(std::string_view subject, std::string_view body);

}  // namespace tkt
