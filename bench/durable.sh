#!/bin/bash
# The price of exit 0 meaning "on disk": `tkt new` and `tkt new --email` (with the
# synchronous setting the code now has) next to floor, the least a process can do to
# store one ticket (../shared/bench/floor.c), with synchronous=NORMAL and FULL, in one
# hyperfine run after sync. Each command has its own database; each run gets a new
# Message-ID, so that no delivery is a duplicate.
# Usage: bench/durable.sh [PATH-TO-TKT] [RUNS]; BENCH_TMPDIR picks the file system, and
# fsync costs what that file system makes it cost: the script prints which one it is.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tkt=$(realpath "${1:-$root/build/tkt}")
runs=${2:-200}
shared=$root/../shared/bench
dir=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT

# floor as its README builds it, into the temporary folder (never into the repository).
gcc -O2 -o "$dir/floor" "$shared/floor.c" -lsqlite3
for sync in NORMAL FULL; do
    (echo 'PRAGMA journal_mode=WAL;'; cat "$shared/floor-schema.sql") | sqlite3 "$dir/floor-$sync.db" >/dev/null
done
export TKT_CONFIG=$dir/config TKT_NOW=2026-11-22T10:00:00Z
TKT_DB=$dir/new.db "$tkt" init >/dev/null
TKT_DB=$dir/email.db "$tkt" init >/dev/null
cp "$root/tests/e2e/mail/attachment-rfc2231.eml" "$dir/message.eml"
# A new Message-ID before each run of every command, so that all four pay the same.
cat > "$dir/next-id.sh" <<SH
#!/bin/sh
n=\$(cat $dir/n 2>/dev/null || echo 0); n=\$((n + 1)); echo \$n > $dir/n
sed -i "s/^Message-ID: .*/Message-ID: <bench-\$n@example.com>/" $dir/message.eml
SH
chmod +x "$dir/next-id.sh"

echo "file system under $dir:"
df -T "$dir" | tail -1
echo "SQLite $(sqlite3 --version | cut -d' ' -f1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
sync
# What one synchronous 4 KiB write costs there now: the unit of FULL's price.
dd if=/dev/zero of="$dir/probe" bs=4k count=200 oflag=dsync 2>&1 | tail -1 |
    awk '{printf "200 synchronous 4 KiB writes: %s s, %.2f ms each\n", $(NF-3), $(NF-3) * 1000 / 200}'
rm "$dir/probe"
sync
hyperfine --warmup 5 --runs "$runs" --prepare "$dir/next-id.sh" \
    --export-json "$dir/result.json" --export-markdown "$dir/result.md" \
    -n "floor NORMAL" "$dir/floor $dir/floor-NORMAL.db NORMAL 1" \
    -n "floor FULL" "$dir/floor $dir/floor-FULL.db FULL 1" \
    -n "tkt new" "TKT_DB=$dir/new.db $tkt new --subject 'Printer on fire' --from 'Bob Smith <bob@example.com>' --body 'It is burning'" \
    -n "tkt new --email" "TKT_DB=$dir/email.db $tkt new --email < $dir/message.eml"
cat "$dir/result.md"
# The ratios of the means, and of the medians, which a burst of writeback on a shared
# machine moves less.
python3 - "$dir/result.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
for a, b in (("tkt new", "floor FULL"), ("tkt new --email", "floor FULL"), ("floor FULL", "floor NORMAL")):
    print(f"{a} / {b}: {results[a]['mean'] / results[b]['mean']:.2f} (medians: "
          f"{results[a]['median'] / results[b]['median']:.2f})")
PY
for db in floor-NORMAL floor-FULL new email; do
    echo "$db: $(sqlite3 "$dir/$db.db" 'SELECT count(*) FROM tickets') tickets"
done
