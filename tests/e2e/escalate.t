tkt escalate moves a ticket to the next line by hand or, with --overdue from cron,
when an SLA target is missed; tkt sla explains a ticket's clocks.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name "Anna Smirnova" --email anna@example.com > /dev/null

The starter team made real: its example colleagues active, so that line 2 has vera.

  $ sed -i '/^active = false/d' config/routing.toml

A ticket on Friday evening in Moscow (18:30 MSK): the office calendar starts its clock
on Monday at 09:00.

  $ TKT_NOW=2026-11-20T15:30:00Z tkt new --from ivan@example.ru --subject 'Посылка не пришла' --body 'Где она?'
  1
  $ TKT_NOW=2026-11-20T15:30:00Z tkt sla 1
  ticket 1: policy standard (calendar office, Europe/Moscow)
  TARGET       STARTED           DUE               STATE
  first_reply  2026-11-20 15:30  2026-11-23 07:00  running, 2d left
  resolve      2026-11-20 15:30  2026-11-25 15:00  running, 4d left
  $ TKT_NOW=2026-11-20T15:30:00Z tkt new --from tom@bigcustomer.example --subject 'Site is down' --body 'All of it.' --priority urgent
  2
  $ TKT_NOW=2026-11-20T16:10:00Z tkt sla 2
  ticket 2: policy urgent (24x7)
  TARGET       STARTED           DUE               STATE
  first_reply  2026-11-20 15:30  2026-11-20 16:00  OVERDUE by 10m
  resolve      2026-11-20 15:30  2026-11-20 23:30  running, 7h left
  $ TKT_NOW=2026-11-20T16:10:00Z tkt list breaching
  2	new	urgent	general	1		2026-11-20T15:30:00Z	2026-11-20T15:30:00Z	tom@bigcustomer.example	vip	Site is down
  $ TKT_NOW=2026-11-20T15:50:00Z tkt list 'due<15m'
  2	new	urgent	general	1		2026-11-20T15:30:00Z	2026-11-20T15:30:00Z	tom@bigcustomer.example	vip	Site is down

Cron runs --overdue every few minutes: each breach is recorded and acted on once.

  $ TKT_NOW=2026-11-20T15:59:00Z tkt escalate --overdue
  $ TKT_NOW=2026-11-20T16:01:00Z tkt escalate --overdue --dry-run
  ticket 2: first_reply missed (due 2026-11-20 16:00, policy urgent) → line 2, assigned to vera; +sla-breach
  1 new breach (dry run: nothing written)
  $ TKT_NOW=2026-11-20T16:01:00Z tkt escalate --overdue
  ticket 2: first_reply missed (due 2026-11-20 16:00, policy urgent) → line 2, assigned to vera; +sla-breach
  $ TKT_NOW=2026-11-20T16:06:00Z tkt escalate --overdue
  $ TKT_NOW=2026-11-23T06:59:00Z tkt escalate --overdue --json
  [
    {
      "ticket": 2,
      "target": "resolve",
      "policy": "urgent",
      "started": "2026-11-20T15:30:00Z",
      "due": "2026-11-20T23:30:00Z",
      "running": true,
      "escalated_to_line": null,
      "assigned": null,
      "priority": null,
      "tags_added": []
    }
  ]

An ordinary ticket is not escalated: the standard policy tags it and raises it to high.

  $ TKT_NOW=2026-11-23T07:01:00Z tkt escalate --overdue
  ticket 1: first_reply missed (due 2026-11-23 07:00, policy standard) → priority high; +sla-breach
  $ TKT_NOW=2026-11-23T07:05:00Z tkt escalate --overdue
  $ sql "SELECT ticket_id, target, count(*) FROM sla_breaches GROUP BY 1, 2 ORDER BY 1, 2"
  1|first_reply|1
  2|first_reply|1
  2|resolve|1
  $ tkt history 1 | grep -E 'sla_breached|escalated|assigned'
  2026-11-23 07:01  (sla)      sla_breached  first_reply of policy "standard", due 2026-11-23T07:00:00Z, high, +sla-breach
  $ TKT_NOW=2026-11-23T07:05:00Z tkt sla 1 --json | grep -E '"(policy|target|late)"'
    "policy": "standard",
        "target": "first_reply",
        "late": true
        "target": "resolve",
        "late": false
        "target": "first_reply",
        "policy": "standard",

By hand, with a reason; past the last line, or without a reason, is a usage error.

  $ tkt new --from bob@example.com --subject 'Refund' --body 'Refund please.'
  3
  $ tkt escalate 3 --reason 'needs a refund over the limit'
  escalated ticket 3 from line 1 to line 2 (assigned to vera)
  $ tkt history 3 | grep escalated
  2026-11-22 10:00  anna       escalated  line 1 → 2: needs a refund over the limit

