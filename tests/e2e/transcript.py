#!/usr/bin/env python3
"""Runs transcript tests: files that show shell commands with their expected output.

The format is cram's, read as UTF-8:
  unindented lines are prose;
  "  $ command" runs a command ("  > more" continues it);
  the indented lines after it are its expected stdout and stderr, interleaved (a blank
  output line is written as the two spaces of the indent alone);
  "  [N]" is its exit code when not 0;
  an expected line ending in " (re)" is a regular expression for the whole line.
All commands of a file run in one bash session, in a fresh temporary folder (the
working directory), with TESTDIR set to the folder of the file.

Usage: transcript.py [--update] FILE.t...   (--update rewrites each file with the
actual output; review the diff before committing it.)

On PostgreSQL: with TKT_TEST_BACKEND=postgres and TKT_TEST_POSTGRES naming a server
(tests/pg/cluster.py), each file gets a database of its own on that server, named to
the commands in TKT_TEST_DB (which setup.sh makes TKT_DB), and dropped afterwards. Its
URI is written "tkt.db" in the output, as SQLite's file reads once a transcript strips
"$PWD/" from it, so that one transcript states what both backends print. A file whose prose has a line starting "Backend:
sqlite" tests what only a SQLite file has (its locks, its modes, a disk filling under
it) and is skipped there; one with "Backend: postgres" runs there alone.
"""
import contextlib
import difflib
import os
import re
import subprocess
import sys
import tempfile
import uuid

INDENT = "  "


def parse(lines):
    """Returns (prose_and_commands, commands): a list of items, each ("text", line)
    or ("cmd", [command lines], [expected lines])."""
    items = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith(INDENT + "$ "):
            command = [line[len(INDENT) + 2:]]
            i += 1
            while i < len(lines) and lines[i].startswith(INDENT + "> "):
                command.append(lines[i][len(INDENT) + 2:])
                i += 1
            expected = []
            while (i < len(lines) and lines[i].startswith(INDENT)
                   and not lines[i].startswith(INDENT + "$ ")):
                expected.append(lines[i][len(INDENT):])
                i += 1
            items.append(("cmd", command, expected))
        else:
            items.append(("text", line))
            i += 1
    return items


def postgres_database():
    """With TKT_TEST_BACKEND=postgres: a context that makes a new database on the test
    server and yields its URI; else one that yields None."""
    if os.environ.get("TKT_TEST_BACKEND") != "postgres":
        return contextlib.nullcontext()
    server = os.environ.get("TKT_TEST_POSTGRES")
    if not server:
        raise SystemExit("transcript.py: TKT_TEST_POSTGRES is not set (run under tests/pg/cluster.py)")
    return _postgres_database(server)


@contextlib.contextmanager
def _postgres_database(server):
    name = "e2e_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", server, "-c", f"CREATE DATABASE {name}"],
                   check=True)
    uri = server.replace("postgresql:///tkt?", f"postgresql:///{name}?", 1)
    # SQLite's datetime(at, 'unixepoch'), with which transcripts show stored times.
    subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", uri, "-c",
                    "CREATE FUNCTION datetime(at bigint, modifier text) RETURNS text IMMUTABLE LANGUAGE sql AS "
                    "$$SELECT to_char(to_timestamp(at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')$$"],
                   check=True)
    try:
        yield uri
    finally:
        subprocess.run(["psql", "-q", "-X", "-d", server, "-c", f"DROP DATABASE {name} WITH (FORCE)"],
                       check=False, stdout=subprocess.DEVNULL)


def backend_of(lines):
    """The one backend a transcript is for ("sqlite", "postgres"), or None for both."""
    for line in lines:
        if line.startswith("Backend: "):
            return line.split()[1]
    return None


def run(items, testdir, workdir, database=None):
    """Runs every command in one bash session; returns the actual output lines of each.
    `database`, when given, is the PostgreSQL URI the commands use, shown as $PWD/tkt.db."""
    salt = "TRANSCRIPT-" + uuid.uuid4().hex
    script = []
    commands = [item for item in items if item[0] == "cmd"]
    for number, (_, command, _) in enumerate(commands):
        script.append("\n".join(command))
        script.append(f'echo "\n{salt} {number} $?"')
    env = dict(os.environ, TESTDIR=testdir, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    if database:
        env["TKT_TEST_DB"] = database
    # The script is a file, so that commands reading standard input get /dev/null
    # rather than the rest of the script.
    script_path = os.path.join(workdir, ".transcript.sh")
    with open(script_path, "w", encoding="utf-8", newline="") as handle:
        handle.write("\n".join(script) + "\n")
    result = subprocess.run(["/bin/bash", "--norc", "--noprofile", script_path], cwd=workdir,
                            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, timeout=600)
    output = result.stdout.decode("utf-8", errors="backslashreplace")
    if database:
        output = output.replace(database, "tkt.db")
    actual = [[] for _ in commands]
    pending = []
    for line in output.split("\n"):
        marker = re.fullmatch(re.escape(salt) + r" (\d+) (\d+)", line)
        if marker:
            number, code = int(marker.group(1)), int(marker.group(2))
            if pending and pending[-1] == "":
                pending.pop()  # the newline the marker's echo began with
            actual[number] = pending + ([f"[{code}]"] if code != 0 else [])
            pending = []
        else:
            pending.append(line)
    return actual


def matches(expected, actual):
    if len(expected) != len(actual):
        return False
    for want, got in zip(expected, actual):
        if want.endswith(" (re)"):
            if not re.fullmatch(want[:-5], got):
                return False
        elif want != got:
            return False
    return True


def render(items, outputs):
    lines = []
    outputs = iter(outputs)
    for item in items:
        if item[0] == "text":
            lines.append(item[1])
            continue
        _, command, expected = item
        actual = next(outputs)
        lines.append(INDENT + "$ " + command[0])
        lines.extend(INDENT + "> " + more for more in command[1:])
        shown = expected if matches(expected, actual) else actual
        lines.extend(INDENT + line for line in shown)
    return lines


def main(argv):
    update = "--update" in argv
    files = [arg for arg in argv if arg != "--update"]
    failed = skipped = 0
    for path in files:
        with open(path, encoding="utf-8", newline="") as handle:
            lines = handle.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        backend = backend_of(lines)
        if backend and backend != os.environ.get("TKT_TEST_BACKEND", "sqlite"):
            print(f"skipped {path} ({backend} only)")
            skipped += 1
            continue
        items = parse(lines)
        with tempfile.TemporaryDirectory(prefix="tkt-transcript-") as workdir, postgres_database() as database:
            outputs = run(items, os.path.dirname(os.path.abspath(path)), workdir, database)
        result = render(items, outputs)
        if result == lines:
            continue
        if update:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write("\n".join(result) + "\n")
            print(f"updated {path}")
            continue
        failed += 1
        sys.stdout.writelines(difflib.unified_diff(
            [line + "\n" for line in lines], [line + "\n" for line in result],
            fromfile=path, tofile=path + " (actual)"))
    passed = len(files) - failed - skipped
    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
