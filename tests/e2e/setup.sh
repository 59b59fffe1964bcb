# Sourced by every transcript: a fresh database and config in cram's temporary
# folder, a fixed clock, UTC, and the tkt under test first on PATH.
export TKT_DB="$PWD/tkt.db"
export TKT_CONFIG="$PWD/config"
export TKT_NOW=2026-11-22T10:00:00Z
export TZ=UTC
export USER=anna
export PATH="$TKT_BIN_DIR:$PATH"
unset NO_COLOR XDG_DATA_HOME XDG_CONFIG_HOME TKT_LOCK_TIMEOUT
# The shared corpora sit beside the repository (ctest sets this too).
export TKT_SHARED_DIR="${TKT_SHARED_DIR:-$TESTDIR/../../../shared}"