The policy is chosen afresh: on line 2 the ticket falls under "second line", its
clocks counted from the same start.

  $ tkt sla 3
  ticket 3: policy second line (calendar office, Europe/Moscow)
  TARGET       STARTED           DUE               STATE
  first_reply  2026-11-22 10:00  2026-11-23 10:00  running, 1d left
  resolve      2026-11-22 10:00  2026-11-27 15:00  running, 5d left
  $ tkt escalate 3 --reason 'again'
  tkt: ticket 3 cannot go to line 3: the last line is 2
  [64]
  $ tkt escalate 3
  tkt: an escalation needs a reason: --reason TEXT says why the next line should take it
  [64]
  $ tkt new --from carol@example.com --subject 'Refund too' --body 'Refund please.' > /dev/null
  $ tkt escalate 4 --reason 'x' --to boris
  tkt: agent 'boris' works on line 1, not line 2
  [64]
  $ tkt escalate 4 --reason 'x' --to-line 3
  tkt: ticket 4 cannot go to line 3: the last line is 2
  [64]
  $ tkt escalate 4 --reason 'x' --to-line 1
  tkt: ticket 4 is on line 1 already: escalation goes to a higher line
  [64]
  $ tkt escalate 99 --reason 'x'
  tkt: no ticket 99
  [1]
  $ tkt escalate --overdue 4
  tkt: --overdue finds the tickets itself: it takes no ID, --reason, --to-line, --to, --note or --notify
  [64]
  $ tkt escalate
  tkt: give a ticket ID and --reason, or --overdue (see 'tkt help escalate')
  [64]
  $ tkt close 4 > /dev/null && tkt escalate 4 --reason 'x'
  tkt: ticket 4 is closed: reopen it before escalating
  [64]

--notify first sends the customer the shipped "escalated" reply, in their language,
through the outbox, then moves the ticket.

  $ mkdir sent && printf '#!/bin/sh\ncat > sent/$(ls sent | wc -l).eml\n' > sendmail && chmod +x sendmail
  $ sed -i -e 's|^# from = .*|from = "Example Support <support@example.com>"|' -e 's|^sendmail = .*|sendmail = ["./sendmail"]|' config/config.toml
  $ tkt new --from 'Иван <ivan@example.ru>' --subject 'Возврат' --body 'Верните деньги.'
  5
  $ tkt escalate 5 --reason 'refund over the limit' --notify
  escalated ticket 5 from line 1 to line 2 (assigned to vera)
  sent reply on ticket 5 to ivan@example.ru
  $ grep -c '^Subject: ' sent/0.eml
  1
  $ python3 -c 'import email,sys; m=email.message_from_binary_file(open("sent/0.eml","rb")); print(m.get_payload(decode=True).decode().splitlines()[2])'
  Я передаю ваше обращение специалистам второй линии поддержки. Они смогут разобраться в вопросе глубже, чем я.
  $ tkt history 5 | awk 'NR > 1 { print $4 }'
  created
  routed
  replied
  assigned
  status
  escalated
  assigned
  $ rm sendmail && printf '#!/bin/sh\necho "451 not now" >&2; exit 75\n' > sendmail && chmod +x sendmail
  $ tkt new --from 'Bob <bob@example.com>' --subject 'Refund' --body 'Money back.' > /dev/null
  $ tkt escalate 6 --reason 'refund over the limit' --notify
  escalated ticket 6 from line 1 to line 2 (assigned to vera)
  tkt: could not send the reply (recorded and queued; 'tkt outbox flush' retries): ticket 6: ./sendmail exited with 75: 451 not now
  [75]
  $ tkt outbox | cut -f1,2,4
  2	6	1

A caller is told by a call, not a notice: --notify refuses a phone customer, and a
chat customer without a program for their channel, before anything moves.

  $ tkt new --channel phone --from '+44 20 7946 0958' --subject 'Refund' --body 'Called about money back.' > /dev/null
  $ tkt escalate 7 --reason 'refund over the limit' --notify
  tkt: ticket 7's customer is a phone number (+442079460958): tell them by calling, and record the call with 'tkt reply 7 --outcome reached'; escalate without --notify
  [64]
  $ echo '{"id":"1","thread":"jivo:5","from":"jivo:v5","body":"Refund please"}' | tkt new --json 2>/dev/null
  {"line":1,"ticket":8,"outcome":"created"}
  $ tkt escalate 8 --reason 'refund over the limit' --notify
  tkt: ticket 8 is answered by chat (jivo:v5), and no program delivers chat replies: set deliver under [channels.chat] in config.toml, or record it without sending (no --send or --notify)
  [78]
  $ tkt list status:any line:2 | cut -f1
  2
  3
  5
  6
