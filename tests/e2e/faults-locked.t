A database another process keeps locked past TKT_LOCK_TIMEOUT is a temporary
failure: each writing command exits 75 with one line and changes nothing, and once
the lock is released the same command succeeds. A writer does not stop readers (WAL);
a process that holds the database in exclusive locking mode stops them too, with the
same exit 75.
Backend: sqlite (SQLite's file locks; PostgreSQL's lock timeout is in the unit tests).

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
  $ cat > sendmail <<'SH'
  > #!/bin/sh
  > n=$(ls sent | wc -l); cat > "sent/$n.eml"
  > SH
  $ chmod +x sendmail
  $ tkt new --from bob@example.com --subject 'Printer on fire' --body 'Smoke.'
  1
  $ tkt new --email < "$TESTDIR/mail/new-koi8r.eml"
  2
  $ tkt reply 1 --message 'On our way.' --send
  sent reply on ticket 1 to bob@example.com
  $ { printf 'From a@example.com Sat Nov 21 10:00:00 2026\nFrom: a@example.com\nSubject: one\nMessage-ID: <m1@example.com>\n\nfirst\n\n'
  >   printf 'From b@example.com Sat Nov 21 10:00:00 2026\nFrom: b@example.com\nSubject: two\nMessage-ID: <m2@example.com>\n\nsecond\n\n'; } > two.mbox
  $ counts() { sqlite3 tkt.db "SELECT count(*) FROM tickets; SELECT count(*) FROM messages; SELECT count(*) FROM events; SELECT count(*) FROM outbox; SELECT group_concat(state) FROM outbox; SELECT group_concat(status) FROM tickets" | tr '\n' ' '; echo; }
  $ counts > before; cat before
  2 3 5 1 sent new,open 

A holder (setup.sh's hold and release): a Python sqlite3 connection that takes the
write lock (BEGIN IMMEDIATE, or in exclusive locking mode a write that keeps the whole
file) and keeps it until released.

  $ export TKT_LOCK_TIMEOUT=1s

Every writing command waits about a second, then gives up with exit 75.

  $ hold immediate
  $ t0=$(date +%s%N); tkt new --from carol@example.com --subject 'Locked out' --body 'Help.'; echo "exit $?"; t1=$(date +%s%N)
  tkt: database '/.*/tkt.db' is locked by another process; try again (re)
  exit 75
  $ ms=$(( (t1 - t0) / 1000000 )); [ "$ms" -ge 900 ] && [ "$ms" -lt 5000 ] && echo "waited about a second"
  waited about a second
  $ tkt new --email < "$TESTDIR/mail/new-cp1251-html.eml" 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: database 'tkt.db' is locked by another process; try again
  exit 75
  $ tkt import mbox two.mbox 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  read 0 messages: 0 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  tkt: database 'tkt.db' is locked by another process; try again
  exit 75
  $ tkt close 1 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: database 'tkt.db' is locked by another process; try again
  exit 75
  $ tkt tag 2 +urgent 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: database 'tkt.db' is locked by another process; try again
  exit 75
  $ tkt reply 2 --message 'Looking.' --send 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: database 'tkt.db' is locked by another process; try again
  exit 75
  $ ls sent | wc -l
  1
  $ printf '%s\n' '{"id":"c1","from":"telegram:5","body":"Hello"}' | tkt new --json 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[1]}"
  tkt: database 'tkt.db' is locked by another process; try again; nothing from stdin:1 on is stored (before it, 0 lines: 0 created, 0 added, 0 duplicates, 0 refused): deliver the stream again, whole or from there: the ids keep it from storing a message twice
  exit 75

A reader is not stopped by a writer.

  $ tkt list | cut -f1,2
  1	open
  2	new
  $ release
  $ counts | diff - before && echo unchanged
  unchanged

Released, the same commands succeed.

  $ tkt new --from carol@example.com --subject 'Locked out' --body 'Help.'
  3
  $ tkt import mbox two.mbox
  read 2 messages: 2 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  $ tkt close 1
  closed ticket 1
  $ tkt reply 2 --message 'Looking.' --send
  sent reply on ticket 2 to irina@example.ru
  $ ls sent | wc -l
  2

In exclusive locking mode the holder keeps readers out too: exit 75, one line.

  $ hold exclusive
  $ tkt list 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: database 'tkt.db' is locked by another process; try again
  exit 75
  $ tkt show 1 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: database 'tkt.db' is locked by another process; try again
  exit 75
  $ tkt new --from dan@example.com --subject 'Also' --body 'Me too.' 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: database 'tkt.db' is locked by another process; try again
  exit 75
  $ release
  $ tkt list | cut -f1 | tr '\n' ' '; echo
  2 3 4 5 

A queued reply whose flush meets the lock stays queued, and goes once the lock is
released.

  $ cp sendmail sendmail.ok; printf '#!/bin/sh\nexit 75\n' > sendmail
  $ tkt reply 3 --message 'Soon.' --send 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: could not send the reply (recorded and queued; 'tkt outbox flush' retries): ticket 3: ./sendmail exited with 75
  exit 75
  $ mv sendmail.ok sendmail
  $ hold immediate
  $ tkt outbox flush 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: database 'tkt.db' is locked by another process; try again
  exit 75
  $ release
  $ tkt outbox | cut -f1-4
  3	3	queued	1
  $ tkt outbox flush
  sent 3 (ticket 3) to carol@example.com
  $ ls sent | wc -l
  3

The sendmail run while the lock is taken (and kept: tkt waits for it half a minute,
however short TKT_LOCK_TIMEOUT is, since sendmail cannot be undone): the message goes,
but tkt cannot record that it went. It must not
invite a retry of the reply (which would record and send it again): the entry stays
in doubt, and the error says the reply is recorded and points to the outbox.

  $ cat > sendmail <<'SH'
  > #!/bin/sh
  > n=$(ls sent | wc -l); cat > "sent/$n.eml"
  > rm -f held release; python3 "$TESTDIR/hold_lock.py" tkt.db immediate >/dev/null 2>&1 &
  > until [ -e held ]; do sleep 0.02; done
  > SH
  $ cp sendmail sendmail.locking
  $ TKT_LOCK_TIMEOUT=0s tkt reply 4 --message 'Sent while locked.' --send 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: .*recorded and queued.*'tkt outbox'.*database 'tkt.db' is locked by another process.* (re)
  exit 75
  $ release
  $ ls sent | wc -l
  4
  $ tkt outbox | cut -f1-3
  4	4	sending
  $ sqlite3 tkt.db 'PRAGMA integrity_check'
  ok
