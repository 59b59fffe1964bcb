History stays in order, and the report counts only what a customer wrote: mail that
waited in a queue (dated by its arrival, not its older Date header), or a process that
waited for the lock, never dates a reopening before the solve it undoes; a ticket opened by an auto-reply breaches no SLA in stats.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name 'Anna Smirnova' --email anna@example.com > /dev/null
  $ printf 'From: bob@example.com\r\nSubject: help\r\nDate: Mon, 23 Nov 2026 06:00:00 +0000\r\nMessage-ID: <a@x>\r\n\r\nhi\r\n' | TKT_NOW=2026-11-23T06:00:00Z tkt new --email
  1
  $ TKT_NOW=2026-11-23T07:00:00Z tkt reply 1 --template solved > /dev/null
  $ printf 'From: bob@example.com\r\nSubject: Re: help\r\nDate: Mon, 23 Nov 2026 06:50:00 +0000\r\nIn-Reply-To: <a@x>\r\nMessage-ID: <b@x>\r\n\r\nstill broken\r\n' | TKT_NOW=2026-11-23T07:05:00Z tkt new --email
  1
  $ sql "SELECT kind, datetime(at, 'unixepoch') FROM events WHERE kind IN ('status', 'reopened', 'received') ORDER BY id"
  status|2026-11-23 07:00:00
  received|2026-11-23 07:05:00
  reopened|2026-11-23 07:05:00
  $ TKT_NOW=2026-11-23T08:00:00Z tkt stats --since 2026-11-01 --until 2026-12-01 --format json | python3 -c 'import json,sys; r=json.load(sys.stdin)["total"]; print(r["created"], r["solved"], r["reopened"], r["backlog"])'
  1 1 1 1

  $ printf 'From: ooo@example.com\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <c@x>\r\n\r\naway\r\n' | TKT_NOW=2026-11-23T06:00:00Z tkt new --email
  2
  $ TKT_NOW=2026-11-24T08:00:00Z tkt escalate --overdue > /dev/null
  $ sql "SELECT ticket_id, target FROM sla_breaches ORDER BY 1, 2"
  1|next_reply
  2|first_reply
  $ TKT_NOW=2026-11-24T08:00:00Z tkt stats --since 2026-11-01 --until 2026-12-01 --format json | python3 -c 'import json,sys; r=json.load(sys.stdin)["total"]; print(r["created"], r["sla_breaches"])'
  1 {'first_reply': 0, 'next_reply': 1, 'resolve': 0}
