// Routing rules (routing.toml): each condition, how rules combine, the default, the
// reasons `tkt route --explain` gives, agents and lines, and the errors of bad files.
#include "routing/language.hpp"
#include "routing/rules.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace tkt;
using tkt::test::TempDir;

using tkt::test::Lines;

namespace {

RoutingInput make_input(const std::string& subject, const std::string& body = "",
                        const std::string& from = "bob@example.com") {
    RoutingInput input;
    input.subject = subject;
    input.body = body;
    input.from = from;
    input.channel = "email";
    input.language = guess_language(subject + "\n" + body);
    return input;
}

RoutingInput on_channel(const std::string& channel) {
    auto input = make_input("hello");
    input.channel = channel;
    return input;
}

RoutingInput tagged(const std::vector<std::string>& tags) {
    auto input = make_input("hello");
    input.tags = tags;
    return input;
}

// A folder holding one routing.toml.
class RoutingFile {
public:
    explicit RoutingFile(const std::string& text) { std::ofstream(path()) << text; }

    std::filesystem::path path() const { return m_dir / "routing.toml"; }

    Routing load() const { return Routing::load(path()); }

    // Returns the error loading throws, the folder cut from its file name.
    std::string error() const {
        return without_folder(test::config_error_of([&] { Routing::load(path()); }));
    }

    // Returns every problem loading finds, the folder cut from their file names.
    Lines problems() const {
        Lines problems;
        Routing::load(path(), &problems);
        for (auto& problem : problems) {
            problem = without_folder(problem);
        }
        return problems;
    }

private:
    std::string without_folder(std::string message) const {
        const auto folder = m_dir.path().string() + "/";
        return message.starts_with(folder) ? message.substr(folder.size()) : message;
    }

    TempDir m_dir;
};

// Returns true when a rule with `conditions` matches `input`.
bool matches(const std::string& conditions, const RoutingInput& input) {
    const auto routing = RoutingFile("[[rule]]\n" + conditions + "\nqueue = \"hit\"\n").load();
    return routing.route(input).queue == "hit";
}

// Returns the reasons explain() gives for the one rule with `conditions` on `input`.
Lines reasons(const std::string& conditions, const RoutingInput& input) {
    const auto routing = RoutingFile("[[rule]]\n" + conditions + "\nqueue = \"hit\"\n").load();
    return routing.explain(input).front().reasons;
}

constexpr std::string_view k_rules = R"toml(
[[rule]]
name = "logistics"
subject = "посылк|доставк|parcel|delivery|tracking"
queue = "logistics"
line = 1
assign = "least_loaded"

[[rule]]
name = "vip"
from_domain = "bigcustomer.example"
priority = "high"
tags = ["vip"]
continue = true

[[rule]]
name = "angry"
body = "lawyer|суд"
priority = "urgent"
tags = ["escalate", "vip"]
continue = true

[[rule]]
name = "payments"
any = [{ subject = "refund|charged" }, { body = "invoice", not = { from_domain = "example.cn" } }]
queue = "payments"
line = 2

[default]
queue = "general"
line = 1
priority = "normal"
tags = ["unsorted"]
assign = "round_robin"

[[agent]]
login = "anna"
full_name = "Anna Smirnova"
email = "anna@example.com"
queues = ["logistics", "general"]

[[agent]]
login = "boris"
full_name = "Boris Petrov"
queues = ["payments"]
line = 2

[[agent]]
login = "alla"
full_name = "Alla Ivanova"
queues = ["general"]

[[agent]]
login = "vera"
full_name = "Vera Orlova"
queues = ["general"]
active = false
)toml";

}  // namespace

