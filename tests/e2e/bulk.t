tag, set, close, reopen and assign change many tickets at once with --where FILTER: all
in one transaction with each ticket's events, or none; --dry-run lists what would change.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name "Anna Smirnova" --email anna@example.com > /dev/null
  $ sed -i '/^active = false/d' config/routing.toml
  $ for i in 1 2 3; do tkt new --from bob@example.com --subject "Parcel $i" --body 'Where is it?' --queue logistics > /dev/null; done
  $ tkt new --from carol@example.com --subject 'Invoice' --body 'Wrong address.' --queue payments > /dev/null
  $ tkt tag --where 'queue:logistics' +outage --dry-run
  ticket 1: +outage
  ticket 2: +outage
  ticket 3: +outage
  dry run: 3 of 3 tickets would change; nothing written
  $ tkt list +outage
  $ tkt tag --where 'queue:logistics' +outage
  ticket 1: +outage
  ticket 2: +outage
  ticket 3: +outage
  $ tkt history 2 | tail -1
  2026-11-22 10:00  anna  tagged   +outage
  $ tkt set --where '+outage' priority:high --reason 'the outage'
  ticket 1: priority high (was normal)
  ticket 2: priority high (was normal)
  ticket 3: priority high (was normal)
  $ tkt assign --where '+outage' boris --dry-run
  assigned ticket 1 to boris
  assigned ticket 2 to boris
  assigned ticket 3 to boris
  dry run: 3 of 3 tickets would change; nothing written
  $ tkt assign --where '+outage' boris
  assigned ticket 1 to boris
  assigned ticket 2 to boris
  assigned ticket 3 to boris
  $ tkt close --where '+outage'
  closed ticket 1
  closed ticket 2
  closed ticket 3
  $ tkt reopen --where 'status:closed queue:logistics' --dry-run
  reopened ticket 1
  reopened ticket 2
  reopened ticket 3
  dry run: 3 of 3 tickets would change; nothing written
  $ sql "SELECT kind, count(*) FROM events WHERE ticket_id <= 3 GROUP BY kind ORDER BY kind"
  assigned|3
  changed|3
  created|3
  status|3
  tagged|3

Ids and --where together, or neither, are usage errors; a filter that matches nothing
is exit 1; a bad filter names its term; a change refused changes no ticket.

  $ sql 'SELECT count(*) FROM events' > before
  $ tkt tag 1 --where 'queue:payments' +x
  tkt: give either ticket IDs or --where FILTER: tkt tag ID... +TAG -TAG
  [64]
  $ tkt tag +x
  tkt: give either ticket IDs or --where FILTER: tkt tag ID... +TAG -TAG
  [64]
  $ tkt close --where 'queue:nowhere'
  tkt: no open ticket matches 'queue:nowhere'
  [1]
  $ tkt set --where 'colour:red' priority:low
  tkt: unknown filter key 'colour' in 'colour:red' (to find it as text, quote it: '"colour:red"')
  [64]
  $ tkt set --where 'status:any' queue:payments line:3 --reason x
  tkt: there is no line 3: the last line is 2
  [64]
  $ tkt assign --where 'status:any' nobody-here
  tkt: unknown agent 'nobody-here' (routing.toml lists: anna, boris, vera)
  [64]
  $ sql 'SELECT count(*) FROM events' | diff - before
