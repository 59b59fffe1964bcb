#!/usr/bin/env python3
"""Two agents racing for `tkt next`: never one ticket given to both.

Makes --tickets unassigned tickets in one queue that agents anna and boris both work,
then runs `tkt next --as anna` and `tkt next --as boris` in a loop each, at the same
time, until both hear that nothing waits (exit 1). Every ticket must have been given
out exactly once, to the agent its `assigned` event names; exit 75 (the lock not had
in time) is retried. On either backend (tests/tktenv.py). Exits 1 on any violation.

Usage: next_race.py [--tickets 1000] [--tkt PATH]
"""
import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import tktenv  # noqa: E402

ROUTING = """\
[[agent]]
login = "anna"
full_name = "Anna Smirnova"
queues = ["general"]
line = 1

[[agent]]
login = "boris"
full_name = "Boris Petrov"
queues = ["general"]
line = 1
"""


def tkt(binary, env, *args, stdin=None):
    return subprocess.run([binary, *args], env=env, input=stdin, capture_output=True, text=True)


def make_tickets(binary, env, count):
    """COUNT tickets in queue general, eight processes at a time."""
    def one(number):
        result = tkt(binary, env, "new", "--queue", "general", "--subject", f"race {number}",
                     "--from", f"c{number}@example.com", "--body", "body")
        if result.returncode != 0:
            raise SystemExit(f"tkt new failed: {result.stderr.strip()}")
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(one, range(count)))


def race(binary, env, login, taken, retries, errors):
    """Takes tickets as LOGIN until nothing waits."""
    while True:
        result = tkt(binary, env, "next", "--as", login, "--json")
        if result.returncode == 0:
            taken[login].append(json.loads(result.stdout)["id"])
        elif result.returncode == 1:
            return
        elif result.returncode == 75:
            retries[login] += 1
            time.sleep(0.01)
        else:
            errors.append(f"tkt next --as {login} exited {result.returncode}: {result.stderr.strip()}")
            return


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=1000)
    parser.add_argument("--tkt", help="the tkt binary (else $TKT_BIN_DIR/tkt)")
    args = parser.parse_args()
    binary = args.tkt or os.path.join(tktenv.bin_dir() or "", "tkt")
    with tempfile.TemporaryDirectory(prefix="tkt-next-race-") as folder:
        env = tktenv.environment(folder, now=None)
        if tkt(binary, env, "init").returncode != 0:
            raise SystemExit("tkt init failed")
        config = Path(env["TKT_CONFIG"])
        (config / "routing.toml").write_text(ROUTING)
        text = (config / "config.toml").read_text()
        (config / "config.toml").write_text(text.replace("on_new = true", "on_new = false"))
        make_tickets(binary, env, args.tickets)

        taken = collections.defaultdict(list)
        retries = collections.Counter()
        errors = []
        start = time.monotonic()
        threads = [threading.Thread(target=race, args=(binary, env, login, taken, retries, errors))
                   for login in ("anna", "boris")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - start

        violations = list(errors)
        given = collections.Counter(ticket for tickets in taken.values() for ticket in tickets)
        violations += [f"ticket {ticket} given {n} times" for ticket, n in given.items() if n > 1]
        if len(given) != args.tickets:
            violations.append(f"{len(given)} tickets given out of {args.tickets}")
        listed = json.loads(tkt(binary, env, "list", "status:any", "--limit", "0", "--json").stdout)
        owner = {ticket["id"]: ticket.get("assignee") for ticket in listed}
        for login, tickets in taken.items():
            violations += [f"ticket {t} was given to {login} but belongs to {owner.get(t)}"
                           for t in tickets if owner.get(t) != login]
        backend = "PostgreSQL" if tktenv.postgres() else "SQLite"
        print(f"next race on {backend}: {args.tickets} tickets in {elapsed:.1f} s; anna took "
              f"{len(taken['anna'])}, boris {len(taken['boris'])}; exit 75 retried {sum(retries.values())} times")
        for violation in violations[:20]:
            print("VIOLATION:", violation)
        return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
