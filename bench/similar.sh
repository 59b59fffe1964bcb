#!/bin/bash
# Past answers over 1,000,000 tickets (bench/make_stats_db.sh; issue 19), in one
# hyperfine run against `tkt list` of a page of 20 and `tkt search` of one word (the
# baselines): `tkt similar` for a ticket whose words are rare (three solved tickets
# about a fiscal drive are added, as a desk's mail would bring them), and for one of
# the generator's tickets, whose words are all common: the cost of counting them.
# Usage: bench/similar.sh [DB] [RUNS]; DB defaults to $BENCH_DIR/stats.db if BENCH_DIR
# is set, else one built in a temporary folder. It is copied, never changed; its
# search index must be built (make_stats_db.sh builds it). TKT=path/to/tkt.
set -euo pipefail
runs=${2:-20}
. "$(dirname "$0")/million_db.sh"
source_db=$million_db
db=$dir/similar.db
cp "$source_db" "$db"
export TZ=UTC TKT_NOW=2026-11-23T00:00:00Z TKT_CONFIG=$dir/config
mkdir -p "$TKT_CONFIG"
printf '[agent]\nlogin = "bench"\nfull_name = "Bench Agent"\n' > "$TKT_CONFIG/config.toml"
if [[ $(sqlite3 "$db" "SELECT built_through >= build_until FROM search_state") != 1 ]]; then
    echo "similar.sh: the search index of '$db' is not complete: run 'tkt --db $db db index' first" >&2
    exit 65
fi
generated=$(sqlite3 "$db" "SELECT max(id) FROM tickets WHERE status = 'new'")
answers=("Замените фискальный накопитель: смена не закроется, пока он переполнен."
    "Отправьте отчёты в ОФД, затем закройте смену; накопитель освободится."
    "Фискальный накопитель заблокирован: нужна перерегистрация кассы в налоговой.")
for i in 0 1 2; do
    id=$("$tkt" --db "$db" new --from "shop$i@example.ru" --subject "Касса не закрывает смену" \
        --body "Фискальный накопитель переполнен, смену закрыть нельзя, чеки не печатаются.")
    "$tkt" --db "$db" reply "$id" --message "${answers[$i]}" --status solved > /dev/null
done
fresh=$("$tkt" --db "$db" new --from "shop9@example.ru" --subject "Ошибка фискального накопителя" \
    --body "После обновления кассы накопитель не отвечает, смену не закрыть.")
echo "== similar for ticket $fresh (rare words) and $generated (the generator's, common words)"
for id in "$fresh" "$generated"; do
    echo "ticket $id: $("$tkt" --db "$db" similar "$id" | wc -l) answers"
done
hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$dir/similar.md" \
    -n "tkt list --limit 20 status:any (baseline)" "$tkt --db $db list --limit 20 status:any" \
    -n "tkt search накопитель (baseline: one rare word)" "$tkt --db $db search накопитель" \
    -n "tkt similar $fresh (rare words)" "$tkt --db $db similar $fresh" \
    -n "tkt similar $generated (common words)" "$tkt --db $db similar $generated"
cat "$dir/similar.md"
