A reply to many tickets at once (an outage message) is one bulk action of the agent:
each ticket's history says so, it takes no ticket into the agent's hands, and the
report counts it apart from the agent's own replies. Many messages go out 50 at a
time, mail.parallel sendmail processes at once.

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

A stand-in sendmail keeps each message under its recipient's name, fails while a
file "fail" exists, and kills tkt at its second message while a file "crash" exists.

  $ cat > sendmail <<'SH'
  > #!/bin/sh
  > if [ -e fail ]; then echo "451 try again later" >&2; exit 75; fi
  > cat > sent/.msg.$$
  > mv sent/.msg.$$ "sent/$(sed -n 's/^To: //p' sent/.msg.$$ | head -n 1)"
  > if [ -e crash ] && [ "$(ls sent | wc -l)" -ge 2 ]; then kill -KILL $PPID; fi
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

Many tickets: the messages go 50 at a time (a transaction marks 50 as sending, one
more records how each went), here three sendmail processes at a time; each customer
gets the message once.

  $ for n in $(seq 4 123); do echo "c$n@example.com"; done > customers
  $ while read -r customer; do tkt new --from "$customer" --subject 'Cannot pay' --body 'Card declined.' --tag payments; done < customers > /dev/null
  $ printf 'parallel = 3\n' >> config/config.toml
  $ tkt reply --where +payments --message 'Payments work again.' --send > out
  $ grep -c '^replied on ticket' out; grep -c '^sent reply on ticket' out
  120
  120
  $ ls sent | grep -c -v '^c[123]@'
  120
  $ ls sent | grep -v '^c[123]@' | diff - <(sort customers)
  $ sql "SELECT state, count(*), max(attempts) FROM outbox GROUP BY state"
  sent|123|1

When sendmail fails, everything stays queued; outbox flush sends it all, by the same
way.

  $ rm sent/*
  $ touch fail
  $ tkt reply --where +payments --message 'A second note.' --send > /dev/null 2> error; echo "exit $?"
  exit 75
  $ grep -c "^tkt: could not send the replies (recorded and queued; 'tkt outbox flush' retries): ticket 4: " error
  1
  $ grep -o 'ticket [0-9]*: ./sendmail exited with 75: 451 try again later' error | wc -l
  120
  $ rm fail
  $ tkt outbox flush | grep -c '^sent'
  120
  $ ls sent | wc -l
  120

mail.parallel is a whole number from 1 to 16.

  $ sed -i 's/^parallel = 3$/parallel = 0/' config/config.toml
  $ TKT_CONFIG=config tkt outbox flush
  tkt: config/config.toml:8:12: 'mail.parallel' must be a whole number from 1 to 16: how many sendmail processes run at a time
  [78]
  $ sed -i 's/^parallel = 0$/parallel = "four"/' config/config.toml
  $ TKT_CONFIG=config tkt config check 2>&1 | grep parallel
  config/config.toml:8:12: 'mail.parallel' must be a whole number from 1 to 16: how many sendmail processes run at a time
  $ sed -i '/^parallel/d' config/config.toml

A killed tkt leaves the batch it was sending in "sending", what sendmail took and
what it never saw alike: none is sent again on its own. Once the mail log is
checked, requeue puts back those that did not go.

  $ rm sent/*
  $ touch crash
  $ (tkt reply --where 1-3 --message 'One more thing.' --send; echo "exit $?") 2> /dev/null | tail -n 1
  exit 137
  $ rm crash
  $ ls sent
  c1@example.com
  c2@example.com
  $ tkt outbox | cut -f 2,3
  1	sending
  2	sending
  3	sending
  $ tkt outbox flush
  $ ls sent | wc -l
  2
  $ tkt outbox requeue $(tkt outbox | awk -F '\t' '$2 == 3 { print $1 }') > /dev/null
  $ tkt outbox flush | sed 's/^sent [0-9]* /sent N /'
  sent N (ticket 3) to c3@example.com
  $ check_database
  ok
