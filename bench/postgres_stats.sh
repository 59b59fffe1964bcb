#!/bin/bash
# tkt stats and tkt list over the 1,000,000-ticket history (bench/make_stats_db.sh) on
# PostgreSQL against the same on SQLite: the SQLite file is built (or taken from
# BENCH_DIR), copied into a temporary cluster (tests/pg/cluster.py, fsync on) with
# `tkt db copy`, and each report timed on both in one hyperfine run: a one-day report,
# the full history, and a page of 20 tickets. tkt db copy verifies the copy (rows and
# whole-history metrics equal) before anything is timed.
# Usage: bench/postgres_stats.sh [RUNS]; TKT=path/to/tkt (default build/tkt).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${TKT_TEST_POSTGRES:-}" ]; then
    CLUSTER_FSYNC=on exec python3 "$here/../tests/pg/cluster.py" "$0" "$@"
fi
tkt=$(realpath "${TKT:-$here/../build/tkt}")
runs=${1:-3}
dir=$(mktemp -d "${TMPDIR:-/tmp}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
sqlite=${BENCH_DIR:+$BENCH_DIR/stats.db}
sqlite=${sqlite:-$dir/stats.db}
[ -e "$sqlite" ] || TKT=$tkt "$here/make_stats_db.sh" "$sqlite"
pg=$TKT_TEST_POSTGRES
export TKT_CONFIG=$dir/config TKT_NOW=2026-11-23T00:00:00Z TZ=UTC
start=$SECONDS
"$tkt" db copy "$sqlite" "$pg" | tail -1
echo "db copy: $((SECONDS - start)) s"
psql -X -q -d "$pg" -c ANALYZE
for period in "--since 2026-11-21 --until 2026-11-22" "--since 2000-01-01"; do
    hyperfine -N --warmup 1 --runs "$runs" --export-markdown "$dir/stats.md" \
        -n "stats $period, SQLite" "$tkt --db $sqlite stats $period --format json" \
        -n "stats $period, PostgreSQL" "$tkt --db $pg stats $period --format json" > /dev/null
    cat "$dir/stats.md"
    cmp <("$tkt" --db "$sqlite" stats $period --format json) <("$tkt" --db "$pg" stats $period --format json) &&
        echo "the same report on both"
done
hyperfine -N --warmup 3 --runs $((runs * 10)) --export-markdown "$dir/list.md" \
    -n "list --limit 20, SQLite" "$tkt --db $sqlite list --limit 20" \
    -n "list --limit 20, PostgreSQL" "$tkt --db $pg list --limit 20" > /dev/null
cat "$dir/list.md"
