#!/bin/bash
# Mail arriving 50 deliveries at a time: messages/s that `tkt new --email` stores on
# SQLite and on PostgreSQL (a local cluster of tests/pg/cluster.py, fsync on), in one
# run. Each delivery retries on exit 75, as a mail server would.
# Usage: bench/postgres_concurrent.sh [PATH-TO-TKT] [MESSAGES] [PROCESSES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${TKT_TEST_POSTGRES:-}" ]; then
    CLUSTER_FSYNC=on exec python3 "$here/../tests/pg/cluster.py" "$0" "$@"
fi
tkt=$(realpath "${1:-build/tkt}")
count=${2:-1000}
procs=${3:-50}
dir=$(mktemp -d "${TMPDIR:-/tmp}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export TKT_CONFIG=$dir/config TKT_NOW=2026-11-22T10:00:00Z
mkdir "$dir/mail"
for n in $(seq "$count"); do
    printf 'From: Customer %s <c%s@example.com>\nTo: support@example.com\nSubject: Parcel %s\nMessage-ID: <m%s@example.com>\n\nWhere is parcel %s?\n' \
        "$n" "$n" "$n" "$n" "$n" > "$dir/mail/$n.eml"
done
deliver() {  # DB FILE: one delivery, retried on 75
    until "$tkt" --db "$1" new --email < "$2" > /dev/null 2>&1; do
        [ $? -eq 75 ] || { echo "delivery of $2 failed" >&2; return 1; }
        sleep 0.05
    done
}
export -f deliver; export tkt
for backend in SQLite PostgreSQL; do
    db=$dir/tkt.db
    [ $backend = PostgreSQL ] && db=$TKT_TEST_POSTGRES
    "$tkt" --db "$db" init > /dev/null
    start=$(date +%s.%N)
    ls "$dir/mail"/*.eml | xargs -P "$procs" -I{} bash -c 'deliver "$0" {}' "$db"
    end=$(date +%s.%N)
    stored=$("$tkt" --db "$db" list status:any --limit 0 | wc -l)
    echo "$backend: $stored of $count messages stored in $(echo "$end - $start" | bc) s by $procs processes at a time: $(echo "scale=1; $stored / ($end - $start)" | bc) messages/s"
done
