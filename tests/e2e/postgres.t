tkt on a shared PostgreSQL database: the URI in --db or TKT_DB, libpq's ways to name
the server, and what each failure to reach it means. The rest of the transcripts run
here too; this one holds what only a server has.
Backend: postgres

  $ . "$TESTDIR/setup.sh"
  $ socket() { sed "s|$TKT_TEST_POSTGRES_DIR|SOCKET|g"; }
  $ tkt init --name 'Anna Smirnova' --email anna@example.com | head -1
  created  tkt.db
  $ tkt new --subject 'Printer on fire' --from bob@example.com --body 'It burns.'
  1
  $ tkt list | cut -f1,2,11
  1	new	Printer on fire
  $ tkt init --group 0
  tkt: --group shares a SQLite file; a PostgreSQL database is shared through its roles (tkt db setup)
  [64]

libpq's URI forms all name it: postgres:// as well as postgresql://, and the server,
user and database from the PG* variables when the URI leaves them out.

  $ db=$(echo "$TKT_TEST_DB" | sed 's|^postgresql:///\([a-z0-9_]*\)?.*|\1|')
  $ tkt --db "postgres:///$db?host=$TKT_TEST_POSTGRES_DIR&user=tkt" list | cut -f1
  1
  $ PGHOST=$TKT_TEST_POSTGRES_DIR PGUSER=tkt PGDATABASE=$db tkt --db postgresql:// list | cut -f1
  1

A database that is not there is exit 66, as a missing file is; a server that cannot be
reached 75 (try again); a login refused 77 with the server's reason, the password never
shown; a URI libpq cannot read 78.

  $ tkt --db "postgresql:///nosuch?host=$TKT_TEST_POSTGRES_DIR&user=tkt" list 2>&1 | socket
  tkt: no database 'postgresql:///nosuch?host=SOCKET&user=tkt' on the server (create it with createdb, or check --db and TKT_DB): connection to server on socket "SOCKET/.s.PGSQL.5432" failed: database "nosuch" does not exist
  $ tkt --db "postgresql:///nosuch?host=$TKT_TEST_POSTGRES_DIR&user=tkt" list 2>/dev/null
  [66]
  $ tkt --db 'postgresql:///tkt?host=/nonexistent' list
  tkt: cannot reach database 'postgresql:///tkt?host=/nonexistent': connection to server on socket "/nonexistent/.s.PGSQL.5432" failed: No such file or directory; try again
  [75]
  $ tkt --db 'postgresql://127.0.0.1:1/tkt?connect_timeout=2' list
  tkt: cannot reach database 'postgresql://127.0.0.1:1/tkt?connect_timeout=2': connection to server at "127.0.0.1", port 1 failed: Connection refused; try again
  [75]
  $ sql "CREATE ROLE clerk LOGIN PASSWORD 'right'"
  $ tkt --db "postgresql://clerk:wrong@/$db?host=$TKT_TEST_POSTGRES_DIR" list 2>&1 | socket
  tkt: database 'postgresql://clerk@/e2e_.*\?host=SOCKET' refused the login: connection to server on socket "SOCKET/.s.PGSQL.5432" failed: password authentication failed for user "clerk" (re)
  $ tkt --db "postgresql://clerk:wrong@/$db?host=$TKT_TEST_POSTGRES_DIR" list 2>/dev/null
  [77]
  $ tkt --db "postgresql:///$db?host=$TKT_TEST_POSTGRES_DIR&user=tkt&colour=blue" list 2>&1 | socket
  tkt: invalid database URI 'postgresql:///e2e_.*\?host=SOCKET&user=tkt&colour=blue': invalid URI query parameter: "colour" (re)
  $ tkt --db "postgresql:///$db?host=$TKT_TEST_POSTGRES_DIR&user=tkt&colour=blue" list 2>/dev/null
  [78]

A role that may log in but not read tkt's tables is refused (77), and changes nothing.

  $ PGPASSWORD=right tkt --db "postgresql://clerk@/$db?host=$TKT_TEST_POSTGRES_DIR" list 2>&1 | socket
  tkt: reading or writing 'postgresql://clerk@/e2e_.*\?host=SOCKET' failed: permission denied for table tkt_schema (re)
  $ PGPASSWORD=right tkt --db "postgresql://clerk@/$db?host=$TKT_TEST_POSTGRES_DIR" new --subject s --from a@example.com --body b 2>/dev/null
  [77]

In a mail server's delivery, every failure but the message's own is 75: the mail stays
queued until the server, the password or the alias is mended.

  $ printf 'From: kim@example.com\nSubject: Hello\nMessage-ID: <m1@example.com>\n\nHi.\n' > mail.eml
  $ PGPASSWORD=right tkt --db "postgresql://clerk@/$db?host=$TKT_TEST_POSTGRES_DIR" new --email < mail.eml 2>/dev/null
  [75]
  $ tkt --db "postgresql:///nosuch?host=$TKT_TEST_POSTGRES_DIR&user=tkt" new --email < mail.eml 2>/dev/null
  [75]
  $ tkt new --email < mail.eml
  2
  $ tkt new --email < mail.eml
  2

Writers take turns: one that cannot get the write lock within TKT_LOCK_TIMEOUT exits
75 having changed nothing, and its retry lands once the lock is free.

  $ lock_for 3 &
  $ sleep 0.5; TKT_LOCK_TIMEOUT=1s tkt new --subject t --from a@example.com --body x
  tkt: database 'tkt.db' is locked by another process; try again
  [75]
  $ wait; tkt list status:any | wc -l
  2
  $ tkt new --subject t --from a@example.com --body x
  3
