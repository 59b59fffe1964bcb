The starter configuration tkt init writes works on day one: its rules fill queues and
assign nobody, so tkt next hands out the work; a missed SLA target raises and tags an
ordinary ticket, and only an urgent one is escalated; the office calendar lists the
public holidays of the year tkt init ran in and the next.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name "Anna Smirnova" --email anna@example.com > /dev/null
  $ tkt config check | sed "s|$PWD/||"
  config: config.toml, routing.toml, sla.toml, lint.toml and templates are valid

New tickets wait in their queues, with no owner, until an agent takes them; you serve
every queue of the starter rules.

  $ tkt new --from 'Ирина <irina@example.ru>' --subject 'Где моя посылка?' --body 'Трек-номер не обновляется.'
  1
  $ tkt new --from li.wei@example.cn --subject 'App crashes on start' --body 'Since 4.2.0.'
  2
  $ tkt list --sort id | cut -f1,4,5,6
  1	logistics	1	
  2	quality	1	
  $ tkt next
  took ticket 1: Где моя посылка? [logistics, line 1, normal] from irina@example.ru
  $ tkt next
  took ticket 2: App crashes on start [quality, line 1, normal] from li.wei@example.cn
  $ tkt next
  tkt: no unassigned ticket waits in the queues of 'anna'
  [1]

Only the urgent policy escalates: an urgent ticket left waiting goes to line 2, and
with no active agent there (the example colleagues are inactive) into its pool.

  $ tkt new --from tom@bigcustomer.example --subject 'Site is down' --body 'All of it.' --priority urgent
  3
  $ TKT_NOW=2026-11-22T10:31:00Z tkt escalate --overdue
  ticket 3: first_reply missed (due 2026-11-22 10:30, policy urgent) → line 2, unassigned, in line 2's pool; +sla-breach

An ordinary ticket that misses a target (the office opens on Monday at 09:00 Moscow
time, and the first reply is due an hour later) is tagged and raised to high, so that
tkt next hands it out first; it keeps its line and its owner.

  $ tkt new --from bob@example.com --subject 'How do I export?' --body 'All of 2026.'
  4
  $ TKT_NOW=2026-11-23T07:01:00Z tkt escalate --overdue
  ticket 1: first_reply missed (due 2026-11-23 07:00, policy standard) → priority high; +sla-breach
  ticket 2: first_reply missed (due 2026-11-23 07:00, policy standard) → priority high; +sla-breach
  ticket 3: resolve missed (due 2026-11-22 18:00, policy urgent)
  ticket 4: first_reply missed (due 2026-11-23 07:00, policy standard) → priority high; +sla-breach
  $ tkt list --sort id | cut -f1,3,5,6,10
  1	high	1	anna	sla-breach
  2	high	1	anna	sla-breach
  3	urgent	2		sla-breach,vip
  4	high	1		sla-breach
  $ TKT_NOW=2026-11-23T07:02:00Z tkt next
  took ticket 4: How do I export? [general, line 1, high] from bob@example.com

The office calendar lists Russia's public holidays on working days, this year's and
the next (TKT_NOW is in 2026). Victory Day, Saturday 9 May 2026, gives Monday the
11th off: a ticket on Friday at 17:30 Moscow time is due on Tuesday.

  $ sed -n '/^holidays = \[/,/^\]/p' config/sla.toml
  holidays = [
    "2026-01-01", "2026-01-02", "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08",
    "2026-02-23", "2026-03-09", "2026-05-01", "2026-05-11", "2026-06-12", "2026-11-04",
    "2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08",
    "2027-02-23", "2027-03-08", "2027-05-03", "2027-05-10", "2027-06-14", "2027-11-04",
  ]
  $ TKT_NOW=2026-05-08T14:30:00Z tkt new --from olga@example.ru --subject 'Вопрос' --body 'Как выгрузить счета?'
  5
  $ TKT_NOW=2026-05-08T14:30:00Z tkt sla 5 | grep first_reply
  first_reply  2026-05-08 14:30  2026-05-12 06:30  running, 3d left

--holidays none writes an empty list, and the same ticket is due on Monday.

  $ tkt --config other init --name "Anna Smirnova" --holidays none > /dev/null
  $ grep -B1 '^holidays' other/sla.toml
  # No public holidays: list the days off as local dates, e.g. "2026-12-31".
  holidays = []
  $ TKT_NOW=2026-05-08T14:30:00Z tkt --config other sla 5 | grep first_reply
  first_reply  2026-05-08 14:30  2026-05-11 06:30  running, 2d left
  $ tkt --config other3 init --holidays rus
  tkt: unknown holidays 'rus' (did you mean 'ru'?) (valid: ru, none)
  [64]
  $ ls other3
  ls: cannot access 'other3': No such file or directory
  [2]
