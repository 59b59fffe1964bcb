#!/bin/bash
# Messages per second of `tkt import mbox` on a 10,000-message mbox, next to GMime
# alone parsing the same file (bench/gmime_parse.c), in one hyperfine run.
# Usage: bench/import.sh [PATH-TO-TKT] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tkt=$(realpath "${1:-$root/build/tkt}")
runs=${2:-5}
dir=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
"$root/bench/make_mbox.sh" "$dir/bench.mbox" 10000
cc -O2 -o "$dir/gmime_parse" "$root/bench/gmime_parse.c" $(pkg-config --cflags --libs gmime-3.0)
"$dir/gmime_parse" "$dir/bench.mbox"
export TKT_CONFIG=$dir/config TKT_NOW=2026-11-22T10:00:00Z
sync
hyperfine --runs "$runs" --export-markdown "$dir/result.md" \
    -n "GMime parse only (baseline)" "$dir/gmime_parse $dir/bench.mbox" \
    -n "tkt import mbox" --prepare "rm -f $dir/tkt.db $dir/tkt.db-wal $dir/tkt.db-shm" \
    "$tkt --db $dir/tkt.db import mbox $dir/bench.mbox"
cat "$dir/result.md"
"$tkt" --db "$dir/tkt.db" import mbox "$dir/bench.mbox" --json
