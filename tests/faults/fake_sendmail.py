#!/usr/bin/env python3
"""A stand-in for sendmail, for tests/faults/kill_loop.py.

It reads the whole message on standard input, then does what the next line of the plan
says, the plan being $FAKE_SENDMAIL_DIR/plan (one JSON object a line, taken in turn,
the position kept in $FAKE_SENDMAIL_DIR/counter under a lock):
  {"before": seconds, "fail": bool, "after": seconds}
It sleeps `before`; if `fail`, says "451" and exits 75 without delivering; else it
delivers: one line "<Message-ID> <SHA-256 of the message>" appended to $FAKE_SENDMAIL_DIR/delivered.log in a
single write (so a kill leaves the line whole or absent), then sleeps `after` (the
message is gone but tkt has not heard back) and exits 0. Past the end of the plan, it
delivers at once.
"""
import fcntl
import hashlib
import json
import os
import re
import sys
import time


def next_step(folder):
    with open(os.path.join(folder, "counter"), "a+", encoding="ascii") as counter:
        fcntl.flock(counter, fcntl.LOCK_EX)
        counter.seek(0)
        text = counter.read().strip()
        index = int(text) if text else 0
        counter.seek(0)
        counter.truncate()
        counter.write(str(index + 1))
        counter.flush()
    try:
        with open(os.path.join(folder, "plan"), encoding="utf-8") as plan:
            lines = plan.read().splitlines()
    except FileNotFoundError:
        lines = []
    if index < len(lines) and lines[index].strip():
        return json.loads(lines[index])
    return {}


def main():
    folder = os.environ["FAKE_SENDMAIL_DIR"]
    message = sys.stdin.buffer.read()
    found = re.search(rb"^Message-ID:[ \t]*<([^>\r\n]+)>", message, re.MULTILINE | re.IGNORECASE)
    if not found:
        # What a real sendmail -t says to an empty or headless message; its tkt was
        # killed before it wrote the message.
        sys.stderr.write("fake sendmail: no message (no Message-ID)\n")
        return 65
    message_id = found.group(1).decode("ascii", "replace")
    step = next_step(folder)
    time.sleep(step.get("before", 0))
    if step.get("fail"):
        sys.stderr.write("451 4.3.0 fake sendmail: try again later\n")
        return 75
    fd = os.open(os.path.join(folder, "delivered.log"), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, f"{message_id} {hashlib.sha256(message).hexdigest()}\n".encode("ascii", "replace"))
    finally:
        os.close(fd)
    time.sleep(step.get("after", 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
