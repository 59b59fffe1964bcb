#!/usr/bin/env python3
"""SIGKILL at random points of `tkt import` and `tkt reply --send`, checking after
every kill that the database holds whole operations only and that the outbox neither
loses nor doubles a message.

  tests/faults/kill_loop.py [--rounds N] [--seed S] [--only import|reply]
                            [--messages M] [--bin-dir DIR] [--shared-dir DIR] [--keep]

N rounds of each kind (default 50). The same seed gives the same plan (which commands,
which delays, which sendmail behaviour); where a kill lands still depends on the
machine's timing, which is the point. The tkt under test is $TKT_BIN_DIR/tkt (or
--bin-dir); the mail comes from $TKT_SHARED_DIR/corpora/spamassassin (or --shared-dir).

Import rounds: `tkt import maildir` or `tkt import mbox` of M messages (three batches
and a part), into a fresh database or one left by earlier kills, killed after a random
delay. Checked after each kill: PRAGMA integrity_check and foreign_key_check; every
ticket has its one created event naming its first message; every later message of a
ticket has its received event; the messages stored are exactly those of whole batches
(a prefix of the reference import, in its order, whose length is a multiple of 500 or
the whole); at the end of each chain of kills, an import run to completion gives the
same rows as the reference, ids included.

Reply rounds: `tkt reply ID --send`, `tkt reply --where ... --send` (several tickets)
or `tkt outbox flush`, with a fake sendmail (fake_sendmail.py) that sometimes sleeps
before or after delivering and sometimes fails; tkt alone, or tkt with its sendmail
(as a machine stopping would), is killed after a random delay. Checked after each kill
(once any orphaned sendmail has finished): integrity; every outbound message has one
outbox row and one replied event, and each replied event its message; 'sent' entries
were delivered exactly once, 'queued' ones never, 'sending' (in doubt) at most once;
no message delivered twice, none delivered that the outbox does not hold. As a person
following the man page would, in-doubt entries that the delivery log shows did not go
are requeued. At the end, `tkt outbox flush` (not killed) must deliver every reply
exactly once.

Exits 1 on any violation, 2 on a setup problem, 0 otherwise; prints a summary.
"""
import argparse
import collections
import ctypes
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # tests/, for tktenv
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import tktenv  # noqa: E402
BATCH = 500  # messages per import transaction (k_import_batch, src/actions/import_archive.hpp)
NOW = "2026-11-22T10:00:00Z"

# x86_64 and aarch64 numbers of the system calls a kill is most likely to land in.
SYSCALLS_X86_64 = {0: "read", 1: "write", 3: "close", 7: "poll", 17: "pread64", 18: "pwrite64",
                   35: "nanosleep", 61: "wait4", 74: "fsync", 75: "fdatasync", 72: "fcntl",
                   230: "clock_nanosleep", 257: "openat", 262: "newfstatat", 9: "mmap", 11: "munmap",
                   202: "futex", 271: "ppoll", 82: "rename", 87: "unlink", 21: "access", 4: "stat",
                   5: "fstat", 8: "lseek", 12: "brk", 10: "mprotect", 435: "clone3", 56: "clone"}


class Violations:
    def __init__(self):
        self.items = []
        self.checks = 0

    def check(self, ok, text):
        self.checks += 1
        if not ok:
            self.items.append(text)
            print(f"VIOLATION: {text}", flush=True)
        return ok


def fail_setup(text):
    print(f"kill_loop: {text}", file=sys.stderr)
    sys.exit(2)


def become_subreaper():
    """Orphans (a sendmail whose tkt was killed) become our children, so that we can
    wait for them before counting deliveries."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def reap_all():
    """Waits for every remaining descendant (we are their subreaper)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return
        except InterruptedError:
            continue


def syscall_of(pid):
    """The system call a process sits in, or 'running'."""
    try:
        with open(f"/proc/{pid}/syscall", encoding="ascii") as handle:
            fields = handle.read().split()
    except OSError:
        return "gone"
    if not fields:
        return "unknown"
    if fields[0] == "running":
        return "running"
    try:
        number = int(fields[0])
    except ValueError:
        return fields[0]
    if number < 0:
        return "running"
    return SYSCALLS_X86_64.get(number, f"syscall {number}") if os.uname().machine == "x86_64" else f"syscall {number}"


