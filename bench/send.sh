#!/bin/bash
# One outage message to N tickets (default 5,000), sent: `tkt reply --where
# queue:outage --message ... --send` with a stand-in sendmail that reads the message
# and exits 0 (`cat`), and with one that also sleeps 5 ms a message, as a real MTA
# takes its time to queue one; against the same reply recorded without --send, the
# cost of rendering, composing and recording that every variant pays. Each run starts
# from the same database (hyperfine --prepare copies it back), made once with the
# sqlite3 shell: N open tickets of queue "outage" with a customer message each.
# Usage: bench/send.sh [PATH-TO-TKT] [N] [RUNS]; BENCH_TMPDIR picks the file system,
# BENCH_PARALLEL (when set) is written as mail.parallel in the config.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tkt=$(realpath "${1:-$root/build/tkt}")
count=${2:-5000}
runs=${3:-1}
dir=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

export TKT_CONFIG=$dir/config TKT_NOW=2026-11-22T10:00:00Z TKT_DB=$dir/bench.db USER=anna
"$tkt" init --name "Anna Smirnova" --email anna@example.com >/dev/null
printf '#!/bin/sh\nexec cat > /dev/null\n' > "$dir/sendmail-cat"
printf '#!/bin/sh\ncat > /dev/null\nsleep 0.005\n' > "$dir/sendmail-slow"
chmod +x "$dir/sendmail-cat" "$dir/sendmail-slow"
for variant in cat slow; do
    mkdir -p "$dir/$variant"
    cp -r "$dir/config/." "$dir/$variant/"
    {
        printf '[agent]\nlogin = "anna"\nfull_name = "Anna Smirnova"\nemail = "anna@example.com"\n'
        printf '[mail]\nfrom = "Support <support@example.com>"\nsendmail = ["%s"]\n' "$dir/sendmail-$variant"
        if [[ -n ${BENCH_PARALLEL:-} ]]; then printf 'parallel = %s\n' "$BENCH_PARALLEL"; fi
        printf '[routing]\non_new = false\n'
    } > "$dir/$variant/config.toml"
done
sqlite3 "$dir/pristine.db" ".restore $dir/bench.db"
sqlite3 "$dir/pristine.db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
INSERT INTO tickets (id, subject, requester, requester_name, channel, queue, status, created_at, updated_at)
SELECT i, 'Cannot log in ' || i, 'customer' || i || '@example.com', 'Customer ' || i, 'email', 'outage', 'open',
       1795330000 + i, 1795330000 + i
FROM n;
INSERT INTO messages (ticket_id, direction, message_id, author, subject, body, created_at)
SELECT id, 'in', 'login' || id || '@example.com', requester, subject, 'I cannot log in since this morning.',
       created_at
FROM tickets;
INSERT INTO events (ticket_id, at, actor, kind, detail)
SELECT id, created_at, requester, 'created', '{"channel":"email"}' FROM tickets;
COMMIT;
SQL
echo "$count tickets; SQLite $(sqlite3 --version | cut -d' ' -f1), $(nproc) cores," \
    "load $(cut -d' ' -f1-3 /proc/loadavg)"
reply="$tkt reply --where queue:outage --lang en --message 'Logging in works again: we fixed it at 09:40.'"
sync
hyperfine --runs "$runs" --prepare "cp $dir/pristine.db $dir/bench.db; rm -f $dir/bench.db-wal" \
    --export-markdown "$dir/result.md" \
    -n 'reply, recorded only (baseline)' "$reply > /dev/null" \
    -n 'reply --send, sendmail = cat' "env TKT_CONFIG=$dir/cat $reply --send > /dev/null" \
    -n 'reply --send, sendmail = cat + 5 ms' "env TKT_CONFIG=$dir/slow $reply --send > /dev/null"
cat "$dir/result.md"
# What the last run did: every reply recorded and sent once.
echo "sent: $(sqlite3 "$dir/bench.db" "SELECT count(*) FROM outbox WHERE state = 'sent'") of" \
    "$(sqlite3 "$dir/bench.db" "SELECT count(*) FROM outbox")"
