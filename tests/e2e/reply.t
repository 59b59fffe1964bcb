tkt reply answers a ticket from a template or a message, records it, and with --send
hands it to sendmail through the outbox.

  $ . "$TESTDIR/setup.sh"
  $ mkdir -p config sent
  $ cat > config/config.toml <<'TOML'
  > [agent]
  > login = "anna"
  > full_name = "Anna Smirnova"
  > email = "anna@example.com"
  > [mail]
  > from = "Example Support <support@example.com>"
  > sendmail = ["./sendmail", "-t", "-i"]
  > TOML

A stand-in sendmail keeps each message it gets, fails while a file "fail" exists,
and kills tkt while a file "crash" exists.

  $ cat > sendmail <<'SH'
  > #!/bin/sh
  > if [ -e fail ]; then echo "451 try again later" >&2; exit 75; fi
  > n=$(ls sent | wc -l); cat > "sent/$n.eml"
  > if [ -e crash ]; then kill -KILL $PPID; fi
  > SH
  $ chmod +x sendmail
  $ tkt new --email < "$TESTDIR/mail/new-koi8r.eml"
  1
  $ tkt new --from 'Иванов Иван Иванович <ivan@example.ru>' --subject 'Не приходит письмо' --body 'Жду уже час.'
  2
  $ tkt new --from bob@example.com --subject 'Login broken' --body 'It says 500.' --tag outage
  3
  $ tkt new --from carol@example.com --subject 'Cannot log in' --body 'Error 500 here too.' --tag outage
  4

A dry run renders and records nothing.

  $ sql 'SELECT count(*) FROM messages; SELECT count(*) FROM events' > before
  $ tkt reply 1 --template acknowledge --lang ru --dry-run
  Здравствуйте, Ирина!
  
  Спасибо, что написали. Мы получили ваше обращение, его номер — 1. Меня зовут Anna, и заниматься им буду я.
  
  Я уже изучаю ваш вопрос и напишу, как только появятся новости. Если вспомните ещё какие-то подробности, просто ответьте на это письмо. Ваш ответ сразу попадёт в обращение.
  
  С уважением,
  Anna Smirnova
  anna@example.com
  $ sql 'SELECT count(*) FROM messages; SELECT count(*) FROM events' | diff - before

A reply is recorded whole: the message, the events, first_reply_at, the owner and the
status. Russian names with a patronymic are greeted by name and patronymic.

  $ TKT_NOW=2026-11-22T10:05:00Z tkt reply 2 --template acknowledge --lang ru | head -1
  Здравствуйте, Иван Иванович!
  $ tkt history 2 | cut -c19-
  WHO   WHAT      DETAIL
  anna  created   by api
  anna  replied   to ivan@example.ru (acknowledge, ru)
  anna  assigned  nobody → anna (reply)
  anna  status    new → open (reply)
  $ sql "SELECT status, assignee, datetime(first_reply_at, 'unixepoch') FROM tickets WHERE id = 2"
  open|anna|2026-11-22 10:05:00

A second reply leaves first_reply_at alone; a template's status_after applies, and
--status overrides it.

  $ TKT_NOW=2026-11-22T11:00:00Z tkt reply 2 --template need_info --lang ru > /dev/null
  $ sql "SELECT status, datetime(first_reply_at, 'unixepoch') FROM tickets WHERE id = 2"
  pending|2026-11-22 10:05:00
  $ tkt reply 2 --message 'Всё готово.' --lang ru --status solved > /dev/null
  $ sql "SELECT status, count(solved_at) FROM tickets WHERE id = 2 GROUP BY status"
  solved|1

