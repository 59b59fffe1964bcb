#include "templates/mustache.hpp"

#include <doctest/doctest.h>

using namespace tkt::mustache;

namespace {

RenderResult render(const std::string& source, const nlohmann::json& data,
                    std::map<std::string, std::string> partials = {}) {
    RenderOptions options;
    options.partials = [partials](std::string_view name) -> std::optional<std::string> {
        const auto found = partials.find(std::string(name));
        return found == partials.end() ? std::nullopt : std::optional(found->second);
    };
    return Template(source).render(data, options);
}

Position syntax_error_at(const std::string& source) {
    try {
        Template parsed(source);
    } catch (const SyntaxError& error) {
        return error.position();
    }
    FAIL("no syntax error in: " << source);
    return {};
}

}  // namespace

TEST_CASE("mustache::missing variables are all named, with their places") {
    const auto result = render("Hello {{customer.first_name}},\n\n{{fix_summary}} {{agent.full_name}}",
                               {{"agent", {{"full_name", ""}}}});
    REQUIRE(result.missing.size() == 3);
    CHECK(result.missing[0].name == "customer.first_name");
    CHECK(result.missing[0].position.line == 1);
    CHECK(result.missing[0].position.column == 7);
    CHECK(result.missing[1].name == "fix_summary");
    CHECK(result.missing[1].position.line == 3);
    CHECK(result.missing[2].name == "agent.full_name");  // empty counts as missing
}

TEST_CASE("mustache::a fallback through an inverted section is not missing") {
    const std::string greeting = "{{#customer.greeting_name}}Здравствуйте, {{customer.greeting_name}}!"
                                 "{{/customer.greeting_name}}{{^customer.greeting_name}}Здравствуйте!"
                                 "{{/customer.greeting_name}}";
    SUBCASE("with a name") {
        const auto result = render(greeting, {{"customer", {{"greeting_name", "Иван Иванович"}}}});
        CHECK(result.text == "Здравствуйте, Иван Иванович!");
        CHECK(result.missing.empty());
    }
    SUBCASE("with an empty one") {
        const auto result = render(greeting, {{"customer", {{"greeting_name", ""}}}});
        CHECK(result.text == "Здравствуйте!");
        CHECK(result.missing.empty());
    }
    SUBCASE("without one") {
        const auto result = render(greeting, {{"customer", nlohmann::json::object()}});
        CHECK(result.text == "Здравствуйте!");
        CHECK(result.missing.empty());
    }
}

TEST_CASE("mustache::values are data, never template text") {
    const auto result = render("Subject: {{ticket.subject}}", {{"ticket", {{"subject", "{{agent.email}} <b>&"}}}});
    CHECK(result.text == "Subject: {{agent.email}} <b>&");  // plain text: no escaping either
}

TEST_CASE("mustache::html escaping only in html mode") {
    RenderOptions html;
    html.escape = Escape::html;
    CHECK(Template("{{v}}").render({{"v", "<b>"}}, html).text == "&lt;b&gt;");
    CHECK(Template("{{v}}").render({{"v", "<b>"}}, RenderOptions{}).text == "<b>");
}

TEST_CASE("mustache::partials") {
    SUBCASE("an unknown partial is reported") {
        const auto result = render("{{> greting}}\nBody", {});
        REQUIRE(result.missing.size() == 1);
        CHECK(result.missing[0].is_partial);
        CHECK(result.missing[0].name == "greting");
    }
    SUBCASE("missing variables inside a partial name it") {
        const auto result = render("{{> signature}}", {}, {{"signature", "--\n{{agent.full_name}}"}});
        REQUIRE(result.missing.size() == 1);
        CHECK(result.missing[0].partial == "signature");
        CHECK(result.missing[0].position.line == 2);
    }
    SUBCASE("a partial that includes itself is an error, not a stack overflow") {
        CHECK_THROWS_WITH_AS(render("{{> loop}}", {}, {{"loop", "again {{> loop}}"}}),
                             "partial 'loop' is nested more than 64 deep: does it include itself?", std::runtime_error);
        CHECK_THROWS_AS(render("{{> a}}", {}, {{"a", "{{> b}}"}, {"b", "{{> a}}"}}), std::runtime_error);
    }
}

TEST_CASE("mustache::names") {
    const Template parsed("{{> greeting}}\n{{#vars.items}}{{.}} {{ticket.id}}{{/vars.items}}{{^x}}{{ticket.id}}{{/x}}");
    CHECK(parsed.names() == std::vector<std::string>{">greeting", "vars.items", ".", "ticket.id", "x"});
}

TEST_CASE("mustache::syntax errors say where") {
    CHECK(syntax_error_at("Hello\n{{#open}} never closed").line == 2);
    CHECK(syntax_error_at("text {{/stray}}").column == 6);
    CHECK(syntax_error_at("{{#a}}{{#b}}{{/a}}{{/b}}").column == 13);
    CHECK(syntax_error_at("line\n  {{unclosed").line == 2);
    CHECK(syntax_error_at("{{= nope =}}").line == 1);
    CHECK(syntax_error_at("{{}}").column == 1);
}
