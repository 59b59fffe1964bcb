A bilingual desk answers each customer in their own language, greets them by the
right name, introduces a new owner once and truthfully, signs in the reply's
language, and checks every reply's wording before it is recorded.

  $ . "$TESTDIR/setup.sh"
  $ mkdir -p config
  $ cat > config/config.toml <<'TOML'
  > [agent]
  > login = "anna"
  > full_name = { en = "Anna Smirnova", ru = "Анна Смирнова" }
  > email = "anna@example.com"
  > [mail]
  > from = "Example Support <support@example.com>"
  > [routing]
  > on_new = false
  > TOML
  $ cat > config/routing.toml <<'TOML'
  > [[agent]]
  > login = "anna"
  > full_name = { en = "Anna Smirnova", ru = "Анна Смирнова" }
  > queues = ["general"]
  > [[agent]]
  > login = "boris"
  > full_name = { en = "Boris Petrov", ru = "Борис Петров" }
  > queues = ["general"]
  > line = 2
  > [[agent]]
  > login = "vera"
  > full_name = "Vera Ivanova"
  > first_name = { ru = "Вера" }
  > queues = ["general"]
  > TOML

Each ticket gets the language of the customer's own text, shown, filterable and
changeable; what cannot be told yet ("?") stays unknown.

  $ tkt new --from 'Петрова Ирина <irina@example.ru>' --subject 'Не пришла посылка' --body 'Заказ 58213 так и не пришёл.'
  1
  $ tkt new --from 'Smith, John <john@example.com>' --subject 'Refund' --body 'I was charged twice.'
  2
  $ tkt new --from 'ООО Ромашка <office@romashka.example>' --subject 'Счёт' --body 'Пришлите, пожалуйста, счёт.'
  3
  $ tkt new --from 'ivan@example.ru' --subject '?' --body '??'
  4
  $ tkt list language:ru | cut -f1,11
  1	Не пришла посылка
  3	Счёт
  $ tkt list language:none | cut -f1
  4
  $ tkt list language:de,EN | cut -f1
  2
  $ tkt list language:x1
  tkt: invalid filter term 'language:x1': 'x1' is not a language code (ru, en, ...; none for unknown)
  [64]
  $ tkt show 1 | grep Language
  Language:     ru

A later message that says more settles an unknown language.

  $ printf 'From: ivan@example.ru\nTo: support@example.com\nSubject: Re: [Support #4] ?\nMessage-ID: <m4b@example.ru>\n\nЗдравствуйте, у меня не работает личный кабинет.\n' | tkt new --email
  4
  $ tkt show 4 | grep Language
  Language:     ru

Setting it by hand, in any case; 'auto' detects it again.

  $ tkt set 2 LANGUAGE:RU
  ticket 2: language ru (was en)
  $ tkt set 2 language:auto
  ticket 2: language en (was ru)
  $ tkt set 2 language:en
  ticket 2: unchanged
  $ tkt history 2 | grep changed | cut -c19-
  anna  changed  language: en → ru
  anna  changed  language: ru → en
  $ tkt set 2 colour:red
  tkt: tkt set cannot change 'colour' (it changes: priority, subject, queue, line, language, requester)
  [64]
  $ tkt set 2 language:klingon
  tkt: 'klingon' is not a language: give a code such as ru or en, 'auto' to detect it again, or 'none'
  [64]
  $ tkt set 99 language:en
  tkt: no ticket 99
  [1]

