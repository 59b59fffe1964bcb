# Sourced by the benchmarks of the 1,000,000-ticket database (stats.sh, search.sh,
# similar.sh) with their arguments: sets `root` (the repository), `tkt` (TKT, default
# build/tkt), `dir` (a temporary folder, removed on exit) and `million_db`: the
# database given as $1, else $BENCH_DIR/stats.db if BENCH_DIR is set, else one in
# `dir`; bench/make_stats_db.sh builds it when it is missing.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tkt=$(realpath "${TKT:-$root/build/tkt}")
dir=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
million_db=${1:-${BENCH_DIR:+$BENCH_DIR/stats.db}}
million_db=${million_db:-$dir/stats.db}
if [[ ! -e $million_db ]]; then
    TKT=$tkt "$root/bench/make_stats_db.sh" "$million_db"
fi
million_db=$(realpath "$million_db")