TEST_CASE("routing::conditions") {
    SUBCASE("subject, body and from are regular expressions matched anywhere, ignoring case") {
        CHECK(matches(R"(subject = "refund")", make_input("Please REFUND me")));
        CHECK(matches(R"(subject = "^re(fund)?:")", make_input("Refund: order 12")));
        CHECK_FALSE(matches(R"(subject = "refund")", make_input("hello", "refund")));
        CHECK(matches(R"(body = "invoice \\d+")", make_input("hello", "see Invoice 1234 attached")));
        CHECK_FALSE(matches(R"(body = "invoice")", make_input("invoice", "hello")));
        CHECK(matches(R"(from = "^noreply@")", make_input("hello", "", "NoReply@shop.example")));
        CHECK_FALSE(matches(R"(from = "^noreply@")", make_input("hello", "", "bob.noreply@shop.example")));
    }
    SUBCASE("cyrillic patterns match whatever the case") {
        CHECK(matches(R"(subject = "посылк")", make_input("ГДЕ МОЯ ПОСЫЛКА?")));
        CHECK(matches(R"(subject = "ПОСЫЛК")", make_input("где моя посылка?")));
        CHECK(matches(R"(body = "^ёлк")", make_input("hello", "Ёлка пришла сломанной")));
        // RE2's \b knows ASCII words only: a Cyrillic word is bounded with \P{L}.
        CHECK(matches(R"r(subject = "(^|\\P{L})суд(\\P{L}|$)")r", make_input("Подам в СУД!")));
        CHECK_FALSE(matches(R"r(subject = "(^|\\P{L})суд(\\P{L}|$)")r", make_input("Подам в СУДАН")));
        CHECK_FALSE(matches(R"(subject = "посылк")", make_input("посылать")));
    }
    SUBCASE("from_domain is the domain or a subdomain of it, not any suffix") {
        const std::string rule = R"(from_domain = "bigcustomer.example")";
        CHECK(matches(rule, make_input("hi", "", "ceo@bigcustomer.example")));
        CHECK(matches(rule, make_input("hi", "", "ceo@mail.BigCustomer.example")));
        CHECK(matches(rule, make_input("hi", "", "CEO <ceo@bigcustomer.example>")));
        CHECK_FALSE(matches(rule, make_input("hi", "", "ceo@notbigcustomer.example")));
        CHECK_FALSE(matches(rule, make_input("hi", "", "ceo@bigcustomer.example.org")));
        CHECK_FALSE(matches(rule, make_input("hi", "", "bigcustomer.example")));
        CHECK(matches(R"(from_domain = "BigCustomer.Example")", make_input("hi", "", "ceo@bigcustomer.example")));
    }
    SUBCASE("channel, language and tag compare names") {
        CHECK(matches(R"(channel = "chat")", on_channel("chat")));
        CHECK_FALSE(matches(R"(channel = "chat")", on_channel("email")));
        CHECK(matches(R"(language = "ru")", make_input("Здравствуйте")));
        CHECK_FALSE(matches(R"(language = "ru")", make_input("Hello")));
        CHECK(matches(R"(tag = "vip")", tagged({"new", "vip"})));
        CHECK_FALSE(matches(R"(tag = "vip")", tagged({"vips"})));
    }
    SUBCASE("an array matches when any of its values does") {
        CHECK(matches(R"(subject = ["refund", "charged"])", make_input("charged twice")));
        CHECK_FALSE(matches(R"(subject = ["refund", "charged"])", make_input("hello")));
        CHECK(matches(R"(from_domain = ["a.example", "b.example"])", make_input("hi", "", "x@b.example")));
        CHECK(matches(R"(channel = ["chat", "web"])", on_channel("web")));
        CHECK(matches(R"(language = ["ru", "en"])", make_input("Hello")));
        CHECK(matches(R"(tag = ["vip", "gold"])", tagged({"gold"})));
        CHECK_FALSE(matches(R"(tag = ["vip", "gold"])", tagged({})));
        CHECK(matches(R"(subject = ["\\Qa.b", "zzz"])", make_input("a.b")));
        CHECK_FALSE(matches(R"(subject = ["\\Qa.b", "zzz"])", make_input("axb")));
    }
    SUBCASE("every condition of a rule must match") {
        const std::string rule = "subject = \"refund\"\nfrom_domain = \"shop.example\"\nchannel = \"email\"";
        CHECK(matches(rule, make_input("refund", "", "a@shop.example")));
        CHECK_FALSE(matches(rule, make_input("refund", "", "a@other.example")));
        CHECK_FALSE(matches(rule, make_input("hello", "", "a@shop.example")));
    }
    SUBCASE("a rule without conditions matches every ticket") {
        CHECK(matches("", make_input("anything")));
        CHECK(matches("", make_input("")));
    }
    SUBCASE("any matches when one of its tables does") {
        const std::string rule = R"(any = [{ subject = "refund" }, { body = "invoice", channel = "web" }])";
        CHECK(matches(rule, make_input("refund")));
        CHECK_FALSE(matches(rule, make_input("hello", "invoice")));
        auto web = make_input("hello", "invoice");
        web.channel = "web";
        CHECK(matches(rule, web));
    }
    SUBCASE("not matches when its table does not") {
        const std::string rule = R"(subject = "refund"
not = { from_domain = "example.cn", tag = "vip" })";
        CHECK(matches(rule, make_input("refund", "", "a@example.cn")));
        auto vip_cn = make_input("refund", "", "a@example.cn");
        vip_cn.tags = {"vip"};
        CHECK_FALSE(matches(rule, vip_cn));
    }
    SUBCASE("any and not nest in each other") {
        const std::string rule =
            R"(any = [{ subject = "refund", not = { any = [{ tag = "test" }, { from = "^qa@" }] } }, { tag = "urgent" }])";
        CHECK(matches(rule, make_input("refund")));
        CHECK_FALSE(matches(rule, make_input("refund", "", "qa@example.com")));
        auto test = make_input("refund");
        test.tags = {"test"};
        CHECK_FALSE(matches(rule, test));
        test.tags = {"test", "urgent"};
        CHECK(matches(rule, test));
    }
    SUBCASE("a pattern that would make a backtracking engine hang returns") {
        const std::string hostile_a(100'000, 'a');
        const std::string hostile_x(100'000, 'x');
        CHECK_FALSE(matches(R"(body = "(a+)+$")", make_input("hi", hostile_a + "!")));
        CHECK_FALSE(matches(R"(body = "(x+x+)+y")", make_input("hi", hostile_x)));
        CHECK(matches(R"(body = "(x+x+)+y")", make_input("hi", hostile_x + "y")));
    }
    SUBCASE("text that is not UTF-8 is read without harm") {
        CHECK(matches(R"(subject = "refund")", make_input("\xff\xfe refund \xc3")));
        CHECK_FALSE(matches(R"(subject = "посылк")", make_input("\xd0\xbf\xd0")));
    }
}

TEST_CASE("routing::route") {
    const RoutingFile file{std::string(k_rules)};
    const auto routing = file.load();
    SUBCASE("the first matching rule wins") {
        const auto decision = routing.route(make_input("Where is my parcel?", "", "bob@example.ru"));
        CHECK(decision.rules == Lines{"logistics"});
        CHECK(decision.queue == "logistics");
        CHECK(decision.line == 1);
        CHECK(decision.assign == "least_loaded");
        CHECK_FALSE(decision.priority.has_value());
        CHECK(decision.tags.empty());
    }
    SUBCASE("continue goes on; later rules override, tags add up, sorted and unique") {
        const auto decision =
            routing.route(make_input("Refund now", "or my lawyer calls", "ceo@mail.bigcustomer.example"));
        CHECK(decision.rules == Lines{"vip", "angry", "payments"});
        CHECK(decision.priority == Priority::urgent);
        CHECK(decision.tags == Lines{"escalate", "vip"});
        CHECK(decision.queue == "payments");
        CHECK(decision.line == 2);
        CHECK_FALSE(decision.assign.has_value());
    }
    SUBCASE("a continue rule does not stop the default, which fills only what is unset") {
        const auto decision = routing.route(make_input("Hello", "", "ceo@bigcustomer.example"));
        CHECK(decision.rules == Lines{"vip", "default"});
        CHECK(decision.priority == Priority::high);
        CHECK(decision.tags == Lines{"vip"});
        CHECK(decision.queue == "general");
        CHECK(decision.line == 1);
        CHECK(decision.assign == "round_robin");
    }
    SUBCASE("the default applies when nothing matches") {
        const auto decision = routing.route(make_input("Hello", "invoice", "li@example.cn"));
        CHECK(decision.rules == Lines{"default"});
        CHECK(decision.queue == "general");
        CHECK(decision.priority == Priority::normal);
        CHECK(decision.tags == Lines{"unsorted"});
    }
    SUBCASE("the default does not apply after a rule without continue") {
        const auto decision = routing.route(make_input("Hello", "invoice", "li@example.com"));
        CHECK(decision.rules == Lines{"payments"});
        CHECK_FALSE(decision.priority.has_value());
        CHECK(decision.tags.empty());
        CHECK_FALSE(decision.assign.has_value());
    }
    SUBCASE("rules without names are named by position") {
        const auto unnamed = RoutingFile("[[rule]]\ntag = \"x\"\nqueue = \"a\"\n[[rule]]\nqueue = \"b\"\n").load();
        CHECK(unnamed.route(make_input("hi")).rules == Lines{"rule 2"});
    }
    SUBCASE("no file: no rules, no agents, nothing decided") {
        const auto none = Routing::load(file.path().parent_path() / "missing.toml");
        const auto decision = none.route(make_input("hello"));
        CHECK(none.empty());
        CHECK(none.agents().empty());
        CHECK(decision.rules.empty());
        CHECK_FALSE(decision.queue.has_value());
        CHECK(none.explain(make_input("hello")).empty());
    }
    SUBCASE("a default alone is not empty") {
        CHECK_FALSE(RoutingFile("[default]\nqueue = \"general\"\n").load().empty());
        CHECK_FALSE(routing.empty());
    }
}

TEST_CASE("routing::explain") {
    const RoutingFile file{std::string(k_rules)};
    const auto routing = file.load();
    SUBCASE("a first match stops the rules") {
        const auto traces = routing.explain(make_input("Где моя ПОСЫЛКА?"));
        REQUIRE(traces.size() == 1);
        CHECK(traces[0].rule == "logistics");
        CHECK(traces[0].matched);
        CHECK(traces[0].stopped);
        CHECK(traces[0].reasons == Lines{R"(subject matches 'посылк|доставк|parcel|delivery|tracking' ("ПОСЫЛКА"))"});
    }
    SUBCASE("each rule tried says why, down to the alternative that matched") {
        const auto traces = routing.explain(make_input("Invoice", "see the invoice", "ann@mail.bigcustomer.example"));
        REQUIRE(traces.size() == 4);
        CHECK(traces[0].reasons == Lines{"subject does not match 'посылк|доставк|parcel|delivery|tracking'"});
        CHECK_FALSE(traces[0].matched);
        CHECK(traces[1].reasons == Lines{"from_domain 'mail.bigcustomer.example' is within 'bigcustomer.example'"});
        CHECK(traces[1].matched);
        CHECK_FALSE(traces[1].stopped);
        CHECK(traces[2].reasons == Lines{"body does not match 'lawyer|суд'"});
        CHECK(traces[3].reasons == Lines{"any: body matches 'invoice' (\"invoice\"), not: from_domain "
                                         "'mail.bigcustomer.example' is not 'example.cn'"});
        CHECK(traces[3].stopped);
    }
    SUBCASE("the default says what it filled and what it left") {
        const auto traces = routing.explain(make_input("Hello", "an invoice, or my lawyer", "li@example.cn"));
        REQUIRE(traces.size() == 5);
        CHECK(traces[3].reasons == Lines{"any: no alternative matched (subject does not match 'refund|charged'; "
                                         "not: fails, as from_domain 'example.cn' is 'example.cn')"});
        CHECK(traces[4].rule == "default");
        CHECK(traces[4].matched);
        CHECK(traces[4].reasons == Lines{"no rule without continue matched", "sets queue 'general'", "sets line 1",
                                         "leaves priority urgent: a rule set it",
                                         "leaves tags escalate, vip: a rule set it", "sets assign 'round_robin'"});
    }
    SUBCASE("every condition gets a reason, in the order written") {
        auto input = make_input("Re: order", "", "bob@example.ru");
        input.language = "";
        CHECK(reasons("tag = [\"a\", \"b\"]\nchannel = \"chat\"\nlanguage = \"ru\"\nfrom = \"bob\"", input) ==
              Lines{"no tag 'a' or 'b' is set", "channel 'email' is not 'chat'", "language is unknown, not 'ru'",
                    "from matches 'bob' (\"bob\")"});
        input.tags = {"b"};
        input.channel = "chat";
        input.language = "ru";
        CHECK(reasons("tag = [\"a\", \"b\"]\nchannel = \"chat\"\nlanguage = \"ru\"", input) ==
              Lines{"tag 'b' is set", "channel is 'chat'", "language is 'ru'"});
        CHECK(reasons("from_domain = \"example.com\"", make_input("hi", "", "nobody")) ==
              Lines{"from 'nobody' has no domain"});
        CHECK(reasons("", input) == Lines{"no conditions: matches every ticket"});
        CHECK(reasons(R"(subject = ["refund", "charged"])", make_input("Charged twice")) ==
              Lines{R"(subject matches 'charged' ("Charged"))"});
        CHECK(reasons(R"(subject = ["refund", "charged"])", make_input("Hello")) ==
              Lines{"subject does not match 'refund' or 'charged'"});
    }
    SUBCASE("long matches are cut, and shown on one line") {
        const auto input = make_input("hi", "please read\nthe   terms and conditions of our agreement with you all");
        CHECK(reasons("body = \"read\\\\s+the\\\\s+terms.*\"", input) ==
              Lines{R"(body matches 'read\s+the\s+terms.*' ("read the terms and conditions of our ag…"))"});
    }
}

TEST_CASE("routing::guess_language") {
    CHECK(guess_language("Здравствуйте, где моя посылка?") == "ru");
    CHECK(guess_language("Hello, where is my parcel?") == "en");
    CHECK(guess_language("Заказ #123 (ID AB-7)") == "ru");
    CHECK(guess_language("Please see ответ below, thanks a lot") == "en");
    CHECK(guess_language("Ça coûte très cher") == "en");
    CHECK(guess_language("12345 !!! 😀") == "");
    CHECK(guess_language("") == "");
    CHECK(guess_language("да, ok") == "");
    CHECK(guess_language("\xd0\xd1\xff\xfe\x80 да") == "ru");
    CHECK(guess_language("\xc0\xaf\xe0\x80\xaf") == "");
}

TEST_CASE("routing::agents") {
    const RoutingFile file{std::string(k_rules)};
    const auto routing = file.load();
    SUBCASE("agents, in file order, with their defaults") {
        REQUIRE(routing.agents().size() == 4);
        CHECK(routing.agents()[0].login == "anna");
        CHECK(routing.agents()[0].full_name.text == "Anna Smirnova");
        CHECK(routing.agents()[0].email == "anna@example.com");
        CHECK(routing.agents()[0].line == 1);
        CHECK(routing.agents()[0].active);
        CHECK(routing.agents()[1].line == 2);
        CHECK_FALSE(routing.agents()[3].active);
        CHECK(routing.agent("boris")->full_name.text == "Boris Petrov");
        CHECK(routing.agent("nobody") == nullptr);
    }
    SUBCASE("candidates are the active agents of a queue and line, by login") {
        const auto general = routing.candidates("general", 1);
        REQUIRE(general.size() == 2);
        CHECK(general[0]->login == "alla");
        CHECK(general[1]->login == "anna");
        CHECK(routing.candidates("payments", 2).size() == 1);
        CHECK(routing.candidates("payments", 1).empty());
        CHECK(routing.candidates("nowhere", 1).empty());
    }
    SUBCASE("queues and lines named anywhere") {
        CHECK(routing.queues() == Lines{"general", "logistics", "payments"});
        CHECK(routing.last_line() == 2);
        CHECK(RoutingFile("[[rule]]\nline = 3\n").load().last_line() == 3);
        CHECK(RoutingFile("[default]\nline = 4\n").load().last_line() == 4);
        CHECK(RoutingFile("[[agent]]\nlogin = \"a\"\nfull_name = \"A\"\n").load().last_line() == 1);
        CHECK(RoutingFile("[default]\nqueue = \"q\"\n").load().last_line() == 2);
    }
}

TEST_CASE("routing::load errors") {
    SUBCASE("an invalid regular expression, at its place") {
        CHECK(RoutingFile("[[rule]]\nname = \"logistics\"\nsubject = \"(посылк\"\nqueue = \"l\"\n").error() ==
              "routing.toml:3:11: invalid regular expression '(посылк' in rule "
              "'logistics': missing ): (посылк");
        CHECK(RoutingFile("[[rule]]\nbody = [\"ok\", \"a{2,1}\"]\nqueue = \"l\"\n").error() ==
              "routing.toml:2:15: invalid regular expression 'a{2,1}' in rule 'rule 1': invalid "
              "repetition size: {2,1}");
        CHECK(RoutingFile("[[rule]]\nname = \"n\"\nany = [{ not = { from = \"[\" } }]\nqueue = \"l\"\n").error() ==
              "routing.toml:3:25: invalid regular expression '[' in rule 'n': missing ]: [");
    }
    SUBCASE("an unknown key, with a suggestion") {
        CHECK(RoutingFile("[[rule]]\nsubjet = \"x\"\nqueue = \"q\"\n").error() ==
              "routing.toml:2:1: unknown key 'rule.subjet' (did you mean 'subject'?)");
        CHECK(RoutingFile("[[rule]]\nany = [{ fro = \"x\" }]\nqueue = \"q\"\n").error() ==
              "routing.toml:2:10: unknown key 'any.fro' (did you mean 'from'?)");
        CHECK(RoutingFile("[defualt]\nqueue = \"q\"\n").error() ==
              "routing.toml:1:2: unknown key 'defualt' (did you mean 'default'?)");
        CHECK(RoutingFile("[[agent]]\nlogin = \"a\"\nfull_name = \"A\"\nqueue = [\"q\"]\n").error() ==
              "routing.toml:4:1: unknown key 'agent.queue' (did you mean 'queues'?)");
    }
    SUBCASE("bad values") {
        CHECK(RoutingFile("[[rule]]\npriority = \"hgh\"\n").error() ==
              "routing.toml:2:12: unknown priority 'hgh' (did you mean 'high'?) (valid: low, "
              "normal, high, urgent)");
        CHECK(RoutingFile("[[rule]]\nchannel = [\"chat\", \"emial\"]\nqueue = \"q\"\n").error() ==
              "routing.toml:2:20: unknown channel 'emial' (did you mean 'email'?) (valid: email, "
              "chat, phone, web, "
              "api)");
        CHECK(RoutingFile("[[rule]]\nline = 0\n").error() == "routing.toml:2:8: 'line' must be an integer from 1");
        CHECK(RoutingFile("[default]\nline = \"2\"\n").error() == "routing.toml:2:8: 'line' must be an integer from 1");
        CHECK(RoutingFile("[[rule]]\ntags = [\"vip\", \"two words\"]\n").error() ==
              "routing.toml:2:16: invalid tag 'two words': no spaces, commas or control "
              "characters, and no leading "
              "'+' or '-'");
        CHECK(RoutingFile("[[rule]]\nsubject = 42\nqueue = \"q\"\n").error() ==
              "routing.toml:2:11: 'subject' must be a string or a non-empty array of strings");
        CHECK(RoutingFile("[[rule]]\nany = []\nqueue = \"q\"\n")
                  .error()
                  .starts_with("routing.toml:2:7: 'any' must be a non-empty array of tables of conditions"));
        CHECK(RoutingFile("[[rule]]\nnot = {}\nqueue = \"q\"\n")
                  .error()
                  .starts_with("routing.toml:2:7: an empty table in 'not'"));
        CHECK(RoutingFile("[[rule]]\nfrom_domain = \"@example.com\"\nqueue = \"q\"\n").error() ==
              "routing.toml:2:15: 'from_domain' must be a domain such as \"example.com\", not "
              "'@example.com'");
        CHECK(RoutingFile("[[rule]]\nqueue = \"q\"\ncontinue = \"yes\"\n").error() ==
              "routing.toml:3:12: 'continue' must be true or false");
    }
    SUBCASE("assign names a strategy or an agent") {
        const std::string agent = "[[agent]]\nlogin = \"anna\"\nfull_name = \"Anna\"\n";
        CHECK(RoutingFile("[[rule]]\nassign = \"ana\"\n" + agent).error() ==
              "routing.toml:2:10: unknown agent 'ana' in 'assign' (did you mean 'anna'?) (valid: "
              "round_robin, "
              "least_loaded or the login of an [[agent]])");
        CHECK(RoutingFile("[default]\nassign = \"least_loded\"\n")
                  .error()
                  .starts_with("routing.toml:2:10: unknown agent 'least_loded' in 'assign' (did "
                               "you mean 'least_loaded'?)"));
        CHECK(RoutingFile("[[rule]]\nassign = \"anna\"\n" + agent).error() == "");
    }
    SUBCASE("names must be unique, and a rule must set something") {
        CHECK(RoutingFile("[[rule]]\nname = \"vip\"\nqueue = \"a\"\n[[rule]]\nname = "
                          "\"vip\"\nqueue = \"b\"\n")
                  .error() == "routing.toml:5:8: duplicate rule name 'vip' (first at line 2)");
        CHECK(RoutingFile("[[rule]]\nname = \"quiet\"\nsubject = \"x\"\ncontinue = true\n").error() ==
              "routing.toml:1:1: rule 'quiet' sets nothing: give queue, line, priority, tags or "
              "assign");
        CHECK(RoutingFile("[[agent]]\nlogin = \"a\"\nfull_name = \"A\"\n[[agent]]\nlogin = "
                          "\"a\"\nfull_name = \"B\"\n")
                  .error() == "routing.toml:5:9: duplicate agent login 'a' (first at line 2)");
        CHECK(RoutingFile("[[rule]]\nname = \"default\"\nqueue = \"q\"\n").error() ==
              "routing.toml:2:8: rule name 'default' is reserved for [default]");
        CHECK(RoutingFile("[[agent]]\nlogin = \"round_robin\"\nfull_name = \"R\"\n").error() ==
              "routing.toml:2:9: login 'round_robin' is reserved for assign = \"round_robin\"");
        CHECK(RoutingFile("[[agent]]\nlogin = \"a\"\n").error() == "routing.toml:1:1: agent 'a' needs a full_name");
        CHECK(RoutingFile("[[agent]]\nfull_name = \"A\"\n").error() == "routing.toml:1:1: [[agent]] needs a login");
        CHECK(RoutingFile("[rule]\nqueue = \"q\"\n").error() ==
              "routing.toml:1:1: 'rule' must be a list of tables: write [[rule]]");
    }
    SUBCASE("a syntax error") {
        CHECK(RoutingFile("[[rule]]\nqueue = \"q\n").error().starts_with("routing.toml:2:"));
    }
    SUBCASE("with problems, every problem is reported and the rest still loads") {
        const RoutingFile file(R"toml([[rule]]
name = "bad"
subject = "(("
queue = "a"
[[rule]]
name = "good"
subject = "refund"
queue = "refunds"
[[rule]]
queue = "b"
chanel = "chat"
[default]
priority = "urgnt"
[[agent]]
login = "anna"
)toml");
        CHECK(file.problems() ==
              Lines{"routing.toml:14:1: agent 'anna' needs a full_name",
                    "routing.toml:3:11: invalid regular expression '((' in rule 'bad': missing ): ((",
                    "routing.toml:11:1: unknown key 'rule.chanel' (did you mean 'channel'?)",
                    "routing.toml:13:12: unknown priority 'urgnt' (did you mean 'urgent'?) (valid: "
                    "low, normal, high, urgent)"});
        Lines problems;
        const auto routing = Routing::load(file.path(), &problems);
        CHECK(routing.route(make_input("Refund")).queue == "refunds");
        CHECK(RoutingFile("[[rule\n").problems().size() == 1);
    }
}
