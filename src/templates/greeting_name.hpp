// The name a reply greets its customer by, worked out from the display name of their
// address: "Петрова Ирина" is greeted "Ирина", "Dr. Jane Doe" "Jane", and "Support Team"
// by no name at all, so a template can fall back to a nameless greeting.
#pragma once

#include <string>
#include <string_view>

namespace tkt {

// Returns how to greet the person whose display name is `display_name`: their given
// name, with the patronymic for a Russian name that has one ("Иван Иванович"), or ""
// when the name holds nobody to greet by name (a company, an address, a surname alone).
std::string greeting_name(std::string_view display_name);

}  // namespace tkt
