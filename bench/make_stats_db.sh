#!/bin/bash
# Builds a database for benchmarking tkt stats: TICKETS tickets (default 1,000,000)
# over the two years before 2026-11-22, with their messages, events and SLA breaches
# (bench/make_stats_db.sql tells the story). Deterministic: the same TICKETS give the
# same rows. The schema is tkt's own, made by `tkt init`, indexes included; the rows
# go in with the journal and fsync off, then `tkt db index` builds the search index.
# ANALYZE is not run, as tkt never runs it.
# Usage: bench/make_stats_db.sh DB [TICKETS]; TKT=path/to/tkt (default build/tkt).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db=${1:?usage: bench/make_stats_db.sh DB [TICKETS]}
tickets=${2:-1000000}
tkt=$(realpath "${TKT:-$root/build/tkt}")
[[ $tickets =~ ^[1-9][0-9]*$ ]] || { echo "make_stats_db.sh: TICKETS must be a positive number" >&2; exit 64; }
if [[ -e $db ]]; then
    echo "make_stats_db.sh: '$db' exists; remove it first" >&2
    exit 73
fi
config=$(mktemp -d "${TMPDIR:-/tmp}/tkt-stats-config.XXXXXX")
trap 'rm -rf "$config"' EXIT

start=$SECONDS
TKT_CONFIG=$config TKT_NOW=2024-11-22T00:00:00Z "$tkt" --db "$db" init --login bench --name "Bench Agent" > /dev/null
sqlite3 -bail "$db" > /dev/null <<SQL
PRAGMA temp_store = MEMORY;
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA locking_mode = EXCLUSIVE;
PRAGMA cache_size = -1000000;
CREATE TEMP TABLE cfg AS
    SELECT $tickets AS n, unixepoch('2024-11-22') AS t_start, unixepoch('2026-11-22') AS t_end;
.read $root/bench/make_stats_db.sql
PRAGMA journal_mode = WAL;
SQL
echo "built $db in $((SECONDS - start)) s ($(du -h "$db" | cut -f1))"
# The rows went in behind tkt's back: its search index is built for them as an upgrade
# builds it for the tickets older than the index.
sqlite3 "$db" "UPDATE search_state SET built_through = 0, build_until = (SELECT max(id) FROM tickets)"
start=$SECONDS
TKT_CONFIG=$config "$tkt" --db "$db" db index > /dev/null
echo "indexed for search in $((SECONDS - start)) s ($(du -h "$db" | cut -f1))"
sqlite3 -column -header "$db" <<'SQL'
SELECT (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM messages) AS messages,
       (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM sla_breaches) AS sla_breaches;
SELECT status, count(*) AS tickets FROM tickets GROUP BY status ORDER BY status;
SELECT kind, count(*) AS events FROM events GROUP BY kind ORDER BY kind;
SQL
