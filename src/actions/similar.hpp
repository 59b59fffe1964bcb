// Past answers (issue 19): the solved tickets most like one, found by the search index
// from the words of its subject and first message, each with the reply that solved it;
// and the core of such a reply, to start a new one from.
#pragma once

#include "core/ticket.hpp"
#include "store/store.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tkt {

// The most words of a ticket a similar search looks for.
constexpr std::size_t k_max_similar_words = 24;

// Returns the words of `text` that tell it from other tickets, as written, once each,
// subject first, then the customer's first message, at most k_max_similar_words:
// words of three characters or more, not numbers and not the commonest function words
// of Russian and English, and none that `is_common` calls common (a word half the
// desk's tickets hold says nothing about this one).
std::vector<std::string> informative_words(const TicketText& text,
                                           const std::function<bool(std::string_view word)>& is_common);

// A solved ticket like another, with the reply that solved it.
struct SimilarTicket {
    Ticket ticket;
    Message answer;
    std::string answer_core;  // reply_core of the answer's body
};

// Returns up to `limit` solved or closed tickets most like ticket `id` (not merged into
// another), best first, each with the reply that solved it; those with no reply are
// passed over. Throws "no ticket N" (1).
std::vector<SimilarTicket> similar_tickets(Store& store, TicketId id, std::int64_t limit);

// Returns the reply that solved the conversation `record`: the last reply an agent
// sent (not an automatic one) up to when it was solved, one written for it rather than
// rendered from a template when there is one; nullopt when there is none.
std::optional<Message> solving_reply(const TicketRecord& record);

// Returns the core of a reply's `body`: without its greeting line ("Hello Anna,",
// «Здравствуйте, Анна!»), the introduction of a new owner after it ("I'm Anna, and I'm
// taking over your request..."), and the signature (from a closing such as "Best
// regards," or «С уважением,», or a "-- " line, to the end).
std::string reply_core(std::string_view body);

// Returns the text a new reply starts from when it reuses the reply that solved ticket
// `other` (tkt reply --from-ticket): that reply's core. Throws "no ticket N" (1), and a
// data error (65) when `other` has no such reply.
std::string reply_to_start_from(Store& store, TicketId other);

}  // namespace tkt
