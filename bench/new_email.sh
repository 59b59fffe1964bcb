#!/bin/bash
# Per-message time of `tkt new --email` (one process per message, as an MTA runs it)
# next to the sqlite3 shell inserting the same rows (ticket, message with its raw bytes,
# event) into the same schema, in one hyperfine run. Each run gets a new Message-ID,
# so that no delivery is a duplicate. Usage: bench/new_email.sh [PATH-TO-TKT] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tkt=$(realpath "${1:-$root/build/tkt}")
runs=${2:-300}
dir=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export TKT_DB=$dir/tkt.db TKT_CONFIG=$dir/config TKT_NOW=2026-11-22T10:00:00Z
"$tkt" init >/dev/null
cp "$root/tests/e2e/mail/attachment-rfc2231.eml" "$dir/message.eml"
# A new Message-ID before each run, for both commands.
cat > "$dir/next-id.sh" <<SH
#!/bin/sh
n=\$(cat $dir/n 2>/dev/null || echo 0); n=\$((n + 1)); echo \$n > $dir/n
sed -i "s/^Message-ID: .*/Message-ID: <bench-\$n@example.com>/" $dir/message.eml
SH
chmod +x "$dir/next-id.sh"
cat > "$dir/insert.sql" <<'SQL'
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
BEGIN IMMEDIATE;
INSERT INTO tickets (subject, requester, requester_name, channel, priority, created_at, updated_at)
  VALUES ('App crashes when I attach a photo', 'maria@shop.example', 'Maria Garcia', 'email', 'normal', 1795341600, 1795341600);
INSERT INTO messages (ticket_id, direction, message_id, author, subject, body, raw, created_at)
  VALUES (last_insert_rowid(), 'in', 'sqlite-' || random() || '@example.com', 'Maria Garcia <maria@shop.example>',
          'App crashes when I attach a photo', 'Steps: open the app, tap Attach.', readfile('MESSAGE'), 1795341600);
INSERT INTO events (ticket_id, at, actor, kind, detail)
  SELECT ticket_id, 1795341600, 'maria@shop.example', 'created', '{"channel":"email"}'
  FROM messages WHERE id = last_insert_rowid();
COMMIT;
SQL
sed -i "s|MESSAGE|$dir/message.eml|" "$dir/insert.sql"
sync
hyperfine --warmup 10 --runs "$runs" --prepare "$dir/next-id.sh" --export-markdown "$dir/result.md" \
    -n "tkt new --email" "$tkt new --email < $dir/message.eml" \
    -n "sqlite3 INSERT (baseline)" "sqlite3 -init $dir/insert.sql $dir/tkt.db .quit"
cat "$dir/result.md"
echo "$(sqlite3 "$dir/tkt.db" 'SELECT count(*) FROM tickets') tickets, $(sqlite3 "$dir/tkt.db" "SELECT count(*) FROM messages WHERE message_id LIKE 'bench-%'") by tkt"
