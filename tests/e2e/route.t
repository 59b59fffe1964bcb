tkt route sends tickets to queues, lines and agents by routing.toml's rules; the
starter config of tkt init routes the shipped sample data to queues, and leaves their
owners to tkt next.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name "Anna Smirnova" --email anna@example.com > /dev/null
  $ sed -i 's/^on_new = true/on_new = false/' config/config.toml
  $ tkt config check | sed "s|$PWD/||"
  config: config.toml, routing.toml, sla.toml, lint.toml and templates are valid
  $ tkt new --from 'Ирина Петрова <irina@example.ru>' --subject 'Где моя посылка? Заказ 58213' --body 'Трекинг не обновляется.' --priority high
  1
  $ tkt new --from 'Tom Baker <tom@bigcustomer.example>' --subject 'Charged twice for November' --body 'Refund the duplicate, please.' --channel phone --priority urgent --tag billing
  2
  $ tkt new --from li.wei@example.cn --subject 'How do I export my invoices?' --body 'All of 2026 as one PDF?' --channel web --priority low
  3
  $ tkt new --from 'Олег <oleg@example.ru>' --subject 'Не могу войти в личный кабинет' --body 'Пишет «неверный пароль».' --channel chat
  4
  $ tkt new --from 'Maria <maria@shop.example>' --subject 'App crashes when I attach a photo' --body 'iPhone 13, app 4.2.0.' --tag bug
  5
  $ tkt new --from 'Pierre <pierre@example.fr>' --subject "Changement d'adresse de livraison" --body 'Bonjour, nouvelle adresse.'
  6
  $ tkt new --from 'Tom Baker <tom@bigcustomer.example>' --subject 'Question about the API' --body 'Is there a rate limit?'
  7

A dry run says what would happen and writes nothing.

  $ tkt route --all --dry-run
  ticket 1 → logistics, line 1, high (rules: logistics)
  ticket 2 → payments, line 1, urgent, +vip (rules: vip, payments)
  ticket 3 → payments, line 1, low (rules: payments)
  ticket 4 → general, line 1, normal (rules: default)
  ticket 5 → quality, line 1, normal (rules: product quality)
  ticket 6 → logistics, line 1, normal (rules: logistics)
  ticket 7 → general, line 1, high, +vip (rules: vip, default)
  would route 7 tickets (dry run: nothing written)
  $ tkt list | cut -f1,3,4
  1	high	
  2	urgent	
  3	low	
  4	normal	
  5	normal	
  6	normal	
  7	normal	
  $ tkt route --all
  ticket 1 → logistics, line 1, high (rules: logistics)
  ticket 2 → payments, line 1, urgent, +vip (rules: vip, payments)
  ticket 3 → payments, line 1, low (rules: payments)
  ticket 4 → general, line 1, normal (rules: default)
  ticket 5 → quality, line 1, normal (rules: product quality)
  ticket 6 → logistics, line 1, normal (rules: logistics)
  ticket 7 → general, line 1, high, +vip (rules: vip, default)
  routed 7 tickets
  $ tkt list --sort id | cut -f1-6
  1	new	high	logistics	1	
  2	new	urgent	payments	1	
  3	new	low	payments	1	
  4	new	normal	general	1	
  5	new	normal	quality	1	
  6	new	normal	logistics	1	
  7	new	high	general	1	
  $ tkt history 2 | grep -E 'routed|assigned'
  2026-11-22 10:00  anna  routed   to payments, line 1, urgent, +vip by rules "vip", "payments"

Uncommenting the starter's assign lines, with its example colleagues made active,
pushes work to people instead: routing again gives each ticket an owner.

  $ sed -i -e 's/^# assign = /assign = /' -e '/^active = false/d' config/routing.toml
  $ tkt route 1 2 3 4 5 6 7
  ticket 1 → logistics, line 1, high, assigned to anna (rules: logistics)
  ticket 2 → payments, line 1, urgent, assigned to boris (rules: vip, payments)
  ticket 3 → payments, line 1, low, assigned to anna (rules: payments)
  ticket 4 → general, line 1, normal, assigned to boris (rules: default)
  ticket 5 → quality, line 1, normal, assigned to anna (rules: product quality)
  ticket 6 → logistics, line 1, normal, assigned to anna (rules: logistics)
  ticket 7 → general, line 1, high, assigned to boris (rules: vip, default)
  routed 7 tickets
  $ tkt history 2 | grep -E 'routed|assigned'
  2026-11-22 10:00  anna  routed    to payments, line 1, urgent, +vip by rules "vip", "payments"
  2026-11-22 10:00  anna  routed    to payments, line 1, urgent by rules "vip", "payments" (was in payments)
  2026-11-22 10:00  anna  assigned  nobody → boris (least_loaded)

Routed tickets are not routed again by --all; an id routes again on demand.

  $ tkt route --all
  routed 0 tickets
  $ tkt route 3 --json
  [
    {
      "ticket": 3,
      "rules": [
        "payments"
      ],
      "from_queue": "payments",
      "queue": "payments",
      "line": 1,
      "priority": "low",
      "tags_added": [],
      "assigned": null
    }
  ]

