#!/bin/bash
# Time of `tkt stats --format json` over 1,000,000 tickets (bench/make_stats_db.sh):
# a one-day report and the full history, each next to the same report computed by the
# sqlite3 shell from bench/stats_report.sql (the baseline), in one hyperfine run each.
# Then checks that tkt's numbers and the SQL's agree, metric by metric and agent by
# agent. The clock is fixed: TKT_NOW=2026-11-23T00:00:00Z, TZ=UTC.
# Usage: bench/stats.sh [DB] [RUNS]; DB is built first when missing (default:
# $BENCH_DIR/stats.db if BENCH_DIR is set, kept for the next run; else a temporary
# one). TKT=path/to/tkt (default build/tkt).
set -euo pipefail
runs=${2:-5}
. "$(dirname "$0")/million_db.sh"
db=$million_db
export TZ=UTC TKT_NOW=2026-11-23T00:00:00Z TKT_CONFIG=$dir/config
mkdir -p "$TKT_CONFIG"
now=$(date -ud "$TKT_NOW" +%s)

# The two reports: name, --since, --until (local midnights, and TZ is UTC).
periods=("one day" 2026-11-21 2026-11-22 "full history" 2000-01-01 2026-11-23)
has_stats=yes
if ! "$tkt" stats --help > /dev/null 2>&1; then
    has_stats=no
    echo "stats.sh: '$tkt' has no stats command; timing the SQL alone" >&2
fi

# The sqlite3 command that prints the report of [$1, $2), with tkt's clock.
sql_report() {
    echo "sqlite3 -cmd '.parameter set @since $(date -ud "$1" +%s)'" \
        "-cmd '.parameter set @until $(date -ud "$2" +%s)' -cmd '.parameter set @now $now'" \
        "$db < $root/bench/stats_report.sql"
}

sync
for ((i = 0; i < ${#periods[@]}; i += 3)); do
    name=${periods[i]} since=${periods[i + 1]} until=${periods[i + 2]}
    commands=()
    if [[ $has_stats == yes ]]; then
        commands+=(-n "tkt stats, $name" "$tkt --db $db stats --since $since --until $until --format json > /dev/null")
    fi
    commands+=(-n "sqlite3 stats_report.sql, $name (baseline)" "$(sql_report "$since" "$until") > /dev/null")
    hyperfine --warmup 1 --runs "$runs" --export-markdown "$dir/${since}.md" "${commands[@]}"
done
for ((i = 0; i < ${#periods[@]}; i += 3)); do
    echo "${periods[i]}, ${periods[i + 1]} to ${periods[i + 2]}:"
    cat "$dir/${periods[i + 1]}.md"
done
[[ $has_stats == yes ]] || exit 0

# tkt's JSON next to the SQL's lines: counts and seconds must be equal, shares and
# means equal to 1e-9.
status=0
for ((i = 0; i < ${#periods[@]}; i += 3)); do
    since=${periods[i + 1]} until=${periods[i + 2]}
    "$tkt" --db "$db" stats --since "$since" --until "$until" --format json > "$dir/tkt.json"
    eval "$(sql_report "$since" "$until")" > "$dir/sql.txt"
    echo "${periods[i]}: tkt stats against stats_report.sql"
    python3 - "$dir/tkt.json" "$dir/sql.txt" <<'PY' || status=1
import json, math, sys

def flatten(node, prefix=""):
    for key, value in node.items():
        if isinstance(value, dict):
            yield from flatten(value, prefix + key + ".")
        elif key != "agents":
            yield prefix + key, value

total = json.load(open(sys.argv[1]))["total"]
tkt = dict(flatten(total))
for agent in total["agents"]:
    for key, value in agent.items():
        if key != "agent":
            tkt[f"agent {agent['agent']} {key}"] = value
sql = {}
for line in open(sys.argv[2]).read().splitlines():
    fields = [None if field == "" else float(field) if field[:1].isdigit() or field[:1] == "-" else field
              for field in line.split("|")]
    if fields[0] == "agent":
        for key, value in zip(["replies", "bulk_replies", "solved", "hours", "per_hour", "replies_per_hour"], fields[2:]):
            sql[f"agent {fields[1]} {key}"] = value
    else:
        sql[fields[0]] = fields[1]
differ = 0
for key in sorted(set(tkt) | set(sql), key=lambda k: (k.startswith("agent"), k)):
    a, b = tkt.get(key), sql.get(key)
    same = a == b or (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9))
    if not same:
        differ += 1
        print(f"  {key}: tkt {a}, sql {b}")
print(f"  {len(tkt)} values from tkt, {len(sql)} from the SQL, {differ} differ")
sys.exit(1 if differ else 0)
PY
done
exit $status
