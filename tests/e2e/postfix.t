The README's Postfix alias, delivered by a real Postfix: a private instance (its own
config, queue and log in this folder, no network service) hands mail to local(8),
which runs the alias's command as the owner of the alias file with that user's
primary group (here the system user daemon, standing in for the README's tkt user),
the group tkt init --group shares the database with. A held database lock makes tkt
exit 75: Postfix defers the message, keeps it in its queue, and delivers it once on
the retry. Needs root and Debian's postfix package (scripts/install-deps).
Backend: sqlite (a database file shared with Postfix's user, and SQLite's lock held against it).

  $ . "$TESTDIR/setup.sh"
  $ chmod 0755 "$PWD"
  $ pf="$PWD/postfix"; mkdir -p "$pf/conf" "$pf/spool" "$pf/data" "$pf/aliases.d"; chown postfix "$pf/data"; chown daemon:daemon "$pf/aliases.d"
  $ cp /etc/postfix/master.cf.proto "$pf/conf/master.cf" 2>/dev/null || cp /usr/share/postfix/master.cf.dist "$pf/conf/master.cf"
  $ cat > "$pf/conf/main.cf" <<EOF
  > compatibility_level = 3.6
  > queue_directory = $pf/spool
  > data_directory = $pf/data
  > myhostname = desk.example
  > mydestination = desk.example
  > inet_interfaces = loopback-only
  > master_service_disable = inet
  > alias_maps = hash:$pf/aliases.d/aliases
  > alias_database = hash:$pf/aliases.d/aliases
  > maillog_file = $pf/maillog
  > maillog_file_prefixes = $pf
  > import_environment = MAIL_CONFIG TZ LANG TKT_NOW TKT_LOCK_TIMEOUT
  > export_environment = MAIL_CONFIG TZ LANG TKT_NOW TKT_LOCK_TIMEOUT
  > queue_run_delay = 1s
  > minimal_backoff_time = 1s
  > maximal_backoff_time = 2s
  > EOF
  $ grep -o '^support: "|/usr/bin/tkt[^"]*"' "$TESTDIR/../../README.md" | head -1
  support: "|/usr/bin/tkt --db /var/lib/tkt/tkt.db --config /etc/tkt new --email"
  $ grep -o '^support: "|/usr/bin/tkt[^"]*"' "$TESTDIR/../../README.md" | head -1 | sed "s|/usr/bin/tkt|$TKT_BIN_DIR/tkt|; s|/var/lib/tkt|$PWD/lib|; s|/etc/tkt|$PWD/etc|" > "$pf/aliases.d/aliases"

postalias, like local(8), acts as the alias file's owner: the tkt user's.

  $ chown daemon:daemon "$pf/aliases.d/aliases"; postalias -c "$pf/conf" "$pf/aliases.d/aliases"; stat -c '%U %G' "$pf/aliases.d/aliases.db"
  daemon daemon
  $ tkt --db "$PWD/lib/tkt.db" --config "$PWD/etc" init --login anna --name 'Anna Smirnova' --group daemon | tail -1
  shared   the database with group 'daemon' (read and write) and the config (read)
  $ export TKT_LOCK_TIMEOUT=1s
  $ postfix -c "$pf/conf" start 2>/dev/null; trap 'postfix -c "$pf/conf" stop 2>/dev/null' EXIT
  $ send() { sendmail -C "$pf/conf" -t < "$1"; }
  $ waitlog() { for i in $(seq 1 300); do n=$(grep -c "to=<support@desk.example>.*status=$1" "$pf/maillog"); [ "$n" -ge "$2" ] && return; sleep 0.1; done; echo "timed out waiting for $2 x status=$1"; }
  $ queued() { postqueue -c "$pf/conf" -j | wc -l; }
  $ tickets() { tkt --db "$PWD/lib/tkt.db" list status:any | cut -f1,4,9,11; }

Mail to the alias becomes a ticket, routed, since the alias names the config.

  $ printf 'From: Irina <irina@example.ru>\nTo: support@desk.example\nSubject: Где моя посылка?\nMessage-ID: <pf1@example.ru>\n\nЗаказ 58213.\n' > p1.eml
  $ send p1.eml; waitlog sent 1
  $ tickets
  1	logistics	irina@example.ru	Где моя посылка?

The database is locked past TKT_LOCK_TIMEOUT: tkt exits 75, Postfix defers and keeps
the message; it does not bounce it.

  $ hold immediate lib/tkt.db
  $ printf 'From: bob@example.com\nTo: support@desk.example\nSubject: Refund\nMessage-ID: <pf2@example.com>\n\nCharged twice.\n' > p2.eml
  $ send p2.eml; waitlog deferred 1
  $ grep -o 'status=deferred.*' "$pf/maillog" | head -1 | sed 's/(temporary failure.*locked.*/(temporary failure: database locked)/'
  status=deferred (temporary failure: database locked)
  $ grep -c 'status=bounced' "$pf/maillog" || true
  0
  $ queued
  1

The lock goes; Postfix retries; the message is stored once and leaves the queue.

  $ release
  $ postqueue -c "$pf/conf" -f; waitlog sent 2
  $ queued
  0
  $ tickets
  1	logistics	irina@example.ru	Где моя посылка?
  2	payments	bob@example.com	Refund

A broken routing.toml does not bounce or defer mail: it is delivered, unrouted.

  $ cp etc/routing.toml routing.good; echo 'oops =' >> etc/routing.toml
  $ printf 'From: carol@example.com\nTo: support@desk.example\nSubject: Hello\nMessage-ID: <pf3@example.com>\n\nHi.\n' > p3.eml
  $ send p3.eml; waitlog sent 3
  $ tickets | tail -1
  3		carol@example.com	Hello
  $ tkt --db "$PWD/lib/tkt.db" history 3 | grep -c unrouted
  1
  $ grep -c 'status=bounced' "$pf/maillog" || true
  0
