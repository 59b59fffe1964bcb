#!/bin/bash
# Full-text search over 1,000,000 tickets (bench/make_stats_db.sh; issue 19):
#  1. the build of the index for the tickets older than it (an upgrade), timed once;
#  2. the index's size against the database's;
#  3. `tkt search` for a common word (in most tickets) and a rare one (in three), a
#     page of 20, against `tkt list` of a page of 20 (the baseline), in one hyperfine run;
#  4. `tkt new --email` with the index, and with TKT_BASE (a tkt built before it, on a
#     copy of the same database) without it, in one hyperfine run.
# Usage: bench/search.sh [DB] [RUNS]; DB is the 1M-ticket database, built first when
# missing (default: $BENCH_DIR/stats.db if BENCH_DIR is set, else a temporary one). It
# is copied, never changed. TKT=path/to/tkt (default build/tkt). TKT_BASE, e.g.:
#   git worktree add /tmp/base da8e42f && cmake -S /tmp/base -B /tmp/base/build \
#     -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build /tmp/base/build --target tkt
set -euo pipefail
runs=${2:-20}
. "$(dirname "$0")/million_db.sh"
source_db=$million_db
export TZ=UTC TKT_NOW=2026-11-23T00:00:00Z TKT_CONFIG=$dir/config
mkdir -p "$TKT_CONFIG"
printf '[agent]\nlogin = "bench"\nfull_name = "Bench Agent"\n' > "$TKT_CONFIG/config.toml"

db=$dir/search.db
cp "$source_db" "$db"
# As an upgrade finds it: every older ticket to build (from scratch when the copy had
# no index yet, over the old documents when it had one).
"$tkt" --db "$db" list --limit 1 > /dev/null
sqlite3 "$db" "UPDATE search_state SET built_through = 0, build_until = (SELECT max(id) FROM tickets)"
echo "== building the search index of $(sqlite3 "$db" 'SELECT count(*) FROM tickets') tickets" \
    "($(sqlite3 "$db" 'SELECT count(*) FROM ticket_text_docsize') documents there already)"
start=$(date +%s.%N)
"$tkt" --db "$db" db index
echo "built in $(echo "$(date +%s.%N) - $start" | bc) s"
"$tkt" --db "$db" db check | tail -1

echo "== size"
total=$(sqlite3 "$db" "SELECT sum(pgsize) FROM dbstat")
index=$(sqlite3 "$db" "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'ticket_text%'")
echo "database $((total >> 20)) MiB, of which the search index $((index >> 20)) MiB ($((100 * index / total))%)"
sqlite3 "$db" "SELECT '  ' || name, (sum(pgsize) >> 20) || ' MiB' FROM dbstat WHERE name LIKE 'ticket_text%' GROUP BY name"

# Three tickets that mention a rare word, as a desk's mail would bring them.
for i in 1 2 3; do
    "$tkt" --db "$db" new --from "rare$i@example.com" --subject "Кассовый аппарат $i" \
        --body "Фискальный накопитель переполнен, касса не закрывает смену." > /dev/null
done
echo "== search against list, a page of 20 each"
hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$dir/search.md" \
    -n "tkt list --limit 20 status:any (baseline)" "$tkt --db $db list --limit 20 status:any" \
    -n "tkt search order (common word)" "$tkt --db $db search order" \
    -n "tkt search накопитель (rare word)" "$tkt --db $db search накопитель" \
    -n "tkt search '\"refund the second\"' (phrase)" "$tkt --db $db search '\"refund the second\"'" \
    -n "tkt list --limit 20 refund (text term)" "$tkt --db $db list --limit 20 refund"
cat "$dir/search.md"

echo "== tkt new --email with the index, and by TKT_BASE without it"
mail=$dir/mail.eml
printf 'From: Bob <bob@example.com>\nTo: support@example.com\nSubject: Printer on fire\nMessage-ID: <x@example.com>\n\nThe receipt printer in the hall smokes. Please send someone.\n' > "$mail"
# Each run a new Message-ID, so that every run stores a ticket.
cat > "$dir/deliver.sh" << 'SCRIPT'
#!/bin/sh
sed "s/^Message-ID: .*/Message-ID: <$(date +%s%N)@example.com>/" "$3" | "$1" --db "$2" new --email > /dev/null
SCRIPT
chmod +x "$dir/deliver.sh"
commands=(-n "tkt new --email (with the index)" "$dir/deliver.sh $tkt $db $mail")
if [[ -n ${TKT_BASE:-} ]]; then
    base=$(realpath "$TKT_BASE")
    cp "$source_db" "$dir/base.db"
    "$base" --db "$dir/base.db" list --limit 1 > /dev/null
    commands+=(-n "tkt new --email (TKT_BASE, no index)" "$dir/deliver.sh $base $dir/base.db $mail")
fi
hyperfine -N --warmup 5 --runs "$runs" --export-markdown "$dir/new.md" "${commands[@]}"
cat "$dir/new.md"
