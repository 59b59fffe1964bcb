// Ratings: reading a customer's reply as a rating, and recording one (tkt(1), RATINGS).
#include "actions/ratings.hpp"

#include "actions/similar.hpp"
#include "actions/tickets.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "routing/language.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

namespace tkt {
namespace {

// Words that say the number after them is a rating, longest first where one starts
// another.
constexpr std::array<std::u32string_view, 20> k_labels{
    U"my rating is", U"my rating",    U"my score", U"rating", U"score",  U"i would give", U"i'd give",
    U"i give",       U"i would rate", U"i'd rate", U"i rate", U"rate",   U"моя оценка",   U"оценка",
    U"оцениваю",     U"оценил",       U"оценила",  U"ставлю", U"ставим", U"рейтинг"};

// Words between a label and its number: "I'd give you 5", "ставлю вам 5", "оцениваю на 4".
constexpr std::array<std::u32string_view, 7> k_fillers{U"you", U"it", U"this", U"us", U"вам", U"вас", U"на"};

// What may follow the number to say what it is out of, longest first.
constexpr std::array<std::u32string_view, 17> k_scales{
    U"out of 5", U"of 5",   U"из пяти", U"из 5",   U"/ 5",   U"/5",   U"stars",  U"star", U"звёзд",
    U"звезд",    U"звезды", U"звезда",  U"баллов", U"балла", U"балл", U"points", U"point"};

// What may end the number when the text goes on: "5!", "4 - fast", "5, thanks", "3; slow".
constexpr std::u32string_view k_separators = U"!.,;:-\u2013\u2014";

constexpr char32_t k_star = U'\u2605';        // ★
constexpr char32_t k_empty_star = U'\u2606';  // ☆
constexpr char32_t k_emoji_star = U'\u2B50';  // ⭐
constexpr char32_t k_thumb_up = U'\U0001F44D';
constexpr char32_t k_thumb_down = U'\U0001F44E';

std::u32string lower(std::u32string text) {
    for (auto& c : text) {
        if ((c >= U'A' && c <= U'Z') || (c >= U'\u0410' && c <= U'\u042F')) {
            c += 0x20;
        } else if (c == U'\u0401') {  // Ё
            c = U'\u0451';
        } else if (c == U'\u2019') {  // I’d
            c = U'\'';
        }
    }
    return text;
}

bool is_word_char(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U'_' ||
           (c >= 0xC0 && c <= 0x24F) || (c >= 0x400 && c <= 0x52F);
}

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\u00A0';
}

// Emoji and pictographs (a smile after the score is a comment, not a word).
bool is_pictograph(char32_t c) {
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF);
}

void skip_spaces(std::u32string_view& text) {
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
}

// Takes `word` off the front of `text` when it is a whole word there.
bool take_word(std::u32string_view& text, std::u32string_view word) {
    if (!text.starts_with(word) ||
        (text.size() > word.size() && is_word_char(word.back()) && is_word_char(text[word.size()]))) {
        return false;
    }
    text.remove_prefix(word.size());
    return true;
}

template <std::size_t N> bool take_any(std::u32string_view& text, const std::array<std::u32string_view, N>& words) {
    return std::any_of(words.begin(), words.end(), [&](std::u32string_view word) { return take_word(text, word); });
}

// The comment after a score: the rest of its line, without leading separators and
// spaces, and the lines after it.
std::string comment_of(std::u32string_view rest, std::string_view more) {
    const auto leading = [](char32_t c) {
        return is_space(c) || c == U')' || k_separators.find(c) != std::u32string_view::npos;
    };
    while (!rest.empty() && leading(rest.front())) {
        rest.remove_prefix(1);
    }
    std::string comment = to_utf8(rest);
    if (!more.empty()) {
        comment += comment.empty() ? std::string(more) : fmt::format("\n{}", more);
    }
    return std::string(trim(comment));
}

// Stars or thumbs opening `line`: the score and what follows them.
std::optional<std::pair<int, std::u32string_view>> read_pictures(std::u32string_view line) {
    int stars = 0;
    int empty = 0;
    int up = 0;
    int down = 0;
    std::size_t at = 0;
    for (; at < line.size(); ++at) {
        const char32_t c = line[at];
        if (c == k_star || c == k_emoji_star) {
            ++stars;
        } else if (c == k_empty_star) {
            ++empty;
        } else if (c == k_thumb_up) {
            ++up;
        } else if (c == k_thumb_down) {
            ++down;
        } else if (!(c == U'\uFE0F' || (c >= 0x1F3FB && c <= 0x1F3FF) || is_space(c))) {
            break;  // not a variation selector or skin tone either
        }
    }
    const bool thumbs = up + down > 0;
    const bool starred = stars + empty > 0;
    if (thumbs == starred || (up > 0 && down > 0) || stars > 5 || stars + empty > 5 || (starred && stars == 0)) {
        return std::nullopt;  // nothing, a mix, or more stars than the scale has
    }
    return std::pair{thumbs ? (up > 0 ? 5 : 1) : stars, line.substr(at)};
}

