A reply to many tickets at once (an outage message) is one bulk action of the agent:
each ticket's history says so, it takes no ticket into the agent's hands, and the
report counts it apart from the agent's own replies.

  $ . "$TESTDIR/setup.sh"
  $ mkdir -p config sent
  $ cat > config/config.toml <<'TOML'
  > [agent]
  > login = "anna"
  > full_name = "Anna Smirnova"
  > email = "anna@example.com"
  > [mail]
  > from = "Example Support <support@example.com>"
  > sendmail = ["./sendmail"]
  > TOML

A stand-in sendmail keeps each message under its recipient's name.

  $ cat > sendmail <<'SH'
  > #!/bin/sh
  > cat > sent/.msg.$$
  > mv sent/.msg.$$ "sent/$(sed -n 's/^To: //p' sent/.msg.$$ | head -n 1)"
  > SH
  $ chmod +x sendmail
  $ for n in 1 2 3; do tkt new --from "c$n@example.com" --subject "Cannot log in" --body "Error 500." --tag outage; done
  1
  2
  3
  $ tkt assign 3 boris > /dev/null

One command, three tickets: one bulk action, named in each replied event by the
message number of its first reply.

  $ TKT_NOW=2026-11-22T10:30:00Z tkt reply --where +outage --message 'Logging in works again.' --send
  replied on ticket 1 to c1@example.com (new → open)
  replied on ticket 2 to c2@example.com (new → open)
  replied on ticket 3 to c3@example.com (new → open)
  sent reply on ticket 1 to c1@example.com
  sent reply on ticket 2 to c2@example.com
  sent reply on ticket 3 to c3@example.com
  $ ls sent
  c1@example.com
  c2@example.com
  c3@example.com
  $ tkt history 2 | grep replied
  2026-11-22 10:30  anna  replied  to c2@example.com (message, en, by mail) as part of a reply to 3 tickets (bulk 4)
  $ tkt history 2 --json | grep -A 2 '"bulk"'
        "bulk": {
          "id": 4,
          "tickets": 3
  $ sql "SELECT id, ticket_id FROM messages WHERE direction = 'out' ORDER BY id"
  4|1
  5|2
  6|3

It assigns no ticket: 1 and 2 stay unowned, 3 stays boris's.

  $ tkt list status:open | cut -f 1,6
  1	
  2	
  3	boris

A reply to one ticket is the agent's own, even with --where, and takes it.

  $ TKT_NOW=2026-11-22T10:40:00Z tkt reply --where 1 --message 'Is it working for you now?'
  replied on ticket 1 to c1@example.com
  $ tkt history 1 | grep -E 'replied|assigned'
  2026-11-22 10:30  anna  replied   to c1@example.com (message, en, by mail) as part of a reply to 3 tickets (bulk 4)
  2026-11-22 10:40  anna  replied   to c1@example.com (message, en)
  2026-11-22 10:40  anna  assigned  nobody → anna (reply)

In the report the customers got their answer (three first replies, three waits
ended), but anna has one reply of her own and three bulk ones. By agent, a ticket's
first reply goes to its owner (1 is anna's since her own reply, 2 nobody's, 3
boris's), and so does the wait a bulk reply ended: only her own replies are anna's.

  $ tkt stats --since 2026-11-22 --until 2026-11-23 --by agent --format csv | grep -E 'replies|first_reply.count|reply_time.count'
  agent,,,first_reply.count,3
  agent,,,reply_time.count,3
  agent,,anna,replies,1
  agent,,anna,bulk_replies,3
  agent,,anna,replies_per_hour,2.0
  agent,(none),,first_reply.count,1
  agent,(none),,reply_time.count,1
  agent,(none),anna,replies,0
  agent,(none),anna,bulk_replies,1
  agent,(none),anna,replies_per_hour,
  agent,anna,,first_reply.count,1
  agent,anna,,reply_time.count,1
  agent,anna,anna,replies,1
  agent,anna,anna,bulk_replies,1
  agent,anna,anna,replies_per_hour,2.0
  agent,boris,,first_reply.count,1
  agent,boris,,reply_time.count,1
  agent,boris,anna,replies,0
  agent,boris,anna,bulk_replies,1
  agent,boris,anna,replies_per_hour,

