A full disk is a temporary failure: tkt new --email exits 75 with the database exactly
as it was, and once there is room again the retry lands. The test runs in a private
mount namespace with a 2 MiB tmpfs (the database keeps each message's bytes, its
text, and the text again in the search index) (unshare -m as root, unshare -rm otherwise).
Backend: sqlite (the database file's own disk filling up).

  $ . "$TESTDIR/setup.sh"
  $ m="$TESTDIR/mail"
  $ { printf 'From: big@example.com\r\nSubject: large\r\nMessage-ID: <large-1@example.com>\r\n\r\n'; head -c 300000 /dev/zero | tr '\0' 'x' | fold -w 76; } > large.eml
  $ ns() { if [ "$(id -u)" = 0 ]; then unshare -m "$@"; else unshare -rm "$@"; fi; }
  $ ns bash -c '
  >   set -u; mkdir -p small; mount -t tmpfs -o size=2m tmpfs small || exit 1
  >   export TKT_DB=$PWD/small/tkt.db
  >   counts() { sqlite3 small/tkt.db "SELECT count(*) FROM tickets; SELECT count(*) FROM messages; SELECT count(*) FROM events" | tr "\n" " "; }
  >   tkt new --email < "'"$m"'/new-koi8r.eml"
  >   before=$(counts)
  >   free=$(df --output=avail -k small | tail -1)
  >   head -c $(( (free - 200) * 1024 )) /dev/zero > small/filler
  >   tkt new --email < large.eml 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  >   rm small/filler
  >   echo "before: $before after: $(counts)"
  >   sqlite3 small/tkt.db "PRAGMA integrity_check"
  >   tkt new --email < large.eml
  >   echo "then: $(counts)"
  > '
  1
  tkt: disk full while writing 'small/tkt.db'
  exit 75
  before: 1 1 1  after: 1 1 1 
  ok
  2
  then: 2 2 2 