// A score opening `line` as a number, with a label before it or a scale after it:
// the score and what follows.
std::optional<std::pair<int, std::u32string_view>> read_number(std::u32string_view line) {
    const bool labelled = take_any(line, k_labels);
    if (labelled) {
        skip_spaces(line);
        take_any(line, k_fillers);
    }
    while (!line.empty() &&
           (is_space(line.front()) ||
            (labelled && std::u32string_view(U":=-\u2013\u2014").find(line.front()) != std::u32string_view::npos))) {
        line.remove_prefix(1);
    }
    if (line.empty() || line.front() < U'1' || line.front() > U'5') {
        return std::nullopt;
    }
    const int score = static_cast<int>(line.front() - U'0');
    line.remove_prefix(1);
    // 15, 4.5, 4,5 or 3rd say something else.
    if (!line.empty() && (is_word_char(line.front()) || ((line.front() == U'.' || line.front() == U',') &&
                                                         line.size() > 1 && line[1] >= U'0' && line[1] <= U'9'))) {
        return std::nullopt;
    }
    std::u32string_view rest = line;
    skip_spaces(rest);
    const bool scaled = take_any(rest, k_scales);
    if (!scaled) {
        rest = line;
    }
    std::u32string_view after = rest;
    skip_spaces(after);
    const bool spaced = after.size() < rest.size();
    if (after.empty() || k_separators.find(after.front()) != std::u32string_view::npos ||
        is_pictograph(after.front()) || ((labelled || scaled) && spaced)) {
        return std::pair{score, after};
    }
    return std::nullopt;  // "5 minutes ago", "2 вопроса", "1) ...", "5/10"
}

// Refuses a score out of 1..5 (a usage error).
void check_score(int score) {
    if (score < 1 || score > 5) {
        throw usage_error(fmt::format("score {} is out of range: rate from 1 (bad) to 5 (excellent)", score));
    }
}

// Whether a line opens a numbered list: "2.", "3)".
bool opens_list_item(std::string_view line) {
    line = trim(line);
    return line.size() >= 2 && line[0] >= '1' && line[0] <= '9' && (line[1] == '.' || line[1] == ')');
}

}  // namespace

std::string_view to_string(RatingSource source) {
    switch (source) {
    case RatingSource::reply: return "reply";
    case RatingSource::customer: return "customer";
    case RatingSource::agent: return "agent";
    }
    return "agent";
}

std::optional<RatingReply> read_rating_reply(std::string_view body) {
    const auto lines_of = [](std::string_view text) {
        std::vector<std::string> lines;
        for (const auto& line : split(text, '\n')) {
            if (!trim(line).empty()) {
                lines.emplace_back(trim(line));
            }
        }
        return lines;
    };
    const std::string own = own_text(body);
    const auto own_lines = lines_of(own);
    // The same text without a greeting line and a signature ("Best regards, ...").
    const auto core_lines = lines_of(reply_core(own));
    if (own_lines.empty() || !is_valid_utf8(own)) {
        return std::nullopt;
    }
    // Where a rating may stand, and the lines that follow it: the first line, else the
    // first after a greeting.
    std::vector<std::pair<std::string, std::span<const std::string>>> candidates;
    const bool greeted = core_lines.empty() || core_lines.front() != own_lines.front();
    candidates.emplace_back(own_lines.front(),
                            greeted ? std::span(own_lines).subspan(1) : std::span(core_lines).subspan(1));
    if (greeted && !core_lines.empty()) {
        candidates.emplace_back(core_lines.front(), std::span(core_lines).subspan(1));
    }
    for (const auto& [line, following] : candidates) {
        const std::u32string original = code_points(line);
        const std::u32string folded = lower(original);
        auto found = read_pictures(folded);
        if (!found) {
            found = read_number(folded);
        }
        // "1. The login fails\n2. The mail is late" is a list, not a rating of 1.
        if (!found || std::any_of(following.begin(), following.end(), opens_list_item)) {
            continue;
        }
        // The comment keeps the customer's own case: the same stretch of the original.
        const auto tail = std::u32string_view(original).substr(original.size() - found->second.size());
        const std::vector<std::string> more(following.begin(), following.end());
        return RatingReply{found->first, comment_of(tail, join(more, "\n"))};
    }
    return std::nullopt;
}

Rating record_rating(Store& store, const Ticket& ticket, int score, std::string_view comment, RatingSource source,
                     const Actor& actor, std::optional<std::int64_t> message) {
    check_score(score);
    if (!is_valid_utf8(comment)) {
        throw Error(Exit::data, "the comment is not valid UTF-8");
    }
    // The conversation rated: up to the last solve, or up to now on a ticket not solved.
    const auto finished = is_finished(ticket.status) ? store.last_finished_at(ticket.id) : std::nullopt;
    const auto agent = store.last_agent_reply(ticket.id, finished.value_or(actor.now));
    store.set_rating(ticket.id, score, actor.now, agent);
    nlohmann::json detail{{"score", score},
                          {"previous", ticket.csat ? nlohmann::json(*ticket.csat) : nlohmann::json(nullptr)},
                          {"source", to_string(source)},
                          {"agent", agent ? nlohmann::json(*agent) : nlohmann::json(nullptr)}};
    if (!comment.empty()) {
        detail["comment"] = comment;
    }
    if (message) {
        detail["message"] = *message;
    }
    store.insert_event(ticket.id, actor.now, actor.login, "rated", detail.dump());
    return Rating{ticket.id, score, ticket.csat, agent};
}

Rating rate_ticket(Store& store, TicketId id, int score, std::string_view comment, const Actor& actor,
                   RatingSource source) {
    check_score(score);
    auto transaction = store.begin_write();
    const Rating rating = record_rating(store, require_ticket(store, id), score, comment, source, actor);
    transaction.commit();
    return rating;
}

}  // namespace tkt
