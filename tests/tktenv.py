"""The tkt test environment for the Python tests (stats, load, faults, crash), as
tests/e2e/setup.sh is for the transcripts: a database and config of the test's own,
a fixed clock, UTC, the agent anna, and nothing of the caller's own tkt settings.

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # tests/
    import tktenv
    env = tktenv.environment(folder)                # TKT_NOW fixed at tktenv.NOW
    env = tktenv.environment(folder, now=None, TKT_LOCK_TIMEOUT="1s")
"""
import os

# The clock every test starts from unless it says otherwise.
NOW = "2026-11-22T10:00:00Z"

# What a caller's shell may set that would change what tkt does in a test.
CLEARED = ("NO_COLOR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "TKT_DB", "TKT_CONFIG", "TKT_NOW",
           "TKT_LOCK_TIMEOUT", "LD_PRELOAD")


def environment(folder, now=NOW, **extra):
    """Returns the environment for tkt on FOLDER/tkt.db and FOLDER/config, at NOW (None:
    the real clock), with EXTRA variables set on top."""
    env = {name: value for name, value in os.environ.items() if name not in CLEARED}
    env.update(TKT_DB=os.path.join(str(folder), "tkt.db"), TKT_CONFIG=os.path.join(str(folder), "config"),
               TZ="UTC", USER="anna", LC_ALL="C.UTF-8")
    if now is not None:
        env["TKT_NOW"] = now
    env.update(extra)
    return env


def bin_dir(flag=None):
    """Returns the folder of the tkt under test: FLAG, else $TKT_BIN_DIR; None when
    neither names a folder holding an executable tkt."""
    folder = flag or os.environ.get("TKT_BIN_DIR")
    if folder and os.access(os.path.join(folder, "tkt"), os.X_OK):
        return folder
    return None
