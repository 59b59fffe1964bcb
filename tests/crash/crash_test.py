#!/usr/bin/env python3
"""Power loss, not process death: whatever tkt acknowledged with exit 0 is on every disk
a power cut could leave behind, and that disk holds a sound database.

  tests/crash/crash_test.py [--points N] [--seed S] [--sample-every K] [--workers W]
                            [--bin-dir DIR] [--shim PATH] [--floor PATH] [--shared-dir DIR]
                            [--tmp DIR] [--keep]

1. A fresh database from `tkt init`, copied as the base image. Then, with vfs_trace.so
   (--shim) preloaded so that every write, truncation, sync and delete of the database
   and its WAL is recorded in one trace in the order it happened, W processes at a time
   run deliveries (`tkt new --email`, new threads and follow-ups), `tkt new`, `tkt rate`
   and recorded `tkt reply`, while another process keeps the database open (as an
   agent's command would: so no tkt process checkpoints on exit). Each command's
   acknowledgement point is the trace's length right after it exited 0.
2. For N random crash points over the whole trace, plus the point right after every
   sync and every acknowledgement point, one disk a power cut there could leave
   (disk.py: each file as of its last sync, plus any subset of its later writes, some
   torn). Each is opened with Python's sqlite3: `PRAGMA integrity_check` must say ok,
   and every effect acknowledged at or before the point must be there: each delivery's
   Message-ID on the ticket it printed, each ticket `tkt new` printed, each reply, each
   rating; and no command may be there in part (survivor.PARTS). At every K-th point
   the real tkt, first to open the survivor, must list it, and every message not
   acknowledged is delivered again (the MTA retries), after which each Message-ID is
   stored exactly once and each follow-up sits on its thread's ticket.
3. The harness proves it can fail: the same trace and replay over floor
   (../shared/bench/floor.c, --floor) with synchronous=NORMAL must lose acknowledged
   rows at some points, and with FULL none.

Exits 1 on any violation, 2 on a setup problem, 0 otherwise; prints the figures.
"""

import argparse
import collections
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(1, os.path.dirname(HERE))  # tests/, for tktenv
sys.dont_write_bytecode = True  # no __pycache__ in the source tree

from disk import DELETE, SYNC, TRUNCATE, WRITE, Disk, Trace  # noqa: E402
import survivor  # noqa: E402
import tktenv  # noqa: E402
from workload import NOW, Holder, Runner, floor_plan, run_plan, tkt_plan  # noqa: E402

SUFFIXES = {"db": "", "wal": "-wal", "journal": "-journal"}


class SetupError(Exception):
    pass


class Violations:
    def __init__(self):
        self.items = []

    def add(self, text):
        self.items.append(text)
        if len(self.items) <= 20:
            print(f"VIOLATION: {text}", flush=True)