--explain shows every rule tried and why.

  $ tkt route --explain 1
  ticket 1: "Где моя посылка? Заказ 58213" from irina@example.ru (api, language ru)
    vip: no match
        from_domain 'example.ru' is not 'bigcustomer.example'
    payments: no match
        any: no alternative matched (subject does not match 'refund|charged|payment|invoice|billing|возврат|списа|оплат|сч[её]т'; body does not match 'charged twice|refund|списали|возврат'; tag 'billing' is not set)
    logistics: matched (first match: stop)
        any: subject matches 'посылк|доставк|трек|parcel|delivery|tracking|shipping|livraison' ("посылка")
    → queue logistics, line 1, assign least_loaded
  $ tkt route --explain 7
  ticket 7: "Question about the API" from tom@bigcustomer.example (api, language en)
    vip: matched
        from_domain 'bigcustomer.example' is 'bigcustomer.example'
    payments: no match
        any: no alternative matched (subject does not match 'refund|charged|payment|invoice|billing|возврат|списа|оплат|сч[её]т'; body does not match 'charged twice|refund|списали|возврат'; tag 'billing' is not set)
    logistics: no match
        any: no alternative matched (subject does not match 'посылк|доставк|трек|parcel|delivery|tracking|shipping|livraison'; body does not match 'трек-номер|tracking number')
    product quality: no match
        any: no alternative matched (subject does not match 'crash|bug|error|broken|не работает|ошибк|сбой|вылета'; tag 'bug' is not set)
    default: matched
        no rule without continue matched
        sets queue 'general'
        sets line 1
        sets assign 'least_loaded'
    → queue general, line 1, priority high, assign least_loaded

New tickets are routed on arrival when [routing] on_new is true; a ticket that comes
with a queue keeps it.

  $ sed -i 's/^on_new = false/on_new = true/' config/config.toml
  $ tkt new --from bob@example.com --subject 'Parcel lost' --body 'Tracking says delivered.' --json | grep -E '"(queue|assignee|line)"'
    "queue": "logistics",
    "line": 1,
    "assignee": "anna",
  $ tkt new --from bob@example.com --subject 'Parcel lost again' --body 'Same.' --queue general --json | grep -E '"(queue|assignee)"'
    "queue": "general",
    "assignee": null,
  $ tkt new --email < "$TESTDIR/routes/refund.eml"
  10
  $ tkt list 10 | cut -f1,4,6
  10	payments	boris

tkt route test runs the rules over saved mail and compares with X-Expect-Queue.

  $ tkt route test "$TESTDIR/routes"
  ok   crash.eml: quality
  FAIL hello.eml: expected payments, got general (rules: default)
  skip no-header.eml: no X-Expect-Queue header (routed to general)
  ok   parcel.eml: logistics
  ok   refund.eml: payments
  3 passed, 1 failed, 1 skipped
  tkt: 1 of 4 routing tests failed
  [1]
  $ cp -r "$TESTDIR/routes" routes && sed -i 's/^X-Expect-Queue: payments/X-Expect-Queue: general/' routes/hello.eml
  $ tkt route test routes
  ok   crash.eml: quality
  ok   hello.eml: general
  skip no-header.eml: no X-Expect-Queue header (routed to general)
  ok   parcel.eml: logistics
  ok   refund.eml: payments
  4 passed, 0 failed, 1 skipped
  $ tkt route test missing
  tkt: no folder 'missing'
  [66]

Errors: nothing to route, an unknown ticket, rules that do not load.

  $ tkt route
  tkt: give ticket ids or --all (see 'tkt help route')
  [64]
  $ tkt route 1 --all
  tkt: give ticket ids or --all (see 'tkt help route')
  [64]
  $ tkt route 99
  tkt: no ticket 99
  [1]
  $ tkt route --explain 1 --dry-run
  tkt: --explain ID shows one ticket; it takes no other ids, --all, --dry-run or --json
  [64]
  $ printf '[[rule]]\nname = "x"\nsubject = "(unclosed"\nqueue = "q"\n' > bad.toml && cp config/routing.toml good.toml && cp bad.toml config/routing.toml
  $ tkt route --all 2>&1 | sed "s|$PWD/||"
  tkt: config/routing.toml:3:11: invalid regular expression '(unclosed' in rule 'x': missing ): (unclosed
  $ tkt new --from a@example.com --subject s --body b 2>&1 | sed "s|$PWD/||"; tkt list 11
  tkt: config/routing.toml:3:11: invalid regular expression '(unclosed' in rule 'x': missing ): (unclosed
  $ cp good.toml config/routing.toml
  $ mv config/routing.toml away.toml
  $ tkt route --all 2>&1 | sed "s|$PWD/||"
  tkt: no routing rules: write config/routing.toml (see 'man tkt', ROUTING)
  $ mv away.toml config/routing.toml