A free-text message sits between greeting and signature, and is a value, never
template source.

  $ echo 'Your code is {{agent.login}}; {{#x}}kept{{/x}}.' | tkt reply 3 --message - --dry-run
  Hello,
  
  Your code is {{agent.login}}; {{#x}}kept{{/x}}.
  
  Best regards,
  Anna Smirnova
  anna@example.com

When another agent answers a ticket Anna owns, the greeting says they are helping
(bilingual.t has the whole story of owners and introductions). A reply is in the
customer's language unless --lang says otherwise.

  $ tkt reply 2 --as boris --var 'agent.full_name=Boris Petrov' --template still_working --lang ru --dry-run | sed -n 3p
  Меня зовут Boris, я помогаю с вашим обращением (его ведёт Anna).
  $ tkt reply 2 --as boris --var 'agent.full_name=Boris Petrov' --template still_working --lang EN --dry-run | sed -n '3p;$p'
  I'm Boris, and I'm helping my colleague Anna with your request.
  Boris Petrov

How long a ticket has been open is said only from a day on, with the right plural.

  $ tkt reply 2 --template still_working --dry-run | sed -n 3p
  Коротко о вашем обращении: мы всё ещё над ним работаем.
  $ TKT_NOW=2026-11-25T10:00:00Z tkt reply 2 --template still_working --lang ru --dry-run | sed -n 3p
  Коротко о вашем обращении: мы всё ещё над ним работаем. Занимаемся им уже 3 дня, и мне жаль, что это так долго.
  $ TKT_NOW=2026-12-13T10:00:00Z tkt reply 2 --template still_working --lang ru --dry-run | sed -n 3p
  Коротко о вашем обращении: мы всё ещё над ним работаем. Занимаемся им уже 21 день, и мне жаль, что это так долго.

--send queues the message and hands it to sendmail; the message threads in the
customer's mail client and decodes back to the text.

  $ tkt reply 1 --template acknowledge --lang ru --send
  sent reply on ticket 1 to irina@example.ru
  $ ls sent
  0.eml
  $ python3 - sent/0.eml <<'PY'
  > import email, email.policy, sys
  > m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
  > for name in ('From', 'To', 'Subject', 'In-Reply-To', 'References', 'X-Tkt-Loop', 'Content-Transfer-Encoding'):
  >     print(name + ':', ' '.join(str(m[name]).split()))
  > print(m['Message-ID'].startswith('<tkt.1.') and m['Message-ID'].endswith('@example.com>'))
  > print(m.get_content().splitlines()[0])
  > PY
  From: Example Support <support@example.com>
  To: Ирина Петрова <irina@example.ru>
  Subject: Re: Где моя посылка? [Support #1]
  In-Reply-To: <order-58213@example.ru>
  References: <tkt-ticket-1@example.com> <order-58213@example.ru>
  X-Tkt-Loop: support@example.com
  Content-Transfer-Encoding: base64
  True
  Здравствуйте, Ирина!

The customer's answer to it threads into the ticket; the message itself, coming back,
is recognised as tkt's own and dropped.

  $ tkt new --email < sent/0.eml
  tkt: dropped a message tkt sent itself (it carries X-Tkt-Loop)
  $ sed -e '/^X-Tkt-Loop/d' -e 's/^From: .*/From: irina@example.ru/' -e 's/^To: .*/To: support@example.com/' \
  >     -e 's/^Message-I[dD]: .*/Message-ID: <answer-1@example.ru>/' \
  >     -e 's/^In-Reply-To: .*/In-Reply-To: '"$(grep -i '^Message-Id' sent/0.eml | cut -d' ' -f2)"'/' \
  >     -e 's/^Subject: .*/Subject: thanks/' sent/0.eml > answer.eml
  $ tkt new --email < answer.eml
  1

When sendmail fails, the reply stays recorded and queued, and tkt exits 75; a flush
sends it once, and a second flush sends nothing.

  $ touch fail
  $ tkt reply 3 --template need_info --send
  tkt: could not send the reply (recorded and queued; 'tkt outbox flush' retries): ticket 3: ./sendmail exited with 75: 451 try again later
  [75]
  $ tkt outbox | cut -f1-4,6-
  2	3	queued	1	bob@example.com	./sendmail exited with 75: 451 try again later
  $ tkt outbox flush
  tkt: 1 of 1 still queued: 2 (ticket 3): ./sendmail exited with 75: 451 try again later
  [75]
  $ rm fail
  $ tkt outbox flush
  sent 2 (ticket 3) to bob@example.com
  $ tkt outbox flush
  $ tkt outbox
  $ tkt outbox --all | cut -f1-4
  1	1	sent	1
  2	3	sent	3
  $ ls sent
  0.eml
  1.eml
  $ grep -c 'Subject: Re: Login broken \[Support #3\]' sent/1.eml
  1

A sendmail that cannot be run is a temporary failure too.

  $ sed -i 's|"./sendmail"|"./no-such-sendmail"|' config/config.toml
  $ tkt reply 4 --message 'On it.' --send
  tkt: could not send the reply (recorded and queued; 'tkt outbox flush' retries): ticket 4: cannot run ./no-such-sendmail: No such file or directory
  [75]
  $ sed -i 's|"./no-such-sendmail"|"./sendmail"|' config/config.toml
  $ tkt outbox flush
  sent 3 (ticket 4) to carol@example.com

A message stuck in "sending" (tkt was killed while sendmail ran) is never sent again
on its own; requeue puts it back once a person has checked the mail log.

  $ touch crash
  $ (tkt reply 4 --message 'Fixed.' --send; echo "exit $?") 2> /dev/null
  exit 137
  $ rm crash
  $ tkt outbox flush
  $ tkt outbox | cut -f1-3
  4	4	sending
  $ tkt outbox requeue 4 3
  requeued 4
  3 is not stuck in sending: unchanged
  $ tkt outbox flush
  sent 4 (ticket 4) to carol@example.com
  $ ls sent | wc -l
  5

--edit opens $VISUAL or $EDITOR on the text; what is saved is what is recorded, and an
empty text aborts with nothing recorded, as git commit does.

  $ cat > editor <<'SH'
  > #!/bin/sh
  > sed -i 's/^Thanks for your message.*/Thanks, Bob: one question only./' "$1"
  > SH
  $ chmod +x editor
  $ EDITOR=./editor tkt reply 3 --template need_info --status pending --edit | sed -n 3p
  Thanks, Bob: one question only.
  $ sql "SELECT count(*) FROM messages WHERE ticket_id = 3 AND body LIKE '%one question only%'"
  1
  $ sql 'SELECT count(*) FROM messages; SELECT count(*) FROM events' > before
  $ VISUAL='truncate -s 0' EDITOR=./editor tkt reply 3 --template need_info --edit
  tkt: aborting: the reply is empty (nothing recorded)
  [1]
  $ EDITOR=false tkt reply 3 --template need_info --edit
  tkt: the editor 'false' exited with 1: nothing recorded
  [1]
  $ sql 'SELECT count(*) FROM messages; SELECT count(*) FROM events' | diff - before

Mass reply for an incident: every open ticket matching the filter gets the reply, in
one transaction; a dry run shows who would get what.

  $ tkt reply --where '+outage' --template still_working --dry-run | grep '^==>'
  ==> ticket 3 to bob@example.com: Re: Login broken [Support #3]
  ==> ticket 4 to carol@example.com: Re: Cannot log in [Support #4]
  $ tkt reply --where '+outage' --template solved --var 'summary=We fixed the login server.'
  replied on ticket 3 to bob@example.com (pending → solved)
  replied on ticket 4 to carol@example.com (open → solved)
  $ tkt reply --where '+outage' --template still_working
  tkt: no open ticket matches '+outage'
  [1]

If any ticket cannot be answered, none is.

  $ tkt new --from dave@example.com --subject 'Down' --body 'Down again' --tag outage2 > /dev/null
  $ tkt new --from erin@example.com --subject 'Down' --body 'Same' --tag outage2 > /dev/null
  $ tkt reply --where '+outage2' --template still_working --lang de
  tkt: cannot reply to 2 of 2 tickets, so none is answered: ticket 5: template 'still_working' has no 'de' text (it has: en, ru); ticket 6: template 'still_working' has no 'de' text (it has: en, ru)
  [65]

Ticket data cannot make a header: a subject with CR and LF in it stays in the subject.

  $ tkt new --from 'mallory@example.com' --subject "$(printf 'Hi\r\nBcc: victim@example.com')" --body 'x'
  7
  $ tkt reply 7 --message 'Hello.' --mime --dry-run | grep -c '^Bcc:'
  0
  [1]
  $ tkt reply 7 --message 'Hello.' --mime --dry-run | grep '^Subject:'
  Subject: Re: Hi Bcc: victim@example.com [Support #7]

Errors say what is wrong and record nothing.

  $ sql 'SELECT count(*) FROM messages; SELECT count(*) FROM events' > before
  $ tkt reply 3 --template apologyy
  tkt: unknown template 'apologyy' (did you mean 'apology'? see 'tkt template list')
  [64]
  $ tkt reply --template apology --var 'fix_summary=Fixed.' 3 --dry-run | sed -n 5p
  Fixed.
  $ tkt reply 3 --template apology
  tkt: template 'apology' needs --var fix_summary=... (what we fixed, one sentence)
  [64]
  $ tkt reply 3 --template apology --message hi
  tkt: give --template NAME or --message TEXT, not both (see 'tkt help reply')
  [64]
  $ tkt reply --template apology
  tkt: give a ticket ID or --where FILTER (see 'tkt help reply')
  [64]
  $ tkt reply 3 --where '+outage' --template acknowledge
  tkt: give a ticket ID or --where FILTER (see 'tkt help reply')
  [64]
  $ tkt reply --where '+outage' --template acknowledge --edit
  tkt: --edit answers one ticket; it cannot go with --where
  [64]
  $ tkt reply 3 --template acknowledge --status done
  tkt: invalid --status 'done' (one of: new, open, pending, solved, closed)
  [64]
  $ tkt reply 3 --template acknowledge --var oops
  tkt: invalid --var 'oops' (write name=value)
  [64]
  $ tkt reply 99 --template acknowledge
  tkt: no ticket 99
  [1]
  $ tkt reply 3 --message ''
  tkt: the message is empty
  [65]
  $ tkt reply 3 --template acknowledge --templates no-such-dir
  tkt: no template folder 'no-such-dir' (--templates)
  [66]
  $ tkt reply 3 --as boris --template acknowledge 2>&1 | sed "s|$TKT_BIN_DIR/||g"
  tkt: replies are signed with the agent's first and last name, and 'boris' has none: add an [[agent]] 'boris' with a full_name to routing.toml, or give --var agent.full_name
  $ sed -i '/^from =/d; /^email =/d' config/config.toml
  $ tkt reply 3 --template acknowledge --mime
  tkt: no address to send from: set 'from' under [mail] (or 'email' under [agent]) in config.toml
  [78]
  $ tkt --db other.db reply 3 --template acknowledge 2>&1 | sed "s|$PWD/||"
  tkt: no database at 'other.db' (run 'tkt init', or check --db and TKT_DB)
  $ sql 'SELECT count(*) FROM messages; SELECT count(*) FROM events' | diff - before
