#include "actions/similar.hpp"

#include "actions/tickets.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "search/analyzer.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <utility>

namespace tkt {
namespace {

// Function words common in every ticket of a small desk, where counting tickets does
// not tell them yet; a large desk's index tells the rest.
constexpr std::array<std::string_view, 60> k_function_words = {
    "and",    "are",  "but", "can",        "for",     "from", "had",  "has",          "have", "hello",
    "please", "that", "the", "thank",      "there",   "this", "was",  "were",         "what", "when",
    "will",   "with", "you", "your",       "без",     "был",  "была", "было",         "вам",  "вас",
    "ваш",    "все",  "еще", "для",        "добрый",  "его",  "ему",  "здравствуйте", "как",  "мне",
    "меня",   "мой",  "над", "нас",        "наш",     "нет",  "она",  "они",          "при",  "так",
    "уже",    "что",  "это", "пожалуйста", "спасибо", "день", "есть", "или",          "под",  "только",
};

// Returns `line`'s words folded (lowercase, ё as е, no diacritics), joined by spaces.
std::string folded_words(std::string_view line) {
    return search::terms_of(line, search::Reading::prefix);
}

std::size_t word_count(std::string_view folded) {
    return folded.empty() ? 0 : static_cast<std::size_t>(std::ranges::count(folded, ' ')) + 1;
}

bool starts_with_any(std::string_view folded, std::span<const std::string_view> openings) {
    return std::ranges::any_of(openings, [&](std::string_view opening) {
        return folded == opening || (folded.starts_with(opening) && folded[opening.size()] == ' ');
    });
}

// A greeting line: a few words opening with a greeting.
bool is_greeting(std::string_view line) {
    static constexpr std::array<std::string_view, 16> k_greetings = {
        "hello",        "hi",        "hey",          "dear",       "good morning", "good afternoon",
        "good evening", "greetings", "здравствуйте", "здравствуй", "добрый день",  "добрый вечер",
        "доброе утро",  "привет",    "уважаемый",    "уважаемая"};
    const std::string folded = folded_words(line);
    return word_count(folded) <= 6 && starts_with_any(folded, k_greetings);
}

// A new owner introducing themselves, as the greeting partial does.
bool is_introduction(std::string_view paragraph) {
    static constexpr std::array<std::string_view, 3> k_introductions = {"i'm", "i am", "меня зовут"};
    return starts_with_any(folded_words(paragraph.substr(0, paragraph.find('\n'))), k_introductions);
}

// A closing line: what a signature opens with.
bool is_closing(std::string_view line) {
    if (trim(line) == "--") {
        return true;  // "-- ", the signature separator
    }
    static constexpr std::array<std::string_view, 16> k_closings = {"best regards",
                                                                    "kind regards",
                                                                    "regards",
                                                                    "best wishes",
                                                                    "best",
                                                                    "sincerely",
                                                                    "yours sincerely",
                                                                    "cheers",
                                                                    "thanks",
                                                                    "thank you",
                                                                    "с уважением",
                                                                    "всего доброго",
                                                                    "всего хорошего",
                                                                    "с наилучшими пожеланиями",
                                                                    "спасибо",
                                                                    "благодарю"};
    const std::string folded = folded_words(line);
    return std::ranges::find(k_closings, folded) != k_closings.end();
}

// Splits `text` into paragraphs at blank lines, each trimmed of its line ends.
std::vector<std::string> paragraphs_of(std::string_view text) {
    std::vector<std::string> paragraphs;
    std::string current;
    for (auto line : split(text, '\n')) {
        while (line.ends_with('\r')) {
            line.pop_back();
        }
        if (trim(line).empty()) {
            if (!current.empty()) {
                paragraphs.push_back(std::exchange(current, {}));
            }
            continue;
        }
        current += current.empty() ? line : "\n" + line;
    }
    if (!current.empty()) {
        paragraphs.push_back(std::move(current));
    }
    return paragraphs;
}

}  // namespace

std::vector<std::string> informative_words(const TicketText& text,
                                           const std::function<bool(std::string_view word)>& is_common) {
    std::vector<std::string> words;
    std::set<std::string, std::less<>> seen;
    for (const std::string_view part : {std::string_view(text.subject), std::string_view(text.opening)}) {
        search::for_each_word(part, search::Reading::stem, [&](const search::Word& word) {
            const std::string_view written = part.substr(word.begin, word.end - word.begin);
            const std::string folded = folded_words(written);
            const bool number = std::ranges::all_of(folded, [](char c) { return c >= '0' && c <= '9'; });
            if (code_points(folded).size() < 3 || number || seen.contains(word.term) ||
                std::ranges::find(k_function_words, folded) != k_function_words.end()) {
                return true;
            }
            seen.emplace(word.term);
            if (!is_common(written)) {
                words.emplace_back(written);
            }
            return words.size() < k_max_similar_words;
        });
        if (words.size() >= k_max_similar_words) {
            break;
        }
    }
    return words;
}

std::optional<Message> solving_reply(const TicketRecord& record) {
    // The replies rendered from a template, by their `replied` events: "solved" or
    // "still working" says the same to every customer, so a reply written for this one
    // is the answer, when there is one.
    std::set<std::string, std::less<>> templated;
    for (const auto& event : record.events) {
        if (event.kind != "replied") {
            continue;
        }
        const auto detail = nlohmann::json::parse(event.detail, nullptr, false);
        if (detail.is_object() && detail.value("template", std::string()) != "") {
            templated.insert(detail.value("message_id", std::string()));
        }
    }
    const auto& solved_at = record.ticket.solved_at;
    std::optional<Message> written;
    std::optional<Message> any;
    for (const auto& message : record.messages) {
        if (message.direction == Direction::out && !message.automatic && !trim(message.body).empty() &&
            (!solved_at || message.created_at <= *solved_at)) {
            // Messages come in time order: the last one wins.
            if (!message.message_id || !templated.contains(*message.message_id)) {
                written = message;
            }
            any = message;
        }
    }
    return written ? written : any;
}

std::vector<SimilarTicket> similar_tickets(Store& store, TicketId id, std::int64_t limit) {
    std::vector<TicketId> found;
    {
        auto reading = store.begin_read();
        require_ticket(store, id);
        const auto text = store.ticket_text(id);
        // A word in more than one ticket in twenty (and over a hundred) tells little.
        const std::int64_t common = std::max<std::int64_t>(store.count_tickets() / 20, 100);
        const auto words = informative_words(
            *text, [&](std::string_view word) { return store.tickets_with_word(word, common + 1) > common; });
        // Some solved tickets have no reply (spam, a duplicate): look a little further.
        found = store.similar_tickets(words, id, std::min<std::int64_t>(limit, 1000000) * 3);
    }
    std::vector<SimilarTicket> similar;
    for (const TicketId other : found) {
        auto record = load_conversation(store, other);
        if (auto answer = solving_reply(record)) {
            auto core = reply_core(answer->body);
            similar.push_back(SimilarTicket{std::move(record.ticket), std::move(*answer), std::move(core)});
            if (std::cmp_greater_equal(similar.size(), limit)) {
                break;
            }
        }
    }
    return similar;
}

std::string reply_core(std::string_view body) {
    auto paragraphs = paragraphs_of(body);
    bool greeted = false;
    if (!paragraphs.empty()) {
        auto& first = paragraphs.front();
        const auto line_end = first.find('\n');
        greeted = is_greeting(first.substr(0, line_end));
        if (greeted) {
            first = line_end == std::string::npos ? "" : first.substr(line_end + 1);
            if (first.empty()) {
                paragraphs.erase(paragraphs.begin());
            }
            if (!paragraphs.empty() && is_introduction(paragraphs.front())) {
                paragraphs.erase(paragraphs.begin());
            }
        }
    }
    // The signature: from the first closing after the text (or the greeting) to the end.
    for (std::size_t i = greeted ? 0 : 1; i < paragraphs.size(); ++i) {
        const auto& paragraph = paragraphs[i];
        if (is_closing(paragraph.substr(0, paragraph.find('\n')))) {
            paragraphs.resize(i);
            break;
        }
    }
    return join(paragraphs, "\n\n");
}

std::string reply_to_start_from(Store& store, TicketId other) {
    const auto record = load_conversation(store, other);
    const auto answer = solving_reply(record);
    if (!answer) {
        throw data_error(fmt::format("ticket {} has no reply of an agent to start from", other));
    }
    auto core = reply_core(answer->body);
    if (trim(core).empty()) {
        throw data_error(
            fmt::format("the reply on ticket {} holds nothing but a greeting and a signature to start from", other));
    }
    return core;
}

}  // namespace tkt
