A full disk during tkt import is a temporary failure: exit 75, the batch that did not
fit is not stored at all (same counts, integrity ok), the summary tells what was
stored, and once there is room the same import completes. The test runs in a private
mount namespace with a 4 MiB tmpfs (unshare -m as root, unshare -rm otherwise).
Backend: sqlite (the database file's own disk filling up).

  $ . "$TESTDIR/setup.sh"
  $ m="$TESTDIR/mail"
  $ big() { printf 'From big@example.com Sat Nov 21 10:00:00 2026\nFrom: Big %s <big%s@example.com>\nSubject: large %s\nMessage-ID: <large-%s@example.com>\n\n' "$1" "$1" "$1" "$1"; head -c 100000 /dev/zero | tr '\0' 'x' | fold -w 76; printf '\n\n'; }
  $ for i in 1 2 3 4 5 6; do big $i; done > large.mbox
  $ mkdir -p large.maildir/cur large.maildir/new large.maildir/tmp
  $ for i in 7 8 9; do big $i | tail -n +2 > large.maildir/cur/$i.eml; done
  $ ns() { if [ "$(id -u)" = 0 ]; then unshare -m "$@"; else unshare -rm "$@"; fi; }
  $ ns bash -c '
  >   set -u; mkdir -p small; mount -t tmpfs -o size=4m tmpfs small || exit 1
  >   export TKT_DB=$PWD/small/tkt.db
  >   counts() { sqlite3 small/tkt.db "SELECT count(*) FROM tickets; SELECT count(*) FROM messages; SELECT count(*) FROM events; SELECT count(*) FROM attachments" | tr "\n" " "; }
  >   fill() { free=$(df --output=avail -k small | tail -1); head -c $(( (free - 200) * 1024 )) /dev/zero > small/filler 2>/dev/null; }
  >   tkt new --email < "'"$m"'/new-koi8r.eml"
  >   tkt new --email < "'"$m"'/attachment-rfc2231.eml"
  >   before=$(counts)
  >   fill
  >   echo "-- mbox, disk full"
  >   tkt import mbox large.mbox 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  >   echo "before: $before after: $(counts)"
  >   sqlite3 small/tkt.db "PRAGMA integrity_check"
  >   echo "-- maildir, disk full"
  >   tkt import maildir large.maildir 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  >   echo "before: $before after: $(counts)"
  >   sqlite3 small/tkt.db "PRAGMA integrity_check"
  >   echo "-- readers still work"
  >   tkt list | cut -f1 | tr "\n" " "; echo "exit ${PIPESTATUS[0]}"
  >   rm small/filler
  >   echo "-- room again"
  >   tkt import mbox large.mbox; echo "exit $?"
  >   tkt import maildir large.maildir; echo "exit $?"
  >   echo "then: $(counts)"
  >   sqlite3 small/tkt.db "PRAGMA integrity_check"
  >   echo "-- again: all stored already"
  >   tkt import mbox large.mbox
  > '
  1
  2
  -- mbox, disk full
  read 0 messages: 0 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  tkt: disk full while writing 'small/tkt.db'
  exit 75
  before: 2 2 2 1  after: 2 2 2 1 
  ok
  -- maildir, disk full
  read 0 messages: 0 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  tkt: disk full while writing 'small/tkt.db'
  exit 75
  before: 2 2 2 1  after: 2 2 2 1 
  ok
  -- readers still work
  1 2 exit 0
  -- room again
  read 6 messages: 6 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  exit 0
  read 3 messages: 3 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  exit 0
  then: 11 11 11 1 
  ok
  -- again: all stored already
  read 6 messages: 0 new tickets and 0 added to tickets (0 of them automatic mail), 6 already stored, 0 loops, 0 failed
