"""What a disk left by a power cut holds, and whether tkt can carry on from it."""

import collections
import json
import sqlite3
import subprocess

OK = [("ok",)]


# Each command is one transaction: a survivor holds all of it or none. Each query lists
# what would show a command half there.
PARTS = [
    ("foreign_key_check", "PRAGMA foreign_key_check"),
    ("tickets without exactly one created event", """
        SELECT t.id FROM tickets t
        WHERE (SELECT count(*) FROM events e WHERE e.ticket_id = t.id AND e.kind = 'created') <> 1"""),
    ("tickets without a message", """
        SELECT t.id FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id)"""),
    ("mail without the event that names it", """
        SELECT m.message_id FROM messages m
        WHERE m.direction = 'in' AND m.message_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM events e WHERE e.ticket_id = m.ticket_id AND e.kind IN ('created', 'received')
            AND json_extract(e.detail, '$.message_id') = m.message_id)"""),
    ("replies without their replied event", """
        SELECT m.message_id FROM messages m
        WHERE m.direction = 'out' AND NOT EXISTS (
          SELECT 1 FROM events e WHERE e.ticket_id = m.ticket_id AND e.kind = 'replied'
            AND json_extract(e.detail, '$.message_id') = m.message_id)"""),
    ("ratings without their rated event", """
        SELECT t.id FROM tickets t
        WHERE t.csat IS NOT NULL AND t.csat IS NOT (
          SELECT json_extract(e.detail, '$.score') FROM events e
          WHERE e.ticket_id = t.id AND e.kind = 'rated' ORDER BY e.id DESC LIMIT 1)"""),
]


def read(db, kind):
    """Opens the survivor with Python's sqlite3 (which recovers it from its WAL) and reads
    what the checks need; a survivor that cannot be read at all fails integrity."""
    try:
        connection = sqlite3.connect(db, isolation_level=None)
    except sqlite3.DatabaseError as error:
        return {"integrity": [(f"cannot open: {error}",)]}
    try:
        connection.execute("PRAGMA synchronous = OFF")  # a scratch copy: its checkpoint need not wait
        state = {"integrity": connection.execute("PRAGMA integrity_check").fetchall()}
        if state["integrity"] != OK:
            return state
        if kind == "floor":
            state["msgids"] = [row[0] for row in connection.execute("SELECT msgid FROM tickets")]
            return state
        state["mail"] = dict(connection.execute("SELECT message_id, ticket_id FROM messages WHERE direction = 'in'"))
        state["tickets"] = {row[0]: row[1:] for row in connection.execute("SELECT id, subject, csat FROM tickets")}
        state["replies"] = collections.defaultdict(list)
        for ticket, body in connection.execute("SELECT ticket_id, body FROM messages WHERE direction = 'out'"):
            state["replies"][ticket].append(body)
        state["partial"] = [f"{what}: {rows[:3]}" for what, query in PARTS
                            if (rows := connection.execute(query).fetchall())]
        return state
    except sqlite3.DatabaseError as error:
        return {"integrity": [(f"cannot read: {error}",)]}
    finally:
        connection.close()


def kept(op, state):
    """Whether the survivor holds what `op` promised when it exited 0."""
    promise = op.promise
    if op.kind == "floor":
        return any(msgid.startswith(f"<{promise['tag']}.") for msgid in state["msgids"])
    if op.kind == "mail":
        return state["mail"].get(promise["msgid"]) == op.ticket
    ticket = state["tickets"].get(op.ticket)
    if op.kind == "new":
        return ticket is not None and ticket[0] == promise["subject"]
    if op.kind == "rate":
        return ticket is not None and ticket[1] == promise["score"]
    return any(promise["marker"] in body for body in state["replies"].get(op.ticket, []))


def tkt_lists(binary, env, due, label, violations):
    """The real tkt, first to open the survivor after the power comes back, lists every
    ticket; each acknowledged one must be among them."""
    listing = subprocess.run([binary, "list", "status:any", "--json"], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    if listing.returncode != 0:
        violations.add(f"{label}: tkt list exited {listing.returncode}: {listing.stderr.decode().strip()}")
        return
    listed = {ticket["id"] for ticket in json.loads(listing.stdout)}
    for op in due:
        if op.ticket not in listed:
            violations.add(f"{label}: tkt list does not show acknowledged ticket {op.ticket}")


def deliver_again(binary, env, plan, point, label, figures, violations):
    """Delivers every message not acknowledged by `point` again, as the MTA retries it;
    then each Message-ID must be stored once, each follow-up on its thread's ticket."""
    # In the order of the first deliveries: a follow-up was only sent once its thread was
    # acknowledged, so a thread's retry comes before its follow-up's.
    retries = sorted((op for op in plan if op.kind == "mail" and (op.ack_point is None or op.ack_point > point)),
                     key=lambda op: (op.start is None, op.start or 0))
    for op in retries:
        again = subprocess.run([binary, "new", "--email", "--json"], input=op.stdin, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        figures["messages delivered again"] += 1
        if again.returncode != 0:
            violations.add(f"{label}: delivering {op.promise['msgid']} again exited {again.returncode}: "
                           f"{again.stderr.decode().strip()}")
    connection = sqlite3.connect(env["TKT_DB"], isolation_level=None)
    try:
        stored = collections.Counter(row[0] for row in connection.execute("SELECT message_id FROM messages"))
        where = dict(connection.execute("SELECT message_id, ticket_id FROM messages WHERE direction = 'in'"))
    finally:
        connection.close()
    for op in plan:
        if op.kind != "mail":
            continue
        msgid, root = op.promise["msgid"], op.promise.get("root")
        if stored[msgid] != 1:
            figures["stored other than once after the retries"] += 1
            violations.add(f"{label}: after the retries {msgid} is stored {stored[msgid]} times")
        if root is not None and where.get(msgid) != where.get(root.promise["msgid"]):
            violations.add(f"{label}: after the retries follow-up {msgid} is on ticket {where.get(msgid)}, "
                           f"its thread on {where.get(root.promise['msgid'])}")
