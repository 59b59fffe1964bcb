#include "core/error.hpp"

#include <fmt/format.h>

namespace tkt {

Error::Error(Exit code, const std::string& message) : std::runtime_error(message), m_code(code) {}

Error not_found(std::string_view what, std::int64_t id) {
    return Error(Exit::nothing, fmt::format("no {} {}", what, id));
}

Error usage_error(const std::string& message) {
    return Error(Exit::usage, message);
}

Error data_error(const std::string& message) {
    return Error(Exit::data, message);
}

Error config_error(std::string_view file, std::int64_t line, std::int64_t column, std::string_view message) {
    return Error(Exit::config, fmt::format("{}:{}:{}: {}", file, line, column, message));
}

}  // namespace tkt
