tkt watch prints each ticket event as another process records it (on SQLite by
watching the file's data_version, on PostgreSQL through LISTEN/NOTIFY), with a filter
as list takes, in JSON Lines with --json, and ends cleanly (exit 0) on SIGINT or
SIGTERM. Ticket 1 is the probe that tells when a watcher listens: its events are left
out of what is shown.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name 'Anna Smirnova' --email anna@example.com > /dev/null
  $ sed -i 's/^on_new = true/on_new = false/' config/config.toml
  $ tkt new --subject probe --from probe@example.com --body . > /dev/null
  $ until_seen() { for i in $(seq 200); do grep -q -- "$1" "$2" 2>/dev/null && return 0; sleep 0.05; done; echo "never saw $1 in $2"; }
  $ ready() { for i in $(seq 100); do tkt tag 1 "+probe$i" > /dev/null; grep -q '#1 \|"ticket":1,' "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "$1 never listened"; }
  $ tkt watch > all.txt & all=$!
  $ tkt watch --json queue:billing > billing.json & billing=$!
  $ ready all.txt
  $ tkt new --subject 'Printer on fire' --from 'Bob <bob@example.com>' --body 'Help.' --queue billing --priority urgent
  2
  $ tkt new --subject 'Password' --from kim@example.com --body 'Reset it.'
  3
  $ tkt reply 2 --message 'On it.' > /dev/null
  $ tkt escalate 2 --reason 'Needs a technician' > /dev/null
  $ until_seen escalated all.txt; until_seen escalated billing.json
  $ kill -INT $all; kill -TERM $billing; wait $all; echo "exit $?"; wait $billing; echo "exit $?"
  exit 0
  exit 0
  $ grep -v '  #1  ' all.txt
  2026-11-22 10:00  #2  created  anna  by api, into billing, urgent  Printer on fire
  2026-11-22 10:00  #3  created  anna  by api  Password
  2026-11-22 10:00  #2  replied  anna  to bob@example.com (message, en)  Printer on fire
  2026-11-22 10:00  #2  assigned  anna  nobody → anna (reply)  Printer on fire
  2026-11-22 10:00  #2  status  anna  new → open (reply)  Printer on fire
  2026-11-22 10:00  #2  escalated  anna  line 1 → 2: Needs a technician  Printer on fire
  2026-11-22 10:00  #2  assigned  anna  anna → nobody (escalation)  Printer on fire
  $ grep -v '"ticket":1,' billing.json | sed 's/^{"id":[0-9]*,"at":"2026-11-22T10:00:00Z",/{/; s/"message_id":"[^"]*"/"message_id":ID/'
  {"actor":"anna","kind":"created","detail":{"channel":"api","priority":"urgent","queue":"billing"},"ticket":2,"subject":"Printer on fire"}
  {"actor":"anna","kind":"replied","detail":{"agent_name":"Anna Smirnova","lang":"en","message_id":ID,"queued":false,"to":"bob@example.com"},"ticket":2,"subject":"Printer on fire"}
  {"actor":"anna","kind":"assigned","detail":{"by":"reply","from":null,"to":"anna"},"ticket":2,"subject":"Printer on fire"}
  {"actor":"anna","kind":"status","detail":{"by":"reply","from":"new","to":"open"},"ticket":2,"subject":"Printer on fire"}
  {"actor":"anna","kind":"escalated","detail":{"by":"hand","from_line":1,"reason":"Needs a technician","to_line":2},"ticket":2,"subject":"Printer on fire"}
  {"actor":"anna","kind":"assigned","detail":{"by":"escalation","from":"anna","to":null},"ticket":2,"subject":"Printer on fire"}

A filter is checked before anything is watched; SLA terms belong to list.

  $ tkt watch status:bogus
  tkt: invalid filter term 'status:bogus': unknown status 'bogus' (valid: new, open, pending, solved, closed)
  [64]
  $ tkt watch breaching
  tkt: watch follows events by the ticket's fields: breaching and due: are for list
  [64]
  $ tkt --db missing.db watch
  tkt: no database at 'missing.db' (run 'tkt init', or check --db and TKT_DB)
  [66]
