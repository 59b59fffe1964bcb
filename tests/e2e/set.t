tkt set changes tickets' fields, each change a `changed` event with what it was before
and after; tkt move transfers tickets to another queue, saying why.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name "Anna Smirnova" --email anna@example.com > /dev/null
  $ tkt new --from bob@example.com --subject 'Printer on fire' --body 'Please advise.' > /dev/null
  $ tkt new --from carol@example.com --subject 'Invoice' --body 'Wrong address on it.' > /dev/null
  $ tkt set 1 priority:high subject:'Printer on fire (toner)'
  ticket 1: priority high (was normal), subject Printer on fire (toner) (was Printer on fire)
  $ tkt set 1 2 priority:HIGH
  ticket 1: unchanged
  ticket 2: priority high (was normal)
  $ tkt set 2 requester:'Carol King <carol@example.org>' language:ru
  ticket 2: language ru (was en), requester Carol King <carol@example.org> (was carol@example.com)
  $ tkt history 1 | tail -2
  2026-11-22 10:00  anna       changed  priority: normal → high
  2026-11-22 10:00  anna       changed  subject: Printer on fire → Printer on fire (toner)
  $ tkt show 2 --no-pager | grep -E '^(Requester|Language):'
  Requester:    Carol King <carol@example.org>
  Language:     ru

A queue or line change is a transfer: it says why. By default the new queue's pool takes
the ticket (its owner is dropped); a queue with on_transfer = "keep_owner" in
routing.toml keeps the owner.

  $ tkt assign 1 anna > /dev/null
  $ tkt set 1 queue:payments
  tkt: a move to another queue or line needs a reason: --reason TEXT says why
  [64]
  $ tkt set 1 queue:payments --reason 'a refund, not hardware'
  ticket 1: queue payments (was general), to the queue's pool (was assigned to anna)
  $ tkt history 1 | tail -2
  2026-11-22 10:00  anna       changed   queue: general → payments: a refund, not hardware
  2026-11-22 10:00  anna       assigned  anna → nobody (transfer)
  $ cat >> config/routing.toml <<'EOF2'
  > 
  > [[queue]]
  > name = "quality"
  > on_transfer = "keep_owner"
  > EOF2
  $ tkt config check | sed "s|$PWD/||"
  config: config.toml, routing.toml, sla.toml, lint.toml and templates are valid
  $ tkt assign 2 anna > /dev/null
  $ tkt move 2 --queue quality --line 2 --reason 'a complaint about the printer'
  ticket 2: queue quality (was payments), line 2 (was 1)
  $ tkt move 1 2 --queue none --reason 'route again'
  ticket 1: queue none (was payments)
  ticket 2: queue none (was quality), to the queue's pool (was assigned to anna)
  $ tkt history 2 | tail -3
  2026-11-22 10:00  anna       changed   line: 1 → 2: a complaint about the printer
  2026-11-22 10:00  anna       changed   queue: quality → none: route again
  2026-11-22 10:00  anna       assigned  anna → nobody (transfer)

Mistakes are usage errors (64), bad values data errors (65), an unknown ticket exit 1;
none of them changes anything.

  $ sql 'SELECT count(*) FROM events' > before
  $ tkt set 1 colour:red
  tkt: tkt set cannot change 'colour' (it changes: priority, subject, queue, line, language, requester)
  [64]
  $ tkt set 1 priority:hgh
  tkt: unknown priority 'hgh' (did you mean 'high'?) (valid: low, normal, high, urgent)
  [64]
  $ tkt set 1 line:0
  tkt: invalid line '0' (lines are numbered 1, 2, ...)
  [64]
  $ tkt set 1 line:9 --reason x
  tkt: there is no line 9: the last line is 2
  [64]
  $ tkt set 1 queue:paymnts --reason x
  tkt: unknown queue 'paymnts' (did you mean 'payments'?) (routing.toml names: general, logistics, payments, quality)
  [64]
  $ tkt set 1 subject:'   '
  tkt: the subject is empty
  [65]
  $ tkt set 1 requester:nobody
  tkt: invalid requester: 'nobody' is not a mail address, phone number or chat identity (use bob@example.com, "Bob Smith <bob@example.com>", +7 900 123-45-67 or telegram:12345)
  [65]
  $ tkt set 1 priority:low priority:high
  tkt: 'priority' is given twice: set each field once
  [64]
  $ tkt set 1
  tkt: give what to set as FIELD:VALUE, e.g. 'tkt set 42 priority:high' (see 'tkt help set')
  [64]
  $ tkt set priority:low
  tkt: give either ticket IDs or --where FILTER: tkt set ID... FIELD:VALUE
  [64]
  $ tkt set 1 2 99 priority:low
  tkt: no ticket 99
  [1]
  $ tkt move 1 --queue general
  tkt: --reason is required (see 'tkt help move')
  [64]
  $ sql 'SELECT count(*) FROM events' | diff - before

A [[queue]] in routing.toml is checked like the rest, with file:line:col.

  $ cat >> config/routing.toml <<'EOF2'
  > 
  > [[queue]]
  > name = "quality"
  > [[queue]]
  > name = "vip"
  > on_transfer = "keep"
  > [[queue]]
  > name = "spam"
  > colour = "red"
  > EOF2
  $ tkt config check 2>&1 | sed "s|$PWD/||"
  config/routing.toml:88:8: duplicate queue 'quality' (first at line 84)
  config/routing.toml:91:15: unknown on_transfer 'keep' (valid: pool, keep_owner)
  config/routing.toml:94:1: unknown key 'queue.colour'
  tkt: 3 problems in config
