# Sourced by every transcript: a fresh database and config in cram's temporary
# folder, a fixed clock, UTC, and the tkt under test first on PATH.
# TKT_TEST_DB: a PostgreSQL database of its own, when the suite runs on one.
export TKT_DB="${TKT_TEST_DB:-$PWD/tkt.db}"
export TKT_CONFIG="$PWD/config"
export TKT_NOW=2026-11-22T10:00:00Z
export TZ=UTC
export USER=anna
export PATH="$TKT_BIN_DIR:$PATH"
unset NO_COLOR COLUMNS XDG_DATA_HOME XDG_CONFIG_HOME TKT_LOCK_TIMEOUT
# The shared corpora sit beside the repository (ctest sets this too).
export TKT_SHARED_DIR="${TKT_SHARED_DIR:-$TESTDIR/../../../shared}"
# sql STATEMENTS: runs SQL on the test database, SQLite's or PostgreSQL's, and prints
# the rows as sqlite3 does (columns joined by |, no headings).
sql() {
    if [ -n "${TKT_TEST_DB:-}" ]; then
        psql -X -q -A -t -F'|' -v ON_ERROR_STOP=1 -d "$TKT_TEST_DB" -c "$1"
    else
        sqlite3 "$TKT_DB" "$1"
    fi
}
# set_schema_version N: records schema N in the test database, as a newer tkt would.
set_schema_version() {
    if [ -n "${TKT_TEST_DB:-}" ]; then
        sql "UPDATE tkt_schema SET version = $1"
    else
        sql "PRAGMA user_version = $1"
    fi
}
# check_database: SQLite's integrity check of the test database ("ok"). On PostgreSQL,
# whose server checks its own pages, "ok" when no session was left holding a
# transaction open on it (what a tkt process killed or failing part-way could leave).
check_database() {
    if [ -n "${TKT_TEST_DB:-}" ]; then
        sql "SELECT CASE WHEN count(*) = 0 THEN 'ok' ELSE count(*) || ' transactions left open' END
             FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
             AND state LIKE 'idle in transaction%'"
    else
        sql 'PRAGMA integrity_check'
    fi
}
# lock_for SECONDS: holds the test database's write lock that long, as a busy writer
# would (SQLite's BEGIN IMMEDIATE; on PostgreSQL tkt's advisory lock, 0x746b74).
lock_for() {
    if [ -n "${TKT_TEST_DB:-}" ]; then
        sql "SELECT pg_advisory_lock(7629684), pg_sleep($1)" >/dev/null
    else
        (echo 'BEGIN IMMEDIATE;'; sleep "$1"; echo 'COMMIT;') | sqlite3 "$TKT_DB"
    fi
}
# new_database NAME: prints the location of a new, empty database of the backend under
# test: NAME.db here, or a PostgreSQL database made for it on the test server.
new_database() {
    if [ -n "${TKT_TEST_DB:-}" ]; then
        local name
        name="$1_$(echo "$TKT_TEST_DB" | sed 's|^postgresql:///\([^?]*\)?.*|\1|')"
        sql "CREATE DATABASE $name" >/dev/null
        echo "$TKT_TEST_DB" | sed "s|^postgresql:///[^?]*|postgresql:///$name|"
    else
        echo "$PWD/$1.db"
    fi
}
# hold [immediate|exclusive] [DB]: another process takes DB's write lock (default
# tkt.db) and keeps it until release (tests/e2e/hold_lock.py).
hold() {
    rm -f held release
    python3 "$TESTDIR/hold_lock.py" "${2:-tkt.db}" "${1:-immediate}" >/dev/null 2>&1 &
    until [ -e held ]; do sleep 0.02; done
}
release() {
    touch release
    while [ -e held ]; do sleep 0.02; done
    rm -f release
}
