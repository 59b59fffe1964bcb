#!/usr/bin/env python3
"""Runs a command against a PostgreSQL server of its own.

A temporary cluster is made with initdb and started with pg_ctl (Debian's postgresql
package), listening on a Unix socket in a temporary folder only; it is stopped and
removed afterwards, whatever the command did. Never a mock, never a shared server.

Usage: cluster.py COMMAND [ARG...]
       cluster.py --start STATE | --stop STATE | --with STATE COMMAND [ARG...]
       cluster.py --halt DIR | --launch DIR

The first form starts a cluster, runs the command and stops the cluster. The others
share one cluster between many commands (ctest's fixture for the transcripts on
PostgreSQL): --start starts it and writes where it is to the file STATE, --with runs a
command against it, --stop stops it and removes it and STATE. --halt DIR stops the
server whose socket folder is DIR (TKT_TEST_POSTGRES_DIR) at once, as a crash would,
and --launch DIR starts it again: for tests of a server lost mid-command.

The server runs with fsync off unless CLUSTER_FSYNC=on (for benchmarks).

The command sees TKT_TEST_POSTGRES, a postgresql:// URI of the database "tkt" on it
as the superuser "tkt" (no password), and TKT_TEST_POSTGRES_DIR, the socket folder.
The superuser logs in without a password; every other role needs its own
(scram-sha-256), so that a test can see a login refused.

PostgreSQL refuses to run as root: as root the server runs as the user "postgres"
that the package creates. Exits with the command's status, or 1 (saying why) when no
server could be started.
"""
import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile

USAGE = ("usage: cluster.py COMMAND [ARG...] | --start STATE | --stop STATE | --with STATE COMMAND [ARG...] | "
         "--halt DIR | --launch DIR")

HBA = """\
local all tkt trust
local all all scram-sha-256
"""


def server_bin():
    """The folder of the newest installed server's programs."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    if not found:
        raise RuntimeError("no PostgreSQL server installed (Debian's postgresql package; scripts/install-deps)")
    return os.path.dirname(found[-1])


def as_server_user(argv):
    """argv run as the user the server runs as: 'postgres' when we are root."""
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "postgres", "--", *argv]


def run(argv, what):
    result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed ({result.returncode}): {result.stdout.strip()}")


def start(top):
    """Makes a cluster in the new folder `top` and starts it; returns its URI."""
    bindir = server_bin()
    os.chmod(top, 0o755)  # the tests, as another user than the server, reach the socket
    if os.geteuid() == 0:
        postgres = pwd.getpwnam("postgres")
        os.chown(top, postgres.pw_uid, postgres.pw_gid)
    data = os.path.join(top, "data")
    log = os.path.join(top, "server.log")
    run(as_server_user([os.path.join(bindir, "initdb"), "-D", data, "-U", "tkt", "-A", "trust", "-E", "UTF8",
                        "--locale=C.UTF-8", "--no-sync"]), "initdb")
    hba = os.path.join(data, "pg_hba.conf")
    run(as_server_user(["sh", "-c", f"printf '%s' \"$0\" > {hba}", HBA]), "writing pg_hba.conf")
    launch(top)
    run([os.path.join(bindir, "createdb"), "-h", top, "-U", "tkt", "tkt"], "createdb")
    return f"postgresql:///tkt?host={top}&user=tkt"


def launch(top):
    """Starts the server of the cluster in `top` and waits until it takes connections."""
    # Tests need no durability; a benchmark (CLUSTER_FSYNC=on) measures the real thing.
    fsync = "on" if os.environ.get("CLUSTER_FSYNC") == "on" else "off"
    options = f"-k {top} -c listen_addresses= -c fsync={fsync} -c max_connections=200"
    run(as_server_user([os.path.join(server_bin(), "pg_ctl"), "-D", os.path.join(top, "data"), "-o", options,
                        "-l", os.path.join(top, "server.log"), "-w", "-t", "60", "start"]), "pg_ctl start")


def halt(top):
    """Stops the server of the cluster in `top` at once, as a crash or a power cut
    would: every connection drops mid-command."""
    run(as_server_user([os.path.join(server_bin(), "pg_ctl"), "-D", os.path.join(top, "data"), "-m", "immediate",
                        "-w", "stop"]), "pg_ctl stop")


def stop(top):
    """Stops the cluster in `top`, if it runs, and removes the folder."""
    data = os.path.join(top, "data")
    if os.path.exists(os.path.join(data, "postmaster.pid")):
        subprocess.run(as_server_user([os.path.join(server_bin(), "pg_ctl"), "-D", data, "-m", "immediate", "-w",
                                       "stop"]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(top, ignore_errors=True)


@contextlib.contextmanager
def cluster():
    """Starts a cluster; yields (uri, socket folder); stops and removes it."""
    top = tempfile.mkdtemp(prefix="tkt-pg.")
    try:
        yield start(top), top
    finally:
        stop(top)


def run_with(uri, socket_dir, argv):
    env = dict(os.environ, TKT_TEST_POSTGRES=uri, TKT_TEST_POSTGRES_DIR=socket_dir)
    return subprocess.run(argv, env=env).returncode


def main(argv):
    if len(argv) < 2 or (argv[1] in ("--start", "--stop", "--halt", "--launch") and len(argv) != 3) or \
            (argv[1] == "--with" and len(argv) < 4):
        print(USAGE, file=sys.stderr)
        return 2
    try:
        if argv[1] == "--start":
            top = tempfile.mkdtemp(prefix="tkt-pg.")
            with open(argv[2], "w", encoding="utf-8") as state:
                state.write(top + "\n")
            try:
                start(top)
            except RuntimeError:
                stop(top)
                os.remove(argv[2])
                raise
            return 0
        if argv[1] == "--stop":
            with open(argv[2], encoding="utf-8") as state:
                stop(state.read().strip())
            os.remove(argv[2])
            return 0
        if argv[1] in ("--halt", "--launch"):
            (halt if argv[1] == "--halt" else launch)(argv[2])
            return 0
        if argv[1] == "--with":
            with open(argv[2], encoding="utf-8") as state:
                top = state.read().strip()
            return run_with(f"postgresql:///tkt?host={top}&user=tkt", top, argv[3:])
        with cluster() as (uri, socket_dir):
            return run_with(uri, socket_dir, argv[1:])
    except (RuntimeError, OSError) as error:
        print(f"cluster.py: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