A mass reply answers each ticket in its own language, greets each by the right name
(a company gets the nameless greeting) and signs in that language.

  $ tkt reply --where 'id:1-3' --template acknowledge --dry-run | grep -E '^(==>|Здравствуйте|Hello|Анна|Anna)'
  ==> ticket 1 to Петрова Ирина <irina@example.ru>: Re: Не пришла посылка [Support #1]
  Здравствуйте, Ирина!
  Анна Смирнова
  ==> ticket 2 to Smith, John <john@example.com>: Re: Refund [Support #2]
  Hello John,
  Anna Smirnova
  ==> ticket 3 to ООО Ромашка <office@romashka.example>: Re: Счёт [Support #3]
  Здравствуйте!
  Анна Смирнова

--var values can be given per language; --lang (any case) answers all in one.

  $ tkt reply --where 'id:1-2' --template still_working --var 'next_update.ru=в пятницу' --var 'next_update.en=by Friday' --dry-run | grep -iE 'friday|пятниц'
  Решения пока нет, но о вашем вопросе мы помним. Я напишу вам снова в пятницу, даже если новостей к тому времени не будет.
  We don't have a fix yet, but your request hasn't been forgotten. I'll write to you again by Friday, even if there's no news by then.
  $ tkt reply 1 --template acknowledge --lang EN --dry-run | head -1
  Hello Ирина,
  $ tkt template render acknowledge --ticket 1 | sed -n 3p
  Здравствуйте, Ирина!
  $ tkt template render acknowledge --ticket 1 --lang En | sed -n 3p
  Hello Ирина,
  $ tkt reply 1 --template acknowledge --lang 'русский' --dry-run
  tkt: invalid --lang 'русский': give a language code such as ru or en
  [64]

A team template without the customer's language falls back to defaults.lang with a
warning, never an error in the middle of a batch.

  $ mkdir -p config/templates
  $ cat > config/templates/promo.toml <<'TOML'
  > [template]
  > description = "English-only notice"
  > [lang.en]
  > subject = "Re: {{ticket.subject}}"
  > body = '''
  > {{> greeting}}
  > 
  > Our office is closed on Monday.
  > 
  > {{> signature}}
  > '''
  > TOML
  $ tkt reply --where 'id:1-2' --template promo --dry-run 2>&1 >/dev/null
  tkt: ticket 1: template 'promo' has no 'ru' text, so the reply is in 'en'
  $ rm config/templates/promo.toml

Introductions are true. Anna's first reply takes the ticket and introduces nobody;
Boris, answering while Anna owns it, says he is helping and changes nothing.

  $ tkt reply 1 --template acknowledge > /dev/null
  $ tkt reply 1 --as boris --template still_working | sed -n 3p
  Меня зовут Борис, я помогаю с вашим обращением (его ведёт Анна).
  $ tkt show 1 | grep Assignee
  Assignee:     anna
  $ tkt reply 1 --template still_working | sed -n 3p
  Коротко о вашем обращении: мы всё ещё над ним работаем.

When the ticket moves to Boris (an escalation here), his first reply introduces him,
once; Anna is then the one helping.

  $ tkt escalate 1 --to boris --reason 'needs the warehouse' > /dev/null
  $ tkt reply 1 --as boris --template still_working | sed -n 3p
  Меня зовут Борис, теперь вашим обращением занимаюсь я (до меня — Анна) и буду вести его до решения.
  $ tkt reply 1 --as boris --template still_working | sed -n 3p
  Коротко о вашем обращении: мы всё ещё над ним работаем.
  $ tkt reply 1 --template still_working --lang en | sed -n 3p
  I'm Anna, and I'm helping my colleague Boris with your request.

Covering for an owner for a while says so, in the agent's name for that language.

  $ tkt assign 1 vera --temporary
  assigned ticket 1 to vera for now (was boris)
  $ tkt history 1 | grep 'for now' | cut -c19-
  anna   assigned   boris → vera (hand, for now)
  $ tkt reply 1 --as vera --template still_working --dry-run | sed -n 3p
  Меня зовут Вера, пока Борис отсутствует, вашим обращением занимаюсь я.
  $ tkt reply 1 --as vera --template still_working --lang en --dry-run | sed -n '3p;$p'
  I'm Vera, and I'm looking after your request while Boris is away.
  Vera Ivanova
  $ tkt assign 2 boris
  assigned ticket 2 to boris
  $ tkt reply 2 --template acknowledge --dry-run | sed -n 3p
  I'm Anna, and I'm helping my colleague Boris with your request.

A reply is signed with a first and a last name: one name alone is refused, and
config check says where it is written.

  $ tkt reply 2 --as boris --var agent.full_name=Boris --template acknowledge --dry-run
  tkt: replies are signed with a first and a last name, and 'Boris' is one name: give both in --var agent.full_name
  [78]
  $ cp config/routing.toml routing.good
  $ sed -i 's/^full_name = "Vera Ivanova"/full_name = "Vera"/' config/routing.toml
  $ tkt config check 2>&1 | sed "s|$PWD/||"
  config/routing.toml:12:13: agent 'vera' signs replies as 'Vera': a signature needs a first and a last name
  tkt: 1 problem in config
  $ tkt reply 1 --as vera --template acknowledge --dry-run
  tkt: replies are signed with a first and a last name, and 'Vera' is one name: set the full_name of agent 'vera' in routing.toml
  [78]
  $ cp routing.good config/routing.toml

Free text is checked as templates are: findings on stderr, each with a plainer way to
say it; --strict (or lint.strict) refuses the reply and records nothing. The greeting
and signature follow the language the message is written in.

  $ tkt reply 2 --message 'Please accept our apologies for the inconvenience. We will fix it as soon as possible.' --dry-run 2>&1 >/dev/null
  tkt: ticket 2:5:1: warning: 'Please accept our apologies': write "I'm sorry" and say what went wrong [empty-apology]
  tkt: ticket 2:5:33: warning: 'the inconvenience': a non-apology: say what went wrong and "I'm sorry" [empty-apology]
  tkt: ticket 2:5:67: warning: 'as soon as possible': give a date: "by Friday", "within two days" [vague-promise]
  $ sql 'SELECT count(*) FROM messages' > before
  $ tkt reply 3 --message 'Ну как можно не понимать такие элементарные вещи!' --strict
  tkt: ticket 3:3:4: warning: 'как можно не понимать': свысока: объясните и скажите, где это легко пропустить [condescension]
  tkt: ticket 3:3:32: warning: 'элементарные вещи': свысока: просто объясните шаг [condescension]
  tkt: nothing recorded: 2 lint findings in the reply (--strict; rephrase, or answer without --strict)
  [65]
  $ printf '[lint]\nstrict = true\n' >> config/config.toml
  $ tkt reply 3 --message 'Мы знаем об этой проблеме и скоро её устраним.' 2>&1 | tail -1
  tkt: nothing recorded: 1 lint finding in the reply (--strict; rephrase, or answer without --strict)
  $ sql 'SELECT count(*) FROM messages' | diff - before
  $ tkt reply 3 --message 'Счёт отправили сегодня, он придёт в течение часа.' | head -1
  Здравствуйте!
  $ sed -i '/^\[lint\]/,$d' config/config.toml

--edit starts from the greeting and signature when no template or message is given,
and shows the customer's last message below a cut line that never goes out.

  $ cat > editor <<'SH'
  > #!/bin/sh
  > cp "$1" seen.txt
  > sed -i '3s/^$/Ваш счёт уже в пути./' "$1"
  > SH
  $ chmod +x editor
  $ EDITOR=./editor tkt reply 3 --edit > sent.txt
  $ cat seen.txt
  Здравствуйте!
  
  
  
  С уважением,
  Анна Смирнова
  anna@example.com
  
  ------------------------ >8 ------------------------
  Do not change or remove the line above: everything below it is left out of the reply.
  
  Ticket #3: Счёт
  ООО Ромашка <office@romashka.example> wrote on 2026-11-22 10:00:
  > Пришлите, пожалуйста, счёт.
  $ cat sent.txt
  Здравствуйте!
  
  Ваш счёт уже в пути.
  
  С уважением,
  Анна Смирнова
  anna@example.com
  $ EDITOR=true tkt reply 3 --edit
  tkt: aborting: nothing was written between the greeting and the signature (nothing recorded)
  [1]
  $ tkt reply --edit --where status:open
  tkt: --edit answers one ticket; it cannot go with --where
  [64]

The conversation of a merged ticket reads as one on the ticket that stays; replying
to the merged one says where it went.

  $ tkt new --from 'Петрова Ирина <irina@example.ru>' --subject 'Посылка' --body 'Повторяю вопрос про заказ 58213.'
  5
  $ tkt merge 5 --into 1 > /dev/null
  $ tkt show 1 | grep -- '^--- in'
  --- in 2026-11-22 10:00 Петрова Ирина <irina@example.ru>
  --- in 2026-11-22 10:00 Петрова Ирина <irina@example.ru> [merged from #5]
  $ tkt reply 5 --template acknowledge --dry-run
  tkt: ticket 5 was merged into ticket 1: answer there (or give --force to answer 5 itself)
  [64]
  $ tkt reply 5 --template acknowledge --dry-run --force | head -1
  Здравствуйте, Ирина!

Subject tags: every tag in the subject is tried, only ours for tickets that exist are
trusted, and a reply carries exactly one.

  $ printf 'From: irina@example.ru\nSubject: Re: [Support #77] [Support #2] Refund\nMessage-ID: <t1@example.ru>\n\nЕщё вопрос.\n' | tkt new --email
  2
  $ printf 'From: kate@example.com\nSubject: [Support #77] Old case\nMessage-ID: <t2@example.com>\n\nHello again, about my old case.\n' | tkt new --email
  6
  $ tkt reply 6 --template acknowledge --mime --dry-run | grep '^Subject:'
  Subject: Re: Old case [Support #6]

defaults.lang is the language for customers whose own is unknown: a code, in any
case; "auto" is refused where it is written, since following the customer is what
replies do already.

  $ cp config/config.toml config.good
  $ printf '[defaults]\nlang = "auto"\n' >> config/config.toml
  $ tkt reply 4 --template acknowledge --dry-run 2>&1 | sed "s|$PWD/||"
  tkt: config/config.toml:10:8: 'defaults.lang' must be a language code such as "en" or "ru", not "auto": replies follow each customer's language, and this one is for the rest
  $ cp config.good config/config.toml && printf '[defaults]\nlang = "RU"\n' >> config/config.toml
  $ tkt set 4 language:none > /dev/null && tkt reply 4 --template acknowledge --dry-run | head -1
  Здравствуйте!