class Tkt:
    def __init__(self, bin_dir, workdir, db, config):
        self.binary = os.path.join(bin_dir, "tkt")
        self.env = tktenv.environment(workdir, now=NOW, TKT_DB=db, TKT_CONFIG=config, TKT_LOCK_TIMEOUT="10s",
                                      FAKE_SENDMAIL_DIR=os.path.join(workdir, "sendmail"))
        self.workdir = workdir

    def run(self, *args, check=True):
        result = subprocess.run([self.binary, *args], env=self.env, cwd=self.workdir, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        if check and result.returncode != 0:
            fail_setup(f"tkt {' '.join(args)} exited {result.returncode}: {result.stderr.decode(errors='replace')}")
        return result

    def start(self, *args):
        return subprocess.Popen([self.binary, *args], env=self.env, cwd=self.workdir, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def kill_after(process, delay, whole_group):
    """Sleeps `delay` seconds, then SIGKILLs the process (and its group); returns where
    it was: the system call it sat in, or 'exited' when it had finished already."""
    deadline = time.monotonic() + delay
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        try:
            process.wait(timeout=left)
            break
        except subprocess.TimeoutExpired:
            pass
    if process.poll() is not None:
        process.stderr.read()
        return "exited", process.returncode
    where = syscall_of(process.pid)
    try:
        if whole_group:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except ProcessLookupError:
        pass
    process.wait()
    process.stderr.read()
    if process.returncode != -signal.SIGKILL:
        return "exited", process.returncode  # it finished between the check and the kill
    return where, process.returncode


def connect(db):
    connection = sqlite3.connect(db, isolation_level=None, timeout=30)
    return connection


def common_checks(db, violations, label):
    with connect(db) as connection:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
        violations.check(rows == [("ok",)], f"{label}: integrity_check says {rows[:3]}")
        rows = connection.execute("PRAGMA foreign_key_check").fetchall()
        violations.check(not rows, f"{label}: foreign_key_check says {rows[:3]}")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "tickets" not in tables:
            return  # killed before the schema was committed: nothing else to hold
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        violations.check(version >= 5, f"{label}: schema half made (user_version {version})")
        # Every ticket: exactly one created event, naming the ticket's first message.
        bad = connection.execute("""
            SELECT t.id, (SELECT count(*) FROM events e WHERE e.ticket_id = t.id AND e.kind = 'created'),
                   (SELECT min(m.id) FROM messages m WHERE m.ticket_id = t.id),
                   (SELECT m.message_id FROM messages m WHERE m.ticket_id = t.id ORDER BY m.id LIMIT 1),
                   (SELECT json_extract(e.detail, '$.message_id') FROM events e
                     WHERE e.ticket_id = t.id AND e.kind = 'created')
            FROM tickets t""").fetchall()
        for ticket, created, first_row, first, named in bad:
            violations.check(created == 1, f"{label}: ticket {ticket} has {created} created events")
            violations.check(first_row is not None, f"{label}: ticket {ticket} has no message")
            if named is not None:
                violations.check(named == first, f"{label}: ticket {ticket} created event names {named}, "
                                                 f"first message is {first}")
        # Every later inbound message of a ticket: its received event.
        missing = connection.execute("""
            SELECT m.id, m.message_id FROM messages m
            WHERE m.direction = 'in'
              AND m.id <> (SELECT min(f.id) FROM messages f WHERE f.ticket_id = m.ticket_id)
              AND NOT EXISTS (SELECT 1 FROM events e WHERE e.ticket_id = m.ticket_id AND e.kind = 'received'
                              AND json_extract(e.detail, '$.message_id') = m.message_id)""").fetchall()
        violations.check(not missing, f"{label}: {len(missing)} threaded messages without a received event, "
                                      f"e.g. {missing[:2]}")
        orphans = connection.execute("""
            SELECT count(*) FROM events e WHERE e.kind IN ('received', 'created')
              AND json_extract(e.detail, '$.message_id') IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = e.ticket_id
                              AND m.message_id = json_extract(e.detail, '$.message_id'))""").fetchone()[0]
        violations.check(orphans == 0, f"{label}: {orphans} created/received events without their message")


# ---------------------------------------------------------------------------- import

def message_dump(db):
    if not os.path.exists(db):
        return []
    with connect(db) as connection:
        if not connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'messages'").fetchone():
            return []  # killed before the schema was committed
        return connection.execute("""
            SELECT m.id, m.message_id, m.ticket_id, t.subject, t.requester, t.parent_id, m.auto,
                   length(m.raw), (SELECT count(*) FROM attachments a WHERE a.message_id = m.id)
            FROM messages m JOIN tickets t ON t.id = m.ticket_id ORDER BY m.id""").fetchall()


def build_corpus(shared_dir, workdir, count, rng):
    root = os.path.join(shared_dir, "corpora", "spamassassin")
    files = []
    for folder in ("easy-ham-1", "hard-ham-1", "spam-1"):
        path = os.path.join(root, folder)
        if not os.path.isdir(path):
            fail_setup(f"no corpus at {path} (set TKT_SHARED_DIR or --shared-dir)")
        files += [os.path.join(path, name) for name in sorted(os.listdir(path))
                  if os.path.isfile(os.path.join(path, name))]
    chosen = sorted(rng.sample(files, min(count, len(files))))
    maildir = os.path.join(workdir, "corpus", "maildir")
    os.makedirs(os.path.join(maildir, "cur"))
    os.makedirs(os.path.join(maildir, "new"))
    os.makedirs(os.path.join(maildir, "tmp"))
    mbox = os.path.join(workdir, "corpus", "archive.mbox")
    with open(mbox, "wb") as out:
        for number, source in enumerate(chosen):
            with open(source, "rb") as handle:
                data = handle.read()
            with open(os.path.join(maildir, "cur", f"{number:05d}.fault:2,S"), "wb") as copy:
                copy.write(data)
            if data.startswith(b"From "):
                data = data.split(b"\n", 1)[1] if b"\n" in data else b""
            lines = data.split(b"\n")
            quoted = [b">" + line if line.lstrip(b">").startswith(b"From ") else line for line in lines]
            out.write(b"From fault@example.com Sat Nov 21 10:00:00 2026\n")
            out.write(b"\n".join(quoted).rstrip(b"\n") + b"\n\n")
    return {"maildir": maildir, "mbox": mbox}


def import_rounds(args, bin_dir, workdir, rng, violations):
    stats = collections.Counter()
    where = collections.Counter()
    corpus = build_corpus(args.shared_dir, workdir, args.messages, rng)
    config = os.path.join(workdir, "config-import")
    os.makedirs(config)
    references = {}
    durations = {}
    for kind, path in corpus.items():
        db = os.path.join(workdir, f"reference-{kind}.db")
        tkt = Tkt(bin_dir, workdir, db, config)
        started = time.monotonic()
        tkt.run("import", kind, path)
        durations[kind] = time.monotonic() - started
        references[kind] = message_dump(db)
        common_checks(db, violations, f"reference {kind} import")
    total = len(references["maildir"])
    whole_batches = total == args.messages  # no duplicates or failures: batch ends are exact
    print(f"import: {args.messages} messages, {total} stored by the reference; one uninterrupted import takes "
          f"{durations['maildir']:.2f} s (maildir), {durations['mbox']:.2f} s (mbox)", flush=True)
    db = None
    chain = 0
    for round_number in range(args.rounds):
        kind = rng.choice(["maildir", "mbox"])
        fresh = rng.random() < 0.3
        if db is None or fresh or len(message_dump(db)) == total:
            chain += 1
            db = os.path.join(workdir, f"import-{chain}.db")
            kind_of_chain = kind
        kind = kind_of_chain  # a chain resumes the same source
        tkt = Tkt(bin_dir, workdir, db, config)
        reference = references[kind]
        before = len(message_dump(db))
        delay = rng.uniform(0, durations[kind])
        whole_group = rng.random() < 0.5
        process = tkt.start("import", kind, corpus[kind])
        at, code = kill_after(process, delay, whole_group)
        label = f"import round {round_number + 1} ({kind}, killed after {delay:.2f} s in {at})"
        stats["rounds"] += 1
        if at == "exited":
            stats["finished before the kill"] += 1
            violations.check(code == 0, f"{label}: import exited {code}")
        else:
            stats["kills"] += 1
            where[at] += 1
        common_checks(db, violations, label)
        stored = message_dump(db)
        count = len(stored)
        violations.check(stored == reference[:count],
                         f"{label}: the {count} messages stored are not the reference's first {count}")
        if args.verbose:
            print(f"{label}: {before} -> {count} messages", flush=True)
        if whole_batches:
            violations.check(count % BATCH == 0 or count == total,
                             f"{label}: {count} messages stored, not whole batches of {BATCH}")
        if at != "exited":
            if count == before:
                stats["kill: nothing new committed"] += 1
            elif count == total:
                stats["kill: after the last commit"] += 1
            else:
                stats["kill: some batches committed"] += 1
        # End of a chain (or the last round): finish it and compare with the reference.
        if round_number == args.rounds - 1 or rng.random() < 0.3:
            result = tkt.run("import", kind, corpus[kind], check=False)
            violations.check(result.returncode == 0, f"{label}: the resumed import exited {result.returncode}")
            violations.check(message_dump(db) == reference, f"{label}: the resumed import differs from the reference")
            common_checks(db, violations, f"{label}, resumed")
            stats["chains resumed and compared"] += 1
            db = None
    return stats, where


# ---------------------------------------------------------------------------- replies

def write_plan(folder, rng, steps, calm=False):
    steps_written = []
    with open(os.path.join(folder, "plan"), "w", encoding="utf-8") as plan:
        for _ in range(steps):
            if calm:
                step = {}
            else:
                step = {"before": rng.choice([0, 0, 0, rng.uniform(0.02, 0.25)]),
                        "fail": rng.random() < 0.15,
                        "after": rng.choice([0, 0, rng.uniform(0.02, 0.2)])}
            plan.write(json.dumps(step) + "\n")
            steps_written.append(step)
    with open(os.path.join(folder, "counter"), "w", encoding="ascii") as counter:
        counter.write("0")
    return steps_written


def delivery_log(folder):
    """(Message-ID, SHA-256 of the bytes sendmail got) for each delivery."""
    try:
        with open(os.path.join(folder, "delivered.log"), encoding="ascii") as log:
            return [tuple(line.split()) for line in log if line.strip()]
    except FileNotFoundError:
        return []


def deliveries(folder):
    return collections.Counter(message_id for message_id, _ in delivery_log(folder))


def outbox_rows(db):
    with connect(db) as connection:
        return connection.execute("""
            SELECT o.id, o.state, m.message_id, o.attempts, o.ticket_id FROM outbox o
            JOIN messages m ON m.id = o.message ORDER BY o.id""").fetchall()


def reply_checks(db, folder, violations, label, final=False):
    common_checks(db, violations, label)
    with connect(db) as connection:
        out = connection.execute("SELECT id, message_id, raw IS NOT NULL FROM messages WHERE direction = 'out'").fetchall()
        entries = {row[0]: row[1] for row in connection.execute("SELECT message, count(*) FROM outbox GROUP BY message")}
        events = collections.Counter(row[0] for row in connection.execute(
            "SELECT json_extract(detail, '$.message_id') FROM events WHERE kind = 'replied'"))
        out_ids = {row[1] for row in out}
        for row, message_id, composed in out:
            violations.check(composed, f"{label}: reply {message_id} was recorded without its mail")
            violations.check(entries.get(row, 0) == 1, f"{label}: reply {message_id} has {entries.get(row, 0)} "
                                                       "outbox entries")
            violations.check(events[message_id] == 1, f"{label}: reply {message_id} has {events[message_id]} "
                                                      "replied events")
        for message_id in events:
            violations.check(message_id in out_ids, f"{label}: replied event for {message_id} without its message")
    sent = deliveries(folder)
    with connect(db) as connection:
        raws = {row[0]: hashlib.sha256(row[1]).hexdigest() for row in connection.execute(
            "SELECT message_id, raw FROM messages WHERE direction = 'out' AND raw IS NOT NULL")}
    for message_id, digest in delivery_log(folder):
        violations.check(raws.get(message_id, digest) == digest,
                         f"{label}: {message_id} was delivered other than recorded (cut short?)")
    rows = outbox_rows(db)
    known = {row[2] for row in rows}
    for entry, state, message_id, attempts, _ in rows:
        times = sent[message_id]
        if state == "sent":
            violations.check(times == 1, f"{label}: outbox {entry} is sent but was delivered {times} times")
        elif state == "queued":
            violations.check(times == 0, f"{label}: outbox {entry} is queued but was delivered {times} times")
        elif state == "sending":
            violations.check(times <= 1, f"{label}: outbox {entry} is in doubt and was delivered {times} times")
            violations.check(attempts >= 1, f"{label}: outbox {entry} is in doubt but was never tried")
        else:
            violations.check(False, f"{label}: outbox {entry} in state {state}")
        if final:
            violations.check(times == 1, f"{label}: outbox {entry} ({state}) delivered {times} times at the end")
    for message_id, times in sent.items():
        violations.check(message_id in known, f"{label}: delivered {message_id}, which the outbox does not hold")
        violations.check(times <= 1, f"{label}: {message_id} delivered {times} times")
    return rows, sent


def reply_rounds(args, bin_dir, workdir, rng, violations):
    stats = collections.Counter()
    where = collections.Counter()
    folder = os.path.join(workdir, "sendmail")
    os.makedirs(folder)
    config = os.path.join(workdir, "config-reply")
    os.makedirs(config)
    sendmail = [sys.executable, "-S", os.path.join(HERE, "fake_sendmail.py"), "-t", "-i"]
    with open(os.path.join(config, "config.toml"), "w", encoding="utf-8") as handle:
        handle.write('[agent]\nlogin = "anna"\nfull_name = "Anna Smirnova"\nemail = "anna@example.com"\n'
                     f'[mail]\nfrom = "Example Support <support@example.com>"\nsendmail = {json.dumps(sendmail)}\n'
                     # Two sendmails at a time: a kill then finds a batch in several states.
                     'parallel = 2\n')
    db = os.path.join(workdir, "replies.db")
    tkt = Tkt(bin_dir, workdir, db, config)
    tickets = 12
    for number in range(1, tickets + 1):
        tkt.run("new", "--from", f"Customer {number} <c{number}@example.com>", "--subject", f"Problem {number}",
                "--body", f"Something is wrong, number {number}.")
    # How long one reply with an instant sendmail takes: the scale of the kill delays.
    write_plan(folder, rng, 4, calm=True)
    started = time.monotonic()
    tkt.run("reply", "1", "--message", "We are on it.", "--send")
    base = time.monotonic() - started
    print(f"reply: {tickets} tickets; one reply --send with an instant sendmail takes {base:.2f} s", flush=True)
    for round_number in range(args.rounds):
        plan = write_plan(folder, rng, 8)
        choice = rng.random()
        if choice < 0.45:
            ticket = rng.randint(1, tickets)
            command = ["reply", str(ticket), "--message", f"Reply of round {round_number + 1}.", "--send"]
            what, sends = "reply --send", 1
        elif choice < 0.7:
            first = rng.randint(1, tickets - 3)
            last = first + rng.randint(1, 3)
            command = ["reply", "--where", f"{first}-{last}", "--message", f"Round {round_number + 1} for all.",
                       "--send"]
            what, sends = "reply --where --send", last - first + 1
        else:
            command = ["outbox", "flush"]
            what = "outbox flush"
            sends = sum(1 for row in outbox_rows(db) if row[1] == "queued")
        before = {row[0]: row[1] for row in outbox_rows(db)}
        delivered_before = sum(deliveries(folder).values())
        # Aim the kill inside the command: its time with this plan's sendmail, a little less.
        expected = sum(base + step.get("before", 0) + step.get("after", 0) for step in plan[:max(sends, 1)])
        delay = rng.uniform(0, expected * 0.9)
        whole_group = rng.random() < 0.3
        process = tkt.start(*command)
        at, code = kill_after(process, delay, whole_group)
        reap_all()  # an orphaned sendmail finishes (or died with its group) before we count
        label = (f"reply round {round_number + 1} ({what}, killed {'with its sendmail ' if whole_group else ''}"
                 f"after {delay:.2f} s in {at})")
        stats["rounds"] += 1
        stats[f"command: {what}"] += 1
        if at == "exited":
            stats["finished before the kill"] += 1
            violations.check(code in (0, 75), f"{label}: exited {code}")
        else:
            stats["kills"] += 1
            stats["kills with sendmail" if whole_group else "kills of tkt alone"] += 1
            where[at] += 1
        rows, sent = reply_checks(db, folder, violations, label)
        if args.verbose:
            print(f"{label}: outbox {collections.Counter(row[1] for row in rows)}", flush=True)
        # What the kill left: the states of new entries and of those it changed.
        if at != "exited":
            after = {row[0]: (row[1], sent[row[2]]) for row in rows}
            new = [state for entry, state in after.items() if entry not in before]
            changed = [state for entry, state in after.items() if entry in before and before[entry] != state[0]]
            if what != "outbox flush" and not new:
                stats["kill: reply not recorded"] += 1
            for state, times in new + changed:
                name = {"queued": "queued", "sent": "sent", "sending": "in doubt, delivered" if times
                        else "in doubt, not delivered"}[state]
                stats[f"kill left an entry: {name}"] += 1
            if sum(sent.values()) > delivered_before and not any(s == "sent" for s, _ in new + changed):
                stats["kill: delivered but tkt did not hear back"] += 1
        # A person reads the mail log and requeues what did not go (man tkt: outbox requeue).
        if rng.random() < 0.5:
            lost = [str(row[0]) for row in rows if row[1] == "sending" and sent[row[2]] == 0]
            if lost:
                result = tkt.run("outbox", "requeue", *lost, check=False)
                violations.check(result.returncode == 0, f"{label}: outbox requeue exited {result.returncode}")
                stats["in-doubt entries requeued by hand"] += len(lost)
    # Resume: requeue the in-doubt entries that did not go, then flush with a sendmail
    # that works, and every reply must have gone exactly once.
    rows, sent = reply_checks(db, folder, violations, "before resuming")
    lost = [str(row[0]) for row in rows if row[1] == "sending" and sent[row[2]] == 0]
    if lost:
        tkt.run("outbox", "requeue", *lost, check=False)
        stats["in-doubt entries requeued by hand"] += len(lost)
    write_plan(folder, rng, 0, calm=True)
    result = tkt.run("outbox", "flush", check=False)
    violations.check(result.returncode == 0, f"final outbox flush exited {result.returncode}: "
                                             f"{result.stderr.decode(errors='replace').strip()}")
    rows, sent = reply_checks(db, folder, violations, "after the final flush", final=True)
    states = collections.Counter(row[1] for row in rows)
    stats["outbox entries at the end"] = len(rows)
    stats["  sent"] = states["sent"]
    stats["  in doubt (delivered once, left in sending)"] = states["sending"]
    stats["  queued"] = states["queued"]
    stats["messages delivered"] = sum(sent.values())
    return stats, where


def print_counter(title, counter):
    print(title)
    for key in sorted(counter, key=lambda k: (k.startswith(" "), k)):
        print(f"  {key}: {counter[key]}")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=50, help="rounds of each kind (default 50)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock, printed)")
    parser.add_argument("--only", choices=["import", "reply"], help="run one kind of rounds only")
    parser.add_argument("--messages", type=int, default=1700, help="messages per import (default 1700)")
    parser.add_argument("--bin-dir", default=os.environ.get("TKT_BIN_DIR"), help="folder of the tkt binary")
    parser.add_argument("--shared-dir", default=os.environ.get("TKT_SHARED_DIR",
                                                               os.path.join(HERE, "..", "..", "..", "shared")))
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--verbose", action="store_true", help="print each round")
    args = parser.parse_args(argv)
    if not tktenv.bin_dir(args.bin_dir):
        fail_setup("no tkt binary: set TKT_BIN_DIR or --bin-dir")
    seed = args.seed if args.seed is not None else int(time.time()) % 100000
    again = f"{sys.argv[0]} --rounds {args.rounds} --messages {args.messages} --seed {seed}"
    if args.only:
        again += f" --only {args.only}"
    print(f"kill_loop: seed {seed}, {args.rounds} rounds of each kind (again: {again})", flush=True)
    if not become_subreaper():
        fail_setup("cannot become a child subreaper (Linux prctl): orphaned sendmails could not be awaited")
    violations = Violations()
    workdir = tempfile.mkdtemp(prefix="tkt-kill-loop-")
    started = time.monotonic()
    try:
        if args.only in (None, "import"):
            stats, where = import_rounds(args, args.bin_dir, workdir, random.Random(f"{seed}-import"), violations)
            print_counter("import rounds:", stats)
            print_counter("  killed in:", where)
        if args.only in (None, "reply"):
            stats, where = reply_rounds(args, args.bin_dir, workdir, random.Random(f"{seed}-reply"), violations)
            print_counter("reply rounds:", stats)
            print_counter("  killed in:", where)
    finally:
        if args.keep:
            print(f"work folder kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"{violations.checks} checks, {len(violations.items)} violations, {time.monotonic() - started:.1f} s")
    return 1 if violations.items else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
