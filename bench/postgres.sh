#!/bin/bash
# tkt on PostgreSQL next to tkt on SQLite, in one hyperfine run: `tkt new` and
# `tkt new --email`, one process per ticket, the server on a local Unix socket (a
# temporary cluster of tests/pg/cluster.py, fsync on), the SQLite file on the same disk.
# Usage: bench/postgres.sh [PATH-TO-TKT] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${TKT_TEST_POSTGRES:-}" ]; then
    CLUSTER_FSYNC=on exec python3 "$here/../tests/pg/cluster.py" "$0" "$@"
fi
tkt=$(realpath "${1:-build/tkt}")
runs=${2:-300}
dir=$(mktemp -d "${TMPDIR:-/tmp}/tkt-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export TKT_CONFIG=$dir/config TKT_NOW=2026-11-22T10:00:00Z
sqlite=$dir/tkt.db
pg=$TKT_TEST_POSTGRES
TKT_DB=$sqlite "$tkt" init >/dev/null
TKT_DB=$pg "$tkt" --config "$dir/config2" init >/dev/null
mail=$dir/mail.eml
printf 'From: Bob Smith <bob@example.com>\nTo: support@example.com\nSubject: Printer on fire\nDate: Sun, 22 Nov 2026 09:00:00 +0000\n\nIt is burning.\n' > "$mail"
# Each --email call gets a new Message-ID, as every delivery has: {n} is hyperfine's.
new="new --subject 'Printer on fire' --from 'Bob Smith <bob@example.com>' --body 'It is burning'"
email() { echo "sed 's/^Subject:/Message-ID: <'\$RANDOM\$RANDOM.\$\$@example.com'>\nSubject:/' $mail | $tkt --db '$1' new --email >/dev/null"; }
hyperfine --warmup 20 --runs "$runs" -N --export-markdown "$dir/new.md" \
    -n "tkt new, SQLite" "$tkt --db $sqlite $new" \
    -n "tkt new, PostgreSQL" "$tkt --db $pg $new"
hyperfine --warmup 20 --runs "$runs" --export-markdown "$dir/email.md" \
    -n "tkt new --email, SQLite" "$(email "$sqlite")" \
    -n "tkt new --email, PostgreSQL" "$(email "$pg")"
cat "$dir/new.md" "$dir/email.md"