def preload(binary, shim):
    """LD_PRELOAD for `binary`: the shim, after ASan's runtime if the binary uses it,
    because ASan refuses to run unless its runtime is the first library loaded."""
    listing = subprocess.run(["ldd", binary], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    runtimes = [line.split("=>")[1].split()[0] for line in listing.splitlines()
                if "libasan.so" in line and "=>" in line]
    return " ".join(runtimes + [shim])


class Run:
    """One traced workload on one database: its base image, plan and trace."""

    def __init__(self, name, kind, db, binary, env, plan, may_lose=False):
        self.name, self.kind, self.db, self.binary, self.env, self.plan = name, kind, db, binary, env, plan
        self.may_lose = may_lose  # floor with synchronous=NORMAL: losses are its point
        self.folder = os.path.dirname(db)
        self.files = {os.path.realpath(db) + suffix: key for key, suffix in SUFFIXES.items()}
        self.base = {}
        self.trace = None
        self.seconds = 0.0

    def execute(self, shim, workers, violations):
        """Copies the base image, then runs the plan under the trace while a reader
        keeps the database open; reads the trace and each op's acknowledgement point."""
        for key, suffix in SUFFIXES.items():
            path = self.db + suffix
            self.base[key] = open(path, "rb").read() if os.path.exists(path) else None
        trace = os.path.join(self.folder, "trace")
        traced = dict(self.env, TKT_CRASH_TRACE=trace, LD_PRELOAD=preload(self.binary, shim))
        holder = Holder(self.db)
        started = time.monotonic()
        run_plan(self.plan, Runner(self.binary, traced, trace, self.folder), workers)
        self.seconds = time.monotonic() - started
        if not holder.stop():
            raise SetupError(f"{self.name}: the reader holding the database open died during the workload")
        for op in self.plan:
            if op.state != "done":
                violations.add(f"{self.name}: workload: {op.error.strip()}")
        try:
            self.trace = Trace(trace, self.files)
        except (OSError, ValueError) as error:
            raise SetupError(f"{self.name}: no usable trace ({error}): is {shim} preloaded?") from error
        if self.trace.count(WRITE, "wal") == 0:
            raise SetupError(f"{self.name}: the trace holds no WAL write: the database is not in WAL mode")
        for op in self.plan:
            op.ack_point = None if op.ack is None else self.trace.records_before(op.ack)


def tkt_run(args, work, rng, violations):
    """The workload that matters: tkt, with the synchronous setting it was built with."""
    folder = os.path.join(work, "tkt")
    os.makedirs(folder)
    env = tktenv.environment(folder, now=NOW, TKT_LOCK_TIMEOUT="30s")
    env.pop("TKT_CRASH_TRACE", None)
    binary = os.path.join(args.bin_dir, "tkt")
    result = subprocess.run([binary, "init", "--name", "Anna Smirnova", "--email", "anna@example.com"], env=env,
                            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise SetupError(f"tkt init exited {result.returncode}: {result.stderr.decode()}")
    plan = tkt_plan(rng, roots=args.mails, followups=args.mails // 3, phone=args.mails // 4,
                    ratings=args.mails // 4, replies=args.mails // 3)
    run = Run("tkt", "tkt", env["TKT_DB"], binary, env, plan)
    run.execute(args.shim, args.workers, violations)
    for op in plan:
        root = op.promise.get("root")
        if root is not None and op.ticket is not None and op.ticket != root.ticket:
            violations.add(f"tkt: follow-up {op.promise['msgid']} went to ticket {op.ticket}, "
                           f"its thread is ticket {root.ticket}")
    return run


def floor_run(args, work, sync, violations):
    """The self-test: floor on its own schema (../shared/bench), synchronous=`sync`."""
    folder = os.path.join(work, f"floor-{sync}")
    os.makedirs(folder)
    db = os.path.join(folder, "floor.db")
    with open(os.path.join(args.shared_dir, "bench", "floor-schema.sql"), encoding="utf-8") as handle:
        schema = handle.read()
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.executescript(schema)
    connection.close()
    env = {key: value for key, value in os.environ.items() if key not in ("LD_PRELOAD", "TKT_CRASH_TRACE")}
    run = Run(f"floor {sync}", "floor", db, args.floor, env, floor_plan(args.floor_runs, db, sync),
              may_lose=sync == "NORMAL")
    run.execute(args.shim, args.workers, violations)
    return run


# ------------------------------------------------------------------------ the replay

def crash_points(run, count, rng):
    """Random points over the whole trace, the point after every sync and every
    acknowledgement point; and how many of each."""
    random_points = {rng.randint(0, len(run.trace)) for _ in range(count)}
    after_sync = {index + 1 for index in run.trace.syncs()}
    acks = {op.ack_point for op in run.plan if op.ack_point is not None}
    return sorted(random_points | after_sync | acks), (len(random_points), len(after_sync), len(acks))


def write_image(folder, db_name, files):
    os.makedirs(folder)
    for key, content in files.items():
        if content is not None:
            with open(os.path.join(folder, db_name + SUFFIXES[key]), "wb") as handle:
                handle.write(content)
    return os.path.join(folder, db_name)


def check_point(run, db, point, due, sampled, figures, violations):
    """Checks one survivor: sound, and holding every effect in `due`; when `sampled`,
    also usable by tkt, and right after the MTA's retries. Returns whether it is sound."""
    label = f"{run.name}, crash point {point} of {len(run.trace)}"
    env = dict(run.env, TKT_DB=db)
    if sampled:
        survivor.tkt_lists(run.binary, env, [op for op in due if op.ticket is not None], label, violations)
        figures["survivors opened by tkt"] += 1
    state = survivor.read(db, run.kind)
    if state["integrity"] != survivor.OK:
        figures["integrity failures"] += 1
        violations.add(f"{label}: integrity_check says {state['integrity'][:3]}")
        return False
    for part in state.get("partial", []):
        figures["half-made commands"] += 1
        violations.add(f"{label}: a command is there in part: {part}")
    figures["acknowledged effects checked"] += len(due)
    lost = [op for op in due if not survivor.kept(op, state)]
    figures["acknowledged effects lost"] += len(lost)
    figures["points with a loss"] += bool(lost)
    if lost and not run.may_lose:
        violations.add(f"{label}: {len(lost)} acknowledged effects lost, e.g. {lost[0].kind} "
                       f"{lost[0].promise.get('msgid') or lost[0].ticket}")
    if sampled:
        survivor.deliver_again(run.binary, env, run.plan, point, label, figures, violations)
    return True


def replay(run, args, scratch, rng, violations):
    """Builds one disk a power cut could leave at each crash point of the run, and checks
    it; every --sample-every'th one also with tkt, when the run is tkt's."""
    figures = collections.Counter()
    started = time.monotonic()
    points, kinds = crash_points(run, args.points, rng)
    figures["crash points"] = len(points)
    figures["random"], figures["after a sync"], figures["acknowledgement points"] = kinds
    disk = Disk(run.trace, run.base)
    acked = sorted((op for op in run.plan if op.ack_point is not None), key=lambda op: op.ack_point)
    for number, point in enumerate(points):
        disk.advance(point)
        files, kept_changes, dropped = disk.image(rng)
        figures["unsynced changes kept"] += kept_changes
        figures["unsynced changes dropped"] += dropped
        folder = os.path.join(scratch, f"{run.name.replace(' ', '-')}-{point}")
        db = write_image(folder, os.path.basename(run.db), files)
        due = [op for op in acked if op.ack_point <= point]
        sampled = run.kind == "tkt" and args.sample_every > 0 and number % args.sample_every == 0
        sound = check_point(run, db, point, due, sampled, figures, violations)
        if sound or not args.keep:
            shutil.rmtree(folder)
    figures["seconds"] = time.monotonic() - started
    return figures


# ------------------------------------------------------------------------ the driver

def scratch_root(requested):
    """Where the databases and images go: --tmp, else /dev/shm when it has room (memory:
    hundreds of images are written and fsync there costs nothing), else the temp folder."""
    if requested:
        return requested
    try:
        stats = os.statvfs("/dev/shm")
        if stats.f_bavail * stats.f_frsize > 1 << 30 and os.access("/dev/shm", os.W_OK):
            return "/dev/shm"
    except OSError:
        pass
    return None


def describe(run):
    trace = run.trace
    kinds = collections.Counter(op.kind for op in run.plan)
    return (f"{run.name}: {len(run.plan)} commands ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}) "
            f"in {run.seconds:.1f} s; trace: {len(trace)} records, {trace.count(WRITE, 'wal')} WAL writes, "
            f"{trace.count(SYNC, 'wal')} WAL syncs, {trace.count(WRITE, 'db')} database writes, "
            f"{trace.count(SYNC, 'db')} database syncs, {trace.count(TRUNCATE, 'wal') + trace.count(DELETE, 'wal')} "
            "WAL truncations or deletions")


FIGURES = ["crash points", "random", "after a sync", "acknowledgement points", "unsynced changes kept",
           "unsynced changes dropped", "acknowledged effects checked", "acknowledged effects lost",
           "points with a loss", "integrity failures", "half-made commands", "survivors opened by tkt",
           "messages delivered again", "stored other than once after the retries"]
ALWAYS = ("acknowledged effects lost", "integrity failures", "half-made commands")


def report(run, figures):
    print(f"{describe(run)}; replayed in {figures['seconds']:.1f} s")
    for key in FIGURES:
        if key in figures or key in ALWAYS:
            print(f"  {key}: {figures[key]:,}")
    sys.stdout.flush()


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=int, default=300, help="random crash points per run (default 300)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock, printed)")
    parser.add_argument("--sample-every", type=int, default=10,
                        help="open every K-th survivor with tkt and deliver again (default 10)")
    parser.add_argument("--workers", type=int, default=3, help="tkt processes at a time (default 3)")
    parser.add_argument("--mails", type=int, default=24, help="new threads delivered (default 24); the "
                        "follow-ups, tickets, ratings and replies scale with it")
    parser.add_argument("--floor-runs", type=int, default=30, help="floor processes per self-test run")
    parser.add_argument("--bin-dir", default=os.environ.get("TKT_BIN_DIR"), help="folder of the tkt binary")
    parser.add_argument("--shim", help="vfs_trace.so")
    parser.add_argument("--floor", help="floor, built from ../shared/bench/floor.c")
    parser.add_argument("--shared-dir", default=os.environ.get("TKT_SHARED_DIR",
                                                               os.path.join(HERE, "..", "..", "..", "shared")))
    parser.add_argument("--tmp", help="folder for the work (default /dev/shm if it has room)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder and failing images")
    return parser.parse_args(argv)


def check_setup(args):
    if not tktenv.bin_dir(args.bin_dir):
        raise SetupError("no tkt binary: set TKT_BIN_DIR or --bin-dir")
    for name, path in (("--shim", args.shim), ("--floor", args.floor)):
        if not path or not os.path.exists(path):
            raise SetupError(f"{name} {path or '(not given)'} does not exist (the self-test needs floor.c "
                             "from ../shared/bench beside the repository)")
    if not os.path.exists(os.path.join(args.shared_dir, "bench", "floor-schema.sql")):
        raise SetupError(f"no {args.shared_dir}/bench/floor-schema.sql (set TKT_SHARED_DIR or --shared-dir)")
    args.bin_dir, args.shim, args.floor = (os.path.abspath(path) for path in (args.bin_dir, args.shim, args.floor))


def verdict(figures, violations):
    normal, full, tkt = figures["floor NORMAL"], figures["floor FULL"], figures["tkt"]
    if normal["acknowledged effects lost"] == 0:
        violations.add("self-test: floor with synchronous=NORMAL lost nothing: the harness cannot see a loss")
    print(f"summary: tkt: {tkt['crash points']:,} crash points, {tkt['acknowledged effects checked']:,} "
          f"acknowledged effects checked, {tkt['acknowledged effects lost']} lost, "
          f"{tkt['integrity failures']} integrity failures, {tkt['half-made commands']} half-made commands; "
          "self-test: floor NORMAL lost "
          f"{normal['acknowledged effects lost']:,} at {normal['points with a loss']} of {normal['crash points']} "
          f"points, floor FULL lost {full['acknowledged effects lost']}")


def main(argv):
    args = parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time()) % 100000
    again = (f"{sys.argv[0]} --points {args.points} --mails {args.mails} --workers {args.workers} "
             f"--sample-every {args.sample_every} --seed {seed}")
    print(f"crash_test: seed {seed} (again: {again})", flush=True)
    violations = Violations()
    work = tempfile.mkdtemp(prefix="tkt-crash-", dir=scratch_root(args.tmp))
    started = time.monotonic()
    try:
        check_setup(args)
        runs = [tkt_run(args, work, random.Random(f"{seed}-plan"), violations),
                floor_run(args, work, "NORMAL", violations), floor_run(args, work, "FULL", violations)]
        scratch = os.path.join(work, "images")
        os.makedirs(scratch)
        figures = {}
        for run in runs:
            rng = random.Random(f"{seed}-{run.name}")
            figures[run.name] = replay(run, args, scratch, rng, violations)
            report(run, figures[run.name])
        verdict(figures, violations)
    except SetupError as error:
        print(f"crash_test: {error}", file=sys.stderr)
        return 2
    finally:
        if args.keep:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{len(violations.items)} violations, {time.monotonic() - started:.1f} s")
    return 1 if violations.items else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
