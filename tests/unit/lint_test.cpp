// `tkt template lint`: each rule on a hand-written template, at the exact place in the
// file; the banned-phrase lists; and the shipped library, which must lint clean.
#include "templates/lint.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace tkt;
using tkt::test::TempDir;
using tkt::test::write_file;

using tkt::test::Lines;

namespace {

const std::filesystem::path k_shipped = std::filesystem::path(TKT_SOURCE_DIR) / "templates";

// A reply template: the English text takes the place of <en>, at line 10, column 1; the
// Russian text that of <ru>, ten lines below the English text's last line.
constexpr std::string_view k_reply = R"([template]
description = "a test reply"
category = "info"

[lang.en]
subject = "Re: {{ticket.subject}}"
body = '''
{{> greeting}}

<en>

{{> signature}}
'''

[lang.ru]
subject = "Re: {{ticket.subject}}"
body = '''
{{> greeting}}

<ru>

{{> signature}}
'''
)";

// Returns k_reply with `en` and `ru` in it and `tail` (say, a [vars] table) after it,
// where it moves no line above.
std::string reply(const std::string& en, const std::string& ru = "Спасибо за письмо.", const std::string& tail = "") {
    std::string text(k_reply);
    text.replace(text.find("<en>"), 4, en);
    text.replace(text.find("<ru>"), 4, ru);
    return text + tail;
}

// A template folder holding the greeting and signature partials, for one test.
class Folder {
public:
    Folder() {
        write("greeting", R"([template]
category = "partial"
[lang.en]
body = "Hello,\n"
[lang.ru]
body = "Здравствуйте!\n"
)");
        write("signature", R"([template]
category = "partial"
[lang.en]
body = "{{agent.full_name}}\n"
[lang.ru]
body = "{{agent.full_name}}\n"
)");
    }

    void write(const std::string& name, const std::string& text) const { write_file(m_dir / (name + ".toml"), text); }

    // Returns the findings for `names` (all templates when empty) with the shipped banned
    // phrases, as lines naming the file without its folder.
    Lines lint(const std::vector<std::string>& names, const LintOptions& options = {}) const {
        const TemplateLibrary library({m_dir.path()});
        const auto phrases = load_banned_phrases({k_shipped / "lint.toml"});
        Lines lines;
        for (auto finding : lint_templates(library, names, phrases, options)) {
            finding.file = finding.file.filename();
            lines.push_back(format_finding(finding));
        }
        return lines;
    }

    // Returns the findings for the template "reply" whose file holds `text`.
    Lines lint_reply(const std::string& text, const LintOptions& options = {}) const {
        write("reply", text);
        return lint({"reply"}, options);
    }

    const TempDir& dir() const { return m_dir; }

private:
    TempDir m_dir;
};

}  // namespace

TEST_CASE("lint::format_finding") {
    CHECK(format_finding({"a.toml", 3, 7, Severity::error, "unknown variable 'x'", "unknown-variable"}) ==
          "a.toml:3:7: error: unknown variable 'x' [unknown-variable]");
    CHECK(format_finding({"a.toml", 3, 0, Severity::warning, "variable 'x' is unused", "unused-variable"}) ==
          "a.toml:3: warning: variable 'x' is unused [unused-variable]");
    CHECK(format_finding({"a.toml", 0, 0, Severity::error, "no 'ru' text", "missing-language"}) ==
          "a.toml: error: no 'ru' text [missing-language]");
}

TEST_CASE("mustache::pieces walk text and tags with their sections") {
    const mustache::Template parsed("Hi {{#a}}{{b}}{{! note}}{{/a}}\n{{> p}}");
    const auto pieces = parsed.pieces();
    REQUIRE(pieces.size() == 6);
    CHECK(pieces[0].kind == mustache::Piece::Kind::text);
    CHECK(pieces[1].kind == mustache::Piece::Kind::section);
    CHECK(pieces[2].kind == mustache::Piece::Kind::variable);
    CHECK(pieces[2].text == "b");
    CHECK(pieces[2].position.column == 10);
    CHECK(pieces[2].sections == std::vector<std::string>{"a"});
    CHECK(pieces[3].kind == mustache::Piece::Kind::comment);
    CHECK(pieces[4].text == "\n");
    CHECK(pieces[5].kind == mustache::Piece::Kind::partial);
    CHECK(pieces[5].position.line == 2);
    CHECK(parsed.names() == std::vector<std::string>{"a", "b", ">p"});
}

TEST_CASE("lint::a clean template has no findings") {
    const Folder folder;
    CHECK(folder.lint_reply(reply("We have your request {{ticket.id}}.{{#previous_agent}} {{first_name}} passed it "
                                  "on.{{/previous_agent}}{{#customer}} Write to {{email}}.{{/customer}}",
                                  "{{! as per: not text, not checked }}Ваш номер {{ticket.id}}. Ссылка: {{link}}",
                                  "[vars.link]\ndescription = \"a link\"\n")) == Lines{});
}

