#include "actions/attachments.hpp"

#include "actions/tickets.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "mail/inbound.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace tkt {
namespace {

// Longer names than most file systems take (255 bytes) are cut well below it, at a
// character boundary, so that a suffix can still be added.
constexpr std::size_t k_max_name_bytes = 200;

std::string plural(std::size_t count, std::string_view word) {
    return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

// Returns the position of `number`'s attachment among those of its own message: the
// index the message's parts list it at.
std::size_t index_in_message(const std::vector<AttachmentInfo>& all, std::size_t number) {
    const auto message = all[number - 1].message_id;
    return static_cast<std::size_t>(std::count_if(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(number - 1),
                                                  [&](const AttachmentInfo& a) { return a.message_id == message; }));
}

}  // namespace

std::vector<AttachmentInfo> numbered_attachments(const TicketRecord& record) {
    std::vector<AttachmentInfo> numbered;
    for (const auto& message : record.messages) {
        for (const auto& attachment : record.attachments) {
            if (attachment.message_id == message.id) {
                numbered.push_back(attachment);
            }
        }
    }
    return numbered;
}

AttachmentContent load_attachment(Store& store, TicketId id, std::size_t number) {
    const auto all = numbered_attachments(load_conversation(store, id));
    if (number == 0 || number > all.size()) {
        throw Error(Exit::nothing, fmt::format("no attachment {} on ticket {}: it has {}", number, id,
                                               plural(all.size(), "attachment")));
    }
    AttachmentContent found{number, all[number - 1], {}};
    const std::string label = fmt::format("attachment {} of ticket {}", number, id);
    if (found.info.content_type == "message/rfc822" && found.info.sha256.empty()) {
        throw data_error(fmt::format("{} is an attached message, recorded without its bytes: nothing to save", label));
    }
    std::optional<std::string> raw;
    {
        auto read = store.begin_read();
        raw = store.message_raw(found.info.message_id);
        read.commit();
    }
    if (!raw) {
        throw Error(Exit::no_input, fmt::format("{}: the message it came with is not kept", label));
    }
    auto bytes = attachment_content(*raw, index_in_message(all, number));
    if (!bytes || attachment_sha256(*bytes) != found.info.sha256) {
        throw data_error(fmt::format("{} does not match the SHA-256 recorded for it: nothing written", label));
    }
    found.bytes = std::move(*bytes);
    return found;
}

std::string safe_file_name(std::string_view name, std::string_view fallback) {
    if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
        name.remove_prefix(slash + 1);
    }
    std::string safe;
    for (std::size_t pos = 0; pos < name.size();) {
        const std::size_t start = pos;
        const auto code = decode_utf8(name, pos);
        if (!code) {
            ++pos;  // a byte that is no character is dropped, like a control
        }
        const bool control = !code || *code < 0x20 || *code == 0x7f || (*code >= 0x80 && *code < 0xa0);
        const bool leading = safe.empty() && code && (*code == '.' || *code == ' ');
        if (control || leading) {
            continue;
        }
        if (safe.size() + (pos - start) > k_max_name_bytes) {
            break;
        }
        safe.append(name.substr(start, pos - start));
    }
    while (safe.ends_with(' ') || safe.ends_with('.')) {
        safe.pop_back();
    }
    return safe.empty() ? std::string(fallback) : safe;
}

}  // namespace tkt
