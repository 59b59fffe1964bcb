// Messages from chat platforms and other integrations: one JSON object per line on
// standard input (`tkt new --json`, `tkt add --json`), each stored once by its id.
#pragma once

#include "actions/conversation.hpp"
#include "cli/context.hpp"

namespace tkt::cli {

// Reads JSON lines from `context`'s input until its end and stores each
// (store_inbound) with `settings`, opening tickets as `opening` says: a batch of the
// lines at hand in one transaction, each line a savepoint of its own. Prints one JSON
// result per line ({"line", "ticket", "outcome"} or {"line", "error"}) and a summary on
// standard error; a line that is not valid JSON, lacks a field or cannot be stored is
// reported with its number and changes nothing, and the stream goes on. Throws a data
// error (65) at the end when any line was refused.
void run_json_stream(Context& context, Opening opening, const InboundSettings& settings);

}  // namespace tkt::cli
