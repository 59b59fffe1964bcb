tkt db setup on a shared PostgreSQL database: the schema, and four group roles with
least privilege that the server enforces, so that an agent or the mail server running
psql by hand cannot do what tkt's commands would not. History (messages, events, sent
replies) is append-only for everyone but tkt_admin.
Backend: postgres

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name 'Anna Smirnova' --email anna@example.com > /dev/null
  $ sed -i 's|^# from = .*|from = "Support <support@example.com>"|; s|^sendmail = .*|sendmail = ["'"$PWD"'/sendmail"]|' config/config.toml
  $ printf '#!/bin/sh\ncat > /dev/null\n' > sendmail; chmod +x sendmail
  $ tkt db setup | sed 's/ (version [0-9]*)//'
  schema   tkt.db
  created  role tkt_agent
  created  role tkt_mail
  created  role tkt_supervisor
  created  role tkt_admin
  granted  each role what it may do; history is append-only for all but tkt_admin
  $ tkt db setup | sed -n 2p
  kept     role tkt_agent (it exists)

Each person and the mail server log in as a role of their own, granted a group role.

  $ db=$(echo "$TKT_TEST_DB" | sed 's|^postgresql:///\([a-z0-9_]*\)?.*|\1|')
  $ sql "CREATE ROLE agent_$db LOGIN PASSWORD 'a'; GRANT tkt_agent TO agent_$db; CREATE ROLE mail_$db LOGIN PASSWORD 'm'; GRANT tkt_mail TO mail_$db; CREATE ROLE lead_$db LOGIN PASSWORD 's'; GRANT tkt_supervisor TO lead_$db"
  $ as_agent() { PGPASSWORD=a tkt --db "postgresql://agent_$db@/$db?host=$TKT_TEST_POSTGRES_DIR" "$@"; }
  $ as_mail() { PGPASSWORD=m tkt --db "postgresql://mail_$db@/$db?host=$TKT_TEST_POSTGRES_DIR" "$@"; }
  $ as_lead() { PGPASSWORD=s tkt --db "postgresql://lead_$db@/$db?host=$TKT_TEST_POSTGRES_DIR" "$@"; }
  $ names() { sed "s/agent_$db/AGENT/g; s/lead_$db/LEAD/g; s/mail_$db/MAIL/g"; }
  $ sed -i 's/^# assign = /assign = /' config/routing.toml
  $ printf '\n[[agent]]\nlogin = "%s"\nfull_name = "Anna Smirnova"\nemail = "anna@example.com"\nqueues = ["logistics"]\n' "agent_$db" >> config/routing.toml
  $ printf '\n[[agent]]\nlogin = "%s"\nfull_name = "Vera Lead"\nemail = "vera@example.com"\n' "lead_$db" >> config/routing.toml
  $ tkt config check | sed "s|$PWD/||"
  config: config.toml, routing.toml, sla.toml, lint.toml and templates are valid
  $ psql_as() { PGPASSWORD=$1 psql -X -q -A -t -d "postgresql://$2_$db@/$db?host=$TKT_TEST_POSTGRES_DIR" -c "$3" 2>&1; }

