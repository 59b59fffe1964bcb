#!/bin/bash
# Time of `tkt route --all` over 100,000 unrouted tickets and of `tkt escalate
# --overdue` over 100,000 open ones (first run: every breach recorded and acted on;
# second run: nothing new), next to `tkt list` reading the same tickets (baseline),
# in one hyperfine run each. The tickets are the SpamAssassin corpus imported ten
# times over, with tkt init's starter routing.toml and sla.toml.
# Usage: bench/route.sh [PATH-TO-TKT] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tkt=$(realpath "${1:-$root/build/tkt}")
runs=${2:-3}
dir=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export TKT_CONFIG=$dir/config TKT_NOW=2026-11-20T10:00:00Z USER=anna

"$root/bench/make_mbox.sh" "$dir/part.mbox" 10000
for i in 0 1 2 3 4 5 6 7 8 9; do
    sed "s/^Message-ID: <bench-\([0-9]*\)@/Message-ID: <bench-\1-$i@/" "$dir/part.mbox"
done > "$dir/bench.mbox"
"$tkt" --db "$dir/base.db" init --name "Anna Smirnova" > /dev/null
sed -i 's/^on_new = true/on_new = false/' "$dir/config/config.toml"
"$tkt" --db "$dir/base.db" import mbox "$dir/bench.mbox" > /dev/null
echo "open tickets: $(sqlite3 "$dir/base.db" "SELECT count(*) FROM tickets WHERE status IN ('new','open','pending')")"

sync
hyperfine --runs "$runs" --export-markdown "$dir/route.md" \
    --prepare "cp $dir/base.db $dir/t.db; rm -f $dir/t.db-wal $dir/t.db-shm" \
    -n "tkt list, all open (baseline)" "$tkt --db $dir/t.db list > /dev/null" \
    -n "tkt route --all" "$tkt --db $dir/t.db route --all > /dev/null"

"$tkt" --db "$dir/base.db" route --all > /dev/null
cp "$dir/base.db" "$dir/breached.db"
TKT_NOW=2026-11-25T10:00:00Z "$tkt" --db "$dir/breached.db" escalate --overdue > /dev/null
export TKT_NOW=2026-11-25T10:00:00Z
sync
hyperfine --runs "$runs" --export-markdown "$dir/overdue.md" \
    -n "tkt list, all open (baseline)" --prepare "true" \
    "$tkt --db $dir/base.db list > /dev/null" \
    -n "tkt escalate --overdue, first run" \
    --prepare "cp $dir/base.db $dir/t.db; rm -f $dir/t.db-wal $dir/t.db-shm" \
    "$tkt --db $dir/t.db escalate --overdue > /dev/null" \
    -n "tkt escalate --overdue, nothing new" --prepare "true" \
    "$tkt --db $dir/breached.db escalate --overdue > /dev/null"
cat "$dir/route.md" "$dir/overdue.md"
echo "breaches recorded: $(sqlite3 "$dir/breached.db" 'SELECT count(*) FROM sla_breaches')"
