#!/bin/bash
# A bulk change of 10,000 tickets in one transaction: `tkt tag --where` (an outage tag)
# and `tkt close --where` (a status) against `tkt list` of the same filter, the read
# that every bulk change starts with, in one hyperfine run. Each run starts from the
# same database (hyperfine --prepare copies it back), made once with the sqlite3 shell:
# 10,000 open tickets of queue "logistics" with a message and a `created` event each,
# among 10,000 of queue "general".
# Usage: bench/bulk.sh [PATH-TO-TKT] [RUNS]; BENCH_TMPDIR picks the file system.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tkt=$(realpath "${1:-$root/build/tkt}")
runs=${2:-10}
dir=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

export TKT_CONFIG=$dir/config TKT_NOW=2026-11-22T10:00:00Z TKT_DB=$dir/bench.db USER=anna
"$tkt" init >/dev/null
sqlite3 "$dir/pristine.db" ".restore $dir/bench.db"
sqlite3 "$dir/pristine.db" <<'SQL'
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO tickets (id, subject, requester, channel, queue, status, created_at, updated_at)
SELECT i, 'Parcel ' || i, 'customer' || i || '@example.com', 'email',
       CASE WHEN i % 2 = 0 THEN 'logistics' ELSE 'general' END, 'open', 1795330000 + i, 1795330000 + i
FROM n;
INSERT INTO messages (ticket_id, direction, author, subject, body, created_at)
SELECT id, 'in', requester, subject, 'Where is my parcel?', created_at FROM tickets;
INSERT INTO events (ticket_id, at, actor, kind, detail)
SELECT id, created_at, requester, 'created', '{"channel":"email"}' FROM tickets;
COMMIT;
SQL
echo "$(sqlite3 "$dir/pristine.db" "SELECT count(*) FROM tickets WHERE queue = 'logistics'") tickets match;" \
    "SQLite $(sqlite3 --version | cut -d' ' -f1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
sync
hyperfine --runs "$runs" --warmup 1 --prepare "cp $dir/pristine.db $dir/bench.db; rm -f $dir/bench.db-wal" \
    --export-markdown "$dir/result.md" \
    -n 'tkt list queue:logistics (baseline)' "$tkt list queue:logistics > /dev/null" \
    -n 'tkt tag --where queue:logistics +outage' "$tkt tag --where queue:logistics +outage > /dev/null" \
    -n 'tkt close --where queue:logistics' "$tkt close --where queue:logistics > /dev/null"
cat "$dir/result.md"
# What the last run wrote: every ticket closed, with its event, in one transaction.
echo "closed: $(sqlite3 "$dir/bench.db" "SELECT count(*) FROM tickets WHERE status = 'closed'")," \
    "status events: $(sqlite3 "$dir/bench.db" "SELECT count(*) FROM events WHERE kind = 'status'")"
