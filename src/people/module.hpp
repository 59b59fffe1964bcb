// Internal to src/people/. The boundary between tkt and its phone module, tkt-phone.so.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tkt::people {

// The functions the module exports, as one table.
struct Api {
    std::optional<std::string> (*normalize_phone)(std::string_view text, std::string_view country);
};

// The name of the one C symbol the module exports: a function returning the table.
inline constexpr const char* k_entry_point = "tkt_phone_api";

// Returns the module's table, loading the module on first use; throws a temporary
// failure (exit 75) when it cannot be loaded.
const Api& api();

}  // namespace tkt::people