The mail server adds tickets and messages, threads replies, and routes and assigns on
arrival (the starter's assign lines uncommented above).

  $ printf 'From: Kim <kim@example.com>\nSubject: Parcel\nMessage-ID: <m1@example.com>\n\nWhere is it?\n' | as_mail new --email
  1
  $ printf 'From: kim@example.com\nSubject: Re: Parcel\nIn-Reply-To: <m1@example.com>\nMessage-ID: <m2@example.com>\n\nStill?\n' | as_mail new --email
  1

An agent works the desk through tkt.

  $ as_agent reply 1 --message 'It is on its way.' --send | tail -1
  sent reply on ticket 1 to kim@example.com
  $ as_agent tag 1 +parcel
  ticket 1: +parcel
  $ as_agent close 1
  closed ticket 1
  $ as_agent set 1 subject:Renamed requester:"Bob <bob@example.com>"
  ticket 1: subject Renamed (was Parcel), requester Bob <bob@example.com> (was Kim <kim@example.com>)

Each role keeps the search index with what it writes, and may build and check it.

  $ as_agent search renamed | cut -f1
  1
  $ as_mail search still | cut -f1
  1
  $ printf '%s\n' '{"id":"c1","from":"telegram:7","body":"Касса не печатает"}' '{"id":"c2","ticket":99,"from":"telegram:7","body":"x"}' | as_mail new --json 2>/dev/null | cut -c1-40
  {"line":1,"ticket":2,"outcome":"created"
  {"line":2,"error":"no ticket 99"}
  $ as_agent search кассы | cut -f1
  2
  $ as_lead db check | tail -1
  verified: every ticket's document is its text

The customer answers the closed ticket with a rating: the mail server records it.

  $ printf 'From: Bob <bob@example.com>\nSubject: Re: Renamed\nIn-Reply-To: <m1@example.com>\nMessage-ID: <m3@example.com>\n\n5 - thanks!\n' | as_mail new --email --json
  {"ticket":1,"outcome":"threaded","kind":"human","reopened":false,"rated":5}

Neither can rewrite history with psql, nor the agent a sent reply; the mail server
may queue and send the desk's acknowledgements, but remove nothing from the outbox.

  $ psql_as a agent "UPDATE events SET actor = 'someone else'"
  ERROR:  permission denied for table events
  [1]
  $ psql_as a agent "DELETE FROM messages"
  ERROR:  permission denied for table messages
  [1]
  $ psql_as a agent "UPDATE tickets SET created_at = 0"
  ERROR:  permission denied for table tickets
  [1]
  $ psql_as a agent "UPDATE outbox SET state = 'queued'"
  ERROR:  outbox entry 1 was sent: only an admin may change it
  CONTEXT:  PL/pgSQL function tkt_keep_sent() line 4 at RAISE
  [1]
  $ psql_as m mail "DELETE FROM outbox"
  ERROR:  permission denied for table outbox
  [1]
  $ psql_as m mail "UPDATE outbox SET recipient = 'x@example.com'"
  ERROR:  permission denied for table outbox
  [1]
  $ psql_as m mail "DELETE FROM tickets"
  ERROR:  permission denied for table tickets
  [1]
  $ psql_as m mail "UPDATE messages SET body = 'x'"
  ERROR:  permission denied for table messages
  [1]
  $ as_mail reply 1 --message 'x' 2>&1 | sed "s|mail_$db@/$db?host=$TKT_TEST_POSTGRES_DIR|MAIL|"
  tkt: reading or writing 'postgresql://MAIL' failed: permission denied for table tickets
  $ as_mail reply 1 --message 'x' 2>/dev/null
  [77]

Who acts is the role that logged in, whatever config.toml says; only a supervisor may
act for another agent (--as).

  $ as_agent reply 1 --message 'Anything else?' --as vera 2>&1 | names
  tkt: role 'AGENT' may not act as 'vera': only a member of tkt_supervisor may act for another agent
  $ as_agent next --as vera 2>/dev/null
  [77]
  $ as_lead assign 1 none > /dev/null; as_lead tag 1 +checked
  ticket 1: +checked
  $ as_lead reply 1 --message 'We are on it.' --as "agent_$db" | tail -2 | names
  Anna Smirnova
  anna@example.com

What was written stands: the history as it happened.

  $ tkt history 1 | cut -c19- | sed 's/  */ /g' | names
  WHO WHAT DETAIL
  kim@example.com created by email, message m1@example.com
  (routing) routed to logistics, line 1, normal by rule "logistics"
  (routing) assigned nobody → AGENT (least_loaded)
  kim@example.com received message m2@example.com
  AGENT replied to kim@example.com (message, en, by mail)
  AGENT status new → open (reply)
  AGENT tagged +parcel
  AGENT status open → closed
  AGENT changed subject: Parcel → Renamed
  AGENT changed requester: Kim <kim@example.com> → Bob <bob@example.com>
  bob@example.com received message m3@example.com
  bob@example.com rated 5 of 5, by the customer's reply, for AGENT: thanks!
  LEAD assigned AGENT → nobody (hand)
  LEAD tagged +checked
  AGENT replied to bob@example.com (message, en)
  AGENT assigned nobody → AGENT (reply)

On SQLite there are no roles: the file's group does that work.

  $ tkt --db plain.db db setup
  tkt: 'plain.db' is a SQLite file: roles are PostgreSQL's (share a file with 'tkt init --group' instead)
  [64]
