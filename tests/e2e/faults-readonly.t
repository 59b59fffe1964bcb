A database tkt may not write is exit 73 with one line that says why (the file, its
folder, a side file, or the whole file system is read-only), and nothing is written.
Root ignores file modes, so commands run as root without capabilities (setpriv), which
the kernel holds to the modes; the read-only file system is a read-only bind mount in
a private mount namespace (unshare -m as root, unshare -rm otherwise).
Backend: sqlite (the modes of a database file, its folder and side files).

  $ . "$TESTDIR/setup.sh"
  $ nocaps() { if [ "$(id -u)" = 0 ]; then setpriv --inh-caps=-all --bounding-set=-all "$@"; else "$@"; fi; }
  $ nocaps sh -c 'echo test > probe; chmod 0400 probe; echo more >> probe' 2>&1 | sed 's/.*probe: //'; rm -f probe
  Permission denied
  $ fresh() { rm -rf "$1"; mkdir "$1"; TKT_DB=$PWD/$1/tkt.db tkt new --from bob@example.com --subject 'Printer on fire' --body 'Smoke.' >/dev/null; }
  $ state() { (cd "$1" && ls; sha256sum tkt.db | cut -c1-16); }
  $ try() { nocaps tkt "$@" 2>&1 | sed "s|$PWD/||g"; echo "exit ${PIPESTATUS[0]}"; }
  $ m="$TESTDIR/mail"

The file mode 0400 in a writable folder: reading works, writing is refused.

  $ fresh a; export TKT_DB=$PWD/a/tkt.db; chmod 0400 a/tkt.db; state a > before
  $ try list | cut -f1,2,11
  1	new	Printer on fire
  exit 0
  $ try new --from carol@example.com --subject 'Locked out' --body 'Help.'
  tkt: database 'a/tkt.db' is read-only: the file is not writable
  exit 73
  $ try new --email < "$m/new-koi8r.eml"
  tkt: database 'a/tkt.db' is read-only: the file is not writable
  exit 75
  $ try import maildir "$m"
  read 0 messages: 0 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  tkt: database 'a/tkt.db' is read-only: the file is not writable
  exit 73
  $ try close 1
  tkt: database 'a/tkt.db' is read-only: the file is not writable
  exit 73
  $ (cd a && sha256sum tkt.db | cut -c1-16) | diff - <(tail -1 before) && echo database unchanged
  database unchanged

The owner makes it writable again, and writing works: what the reads left beside it
(the -shm file SQLite made, with the database's mode 0400) must not keep it read-only,
or at least the error must name that file.

  $ chmod 0600 a/tkt.db
  $ try new --from carol@example.com --subject 'Locked out' --body 'Help.'
  tkt: database 'a/tkt.db' is read-only: 'a/tkt.db-shm' is not writable
  exit 73
  $ rm -f a/tkt.db-shm a/tkt.db-wal
  $ try new --from carol@example.com --subject 'Locked out' --body 'Help.'
  2
  exit 0

A read-only folder (the file itself writable): SQLite cannot make the -wal and -shm
files of WAL mode beside it, so even reading fails; the error says it is the folder.

  $ fresh b; export TKT_DB=$PWD/b/tkt.db; chmod 0500 b; state b > before
  $ try list
  tkt: database 'b/tkt.db' is read-only: its folder is not writable (the -wal and -shm files go beside it)
  exit 73
  $ try new --from carol@example.com --subject 'Locked out' --body 'Help.'
  tkt: database 'b/tkt.db' is read-only: its folder is not writable (the -wal and -shm files go beside it)
  exit 73
  $ state b | diff - before && echo nothing written
  nothing written
  $ chmod 0700 b

Both read-only.

  $ fresh c; export TKT_DB=$PWD/c/tkt.db; chmod 0400 c/tkt.db; chmod 0500 c; state c > before
  $ try show 1 | head -1
  tkt: database 'c/tkt.db' is read-only: the file is not writable
  $ try new --from carol@example.com --subject 'Locked out' --body 'Help.'
  tkt: database 'c/tkt.db' is read-only: the file is not writable
  exit 73
  $ try stats
  tkt: database 'c/tkt.db' is read-only: the file is not writable
  exit 73
  $ state c | diff - before && echo nothing written
  nothing written
  $ chmod 0700 c

A read-only file system: every command, reading or writing, says so.

  $ fresh d; state d > before
  $ ns() { if [ "$(id -u)" = 0 ]; then unshare -m "$@"; else unshare -rm "$@"; fi; }
  $ ns bash -c '
  >   mount --bind d d && mount -o remount,ro,bind d || exit 1
  >   export TKT_DB=$PWD/d/tkt.db
  >   touch d/probe 2>&1 | sed "s/.*probe.: //"
  >   try() { tkt "$@" 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"; }
  >   try list
  >   try new --from carol@example.com --subject "Locked out" --body "Help."
  >   try new --email < "'"$m"'/new-koi8r.eml"
  >   try tag 1 +urgent
  >   try --db d/other.db new --from carol@example.com --subject "Locked out" --body "Help."
  > '
  Read-only file system
  tkt: database 'd/tkt.db' is read-only: it is on a read-only file system
  exit 73
  tkt: database 'd/tkt.db' is read-only: it is on a read-only file system
  exit 73
  tkt: database 'd/tkt.db' is read-only: it is on a read-only file system
  exit 75
  tkt: database 'd/tkt.db' is read-only: it is on a read-only file system
  exit 73
  tkt: cannot create database 'd/other.db': Read-only file system
  exit 73
  $ state d | diff - before && echo nothing written
  nothing written
