"""The tkt test environment for the Python tests (stats, load, faults, crash), as
tests/e2e/setup.sh is for the transcripts: a database and config of the test's own,
a fixed clock, UTC, the agent anna, and nothing of the caller's own tkt settings.

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # tests/
    import tktenv
    env = tktenv.environment(folder)                # TKT_NOW fixed at tktenv.NOW
    env = tktenv.environment(folder, now=None, TKT_LOCK_TIMEOUT="1s")
    db = tktenv.connect(env["TKT_DB"])             # to read what tkt stored, on either backend

On PostgreSQL (TKT_TEST_BACKEND=postgres, under tests/pg/cluster.py) the database is
one of its own on the test server rather than FOLDER/tkt.db.
"""
import os
import re
import sqlite3
import subprocess
import uuid

# The clock every test starts from unless it says otherwise.
NOW = "2026-11-22T10:00:00Z"

# What a caller's shell may set that would change what tkt does in a test.
CLEARED = ("NO_COLOR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "TKT_DB", "TKT_CONFIG", "TKT_NOW",
           "TKT_LOCK_TIMEOUT", "LD_PRELOAD")


def postgres():
    """True when the tests run on PostgreSQL."""
    return os.environ.get("TKT_TEST_BACKEND") == "postgres"


_databases = {}


def database(folder):
    """Returns the test database of FOLDER: FOLDER/tkt.db, or on PostgreSQL a new database
    on the test server, made on the first call for FOLDER (it goes with the cluster)."""
    folder = str(folder)
    if not postgres():
        return os.path.join(folder, "tkt.db")
    if folder not in _databases:
        server = os.environ.get("TKT_TEST_POSTGRES")
        if not server:
            raise SystemExit("TKT_TEST_BACKEND=postgres, but TKT_TEST_POSTGRES is not set (tests/pg/cluster.py)")
        name = "py_" + uuid.uuid4().hex[:12]
        subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", server, "-c", f"CREATE DATABASE {name}"],
                       check=True)
        _databases[folder] = server.replace("postgresql:///tkt?", f"postgresql:///{name}?", 1)
    return _databases[folder]


def environment(folder, now=NOW, **extra):
    """Returns the environment for tkt on FOLDER's database (see database) and
    FOLDER/config, at NOW (None: the real clock), with EXTRA variables set on top."""
    env = {name: value for name, value in os.environ.items() if name not in CLEARED}
    env.update(TKT_DB=database(folder), TKT_CONFIG=os.path.join(str(folder), "config"),
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


class _Rows:
    def __init__(self, rows):
        self.rows = rows

    def fetchall(self):
        return self.rows

    def fetchone(self):
        return self.rows[0] if self.rows else None


class _Psql:
    """Reads a PostgreSQL database with psql as sqlite3 reads a file: execute(sql,
    params) with ?, or :name and a dict, and rows of ints, strings and None. For the
    tests' own queries only: parameters are quoted into the text."""

    NULL = "\u2400"

    def __init__(self, uri):
        self.uri = uri

    @staticmethod
    def literal(value):
        if value is None:
            return "NULL"
        if isinstance(value, (bool, int)):
            return str(int(value))
        return "'" + str(value).replace("'", "''") + "'"

    def execute(self, sql, params=()):
        if isinstance(params, dict):
            sql = re.sub(r"(?<!:):([A-Za-z_]\w*)", lambda m: self.literal(params[m.group(1)]), sql)
        else:
            values = iter(params)
            sql = re.sub(r"\?", lambda m: self.literal(next(values)), sql)
        result = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\x1f", "-R", "\x1e", "-P",
                                 "null=" + self.NULL, "-v", "ON_ERROR_STOP=1", "-d", self.uri, "-c", sql],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"psql: {result.stderr.strip()} in: {sql}")
        text = result.stdout[:-1] if result.stdout.endswith("\n") else result.stdout
        rows = []
        for line in text.split("\x1e") if text else []:
            rows.append(tuple(None if field == self.NULL else int(field) if re.fullmatch(r"-?\d+", field) else field
                              for field in line.split("\x1f")))
        return _Rows(rows)

    def close(self):
        pass


def connect(location):
    """Opens the test database LOCATION (a file, or a PostgreSQL URI) to read."""
    if location.startswith(("postgresql://", "postgres://")):
        return _Psql(location)
    return sqlite3.connect("file:%s?mode=ro" % location, uri=True)
