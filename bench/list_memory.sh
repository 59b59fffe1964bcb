#!/bin/bash
# Peak memory of `tkt list status:any` over 1,000,000 tickets (bench/make_stats_db.sh;
# issue 21 part 4: at most 64 MB for any list of any size) in each format, TSV, --json
# and --csv, and of `tkt show` of one ticket as the baseline: GNU time's maximum
# resident set size, with the seconds each took.
# Usage: bench/list_memory.sh [DB]; DB as for bench/stats.sh. TKT=path/to/tkt.
set -euo pipefail
. "$(dirname "$0")/million_db.sh"
export TZ=UTC TKT_NOW=2026-11-23T00:00:00Z TKT_CONFIG=$dir/config
mkdir -p "$TKT_CONFIG"
printf '[agent]\nlogin = "bench"\nfull_name = "Bench Agent"\n' > "$TKT_CONFIG/config.toml"
printf '| Command | Peak memory [MB] | Time [s] | Output [MB] |\n|:---|---:|---:|---:|\n'
for args in "show 500000" "list status:any" "list status:any --json" "list status:any --csv"; do
    # shellcheck disable=SC2086 # the arguments are words
    /usr/bin/time -f '%M %e' -o "$dir/time" "$tkt" --db "$million_db" $args > "$dir/out"
    read -r kb seconds < "$dir/time"
    echo "| \`tkt $args\` | $((kb / 1024)) | $seconds | $(($(stat -c %s "$dir/out") >> 20)) |"
done