TEST_CASE("lint::each rule at its place") {
    const Folder folder;
    SUBCASE("unknown variable, with a suggestion") {
        CHECK(folder.lint_reply(reply("Your request {{ticket.subjct}} is open.")) ==
              Lines{"reply.toml:10:14: error: unknown variable 'ticket.subjct' (did you mean 'ticket.subject'?) "
                    "[unknown-variable]"});
    }
    SUBCASE("a name inside a section that the section does not have") {
        CHECK(folder.lint_reply(reply("{{#previous_agent}}{{frist_name}}{{/previous_agent}}")) ==
              Lines{"reply.toml:10:20: error: unknown variable 'frist_name' [unknown-variable]"});
    }
    SUBCASE("unused variable, at its table") {
        CHECK(folder.lint_reply(reply("Thanks.", "Спасибо.", "\n[vars.extra]\ndescription = \"unused\"\n")) ==
              Lines{"reply.toml:25: warning: variable 'extra' is declared but used in no language [unused-variable]"});
    }
    SUBCASE("unknown partial") {
        CHECK(
            folder.lint_reply(reply("{{> signatur}}")) ==
            Lines{"reply.toml:10:1: error: unknown partial 'signatur' (did you mean 'signature'?) [unknown-partial]"});
    }
    SUBCASE("a partial without the language") {
        folder.write("footer", "[template]\ncategory = \"partial\"\n[lang.en]\nbody = \"Bye\"\n");
        CHECK(folder.lint_reply(reply("Thanks.", "Спасибо.\n{{> footer}}")) ==
              Lines{"reply.toml:21:1: error: partial 'footer' has no 'ru' text [unknown-partial]"});
    }
    SUBCASE("a language other templates have is missing") {
        CHECK(folder.lint_reply(R"([template]
category = "info"
[lang.en]
subject = "Hi"
body = "{{> greeting}}Thanks.{{> signature}}"
)") == Lines{"reply.toml: error: no 'ru' text, which other templates have: add [lang.ru] [missing-language]"});
    }
    SUBCASE("an empty text is incomplete") {
        CHECK(folder.lint_reply(R"([template]
category = "info"
[lang.en]
subject = "Hi"
body = "{{> greeting}}Thanks.{{> signature}}"
[lang.ru]
subject = ""
body = '''
'''
)") == Lines{"reply.toml:7: error: 'lang.ru.subject' is empty: the 'ru' text is incomplete [missing-language]",
             "reply.toml:9: error: 'lang.ru.body' is empty: the 'ru' text is incomplete [missing-language]"});
    }
    SUBCASE("no greeting, no signature") {
        CHECK(folder.lint_reply(R"([template]
category = "info"
[lang.en]
subject = "Hi"
body = '''
Thanks.
{{agent.first_name}}
'''
[lang.ru]
subject = "Hi"
body = '''
{{> greeting}}
{{agent.full_name}}
'''
)") == Lines{"reply.toml:6: warning: the body has no greeting: begin it with {{> greeting}} [greeting]",
             "reply.toml:6: error: the body is not signed with the agent's full name: end it with {{> signature}} "
             "[signature]"});
    }
    SUBCASE("a banned phrase, in the body and in the subject") {
        CHECK(folder.lint_reply(reply("Thanks. As per our policy, we refund you.")) ==
              Lines{"reply.toml:10:9: warning: 'As per': write \"as\", \"under\" or \"in line with\", or rephrase "
                    "[bureaucratese]"});
        CHECK(folder.lint_reply(R"([template]
category = "info"
[lang.en]
subject = "Kindly read: {{ticket.subject}}"
body = "{{> greeting}}Thanks.{{> signature}}"
[lang.ru]
subject = "Re"
body = "{{> greeting}}{{> signature}}"
)") == Lines{"reply.toml:4:12: warning: 'Kindly': write \"please\", or just ask [bureaucratese]"});
    }
    SUBCASE("a Russian banned phrase, whatever its case") {
        CHECK(folder.lint_reply(reply("Thanks.", "Спасибо. ДОВОДИМ до вашего сведения, что всё готово.")) ==
              Lines{"reply.toml:20:10: warning: 'ДОВОДИМ до вашего сведения': просто скажите, что случилось "
                    "[bureaucratese]",
                    "reply.toml:20:10: warning: 'ДОВОДИМ': capitals read as shouting [shouting]"});
        CHECK(folder.lint_reply(reply("Thanks.", "Мы вернули деньги в рамках акции.")) ==
              Lines{"reply.toml:20:19: warning: 'в рамках': «в», «по», «для» или перестройте фразу [bureaucratese]"});
        CHECK(folder.lint_reply(reply("Thanks.", "Возврат осуществлён.")) ==
              Lines{"reply.toml:20:9: warning: 'осуществлён': назовите действие глаголом: «делаем», «отправляем», "
                    "«проверяем» [bureaucratese]"});
    }
    SUBCASE("a long sentence, a variable counting as a word") {
        LintOptions options;
        options.max_sentence_words = 5;
        CHECK(
            folder.lint_reply(reply("Short one. This sentence has {{ticket.days_open}} words, six.\n\nOk."), options) ==
            Lines{"reply.toml:10:12: warning: a sentence of 6 words (more than 5): split it [long-sentence]"});
    }
    SUBCASE("shouting") {
        CHECK(
            folder.lint_reply(reply("Thanks!! It is URGENT.", "Это ОЧЕНЬ важно. НЕ ЖДИТЕ. Ссылка: URL, HTTPS, СМС.")) ==
            Lines{"reply.toml:10:7: warning: '!!': one exclamation mark is enough [shouting]",
                  "reply.toml:10:16: warning: 'URGENT': capitals read as shouting [shouting]",
                  "reply.toml:20:5: warning: 'ОЧЕНЬ': capitals read as shouting [shouting]",
                  "reply.toml:20:18: warning: 'НЕ ЖДИТЕ': capitals read as shouting [shouting]"});
        CHECK(folder.lint_reply(reply("Please DO NOT reply.")) ==
              Lines{"reply.toml:10:8: warning: 'DO NOT': capitals read as shouting [shouting]"});
    }
}

