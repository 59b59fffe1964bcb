// Ratings (tkt(1), RATINGS): a customer's reply read as a rating, and a rating recorded
// with the agent it is credited to.
#pragma once

#include "core/ticket.hpp"
#include "core/time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tkt {

class Store;

// How a rating came.
enum class RatingSource {
    reply,     // the customer's reply to a solved ticket, read as a rating
    customer,  // the customer's own through another way in: a chat platform's rating form
    agent,     // told to an agent (by phone, in person) and recorded by them
};

std::string_view to_string(RatingSource source);

// A score from 1 (bad) to 5 (excellent) and what the customer said with it.
struct RatingReply {
    int score = 0;
    std::string comment;
};

// Returns the rating a customer's message `body` gives, when the text they wrote (no
// quote, greeting or signature) opens with one, and the rest of that text as its
// comment: a score from 1 to 5 on its own or followed by a separator ("5", "5!",
// "4 - fast, thanks"), with a scale ("5/5", "4 из 5", "3 stars", "5 баллов") or after
// a label ("Оценка: 4", "rating 3", "ставлю 5"); filled stars (★★★★☆, ⭐⭐⭐); a thumb
// up (5) or down (1). A number that says something else is no rating: "5 minutes ago
// it broke again", "2 вопроса", "4.5", "10/10", a numbered list.
std::optional<RatingReply> read_rating_reply(std::string_view body);

// What a rating did: the score now, the one it replaced and the agent credited.
struct Rating {
    TicketId id = 0;
    int score = 0;
    std::optional<int> previous;
    std::optional<std::string> agent;
};

// Records `score` (1..5, else a usage error) with `comment` as ticket `ticket`'s rating,
// replacing an earlier one, and a `rated` event with score, previous, source, the agent
// credited and the comment when not empty, and `message` (the customer's message it
// was read from) when given. The rating is credited to the agent of the conversation
// it rates: the last agent who replied before the ticket was last solved (before
// `actor.now` when it is not solved). Runs in the caller's transaction.
Rating record_rating(Store& store, const Ticket& ticket, int score, std::string_view comment, RatingSource source,
                     const Actor& actor, std::optional<std::int64_t> message = std::nullopt);

// record_rating() of ticket `id` in a transaction of its own; a missing ticket is an
// error (exit 1), a comment that is not UTF-8 one of data.
Rating rate_ticket(Store& store, TicketId id, int score, std::string_view comment, const Actor& actor,
                   RatingSource source = RatingSource::agent);

}  // namespace tkt
