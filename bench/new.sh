#!/bin/bash
# Per-call time of `tkt new` next to the sqlite3 shell inserting the same three rows
# (ticket, first message, created event) into the same schema, in one hyperfine run.
# Usage: bench/new.sh [PATH-TO-TKT] [RUNS]; BENCH_TMPDIR=/dev/shm measures without the disk.
set -euo pipefail
tkt=$(realpath "${1:-build/tkt}")
runs=${2:-500}
dir=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export TKT_DB=$dir/tkt.db TKT_CONFIG=$dir/config TKT_NOW=2026-11-22T10:00:00Z
"$tkt" init >/dev/null
# The baseline does what tkt new does, in SQL: one IMMEDIATE transaction, three rows,
# with tkt's connection settings (WAL is already the file's mode).
cat > "$dir/insert.sql" <<'SQL'
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
BEGIN IMMEDIATE;
INSERT INTO tickets (subject, requester, requester_name, channel, priority, created_at, updated_at)
  VALUES ('Printer on fire', 'bob@example.com', 'Bob Smith', 'api', 'normal', 1795341600, 1795341600);
INSERT INTO messages (ticket_id, direction, author, subject, body, created_at)
  VALUES (last_insert_rowid(), 'in', 'Bob Smith <bob@example.com>', 'Printer on fire', 'It is burning', 1795341600);
INSERT INTO events (ticket_id, at, actor, kind, detail)
  SELECT ticket_id, 1795341600, 'anna', 'created', '{"channel":"api","priority":"normal"}'
  FROM messages WHERE id = last_insert_rowid();
COMMIT;
SQL
sync
hyperfine --shell=none --warmup 20 --runs "$runs" --export-markdown "$dir/result.md" \
    -n "tkt new" "$tkt new --subject 'Printer on fire' --from 'Bob Smith <bob@example.com>' --body 'It is burning'" \
    -n "sqlite3 INSERT (baseline)" "sqlite3 -init $dir/insert.sql $dir/tkt.db .quit"
cat "$dir/result.md"
echo "rows: $(sqlite3 "$dir/tkt.db" 'SELECT count(*) FROM tickets') tickets"
