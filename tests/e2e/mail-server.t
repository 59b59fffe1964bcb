The mail server's user and the agents share one database through a group, as the
README sets it up: tkt init --group gives the group the database (0660, in a setgid
folder of its own) and read access to the config, and the README's Postfix alias line
delivers as the mail server's user. Postfix's local(8) runs an alias command through
/bin/sh with a bare environment, as the alias file's owner; here that is uid 4001 in
group 4242 (no names needed: setpriv takes numbers), the agent anna is uid 4002 in the
same group, and uid 4003 is outside it. Needs root, to act as the three.
Backend: sqlite (one database file shared by the Unix users of one host).

  $ . "$TESTDIR/setup.sh"
  $ [ "$(id -u)" = 0 ] || echo "this test acts as three users: run it as root"
  $ chmod 0755 "$PWD"
  $ alias=$(grep -o '"|/usr/bin/tkt[^"]*"' "$TESTDIR/../../README.md" | head -1 | tr -d '"|')
  $ echo "$alias"
  /usr/bin/tkt --db /var/lib/tkt/tkt.db --config /etc/tkt new --email
  $ alias=$(echo "$alias" | sed "s|/usr/bin/tkt|$TKT_BIN_DIR/tkt|; s|/var/lib/tkt|$PWD/lib|; s|/etc/tkt|$PWD/etc|")
  $ as_mta() { env -i PATH=/usr/bin:/bin HOME=/nonexistent LOGNAME=tkt USER=tkt SHELL=/bin/sh TKT_NOW="$TKT_NOW" TZ=UTC setpriv --reuid=4001 --regid=4242 --clear-groups /bin/sh -c "$alias"; echo "exit $?"; }
  $ as_anna() { setpriv --reuid=4002 --regid=4002 --groups=4242 env USER=anna tkt --db "$PWD/lib/tkt.db" --config "$PWD/etc" "$@"; }
  $ as_other() { setpriv --reuid=4003 --regid=4003 --clear-groups tkt --db "$PWD/lib/tkt.db" --config "$PWD/etc" "$@"; }
  $ modes() { stat -c '%A %g %n' lib lib/* etc etc/* | sed "s|$PWD/||"; }

root sets it up. A folder that holds anything else is never opened up to a group.

  $ tkt --db "$PWD/lib/tkt.db" --config "$PWD/etc" init --login anna --name 'Anna Smirnova' --group 4242 | sed "s|$PWD/||"
  created  lib/tkt.db
  created  etc/config.toml
  created  etc/routing.toml
  created  etc/sla.toml
  shared   the database with group '4242' (read and write) and the config (read)
  $ modes
  drwxrws--- 4242 lib
  -rw-rw---- 4242 lib/tkt.db
  drwxr-s--- 4242 etc
  -rw-r----- 4242 etc/config.toml
  -rw-r----- 4242 etc/routing.toml
  -rw-r----- 4242 etc/sla.toml
  $ mkdir other; touch other/notes.txt
  $ tkt --db "$PWD/other/tkt.db" --config "$PWD/etc2" init --group 4242 2>&1 | sed "s|$PWD/||"
  tkt: the database's folder 'other' holds other files ('notes.txt'): give the database a folder of its own, such as /var/lib/tkt/tkt.db, to share it with a group
  $ ls other etc2 2>&1 | sed 's/.*: //'
  No such file or directory
  other:
  notes.txt
  $ tkt init --group no-such-group-here
  tkt: unknown group 'no-such-group-here' (create it with groupadd, or give a group id)
  [64]

Mail arrives as the mail server's user; routing runs, since the alias names --config.

  $ printf 'From: Ирина <irina@example.ru>\r\nSubject: Где моя посылка?\r\nMessage-ID: <p1@example.ru>\r\n\r\nЗаказ 58213.\r\n' > p1.eml
  $ as_mta < p1.eml
  1
  exit 0
  $ as_anna list | cut -f1,4,6,11
  1	logistics		Где моя посылка?
  $ as_anna reply 1 --message 'Посылка в пути.' > /dev/null
  $ printf 'From: Ирина <irina@example.ru>\r\nSubject: Re: Где моя посылка?\r\nIn-Reply-To: <p1@example.ru>\r\nMessage-ID: <p2@example.ru>\r\n\r\nСпасибо!\r\n' > p2.eml
  $ as_mta < p2.eml
  1
  exit 0
  $ as_anna show 1 | grep -c '^--- '
  3

Whoever made the -wal and -shm files, they belong to the group and keep its modes, so
the next user can write. A reader keeps the database open until told to let go (at
most a minute), so that the files outlive the delivery however slow it is.

  $ python3 -c 'import os, sqlite3, time; db = sqlite3.connect("lib/tkt.db"); db.execute("SELECT 1 FROM tickets").fetchall(); open("held", "w").close(); [time.sleep(0.05) for _ in range(1200) if not os.path.exists("release")]' &
  $ while [ ! -e held ]; do sleep 0.05; done; printf 'From: bob@example.com\r\nSubject: Refund\r\nMessage-ID: <r1@example.com>\r\n\r\nCharged twice.\r\n' | as_mta
  2
  exit 0
  $ stat -c '%A %g %n' lib/tkt.db-wal lib/tkt.db-shm
  -rw-rw---- 4242 lib/tkt.db-wal
  -rw-rw---- 4242 lib/tkt.db-shm
  $ touch release
  $ as_anna close 2
  closed ticket 2
  $ wait

Outside the group, nothing is readable; the mail path says 75, so a misconfigured
server keeps the mail.

  $ as_other list 2>&1 | sed "s|$PWD/||"
  tkt: cannot open database 'lib/tkt.db': Permission denied
  $ printf 'From: eve@example.com\r\nSubject: x\r\nMessage-ID: <e1@example.com>\r\n\r\nx\r\n' | env -i PATH=/usr/bin:/bin setpriv --reuid=4003 --regid=4003 --clear-groups /bin/sh -c "$alias" 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[1]}"
  tkt: cannot open database 'lib/tkt.db': Permission denied
  exit 75
  $ tkt --db lib/tkt.db list status:any | wc -l
  2