TEST_CASE("lint::a template that does not load is a finding; the others are still checked") {
    const Folder folder;
    folder.write("broken", reply("Hello {{#ticket}}"));
    folder.write("typo", reply("Your {{ticket.idd}}."));
    write_file(folder.dir() / "bad_toml.toml", "[template\n");
    CHECK(folder.lint({}) == Lines{"bad_toml.toml:1:10: error: table header: expected ']', saw '\\n' [syntax]",
                                   "broken.toml:10:7: error: section 'ticket' is never closed [syntax]",
                                   "typo.toml:10:6: error: unknown variable 'ticket.idd' (did you mean 'ticket.id'?) "
                                   "[unknown-variable]"});
}

TEST_CASE("lint::a broken partial is reported with the template that includes it") {
    const Folder folder;
    folder.write("signature", "[template]\ncategory = \"partial\"\n[lang.en]\nbody = '''\n{{/x}}\n'''\n");
    folder.write("reply", reply("Thanks."));
    CHECK(folder.lint({"reply"}) == Lines{"signature.toml:5:1: error: '/x' closes no open section [syntax]"});
}

TEST_CASE("lint::an unknown template name is a usage error") {
    const Folder folder;
    CHECK_THROWS_WITH_AS(folder.lint({"greting"}),
                         "unknown template 'greting' (did you mean 'greeting'? see 'tkt template list')", Error);
}

TEST_CASE("lint::banned-phrase lists") {
    const TempDir dir;
    const auto team = dir / "lint.toml";
    const auto shipped = load_banned_phrases({k_shipped / "lint.toml"});
    REQUIRE(shipped.size() > 40);
    const std::string synergy = "[[phrase]]\nlang = \"en\"\npattern = 'synergy'\nrule = \"team\"\nmessage = \"m\"\n";
    SUBCASE("a later list extends the earlier one") {
        write_file(team, synergy);
        const auto phrases = load_banned_phrases({k_shipped / "lint.toml", team});
        CHECK(phrases.size() == shipped.size() + 1);
        CHECK(phrases.front().pattern == shipped.front().pattern);
        CHECK(phrases.back().pattern == "synergy");
    }
    SUBCASE("replace = true replaces it") {
        write_file(team, "replace = true\n" + synergy);
        const auto phrases = load_banned_phrases({k_shipped / "lint.toml", team});
        REQUIRE(phrases.size() == 1);
        CHECK(phrases.front().pattern == "synergy");
    }
    SUBCASE("a missing list is skipped") {
        CHECK(load_banned_phrases({k_shipped / "lint.toml", dir / "none.toml"}).size() == shipped.size());
    }
    SUBCASE("a pattern RE2 does not accept is a configuration error at its place") {
        write_file(team, "[[phrase]]\nlang = \"en\"\nrule = \"team\"\nmessage = \"m\"\npattern = 'as (per'\n");
        CHECK(test::error_code_of([&] { load_banned_phrases({team}); }) == Exit::config);
        CHECK_THROWS_WITH(load_banned_phrases({team}),
                          (team.string() + ":5:11: bad pattern 'as (per': missing ): as (per").c_str());
    }
    SUBCASE("an unknown key or a missing one is a configuration error") {
        write_file(team, "[[phrase]]\nlang = \"en\"\npatern = 'x'\n");
        CHECK_THROWS_WITH(load_banned_phrases({team}),
                          (team.string() + ":3:1: unknown key 'phrase.patern' (did you mean 'pattern'?)").c_str());
        write_file(team, "[[phrase]]\nlang = \"en\"\npattern = 'x'\n");
        CHECK_THROWS_WITH(load_banned_phrases({team}),
                          (team.string() + ":1:1: 'phrase.rule' is missing or empty").c_str());
    }
}

TEST_CASE("lint::the shipped templates lint clean") {
    const TemplateLibrary library({k_shipped});
    const auto phrases = load_banned_phrases({k_shipped / "lint.toml"});
    Lines lines;
    for (const auto& finding : lint_templates(library, {}, phrases, LintOptions{})) {
        lines.push_back(format_finding(finding));
    }
    CHECK(lines == Lines{});
}
