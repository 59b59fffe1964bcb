// Letting the agent edit a reply in their own editor, as git commit does.
#pragma once

#include "cli/context.hpp"
#include "core/ticket.hpp"

#include <string>
#include <string_view>

namespace tkt::cli {

// Opens $VISUAL, else $EDITOR, else vi on a temporary file holding `text` and returns
// what the agent saved. Throws (exit 1, nothing recorded) when the editor fails or the
// text comes back empty; its messages call the text `what`.
std::string edit_text(const std::string& text, Context& context, std::string_view what = "reply");

// Lets the agent edit `body`, a reply to `record`, with the customer's last message
// quoted below a cut line, as git commit shows the diff; everything from the cut line
// on is left out of what comes back. Throws as edit_text() does, and when `body` comes
// back unchanged with `blank` set (nothing was written between greeting and signature).
enum class Blank { allowed, refused };
std::string edit_reply(const std::string& body, const TicketRecord& record, Blank blank, Context& context);

// Lets the agent write an internal note on `record` in their editor, the customer's
// last message quoted below the cut line; throws as edit_text() does when nothing is
// written above it.
std::string edit_note(const TicketRecord& record, Context& context);

}  // namespace tkt::cli
