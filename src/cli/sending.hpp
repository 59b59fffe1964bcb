// Handing recorded replies to sendmail, for the commands that send them (reply, escalate).
#pragma once

#include "actions/reply.hpp"
#include "cli/context.hpp"

#include <vector>

namespace tkt::cli {

// Sends the outbox entries of `recorded`, printing one line for each sent; a failure
// leaves it queued and ends the command with exit 75.
void send_queued(const std::vector<RecordedReply>& recorded, Context& context);

}  // namespace tkt::cli
