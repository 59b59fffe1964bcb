"""The traced workloads of crash_test.py: what runs, several processes at a time, while
another process keeps the database open, and what each acknowledgement promises.

A workload is a list of Ops. An op that needs another (a follow-up to a ticket, a
rating of it) waits until that one has exited 0. When an op exits 0, the size of the
trace at that moment is its acknowledgement point: everything it promised must be on
any disk a power cut leaves after that point.
"""

import json
import os
import select
import subprocess
import sys
import threading

EX_TEMPFAIL = 75
NOW = "2026-11-23T10:00:00Z"
RETRIES = 5  # an MTA retries a delivery that exited 75


class Op:
    def __init__(self, kind, argv, stdin=None, needs=None, **promise):
        self.kind = kind          # mail, new, reply, rate, floor
        self.argv = argv          # a function of the op it needs (or None), giving argv
        self.stdin = stdin
        self.needs = needs
        self.promise = promise    # msgid, root, subject, marker, score, tag
        self.state = "todo"       # todo, running, done, failed
        self.ticket = None        # the ticket id it printed
        self.start = None         # trace size when its first attempt started
        self.ack = None           # trace size when it exited 0
        self.attempts = 0
        self.error = ""


def mail(number, subject, body, reply_to=None, reference=None):
    """One customer message as an MTA hands it over."""
    msgid = f"crash-{number}@customer.example"  # as tkt stores it, without the brackets
    headers = [f"From: Customer {number % 17} <customer{number % 17}@example.com>",
               "To: Support <support@example.com>",
               f"Subject: {subject}",
               "Date: Mon, 23 Nov 2026 10:00:00 +0000",
               f"Message-ID: <{msgid}>"]
    if reply_to:
        headers.append(f"In-Reply-To: <{reply_to}>")
        headers.append(f"References: <{reference or reply_to}>")
    headers += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: 8bit"]
    return msgid, ("\r\n".join(headers) + "\r\n\r\n" + body).encode()


def body_text(rng, number):
    """A body of 0.2 to 100 KB, so that commits span from one to dozens of pages."""
    size = rng.choice([200, 200, 1500, 6000, 20000, 100000])
    line = f"Order {number}: the parcel has not arrived, tracking shows nothing. Заказ {number}.\n"
    return (line * (size // len(line) + 1))[:size]


def tkt_plan(rng, roots, followups, phone, ratings, replies):
    """The tkt workload: deliveries of new threads and follow-ups, tickets opened by
    hand, ratings and recorded replies, in an order that mixes them."""
    plan, number = [], 0
    threads = []
    for _ in range(roots):
        number += 1
        subject = f"Parcel {number} is late"
        msgid, raw = mail(number, subject, body_text(rng, number))
        op = Op("mail", lambda needed: ["new", "--email", "--json"], raw, msgid=msgid, subject=subject)
        plan.append(op)
        threads.append(op)
    for _ in range(followups):
        number += 1
        root = rng.choice(threads)
        msgid, raw = mail(number, "Re: " + root.promise["subject"], body_text(rng, number), root.promise["msgid"])
        plan.append(Op("mail", lambda needed: ["new", "--email", "--json"], raw, needs=root, msgid=msgid,
                       root=root))
    for call in range(1, phone + 1):
        subject = f"Phone call {call}: invoice question"
        plan.append(Op("new", lambda needed, s=subject, c=call: [
            "new", "--subject", s, "--from", f"caller{c}@example.org", "--body", f"Call {c}, notes taken."],
            subject=subject))
    openers = [op for op in plan if op.kind in ("mail", "new") and op.needs is None]
    for op in rng.sample(openers, min(ratings, len(openers))):
        score = rng.randint(1, 5)
        plan.append(Op("rate", lambda needed, s=score: ["rate", str(needed.ticket), str(s)], needs=op, score=score))
    for reply in range(1, replies + 1):
        marker = f"[reply R{reply}]"
        plan.append(Op("reply", lambda needed, m=marker: [
            "reply", str(needed.ticket), "--message", f"We are looking into it {m}."], needs=rng.choice(openers),
            marker=marker))
    heads, tail = plan[:roots // 2], plan[roots // 2:]
    rng.shuffle(tail)  # dependencies are met at run time, whatever the order
    return heads + tail


def floor_plan(runs, db, sync):
    """The self-test's workload: `runs` floor processes on `db` with synchronous=`sync`,
    each storing one ticket in one transaction, its msgid starting with its own tag."""
    return [Op("floor", lambda needed, tag=f"ack{run}": [db, sync, "1", tag], tag=f"ack{run}")
            for run in range(1, runs + 1)]


class Runner:
    """Starts the processes of a workload under the trace and records their
    acknowledgement points."""

    def __init__(self, binary, env, trace, cwd):
        self.binary = binary
        self.env = env
        self.trace = trace
        self.cwd = cwd

    def size(self):
        try:
            return os.path.getsize(self.trace)
        except FileNotFoundError:
            return 0

    def run(self, op):
        argv = op.argv(op.needs)
        while True:
            op.attempts += 1
            if op.start is None:
                op.start = self.size()
            result = subprocess.run([self.binary, *argv], input=op.stdin or b"", env=self.env, cwd=self.cwd,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
            if result.returncode == 0:
                op.ack = self.size()
                op.state = "done"
                record_output(op, result.stdout.decode())
                return
            if result.returncode != EX_TEMPFAIL or op.attempts >= RETRIES:
                op.state = "failed"
                op.error = f"{' '.join(argv)} exited {result.returncode}: {result.stderr.decode(errors='replace')}"
                return


def record_output(op, stdout):
    if op.kind == "mail":
        op.ticket = json.loads(stdout)["ticket"]
    elif op.kind == "new":
        op.ticket = int(stdout.strip())
    elif op.kind in ("rate", "reply"):
        op.ticket = op.needs.ticket


def run_plan(plan, runner, workers):
    """Runs the plan with `workers` processes at a time, each op once what it needs has
    exited 0; an op whose need failed fails too."""
    ready = threading.Condition()

    def take():
        with ready:
            while True:
                todo = [op for op in plan if op.state == "todo"]
                if not todo:
                    return None
                for op in todo:
                    if op.needs is not None and op.needs.state == "failed":
                        op.state, op.error = "failed", "what it needs failed"
                        ready.notify_all()
                    elif op.needs is None or op.needs.state == "done":
                        op.state = "running"
                        return op
                ready.wait()

    def work():
        while (op := take()) is not None:
            runner.run(op)
            with ready:
                ready.notify_all()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


HOLDER = r"""
import os, select, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=60)
connection.execute("SELECT count(*) FROM tickets").fetchall()
print("ready", flush=True)
# A short read every 20 ms, as an agent's commands would: the connection stays open,
# so no tkt process is the last to close the database, and none checkpoints on exit.
while not select.select([sys.stdin], [], [], 0.02)[0]:
    connection.execute("SELECT count(*) FROM tickets").fetchall()
os._exit(0)  # no close: a reader's checkpoint would be a write the trace does not see
"""


class Holder:
    """A reader that keeps the database open from before the workload to after it."""

    def __init__(self, db):
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, db], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ready, _, _ = select.select([self.process.stdout], [], [], 30)
        line = self.process.stdout.readline() if ready else b""
        if line.strip() != b"ready":
            self.process.kill()
            raise RuntimeError(f"the reader did not open {db}: {self.process.stderr.read().decode()}")

    def stop(self):
        """Stops the reader; returns whether it had stayed open all along."""
        alive = self.process.poll() is None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        return alive
