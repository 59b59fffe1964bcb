// The shipped banned phrases (templates/lint.toml) on whole sentences: what each rule
// must catch in English and Russian, and ordinary polite replies that must pass, since
// the list runs on every reply agents write.
#include "templates/lint.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <span>
#include <string_view>

using namespace tkt;
using tkt::test::Lines;
using tkt::test::TempDir;
using tkt::test::write_file;

namespace {

const std::filesystem::path k_shipped = std::filesystem::path(TKT_SOURCE_DIR) / "templates";

// A sentence in `lang` that a phrase of `rule`, and no phrase of another rule, must flag;
// or, with no rule, that nothing may flag.
struct Sentence {
    std::string_view lang;
    std::string_view text;
    std::string_view rule = {};
};

// By language, then rule; the Russian promise without a date is written with ё and with е.
constexpr auto k_flagged = std::to_array<Sentence>({
    {"en", "Please accept our apologies for the inconvenience.", "empty-apology"},
    {"en", "We apologize for any inconvenience this may have caused.", "empty-apology"},
    {"en", "Sorry for any confusion about the invoice.", "empty-apology"},
    {"en", "I'm sorry you feel that way about our service.", "empty-apology"},
    {"en", "Sorry if this caused you any trouble.", "empty-apology"},
    {"en", "We regret any trouble with your order.", "empty-apology"},
    {"en", "Mistakes were made with your order.", "empty-apology"},
    {"en", "We will look into it in due course.", "vague-promise"},
    {"en", "We'll fix this as soon as possible.", "vague-promise"},
    {"en", "The update will arrive in the near future.", "vague-promise"},
    {"en", "We're aware of the issue and will fix it soon.", "vague-promise"},
    {"en", "The page should be working again shortly.", "vague-promise"},
    {"en", "The refund should arrive any day now.", "vague-promise"},
    {"en", "We'll look at the logs when we get a chance.", "vague-promise"},
    {"en", "Obviously, the button is at the top.", "condescension"},
    {"en", "Please read the manual before writing to us.", "condescension"},
    {"en", "You need to understand how billing works.", "condescension"},
    {"en", "This is such a simple thing to do.", "condescension"},
    {"en", "How can you not understand these steps?", "condescension"},
    {"en", "Everyone knows where the settings are.", "condescension"},
    {"en", "It's common sense to keep a backup.", "condescension"},
    {"en", "Changing a password isn't that hard.", "condescension"},
    {"en", "As you should know, refunds take a week.", "condescension"},
    {"en", "With all due respect, that is how it works.", "condescension"},
    {"en", "Did you even read my reply?", "condescension"},
    {"en", "You should have checked the address before paying.", "blame"},
    {"en", "You forgot to attach the receipt.", "blame"},
    {"en", "I'm afraid it's your own fault.", "blame"},
    {"en", "You must have typed the wrong code.", "blame"},
    {"en", "You entered your password incorrectly.", "blame"},
    {"en", "You're mistaken about the price.", "blame"},
    {"en", "You didn't read the terms.", "blame"},
    {"en", "The problem is on your side.", "blame"},
    {"en", "Sorry, that's not my department.", "blame"},
    {"en", "You'll need to contact another department.", "blame"},
    {"en", "My colleague was wrong about the refund.", "blame"},
    {"en", "The previous agent didn't understand your question.", "blame"},
    {"en", "I don't know why they told you that.", "blame"},
    {"en", "As I already told you, the order has shipped.", "aggression"},
    {"en", "For the last time, the order has shipped.", "aggression"},
    {"en", "Should you require further help, let us know.", "bureaucratese"},
    {"en", "We will endeavour to help.", "bureaucratese"},
    {"en", "Further to your email, here is the invoice.", "bureaucratese"},
    {"en", "Prior to the refund, we check the order.", "bureaucratese"},
    {"ru", "Приносим свои извинения.", "empty-apology"},
    {"ru", "Примите наши искренние извинения.", "empty-apology"},
    {"ru", "Извиняемся за доставленные неудобства.", "empty-apology"},
    {"ru", "Извините за неудобства.", "empty-apology"},
    {"ru", "Сожалеем, что так получилось.", "empty-apology"},
    {"ru", "Простите, если мы вас чем-то обидели.", "empty-apology"},
    {"ru", "Мы знаем об этой проблеме и скоро её устраним.", "vague-promise"},
    {"ru", "Мы знаем об этой проблеме и скоро ее устраним.", "vague-promise"},
    {"ru", "Скоро исправим.", "vague-promise"},
    {"ru", "Вскоре всё заработает.", "vague-promise"},
    {"ru", "Ошибку исправим очень скоро.", "vague-promise"},
    {"ru", "Мы ответим в ближайшее время.", "vague-promise"},
    {"ru", "Решим вопрос в кратчайшие сроки.", "vague-promise"},
    {"ru", "Доступ вернётся в скором времени.", "vague-promise"},
    {"ru", "Исправим как можно скорее.", "vague-promise"},
    {"ru", "Ответим в порядке очереди.", "vague-promise"},
    {"ru", "Ну как можно не понимать такие элементарные вещи!", "condescension"},
    {"ru", "Это же элементарно.", "condescension"},
    {"ru", "Неужели так сложно нажать кнопку?", "condescension"},
    {"ru", "С этим справится даже ребёнок.", "condescension"},
    {"ru", "Всем известно, где настройки.", "condescension"},
    {"ru", "Это же просто: нажмите кнопку.", "condescension"},
    {"ru", "Там русским языком написано.", "condescension"},
    {"ru", "Вы вообще читали моё письмо?", "condescension"},
    {"ru", "При всём уважении, правила одни для всех.", "condescension"},
    {"ru", "Очевидно же, что кнопка сверху.", "condescension"},
    {"ru", "Внимательно прочитайте инструкцию.", "condescension"},
    {"ru", "Мой коллега ошибся.", "blame"},
    {"ru", "Коллега вас неправильно проконсультировал.", "blame"},
    {"ru", "Наш специалист, к сожалению, ошибся.", "blame"},
    {"ru", "Предыдущий оператор не понял ваш вопрос.", "blame"},
    {"ru", "До меня вам ответили неверно.", "blame"},
    {"ru", "Это не ко мне.", "blame"},
    {"ru", "Вы обратились не по адресу.", "blame"},
    {"ru", "Обратитесь в другой отдел.", "blame"},
    {"ru", "Вы сами удалили аккаунт.", "blame"},
    {"ru", "Вы невнимательно прочитали условия.", "blame"},
    {"ru", "Вы забыли указать номер заказа.", "blame"},
    {"ru", "Это ваша проблема.", "blame"},
    {"ru", "Проблема на вашей стороне.", "blame"},
    {"ru", "Вам следовало проверить адрес.", "blame"},
    {"ru", "Вы неправильно ввели пароль.", "blame"},
    {"ru", "Это ваша вина.", "blame"},
    {"ru", "Как я уже писал, заказ отправлен.", "aggression"},
    {"ru", "Успокойтесь, пожалуйста.", "aggression"},
    {"ru", "Денежные средства вернутся на карту.", "bureaucratese"},
    {"ru", "Доставка задерживается по причине праздников.", "bureaucratese"},
    {"ru", "Ваше обращение принято в работу.", "bureaucratese"},
});

constexpr auto k_clean = std::to_array<Sentence>({
    {"en", "I'm sorry. This was our mistake, and it shouldn't have happened."},
    {"en", "Sorry for the wait: your refund went out this morning."},
    {"en", "I'm sorry you had to wait so long."},
    {"en", "Sorry about that: here is the corrected invoice."},
    {"en", "We will fix it by Friday, and I'll write to you then."},
    {"en", "I'll write back as soon as I have news."},
    {"en", "I'll write to you again as soon as there's news."},
    {"en", "We're still working on it, and I'll update you tomorrow by noon."},
    {"en", "The fix goes out on 12 March."},
    {"en", "We'll get back to you by the end of the day."},
    {"en", "Have you tried restarting the app?"},
    {"en", "You may have entered an old password, so here is how to reset it."},
    {"en", "If you forgot your password, use the reset link."},
    {"en", "You should have received a confirmation email this morning."},
    {"en", "It's not your fault, and I've fixed it."},
    {"en", "If anything has changed on your side, just reply to this email."},
    {"en", "I've passed your request to our second-line team."},
    {"en", "I'll ask the relevant team today and let you know what they say."},
    {"en", "My colleague Anna will call you tomorrow at ten."},
    {"en", "The previous agent's notes are in your request, so you don't need to repeat anything."},
    {"en", "Thank you for your patience."},
    {"en", "It's easy to change your address: open Settings, then Profile."},
    {"en", "I understand this is frustrating, and I'm sorry it's taking this long."},
    {"en", "You're right, and I'm sorry for the mix-up."},
    {"en", "Everyone on our team can see your request now."},
    {"en", "Please send the file when you can."},
    {"en", "That's not my area of expertise, so I've asked our billing team."},
    {"en", "The other agent made a note about your address."},
    {"en", "Thank you for your patience and understanding."},
    {"en", "I think you're right about the price."},
    {"en", "I'll call you as soon as I can tomorrow morning."},
    {"en", "Please reply when you have a moment."},
    {"en", "Our engineers are on it and I'll write again on Monday."},
    {"en", "The new version is available now."},
    {"en", "If we got anything wrong, please tell us."},
    {"en", "You can read the full steps in our guide, and I've copied them below."},
    {"ru", "Простите нас, пожалуйста. Это наша ошибка."},
    {"ru", "Извините, что так вышло: деньги вернутся завтра."},
    {"ru", "Мы знаем об этой проблеме и исправим её до пятницы."},
    {"ru", "Я напишу вам, как только появятся новости."},
    {"ru", "Скоро праздники, и доставка может занять на день больше."},
    {"ru", "Мой коллега Иван позвонит вам завтра в десять."},
    {"ru", "Наш специалист уже исправил ошибку."},
    {"ru", "Коллега из отдела доставки уже проверил ваш заказ."},
    {"ru", "Если вы забыли пароль, нажмите «Восстановить пароль»."},
    {"ru", "Если у вас что-то изменилось, просто ответьте на это письмо."},
    {"ru", "Посылка пришла не по адресу, и мы уже отправили новую."},
    {"ru", "Ваша проблема решена: доступ снова работает."},
    {"ru", "Вы можете сами изменить тариф в личном кабинете."},
    {"ru", "Как вы сами указали в письме, заказ пришёл без чека."},
    {"ru", "Это просто: откройте настройки и выберите «Профиль»."},
    {"ru", "Я передаю ваше обращение специалистам второй линии."},
    {"ru", "Мы вернули деньги, они придут в течение трёх рабочих дней."},
    {"ru", "Понимаю, как это неприятно, и мне жаль, что так долго."},
    {"ru", "Это не ваша вина, мы всё исправили."},
    {"ru", "Вы правы, это наша ошибка."},
    {"ru", "Ответьте, пожалуйста, как только будет возможность."},
    {"ru", "Разберёмся и напишем вам завтра."},
    {"ru", "Спасибо за терпение."},
    {"ru", "Сотрудники склада уже упаковали новый заказ."},
    {"ru", "Посылка придёт в ближайшие два-три дня."},
    {"ru", "Решение будет готово завтра к обеду."},
    {"ru", "Менеджер вам перезвонит сегодня до шести."},
    {"ru", "Специалист ответит вам завтра до полудня."},
    {"ru", "Скоро пришлём трек-номер, а пока вот номер заказа."},
    {"ru", "Если проблема повторится, напишите нам."},
    {"ru", "Похоже, адрес указан с опечаткой."},
    {"ru", "Возможно, пароль был набран в другой раскладке."},
    {"ru", "Расскажите о неудобствах в приложении, мы всё учтём."},
    {"ru", "К сожалению, вернуть деньги за эту услугу нельзя."},
    {"ru", "Свяжитесь с нами в любое время."},
    {"ru", "Разве что можно попробовать другой браузер."},
    {"ru", "Если вы ещё не ознакомились с условиями, вот ссылка."},
    {"ru", "Как вы и просили, мы отменили заказ."},
    {"ru", "Мы ошиблись, простите нас."},
    {"ru", "Оператор перезвонит вам завтра утром."},
    {"ru", "Мы исправим это до конца недели."},
    {"ru", "Спасибо за подробное письмо, всё понятно."},
});

// Returns the findings for each of `sentences`, in order: each is the body of a reply in
// its language, the other language saying thanks, all in one folder linted at once
// against the shipped banned phrases.
std::vector<std::vector<LintFinding>> lint_each(std::span<const Sentence> sentences) {
    const TempDir dir;
    const auto partial = [&](const std::string& name, std::string_view en, std::string_view ru) {
        write_file(dir / (name + ".toml"),
                   fmt::format(
                       "[template]\ncategory = \"partial\"\n[lang.en]\nbody = \"{}\\n\"\n[lang.ru]\nbody = \"{}\\n\"\n",
                       en, ru));
    };
    partial("greeting", "Hello,", "Здравствуйте!");
    partial("signature", "{{agent.full_name}}", "{{agent.full_name}}");
    const auto text = [](std::string_view lang, std::string_view body) {
        return fmt::format(
            "[lang.{}]\nsubject = \"Re\"\nbody = '''\n{{{{> greeting}}}}\n{}\n{{{{> signature}}}}\n'''\n", lang, body);
    };
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const bool english = sentences[i].lang == "en";
        write_file(dir / fmt::format("s{}.toml", i), "[template]\ncategory = \"info\"\n" +
                                                         text("en", english ? sentences[i].text : "Thanks.") +
                                                         text("ru", english ? "Спасибо." : sentences[i].text));
    }
    const TemplateLibrary library({dir.path()});
    std::vector<std::vector<LintFinding>> findings(sentences.size());
    for (auto& finding : lint_templates(library, {}, load_banned_phrases({k_shipped / "lint.toml"}), LintOptions{})) {
        const auto name = finding.file.stem().string();
        finding.file = finding.file.filename();
        REQUIRE(name.starts_with("s"));  // the partials are clean
        findings.at(std::stoul(name.substr(1))).push_back(std::move(finding));
    }
    return findings;
}

