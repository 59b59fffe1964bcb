"""Holds a database's write lock from another process, for the transcripts.

Usage: hold_lock.py DB immediate|exclusive

Takes the write lock (BEGIN IMMEDIATE; or in exclusive locking mode a write that keeps
the whole file, shutting readers out too), creates the file "held" in the working
folder, and keeps the lock until a file "release" appears there; then removes "held".
setup.sh's hold and release wrap it.
"""
import os
import sqlite3
import sys
import time

db = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":
    db.execute("PRAGMA locking_mode = EXCLUSIVE")
    db.execute("BEGIN EXCLUSIVE")
    db.execute("UPDATE tickets SET id = id WHERE 0")
else:
    db.execute("BEGIN IMMEDIATE")
open("held", "w").close()
while not os.path.exists("release"):
    time.sleep(0.02)
db.close()
os.remove("held")
