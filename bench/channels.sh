#!/bin/bash
# Conversations on other channels (issue 18), each against its baseline in one
# hyperfine run:
#  1. per call: `tkt add` (a chat line joined to a ticket) and `tkt new --from` a phone
#     number (the phone module loaded) next to `tkt new` from a mail address;
#  2. a 10,000-line JSON stream (`tkt new --json`: 1,000 chat threads of 10 lines) next
#     to `tkt import mbox` of 10,000 mails (bench/make_mbox.sh), each into a new database.
# Usage: bench/channels.sh [PATH-TO-TKT] [RUNS]; BENCH_TMPDIR picks the file system.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tkt=$(realpath "${1:-$root/build/tkt}")
runs=${2:-200}
dir=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export TKT_DB=$dir/tkt.db TKT_CONFIG=$dir/config TKT_NOW=2026-11-22T10:00:00Z USER=anna
"$tkt" init --name "Anna Ivanova" >/dev/null
sed -i 's/^# country = /country = /' "$dir/config/config.toml"
"$tkt" new --channel chat --from telegram:1 --subject "Chat" --body "Hello" >/dev/null
echo "SQLite $(sqlite3 --version | cut -d' ' -f1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
sync
hyperfine --shell=none --warmup 20 --runs "$runs" --export-markdown "$dir/calls.md" \
    -n "tkt new (baseline)" "$tkt new --subject 'Printer on fire' --from 'Bob Smith <bob@example.com>' --body 'It is burning'" \
    -n "tkt new --from a phone number" "$tkt new --channel phone --from '8 (900) 123-45-67' --subject 'Call' --body 'Printer on fire'" \
    -n "tkt add" "$tkt add 1 --channel chat --body 'Still burning'"
cat "$dir/calls.md"

python3 - "$dir/stream.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for n in range(10000):
        thread = n % 1000
        out.write(json.dumps({"thread": f"jivo:{thread}", "id": f"m{n}", "from": f"jivo:visitor-{thread}",
                              "name": "Ольга", "body": f"Сообщение {n}: оплата не проходит"}, ensure_ascii=False) + "\n")
PY
"$root/bench/make_mbox.sh" "$dir/bench.mbox" 10000
sync
hyperfine --runs 5 --export-markdown "$dir/stream.md" \
    --prepare "rm -f $dir/s.db $dir/s.db-wal $dir/s.db-shm" \
    -n "tkt import mbox, 10,000 mails (baseline)" "$tkt --db $dir/s.db import mbox $dir/bench.mbox > /dev/null" \
    -n "tkt new --json, 10,000 lines" "$tkt --db $dir/s.db new --json < $dir/stream.jsonl > /dev/null 2>&1"
cat "$dir/stream.md"
"$tkt" --db "$dir/s.db" new --json < "$dir/stream.jsonl" 2>&1 >/dev/null | tail -1