// Returns the rules of `findings`, each once, in order.
Lines rules_of(const std::vector<LintFinding>& findings) {
    Lines rules;
    for (const auto& finding : findings) {
        rules.push_back(finding.rule);
    }
    std::sort(rules.begin(), rules.end());
    rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
    return rules;
}

Lines lines_of(const std::vector<LintFinding>& findings) {
    Lines lines;
    for (const auto& finding : findings) {
        lines.push_back(format_finding(finding));
    }
    return lines;
}

}  // namespace

TEST_CASE("lint::shipped phrases catch each rule in both languages") {
    const auto findings = lint_each(k_flagged);
    for (std::size_t i = 0; i < k_flagged.size(); ++i) {
        CAPTURE(k_flagged[i].text);
        CAPTURE(lines_of(findings[i]));
        CHECK(rules_of(findings[i]) == Lines{std::string(k_flagged[i].rule)});
    }
}

TEST_CASE("lint::shipped phrases let ordinary polite replies through") {
    const auto findings = lint_each(k_clean);
    for (std::size_t i = 0; i < k_clean.size(); ++i) {
        CAPTURE(k_clean[i].text);
        CHECK(lines_of(findings[i]) == Lines{});
    }
}

TEST_CASE("lint::shipped phrases: every rule in both languages, every message in house style") {
    const Lines rules{"aggression", "blame", "bureaucratese", "condescension", "empty-apology", "vague-promise"};
    const auto phrases = load_banned_phrases({k_shipped / "lint.toml"});
    for (const auto& rule : rules) {
        for (const std::string lang : {"en", "ru"}) {
            CAPTURE(rule);
            CAPTURE(lang);
            CHECK(std::ranges::any_of(phrases, [&](const auto& p) { return p.rule == rule && p.lang == lang; }));
        }
    }
    for (const auto& phrase : phrases) {
        CAPTURE(phrase.pattern);
        CHECK(std::ranges::find(rules, phrase.rule) != rules.end());
        CHECK((phrase.lang == "en" || phrase.lang == "ru"));
        // The message follows "'phrase': ", so it starts in lowercase and ends without a period.
        CHECK_FALSE(std::isupper(static_cast<unsigned char>(phrase.message.front())));
        CHECK(phrase.message.back() != '.');
    }
}
