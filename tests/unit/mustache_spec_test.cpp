// The official Mustache specification's core modules, read from ../shared/corpora:
// every case must pass. Missing data fails the test rather than skipping it.
#include "templates/mustache.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

using namespace tkt::mustache;

namespace {

nlohmann::json load_spec(const std::string& module) {
    const std::filesystem::path path = std::filesystem::path(TKT_CORPORA_DIR) / "mustache-spec" / (module + ".json");
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "the Mustache spec is missing: " << path.string());
    return nlohmann::json::parse(in);
}

int run_module(const std::string& module) {
    const auto spec = load_spec(module);
    int passed = 0;
    for (const auto& test : spec.at("tests")) {
        const std::string name = test.at("name").get<std::string>();
        CAPTURE(module);
        CAPTURE(name);
        const nlohmann::json partials = test.value("partials", nlohmann::json::object());
        RenderOptions options;
        options.escape = Escape::html;  // the spec is about HTML
        options.partials = [&partials](std::string_view partial) -> std::optional<std::string> {
            const std::string key(partial);
            if (partials.contains(key)) {
                return partials[key].get<std::string>();
            }
            return std::nullopt;
        };
        const Template compiled(test.at("template").get<std::string>());
        const auto result = compiled.render(test.at("data"), options);
        CHECK(result.text == test.at("expected").get<std::string>());
        passed += result.text == test.at("expected").get<std::string>() ? 1 : 0;
    }
    return passed;
}

}  // namespace

TEST_CASE("mustache::spec") {
    int passed = 0;
    for (const auto* module : {"interpolation", "sections", "inverted", "comments", "partials", "delimiters"}) {
        passed += run_module(module);
    }
    CHECK(passed == 136);
}
