#!/usr/bin/env python3
"""A PostgreSQL server lost mid-command: exit 75, nothing half-written, and the retry
completes once.

Runs under a cluster of its own (tests/pg/cluster.py COMMAND), which it stops at once
(pg_ctl -m immediate, as a crash would) and starts again:
- mid-import: `tkt import mbox` of a few thousand messages, the server stopped while
  batches commit. The import exits 75 with one line; every ticket stored is whole (its
  first message and its `created` event); the same import run again completes, and the
  database then holds exactly what an import never interrupted holds, ticket numbers
  included.
- mid-send: `tkt reply --send` whose sendmail takes the message and then the server
  goes. The reply exits 75 saying the message went; it is recorded once, its outbox
  entry waits in `sending` (tkt never heard back), and `tkt outbox flush` does not
  send it again: the customer gets it once.
- before the reply: the server down when `tkt reply --send` starts is exit 75 with
  nothing recorded or sent; run again once the server is back, it sends once.

Usage: cluster.py server_lost.py [--messages 3000]   (TKT_BIN_DIR: the tkt under test)
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import tktenv  # noqa: E402

CLUSTER = [sys.executable, str(HERE / "cluster.py")]


class Check:
    def __init__(self):
        self.failures = []

    def that(self, ok, what):
        print(("ok    " if ok else "FAIL  ") + what, flush=True)
        if not ok:
            self.failures.append(what)


def server(action):
    subprocess.run([*CLUSTER, f"--{action}", os.environ["TKT_TEST_POSTGRES_DIR"]], check=True)


def new_database(name):
    server_uri = os.environ["TKT_TEST_POSTGRES"]
    subprocess.run(["psql", "-q", "-X", "-d", server_uri, "-c", f"CREATE DATABASE {name}"], check=True)
    return server_uri.replace("postgresql:///tkt?", f"postgresql:///{name}?", 1)


def query(uri, sql):
    return tktenv.connect(uri).execute(sql).fetchall()


def write_mbox(path, count):
    """COUNT messages: a new request each, every fifth a follow-up to the one before."""
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            reply = f"In-Reply-To: <m{n - 1}@example.com>\n" if n % 5 == 4 else ""
            subject = f"Re: Parcel {n - 1}" if reply else f"Parcel {n}"
            out.write(f"From c{n}@example.com Sat Nov 21 10:00:00 2026\nFrom: Customer {n} <c{n}@example.com>\n"
                      f"To: support@example.com\nSubject: {subject}\nMessage-ID: <m{n}@example.com>\n{reply}"
                      f"Date: Sat, 21 Nov 2026 10:{n // 60 % 60:02d}:{n % 60:02d} +0000\n\nWhere is parcel {n}?\n\n")


def dump(uri):
    return query(uri, "SELECT t.id, t.subject, t.requester, t.parent_id, m.message_id, m.direction FROM messages m "
                      "JOIN tickets t ON t.id = m.ticket_id ORDER BY m.message_id")


def mid_import(check, tkt, folder, count):
    mbox = os.path.join(folder, "archive.mbox")
    write_mbox(mbox, count)
    clean = dict(tktenv.environment(os.path.join(folder, "clean")), TKT_DB=new_database("clean"))
    lost = dict(tktenv.environment(os.path.join(folder, "lost")), TKT_DB=new_database("lost"))
    for env in (clean, lost):
        subprocess.run([tkt, "init"], env=env, check=True, capture_output=True)
    subprocess.run([tkt, "import", "mbox", mbox], env=clean, check=True, capture_output=True)

    importing = subprocess.Popen([tkt, "import", "mbox", mbox], env=lost, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
    while query(lost["TKT_DB"], "SELECT count(*) FROM messages")[0][0] == 0 and importing.poll() is None:
        time.sleep(0.01)
    server("halt")
    out, err = importing.communicate(timeout=120)
    server("launch")
    stored = query(lost["TKT_DB"], "SELECT count(*) FROM messages")[0][0]
    check.that(importing.returncode == 75, f"import with the server lost exits 75 (got {importing.returncode})")
    check.that(len(err.strip().splitlines()) == 1 and "try again" in err,
               f"and says so in one line: {err.strip()!r}")
    check.that(0 < stored < count, f"it stopped part-way ({stored} of {count} messages stored)")
    broken = query(lost["TKT_DB"], "SELECT count(*) FROM tickets AS t WHERE NOT EXISTS (SELECT 1 FROM messages "
                                   "WHERE ticket_id = t.id) OR NOT EXISTS (SELECT 1 FROM events WHERE "
                                   "ticket_id = t.id AND kind = 'created')")[0][0]
    check.that(broken == 0, f"every ticket stored is whole ({broken} without a message or created event)")
    again = subprocess.run([tkt, "import", "mbox", mbox], env=lost, capture_output=True, text=True)
    check.that(again.returncode == 0, f"the import run again completes (exit {again.returncode}: {again.stderr.strip()})")
    check.that(dump(lost["TKT_DB"]) == dump(clean["TKT_DB"]),
               "and the database holds what an uninterrupted import holds, ticket numbers included")


SENDMAIL = """#!/bin/sh
cat >> "{log}"
echo '--' >> "{log}"
{halt}
exit 0
"""


def replies(check, tkt, folder):
    env = dict(tktenv.environment(os.path.join(folder, "send")), TKT_DB=new_database("send"))
    subprocess.run([tkt, "init", "--name", "Anna Smirnova", "--email", "anna@example.com"], env=env, check=True,
                   capture_output=True)
    log = os.path.join(folder, "sent.log")
    sendmail = os.path.join(folder, "sendmail")
    config = Path(env["TKT_CONFIG"]) / "config.toml"
    text = config.read_text(encoding="utf-8")
    text = text.replace('# from = "Example Support <support@example.com>"', 'from = "Support <support@example.com>"')
    text = text.replace('sendmail = ["/usr/sbin/sendmail", "-t", "-i"]', f'sendmail = ["{sendmail}"]')
    config.write_text(text, encoding="utf-8")
    halting = os.path.join(folder, "sendmail-halts")
    with open(sendmail, "w", encoding="utf-8") as script:
        script.write(SENDMAIL.format(log=log, halt=f"[ -e {halting} ] && {' '.join(CLUSTER)} --halt "
                                                     f"{os.environ['TKT_TEST_POSTGRES_DIR']}"))
    os.chmod(sendmail, 0o755)
    subprocess.run([tkt, "new", "--subject", "Parcel", "--from", "kim@example.com", "--body", "Where?"], env=env,
                   check=True, capture_output=True)
    sent = lambda: open(log, encoding="utf-8").read().count("\n--\n") if os.path.exists(log) else 0
    outgoing = lambda: query(env["TKT_DB"], "SELECT count(*) FROM messages WHERE direction = 'out'")[0][0]
    reply = [tkt, "reply", "1", "--message", "It is on its way.", "--send"]

    # The server goes while sendmail has the message.
    open(halting, "w").close()
    result = subprocess.run(reply, env=env, capture_output=True, text=True)
    os.remove(halting)
    server("launch")
    check.that(result.returncode == 75, f"reply --send with the server lost mid-send exits 75 "
                                        f"(got {result.returncode}: {result.stderr.strip()!r})")
    check.that(sent() == 1, "sendmail took the reply once")
    check.that(outgoing() == 1, "the reply is recorded once")
    states = query(env["TKT_DB"], "SELECT state FROM outbox")
    check.that(states == [("sending",)], f"its outbox entry waits in sending, unheard (got {states})")
    flush = subprocess.run([tkt, "outbox", "flush"], env=env, capture_output=True, text=True)
    check.that(flush.returncode == 0 and sent() == 1,
               f"outbox flush does not send it again (exit {flush.returncode}, sendmail took {sent()})")

    # The server is down when the reply starts.
    server("halt")
    result = subprocess.run(reply, env=env, capture_output=True, text=True)
    server("launch")
    check.that(result.returncode == 75, f"reply --send with the server down exits 75 (got {result.returncode})")
    check.that(sent() == 1 and outgoing() == 1, "and nothing was recorded or sent")
    result = subprocess.run(reply, env=env, capture_output=True, text=True)
    check.that(result.returncode == 0, f"run again with the server back, it completes (exit {result.returncode})")
    check.that(sent() == 2 and outgoing() == 2, f"once: sendmail took {sent() - 1}, recorded {outgoing() - 1}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=3000)
    args = parser.parse_args()
    if "TKT_TEST_POSTGRES_DIR" not in os.environ:
        sys.exit("server_lost.py: run it under tests/pg/cluster.py, which it stops and starts")
    tkt = os.path.join(tktenv.bin_dir() or "", "tkt")
    check = Check()
    with tempfile.TemporaryDirectory(prefix="tkt-server-lost-") as folder:
        mid_import(check, tkt, folder, args.messages)
        replies(check, tkt, folder)
    print(f"{len(check.failures)} failed")
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
