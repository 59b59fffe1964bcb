// Letting the agent edit a reply in their own editor, as git commit does.
#pragma once

#include "cli/context.hpp"

#include <string>

namespace tkt::cli {

// Opens $VISUAL, else $EDITOR, else vi on a temporary file holding `text` and returns
// what the agent saved. Throws (exit 1, nothing recorded) when the editor fails or the
// text comes back empty.
std::string edit_text(const std::string& text, Context& context);

}  // namespace tkt::cli
