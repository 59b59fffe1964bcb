Past answers (issue 19): tkt similar lists the solved tickets most like one, each with
the reply that solved it; tkt reply --from-ticket starts a new reply from that answer,
inside this reply's own greeting and signature.

  $ . "$TESTDIR/setup.sh"
  $ mkdir -p config && printf '[agent]\nlogin = "anna"\nfull_name = "Anna Ivanova"\n[mail]\nfrom = "Support <support@example.com>"\n' > config/config.toml
  $ tkt new --from "Ольга Петрова <olga@example.ru>" --subject "Касса не печатает чеки" --body "Здравствуйте! Касса перестала печатать чеки после обновления." >/dev/null
  $ tkt reply 1 --message "Переустановите драйвер принтера чеков: обновление 2.3 его сбрасывает." --status solved >/dev/null
  $ tkt note 1 --body "Драйвер 2.3 сбрасывается, написала поставщику." >/dev/null
  $ tkt new --from "Иван <ivan@example.ru>" --subject "Оплата картой не проходит" --body "Не проходит оплата по карте, заказ 5512." >/dev/null
  $ tkt reply 2 --message "Банк устранил сбой, оплата картой снова проходит." --status solved >/dev/null
  $ tkt new --from bob@example.com --subject "Printer offline" --body "Our receipt printer stopped printing after the update." >/dev/null
  $ tkt reply 3 --message "Please reinstall the printer driver: the update replaced it." >/dev/null
  $ tkt reply 3 --template solved >/dev/null
  $ tkt new --from "Мария <maria@example.ru>" --subject "Чеки печатаются бледно" --body "Касса печатает чеки бледно, лента новая." >/dev/null
  $ tkt reply 4 --message "Почистите печатающую головку спиртовой салфеткой." >/dev/null
  $ tkt close 4 >/dev/null
  $ tkt new --from "Пётр <petr@example.ru>" --subject "Не печатаются чеки на кассе" --body "После обновления касса не печатает чеки." >/dev/null

The solved and closed tickets that say the same, best first, with the core of the reply
that solved each (no greeting, no signature): one line each in a pipe.

  $ tkt similar 5
  1	solved	Касса не печатает чеки	Переустановите драйвер принтера чеков: обновление 2.3 его сбрасывает.
  4	closed	Чеки печатаются бледно	Почистите печатающую головку спиртовой салфеткой.
  $ tkt similar 5 --limit 1 | cut -f1
  1
  $ tkt similar 5 --limit 9223372036854775807 | cut -f1
  1
  4
  $ tkt similar 3 | cut -f1
  $ tkt similar 5 --json | python3 -c 'import json,sys; [print(t["id"], t["answer"]["id"], t["answer"]["direction"], t["answer_core"]) for t in json.load(sys.stdin)]'
  1 2 out Переустановите драйвер принтера чеков: обновление 2.3 его сбрасывает.
  4 10 out Почистите печатающую головку спиртовой салфеткой.

On a terminal: the first lines of each answer, and how to use one.

  $ script -qc 'tkt similar 5' /dev/null | tr -d '\r' | sed 's/\x1b\[[0-9;]*m/|/g'
  |1|  |solved|  2026-11-22  Касса не печатает чеки
      Переустановите драйвер принтера чеков: обновление 2.3 его сбрасывает.
  |4|  |closed|  2026-11-22  Чеки печатаются бледно
      Почистите печатающую головку спиртовой салфеткой.
  |answer from one of them: tkt reply 5 --from-ticket 1|
  $ script -qc 'tkt similar 2' /dev/null | tr -d '\r'
  no solved ticket is like ticket 2

An open ticket is no past answer; once solved, it is.

  $ tkt similar 1 | cut -f1
  4
  $ tkt reply 5 --message "Переустановите драйвер." --status solved >/dev/null
  $ tkt similar 1 | cut -f1
  5
  4

tkt reply --from-ticket: the answer of ticket 1 inside a greeting to this customer and
this agent's signature, edited before it is recorded (--dry-run only shows it).

  $ tkt new --from "Пётр <petr@example.ru>" --subject "Снова не печатает касса" --body "Касса опять не печатает чеки." >/dev/null
  $ tkt reply 6 --from-ticket 1 --dry-run
  Здравствуйте, Пётр!
  
  Переустановите драйвер принтера чеков: обновление 2.3 его сбрасывает.
  
  С уважением,
  Anna Ivanova
  $ cat > edit.sh <<'SH'
  > #!/bin/sh
  > sed -i 's/обновление 2.3/обновление 2.4/' "$1"
  > SH
  $ chmod +x edit.sh
  $ EDITOR=$PWD/edit.sh tkt reply 6 --from-ticket 1 | sed -n 3p
  Переустановите драйвер принтера чеков: обновление 2.4 его сбрасывает.
  $ tkt show 6 | grep -c 'обновление 2.4'
  1

Wrong uses: one line each, nothing recorded.

  $ tkt reply 6 --from-ticket 1 --template apology
  tkt: --from-ticket starts from that ticket's answer; it cannot go with --template or --message
  [64]
  $ tkt reply --where 'status:open' --from-ticket 1
  tkt: --from-ticket answers one ticket; it cannot go with --where
  [64]
  $ tkt reply 6 --from-ticket 99 --dry-run
  tkt: no ticket 99
  [1]
  $ tkt new --from sam@example.com --subject "Hello" --body "Just saying hello." >/dev/null
  $ tkt reply 6 --from-ticket 7 --dry-run
  tkt: ticket 7 has no reply of an agent to start from
  [65]
  $ tkt reply 6 --from-ticket abc --dry-run
  tkt: invalid ticket id 'abc' (ids are numbers such as 42)
  [64]
  $ tkt similar 99
  tkt: no ticket 99
  [1]
  $ tkt similar 5 --limit 0
  tkt: invalid --limit 0 (a count from 1)
  [64]
  $ tkt show 6 --json | python3 -c 'import json,sys; print([m["direction"] for m in json.load(sys.stdin)["messages"]])'
  ['in', 'out']

A stock template says the same to everyone: the answer is the reply written for the
ticket, even when "solved" went after it.

  $ tkt new --from alice@example.com --subject "Receipt printer offline again" --body "The printer stopped printing after the update." >/dev/null
  $ tkt similar 8
  3	solved	Printer offline	Please reinstall the printer driver: the update replaced it.
