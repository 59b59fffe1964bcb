// Files that came with a ticket's mail and went with its replies: numbered as `tkt
// show` lists them, and saved byte for byte from the raw message kept with each.
#pragma once

#include "core/ticket.hpp"
#include "store/store.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// Returns the attachments of `record` (as load_conversation gives it) in the order
// `tkt show` lists them, message by message: attachment N is element N - 1.
std::vector<AttachmentInfo> numbered_attachments(const TicketRecord& record);

// An attachment with its bytes.
struct AttachmentContent {
    std::size_t number = 0;  // from 1, as numbered_attachments() counts
    AttachmentInfo info;
    std::string bytes;
};

// Returns attachment `number` of ticket `id`'s conversation, decoded from the raw
// message it came in and checked against its recorded SHA-256. Throws "no ticket N"
// or, naming how many there are, "no attachment N" (exit 1); 66 when the raw message
// is not kept; 65 for an attached message (recorded without bytes) and for bytes that
// do not match the recorded SHA-256.
AttachmentContent load_attachment(Store& store, TicketId id, std::size_t number);

// Returns `name`, an attachment's name as mail gives it, as a file name to create in a
// folder the user chose: its last path component, without control characters and
// leading dots or spaces, at most 200 bytes; `fallback` when nothing is left. The
// sender's name never picks another folder.
std::string safe_file_name(std::string_view name, std::string_view fallback);

}  // namespace tkt
