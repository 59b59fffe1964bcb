Full-text search (issue 19): words in any form, Russian and English, in tkt search
and in every filter; the index follows each write in its own transaction.

  $ . "$TESTDIR/setup.sh"
  $ mkdir -p config && printf '[agent]\nlogin = "anna"\nfull_name = "Anna Ivanova"\n[mail]\nfrom = "Support <support@example.com>"\n' > config/config.toml
  $ tkt new --from olga@example.ru --subject "Касса не печатает чеки" --body "Здравствуйте! Наша касса с утра не печатает, кассой пользоваться нельзя." >/dev/null
  $ tkt new --from bob@example.com --subject "Printer offline" --body "Our receipt printers stopped connecting to the network after the update." >/dev/null
  $ tkt new --from ivan@example.ru --subject "Оплата картой" --body "Не проходит оплата по карте, заказ 5512. Ёлки, третий раз!" >/dev/null
  $ tkt note 1 --body "Проверила драйвер принтера: дело в кассе, не в сети." >/dev/null
  $ echo '{"thread":"jivo:1","id":"m1","from":"jivo:v1","body":"Кассовый аппарат снова завис"}' | tkt new --json >/dev/null 2>&1

Word forms: «кассы» finds «касса», «кассой», «кассе» (a note too); "printer" finds
"printers"; ё is е; case does not matter.

  $ tkt search кассы
  1	new	Касса не печатает чеки	Здравствуйте! Наша касса с утра не печатает, кассой пользоваться нельзя.
  $ tkt search PRINTER
  2	new	Printer offline	Our receipt printers stopped connecting to the network after the update.
  $ tkt search принтеры
  1	new	Касса не печатает чеки	Проверила драйвер принтера: дело в кассе, не в сети.
  $ tkt search елки
  3	new	Оплата картой	Не проходит оплата по карте, заказ 5512. Ёлки, третий раз!

A phrase keeps its words together and in order; -word leaves tickets out; word* is a
prefix; a number is text in a search (an order number), not a ticket.

  $ tkt search '"кассовый аппарат"' | cut -f1
  4
  $ tkt search '"аппарат кассовый"'
  $ tkt search касса -драйвер | cut -f1
  $ tkt search касс* | cut -f1 | sort -n
  1
  4
  $ tkt search кассов* | cut -f1
  4
  $ tkt search connect* network | cut -f1
  2
  $ tkt search 5512 | cut -f1
  3

With filter terms, and best first: the subject weighs most.

  $ tkt search касса status:new | cut -f1
  1
  $ tkt search касса status:closed
  $ tkt new --from petr@example.ru --subject "Вопрос по доставке" --body "Курьер привёз не тот товар. Касса?" >/dev/null
  $ tkt search касса | cut -f1
  1
  5

--json gives each ticket with its snippet and the words found.

  $ tkt search --json оплаты | python3 -c 'import json,sys; [print(t["id"], t["status"], t["matched"], t["snippet"]) for t in json.load(sys.stdin)]'
  3 new ['оплата'] Не проходит оплата по карте, заказ 5512. Ёлки, третий раз!

On a terminal, the words found are bold in a snippet under each ticket (from the
subject when only the subject has them).

  $ script -qc 'tkt search чек' /dev/null | tr -d '\r' | sed 's/\x1b\[[0-9;]*m/|/g'
  |1|  |new|  2026-11-22  Касса не печатает чеки
      Касса не печатает |чеки|

A bare word in any filter is text: list, tag --where, reply --where, stats --where;
quotes make a phrase or a number text there, -"word" leaves it out.

  $ tkt list кассы | cut -f1
  1
  5
  $ tkt list '"5512"' | cut -f1
  3
  $ tkt list касса '-"драйвер"' | cut -f1
  5
  $ tkt tag --where 'касса' +hardware
  ticket 1: +hardware
  ticket 5: +hardware
  $ tkt list +hardware | cut -f1
  1
  5
  $ TKT_NOW=2026-11-22T12:00:00Z tkt stats --since 2026-11-22 --where 'принтер' --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"]["created"])'
  1
  $ tkt reply --where '"кассовый аппарат"' --message "Перезагрузите аппарат." --dry-run | head -1
  ==> ticket 4 to jivo:v1: Re: Кассовый аппарат снова завис [Support #4]

The index follows every change of text: a new subject, a reply, a note.

  $ tkt set 3 'subject:Возврат денег' >/dev/null
  $ tkt search денег | cut -f1
  3
  $ tkt set 3 'subject:Возврат' >/dev/null
  $ tkt search денег | cut -f1
  $ tkt search возврата | cut -f1
  3
  $ tkt reply 2 --message "Please update the firmware of the printer." >/dev/null
  $ tkt search firmware | cut -f1
  2

An SLA policy's match may hold words: the policy applies to the tickets that say them.

  $ printf '[[policy]]\nname = "cash desk"\nmatch = "\\"кассовый аппарат\\" status:new"\nfirst_reply = "15m"\n[[policy]]\nname = "standard"\nfirst_reply = "4h"\n' > config/sla.toml
  $ tkt sla 4 | head -1
  ticket 4: policy cash desk (24x7)
  $ tkt sla 2 | head -1
  ticket 2: policy standard (24x7)

Errors: nothing to find, a prefix of two words, a word that looks like a key.

  $ tkt search '—'
  tkt: '—' has no word to find (letters or digits)
  [64]
  $ tkt search '"two words*"'
  tkt: 'two words*': a prefix search takes one word, such as 'print*'
  [64]
  $ tkt list 're:order'
  tkt: unknown filter key 're' in 're:order' (to find it as text, quote it: '"re:order"')
  [64]
  $ tkt search
  tkt: words is required (see 'tkt help search')
  [64]
  $ tkt search x --limit 0
  tkt: invalid --limit 0 (a count from 1)
  [64]

tkt db check compares every ticket's document with its text.

  $ tkt db check
  search index: 5 tickets compared with their text
  verified: every ticket's document is its text
