// Fuzzes reply template files: the input as a template's TOML, loaded, rendered in
// each of its languages (partials from the same folder, itself included) and linted;
// and the same input as a banned-phrase list (lint.toml). Configuration errors
// (tkt::Error) are expected; anything else escaping is a finding.
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "templates/lint.hpp"
#include "templates/reply_context.hpp"
#include "templates/template_file.hpp"

namespace {

using namespace tkt;

constexpr std::string_view k_signature = R"([template]
category = "partial"
[lang.en]
subject = ""
body = '''
Best regards,
{{agent.full_name}}
'''
)";

const nlohmann::json& context() {
    static const nlohmann::json data = nlohmann::json::parse(R"({
        "customer": {"name": "Иван Петров", "first_name": "Иван", "greeting_name": "Иван", "email": "ivan@example.ru"},
        "ticket": {"id": 42, "subject": "Where is my parcel?", "queue": "delivery", "priority": "high",
                   "status": "open", "line": 1, "created_date": "21 November 2026", "days_open": 1,
                   "days_open_word": "day", "open_over_a_day": true},
        "agent": {"login": "anna", "full_name": "Anna Smirnova", "first_name": "Anna", "email": "anna@example.com"},
        "now": "22 November 2026"
    })");
    return data;
}

// Loads the template; a loaded one renders in every language and lints.
void use_template(const fuzz::ScratchDir& dir, const std::filesystem::path& path) {
    TemplateFile file;
    try {
        file = load_template_file(path);
    } catch (const Error&) {
        return;
    }
    // The loader checked the Mustache: parsing it again must not fail.
    for (const auto& [lang, text] : file.languages) {
        mustache::Template subject(text.subject);
        mustache::Template body(text.body);
    }
    const TemplateLibrary library({dir.path()});
    for (const auto& [lang, text] : file.languages) {
        try {
            render_reply(library, file, lang, context());
        } catch (const Error&) {
            // Missing values, a required --var, a partial including itself.
        }
    }
    lint_templates(library, {"fuzzed"}, {}, LintOptions{});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& dir = fuzz::scratch();
    static const auto signature = dir.write("signature.toml", k_signature);
    const auto path = dir.write("fuzzed.toml", fuzz::as_text(data, size));
    use_template(dir, path);
    try {
        load_banned_phrases({path});
    } catch (const Error&) {
    }
    return 0;
}
