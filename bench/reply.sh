#!/bin/bash
# Per-call time of `tkt reply --dry-run` (plain text, and --mime, which loads the mail
# module to compose) next to `tkt show` on the same ticket, in one hyperfine run: the
# cost of rendering a reply over the cost of reading the ticket it answers; and what
# linting the reply costs, against the same reply with an empty phrase list, for a
# Russian ticket (1) and an English one (3).
# Usage: bench/reply.sh [PATH-TO-TKT] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tkt=$(realpath "${1:-build/tkt}")
runs=${2:-300}
dir=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export TKT_DB=$dir/tkt.db TKT_CONFIG=$dir/config TKT_NOW=2026-11-22T12:00:00Z USER=anna
"$tkt" init --name "Anna Smirnova" --email anna@example.com >/dev/null
"$tkt" import maildir "$root/samples/mail" >/dev/null
cp -r "$dir/config" "$dir/unlinted" && printf 'replace = true\n' > "$dir/unlinted/lint.toml"
hyperfine --shell=none --warmup 20 --runs "$runs" --export-markdown "$dir/result.md" \
    -n "tkt show 1 (baseline)" "$tkt show 1" \
    -n "tkt reply 1 --dry-run, no phrase list" "env TKT_CONFIG=$dir/unlinted $tkt reply 1 --template still_working --dry-run" \
    -n "tkt reply 1 --dry-run (ru)" "$tkt reply 1 --template still_working --dry-run" \
    -n "tkt reply 3 --dry-run (en)" "$tkt reply 3 --template still_working --dry-run" \
    -n "tkt reply 1 --dry-run --mime" "$tkt reply 1 --template still_working --dry-run --mime"
cat "$dir/result.md"
