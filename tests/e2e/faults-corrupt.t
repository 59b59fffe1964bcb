A database file that is not a sound tkt database (random bytes, a valid header over
garbage pages, a truncated file, a text file) is exit 74 with one line, for every
command; never a crash (a signal, an exit status of 128 or more, a sanitizer report).
A zero-length file is an empty database, as SQLite reads it.
Backend: sqlite (a damaged database file; a PostgreSQL server guards its own files).

  $ . "$TESTDIR/setup.sh"
  $ mkdir config && printf '[agent]\nlogin = "anna"\nfull_name = "Anna Smirnova"\n' > config/config.toml
  $ m="$TESTDIR/mail"
  $ for i in $(seq 1 30); do printf 'From c%s@example.com Sat Nov 21 10:00:00 2026\nFrom: c%s@example.com\nSubject: Problem %s\nMessage-ID: <p%s@example.com>\n\n' $i $i $i $i; printf 'line %s\n' $(seq 1 200); echo; done > thirty.mbox
  $ tkt --db good.db import mbox thirty.mbox
  read 30 messages: 30 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  $ tkt --db good.db reply 1 --message 'On it.' >/dev/null
  $ sqlite3 good.db 'PRAGMA page_size; PRAGMA integrity_check'
  4096
  ok
  $ python3 - <<'PY'
  > import random
  > r = random.Random(7)
  > good = open("good.db", "rb").read()
  > noise = lambda n: bytes(r.randrange(256) for _ in range(n))
  > open("random.db", "wb").write(noise(65536))
  > open("garbage-pages.db", "wb").write(good[:4096] + noise(len(good) - 4096))
  > open("truncated.db", "wb").write(good[:len(good) // 3])
  > open("text.db", "w").write("Notes, not a database.\nSecond line.\n")
  > open("empty.db", "wb").write(b"")
  > spoiled = bytearray(good)
  > for at in range(8192, len(spoiled), 4096):
  >     spoiled[at + 100:at + 160] = noise(60)
  > open("spoiled-cells.db", "wb").write(bytes(spoiled))
  > PY
  $ printf 'From a@example.com Sat Nov 21 10:00:00 2026\nFrom: a@example.com\nSubject: one\nMessage-ID: <m1@example.com>\n\nfirst\n\nFrom b@example.com Sat Nov 21 10:00:00 2026\nFrom: b@example.com\nSubject: two\nMessage-ID: <m2@example.com>\n\nsecond\n' > two.mbox

Each command on a fresh copy of each file: its exit status, and its standard error.

  $ run() {
  >   cp "$1.db" t.db; rm -f t.db-wal t.db-shm; shift
  >   tkt --db t.db "$@" < "$m/new-koi8r.eml" > out 2> err; code=$?
  >   [ "$code" -ge 128 ] && echo "CRASH: exit $code"
  >   grep -l Sanitizer err
  >   args="$*"; echo "${args//$m/MAIL} -> $code $(sed "s|$PWD/||" err | head -3 | tr '\n' '|')"
  > }
  $ for f in random garbage-pages truncated text; do
  >   echo "== $f"
  >   run $f list; run $f show 1; run $f new --from x@example.com --subject s --body b
  >   run $f new --email; run $f stats; run $f import mbox two.mbox; run $f import maildir "$m"
  >   run $f reply 1 --message hello; run $f close 1
  > done
  == random
  list -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  show 1 -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  new --from x@example.com --subject s --body b -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  new --email -> 75 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  stats -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  import mbox two.mbox -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  import maildir MAIL -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  reply 1 --message hello -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  close 1 -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  == garbage-pages
  list -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  show 1 -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  new --from x@example.com --subject s --body b -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  new --email -> 75 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  stats -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  import mbox two.mbox -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  import maildir MAIL -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  reply 1 --message hello -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  close 1 -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  == truncated
  list -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  show 1 -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  new --from x@example.com --subject s --body b -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  new --email -> 75 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  stats -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  import mbox two.mbox -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  import maildir MAIL -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  reply 1 --message hello -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  close 1 -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  == text
  list -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  show 1 -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  new --from x@example.com --subject s --body b -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  new --email -> 75 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  stats -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  import mbox two.mbox -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  import maildir MAIL -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  reply 1 --message hello -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|
  close 1 -> 74 tkt: database 't.db' is corrupt or not a tkt database (file is not a database)|

Garbage in the index that import and new --email read first (the unique index on
Message-ID): the writers stop with exit 74 and one line, rather than take each
message for a bad one; list and show, which do not read that index, still work.

  $ python3 - <<'PY'
  > import sqlite3
  > db = sqlite3.connect("good.db")
  > root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_messages_1'").fetchone()[0]
  > db.close()
  > data = bytearray(open("good.db", "rb").read())
  > data[(root - 1) * 4096:root * 4096] = (bytes([0x0d]) + bytes(range(256)) * 16)[:4096]
  > open("bad-index.db", "wb").write(bytes(data))
  > PY
  $ for c in "import mbox two.mbox" "import maildir $m" "new --email" "list" "show 1"; do run bad-index $c; done
  import mbox two.mbox -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  import maildir MAIL -> 74 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  new --email -> 75 tkt: database 't.db' is corrupt or not a tkt database (database disk image is malformed)|
  list -> 0 
  show 1 -> 0 

Random bytes inside the cells of every page but the first: whatever each command
makes of it, it ends with a status below 128 and no sanitizer report.

  $ for c in list "show 17" "new --from x@example.com --subject s --body b" "new --email" stats "import mbox two.mbox" "reply 3 --message hello" "close 4"; do
  >   run spoiled-cells $c | grep -E 'CRASH|err$'
  > done; echo checked
  checked

A zero-length file is what SQLite calls an empty database: read commands find no
tickets, and the first write makes the schema.

  $ run empty list; run empty stats --format json; run empty show 1
  list -> 0 
  stats --format json -> 0 
  show 1 -> 1 tkt: no ticket 1|
  $ cp empty.db e.db; tkt --db e.db new --from x@example.com --subject s --body b; sqlite3 e.db 'PRAGMA integrity_check; PRAGMA user_version'
  1
  ok
  12

A sound SQLite database of another program is not a tkt database either: tkt must not
add its tables to it, even to list nothing.

  $ sqlite3 other.db "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.com')"
  $ run other list; run other new --from x@example.com --subject s --body b
  list -> 74 tkt: database 't.db' is not a tkt database: it holds other tables and no tkt schema|
  new --from x@example.com --subject s --body b -> 74 tkt: database 't.db' is not a tkt database: it holds other tables and no tkt schema|
  $ sqlite3 t.db .tables
  bookmarks
