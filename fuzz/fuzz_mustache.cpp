// Fuzzes the Mustache renderer. The input is parts separated by NUL bytes: the
// template, the data as JSON (a default object when it is not JSON), --var style
// "name=value" lines set into the data as `tkt template render --var` does, then
// partials, each "name" and a newline before its text.
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "templates/mustache.hpp"
#include "templates/reply_context.hpp"

#include <map>

namespace {

using namespace tkt;

const nlohmann::json& default_data() {
    static const nlohmann::json data = nlohmann::json::parse(R"({
        "customer": {"name": "Иван Петров", "first_name": "Иван", "email": "ivan@example.ru"},
        "ticket": {"id": 42, "subject": "Where is my parcel?", "open_over_a_day": true, "line": 1},
        "agent": {"full_name": "Anna Smirnova", "first_name": "Anna"},
        "items": [1, "two", {"name": "three"}, [4], null, false],
        "html": "<b>&amp;\"'</b>", "empty": "", "none": null, "yes": true, "no": false, "n": 0.5
    })");
    return data;
}

nlohmann::json data_of(std::string_view json, std::string_view vars) {
    nlohmann::json data = nlohmann::json::parse(json, nullptr, false);
    if (data.is_discarded()) {
        data = default_data();
    }
    if (!data.is_object()) {
        return data;
    }
    std::map<std::string, std::string> values;
    for (const auto line : fuzz::split_parts(vars, '\n', 64)) {
        const auto equals = line.find('=');
        if (equals != std::string_view::npos) {
            values[std::string(line.substr(0, equals))] = std::string(line.substr(equals + 1));
        }
    }
    set_vars(data, values);
    return data;
}

void render(const mustache::Template& parsed, const nlohmann::json& data, const mustache::RenderOptions& options) {
    try {
        parsed.render(data, options);
    } catch (const mustache::SyntaxError&) {
        // A partial that does not parse.
    } catch (const std::runtime_error& error) {
        // The one other error render() may throw: partials nested past max_depth.
        if (std::string_view(error.what()).find("nested more than") == std::string_view::npos) {
            throw;
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parts = fuzz::split_parts(fuzz::as_text(data, size), '\0', 12);
    std::map<std::string, std::string, std::less<>> partials;
    for (std::size_t i = 3; i < parts.size(); ++i) {
        const auto newline = parts[i].find('\n');
        const auto name = parts[i].substr(0, newline);
        partials[std::string(name)] =
            newline == std::string_view::npos ? "" : std::string(parts[i].substr(newline + 1));
    }
    std::optional<mustache::Template> parsed;
    try {
        parsed.emplace(parts[0]);
    } catch (const mustache::SyntaxError&) {
        return 0;
    }
    parsed->names();
    parsed->pieces();
    const nlohmann::json context = data_of(parts.size() > 1 ? parts[1] : "", parts.size() > 2 ? parts[2] : "");
    mustache::RenderOptions options;
    options.partials = [&partials](std::string_view name) -> std::optional<std::string> {
        const auto found = partials.find(name);
        return found == partials.end() ? std::nullopt : std::optional(found->second);
    };
    render(*parsed, context, options);
    options.escape = mustache::Escape::html;
    render(*parsed, context, options);
    return 0;
}
