// Guessing the language of a ticket from its letters (language.cpp): the `language`
// condition of routing rules, and the language a reply is written in.
#pragma once

#include <string>
#include <string_view>

namespace tkt {

// Returns "ru" when Cyrillic letters outnumber Latin ones in `text`, "en" when Latin
// ones are more, "" when there are neither or as many of each.
std::string guess_language(std::string_view text);

}  // namespace tkt
