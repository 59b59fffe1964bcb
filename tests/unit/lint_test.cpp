// `tkt template lint`: each rule on a hand-written template, at the exact place in the
// file; the banned-phrase lists; and the shipped library, which must lint clean.
#include "test_support.hpp"
#include "tkt/lint.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace tkt;
using tkt::test::TempDir;

// Shows findings one a line when a check fails.
template <> struct doctest::StringMaker<std::vector<std::string>> {
    static doctest::String convert(const std::vector<std::string>& lines) {
        std::string text = "\n";
        for (const auto& line : lines) {
            text += "  " + line + "\n";
        }
        return text.c_str();
    }
};

namespace {

const std::filesystem::path k_shipped = std::filesystem::path(TKT_SOURCE_DIR) / "templates";

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

// Returns a reply template. Its English text `en` begins at line 10, column 1, and its
// Russian text `ru` 10 lines after the English one ends; `tail` (say, a [vars] table)
// goes at the end, so it moves no line above it.
std::string reply(const std::string& en, const std::string& ru = "Спасибо за письмо.", const std::string& tail = "") {
    return "[template]\n"
           "description = \"a test reply\"\n"
           "category = \"info\"\n"
           "\n"
           "[lang.en]\n"
           "subject = \"Re: {{ticket.subject}}\"\n"
           "body = '''\n"
           "{{> greeting}}\n"
           "\n" +
           en +
           "\n"
           "\n"
           "{{> signature}}\n"
           "'''\n"
           "\n"
           "[lang.ru]\n"
           "subject = \"Re: {{ticket.subject}}\"\n"
           "body = '''\n"
           "{{> greeting}}\n"
           "\n" +
           ru +
           "\n"
           "\n"
           "{{> signature}}\n"
           "'''\n" +
           tail;
}

// A template folder holding the greeting and signature partials, for one test.
class Folder {
public:
    Folder() {
        write("greeting", "[template]\ndescription = \"greeting\"\ncategory = \"partial\"\n"
                          "[lang.en]\nbody = '''\nHello,\n'''\n[lang.ru]\nbody = '''\nЗдравствуйте!\n'''\n");
        write("signature", "[template]\ndescription = \"signature\"\ncategory = \"partial\"\n"
                           "[lang.en]\nbody = '''\n{{agent.full_name}}\n'''\n"
                           "[lang.ru]\nbody = '''\n{{agent.full_name}}\n'''\n");
    }

    void write(const std::string& name, const std::string& text) const { write_file(m_dir / (name + ".toml"), text); }

    // Returns the findings for `names` (all templates when empty) as lines naming the
    // file without its folder, with the shipped banned phrases.
    std::vector<std::string> lint(const std::vector<std::string>& names, const LintOptions& options = {}) const {
        const TemplateLibrary library({m_dir.path()});
        const auto phrases = load_banned_phrases({k_shipped / "lint.toml"});
        std::vector<std::string> lines;
        for (auto finding : lint_templates(library, names, phrases, options)) {
            finding.file = finding.file.filename();
            lines.push_back(format_finding(finding));
        }
        return lines;
    }

    // Returns the findings for a template `reply` whose file holds `text`.
    std::vector<std::string> lint_reply(const std::string& text, const LintOptions& options = {}) const {
        write("reply", text);
        return lint({"reply"}, options);
    }

    const TempDir& dir() const { return m_dir; }

private:
    TempDir m_dir;
};

using Lines = std::vector<std::string>;

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
                                  "Мы получили ваше обращение {{ticket.id}}. Ссылка: {{link}}",
                                  "[vars.link]\ndescription = \"a link\"\n")) == Lines{});
}

