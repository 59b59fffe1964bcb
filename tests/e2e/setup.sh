# Sourced by every transcript: a fresh database and config in cram's temporary
# folder, a fixed clock, UTC, and the tkt under test first on PATH.
export TKT_DB="$PWD/tkt.db"
export TKT_CONFIG="$PWD/config"
export TKT_NOW=2026-11-22T10:00:00Z
export TZ=UTC
export USER=anna
export PATH="$TKT_BIN_DIR:$PATH"
unset NO_COLOR COLUMNS XDG_DATA_HOME XDG_CONFIG_HOME TKT_LOCK_TIMEOUT
# The shared corpora sit beside the repository (ctest sets this too).
export TKT_SHARED_DIR="${TKT_SHARED_DIR:-$TESTDIR/../../../shared}"
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
