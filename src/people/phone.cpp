#include "people/phone.hpp"

#include "core/text.hpp"
#include "people/module.hpp"

#include <array>

namespace tkt {
namespace {

// The words that may introduce an extension after the number.
constexpr std::array<std::string_view, 5> k_extension_words{"ext", "x", "доб", "вн", "extension"};

bool is_number_char(char c) {
    return (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+' || c == '\t';
}

// Returns `text` without a trailing extension ("ext. 12", "доб. 123"), or `text` whole.
std::string_view without_extension(std::string_view text) {
    const auto lower = ascii_lower(text);
    for (const auto word : k_extension_words) {
        const auto at = lower.rfind(word);
        if (at == std::string::npos || at == 0) {
            continue;
        }
        const auto rest = std::string_view(lower).substr(at + word.size());
        const bool digits_after = !rest.empty() && rest.find_first_not_of(" .:#0123456789") == std::string_view::npos &&
                                  rest.find_first_of("0123456789") != std::string_view::npos;
        if (digits_after) {
            return text.substr(0, at);
        }
    }
    return text;
}

}  // namespace

bool looks_like_phone(std::string_view text) {
    text = trim(text);
    if (text.starts_with("tel:")) {
        text.remove_prefix(4);
    }
    text = trim(without_extension(text));
    int digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!is_number_char(c) || (c == '+' && i != 0)) {
            return false;
        }
        digits += c >= '0' && c <= '9' ? 1 : 0;
    }
    return digits >= 3;
}

std::optional<std::string> normalize_phone(std::string_view text, std::string_view country) {
    if (!looks_like_phone(text)) {
        return std::nullopt;
    }
    text = trim(text);
    if (text.starts_with("tel:")) {
        text.remove_prefix(4);
    }
    return people::api().normalize_phone(trim(without_extension(text)), country);
}

}  // namespace tkt