TEST_CASE("lint::each rule at its place") {
    const Folder folder;
    SUBCASE("unknown variable, with a suggestion") {
        CHECK(folder.lint_reply(reply("Your request {{ticket.subjct}} is open.")) ==
              Lines{"reply.toml:10:14: error: unknown variable 'ticket.subjct' (did you mean "
                    "'ticket.subject'?) "
                    "[unknown-variable]"});
    }
    SUBCASE("a name inside a section that the section does not have") {
        CHECK(folder.lint_reply(reply("{{#previous_agent}}{{frist_name}}{{/previous_agent}}")) ==
              Lines{"reply.toml:10:20: error: unknown variable 'frist_name' [unknown-variable]"});
    }
    SUBCASE("unused variable, at its table") {
        CHECK(folder.lint_reply(reply("Thanks.", "Спасибо.", "\n[vars.extra]\ndescription = \"unused\"\n")) ==
              Lines{"reply.toml:25: warning: variable 'extra' is declared but used in no language "
                    "[unused-variable]"});
    }
    SUBCASE("unknown partial") {
        CHECK(folder.lint_reply(reply("{{> signatur}}")) ==
              Lines{"reply.toml:10:1: error: unknown partial 'signatur' (did you mean "
                    "'signature'?) [unknown-partial]"});
    }
    SUBCASE("a partial without the language") {
        folder.write("footer", "[template]\ndescription = \"f\"\ncategory = \"partial\"\n"
                               "[lang.en]\nbody = '''\nBye\n'''\n");
        CHECK(folder.lint_reply(reply("Thanks.", "Спасибо.\n{{> footer}}")) ==
              Lines{"reply.toml:21:1: error: partial 'footer' has no 'ru' text [unknown-partial]"});
    }
    SUBCASE("a language other templates have is missing") {
        CHECK(folder.lint_reply("[template]\ndescription = \"d\"\ncategory = \"info\"\n[lang.en]\n"
                                "subject = \"Hi\"\nbody = '''\n{{> greeting}}\nThanks.\n{{> signature}}\n'''\n") ==
              Lines{"reply.toml: error: no 'ru' text, which other templates have: add [lang.ru] "
                    "[missing-language]"});
    }
    SUBCASE("an empty text is incomplete") {
        CHECK(folder.lint_reply("[template]\ndescription = \"d\"\ncategory = \"info\"\n[lang.en]\n"
                                "subject = \"Hi\"\nbody = '''\n{{> greeting}}\nThanks.\n{{> signature}}\n'''\n"
                                "[lang.ru]\nsubject = \"\"\nbody = '''\n'''\n") ==
              Lines{"reply.toml:12: error: 'lang.ru.subject' is empty: the 'ru' text is incomplete "
                    "[missing-language]",
                    "reply.toml:14: error: 'lang.ru.body' is empty: the 'ru' text is incomplete "
                    "[missing-language]"});
    }
    SUBCASE("no greeting, no signature") {
        CHECK(folder.lint_reply("[template]\ndescription = \"d\"\ncategory = \"info\"\n"
                                "[lang.en]\nsubject = \"Hi\"\nbody = '''\nThanks.\n{{agent.first_name}}\n'''\n"
                                "[lang.ru]\nsubject = \"Hi\"\nbody = '''\n{{> "
                                "greeting}}\n{{agent.full_name}}\n'''\n") ==
              Lines{"reply.toml:7: warning: the body has no greeting: begin it with {{> greeting}} "
                    "[greeting]",
                    "reply.toml:7: error: the body is not signed with the agent's full name: end "
                    "it with "
                    "{{> signature}} [signature]"});
    }
    SUBCASE("a banned phrase, in the body and in the subject") {
        CHECK(folder.lint_reply(reply("Thanks. As per our policy, we refund you.")) ==
              Lines{"reply.toml:10:9: warning: 'As per': write \"as\", \"under\" or \"in line "
                    "with\", or rephrase "
                    "[bureaucratese]"});
        CHECK(folder.lint_reply("[template]\ndescription = \"d\"\ncategory = \"info\"\n[lang.en]\n"
                                "subject = \"Kindly read: {{ticket.subject}}\"\n"
                                "body = '''\n{{> greeting}}\nThanks.\n{{> signature}}\n'''\n"
                                "[lang.ru]\nsubject = \"Re\"\nbody = '''\n{{> greeting}}\n{{> "
                                "signature}}\n'''\n") ==
              Lines{"reply.toml:5:12: warning: 'Kindly': write \"please\", or just ask "
                    "[bureaucratese]"});
    }
    SUBCASE("a Russian banned phrase, whatever its case") {
        CHECK(folder.lint_reply(reply("Thanks.", "Спасибо. ДОВОДИМ до вашего сведения, что всё готово.")) ==
              Lines{"reply.toml:20:10: warning: 'ДОВОДИМ до вашего сведения': просто скажите, что "
                    "случилось "
                    "[bureaucratese]",
                    "reply.toml:20:10: warning: 'ДОВОДИМ': capitals read as shouting [shouting]"});
        CHECK(folder.lint_reply(reply("Thanks.", "Мы вернули деньги в рамках акции.")) ==
              Lines{"reply.toml:20:19: warning: 'в рамках': «в», «по», «для» или перестройте фразу "
                    "[bureaucratese]"});
    }
    SUBCASE("a long sentence") {
        LintOptions options;
        options.max_sentence_words = 5;
        CHECK(folder.lint_reply(reply("Short one. This sentence has {{ticket.days_open}} words, six.\n\nOk."),
                                options) == Lines{"reply.toml:10:12: warning: a sentence of 6 words (more than "
                                                  "5): split it [long-sentence]"});
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
    SUBCASE("a later list extends the earlier one") {
        write_file(team, "[[phrase]]\nlang = \"en\"\npattern = 'synergy'\nrule = \"team\"\nmessage "
                         "= \"say what\"\n");
        const auto phrases = load_banned_phrases({k_shipped / "lint.toml", team});
        CHECK(phrases.size() == shipped.size() + 1);
        CHECK(phrases.front().pattern == shipped.front().pattern);
        CHECK(phrases.back().rule == "team");
    }
    SUBCASE("replace = true replaces it") {
        write_file(team, "replace = true\n\n[[phrase]]\nlang = \"en\"\npattern = 'synergy'\nrule = \"team\"\n"
                         "message = \"say what\"\n");
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
    std::vector<std::string> lines;
    for (const auto& finding : lint_templates(library, {}, phrases, LintOptions{})) {
        lines.push_back(format_finding(finding));
    }
    CHECK(lines == Lines{});
}
