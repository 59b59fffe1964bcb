#!/usr/bin/env python3
"""tkt on a terminal, as a person meets it: the real binary under a pseudo-terminal.

Transcripts run tkt in a pipe; these tests give it a terminal of a known size and
check what only a terminal gets:
  - list fits its rows to the width: no line wider than the terminal (counted in
    display columns: CJK two, Cyrillic one), long subjects cut with an ellipsis;
  - help wraps to the width, without CLI11's "Excludes:" or "Needs:" notes;
  - init asks for the agent's name when stdin and stderr are a terminal, and a bulk
    change of more than 20 tickets asks before it changes them;
  - show and history go through the pager when their output does not fit on the
    screen (its rows less one, for the shell's prompt), and print straight when it
    fits, with --no-pager, with PAGER=cat or an empty pager, or in a pipe; a pager
    that cannot start or quits early loses nothing and changes no exit status.
The pager is a shell command that records what it got (and LESS) in files.
Needs TKT_BIN_DIR (the built tkt).
"""
import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import tempfile
import termios
import unicodedata
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import tktenv  # noqa: E402  (tests/tktenv.py)

TKT = Path(tktenv.bin_dir() or Path(__file__).resolve().parents[2] / "build") / "tkt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Records its standard input, and LESS, in the files the test names.
RECORDING_PAGER = 'printf "%s" "${LESS-unset}" > "$PAGED.less"; cat > "$PAGED"'


def width(text):
    """The terminal columns `text` takes: wide East Asian characters two, combining
    marks none, colour codes none."""
    text = ANSI.sub("", text)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def run_tty(args, env, columns=80, rows=24, stdin=b""):
    """Runs tkt with `args` with its stdout on a terminal `columns` x `rows`; returns
    (exit code, what the terminal showed with \\r\\n made \\n, stderr)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    process = subprocess.Popen([str(TKT), *args], env=env, stdin=subprocess.PIPE, stdout=slave,
                               stderr=subprocess.PIPE)
    os.close(slave)
    process.stdin.write(stdin)
    process.stdin.close()
    shown, errors = b"", b""
    readers = [master, process.stderr.fileno()]
    while readers:
        for fd in select.select(readers, [], [], 10)[0]:
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: every writer of the terminal has gone
                data = b""
            if data:
                if fd == master:
                    shown += data
                else:
                    errors += data
            else:
                readers.remove(fd)
    os.close(master)
    process.stderr.close()
    code = process.wait(timeout=10)
    return code, shown.decode().replace("\r\n", "\n"), errors.decode()


def run_pipe(args, env, stdin=""):
    result = subprocess.run([str(TKT), *args], env=env, input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"tkt {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result.stdout


class Terminal(unittest.TestCase):
    """A database of tickets whose fixed columns are wide too: long queue names,
    long requesters, subjects in Russian and Japanese."""

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        root = Path(cls.folder.name)
        cls.paged = root / "paged.txt"
        cls.env = tktenv.environment(root, TERM="xterm", PAGED=str(cls.paged), PAGER=RECORDING_PAGER)
        for name in ("COLUMNS", "LINES", "TKT_PAGER", "LESS"):
            cls.env.pop(name, None)
        tickets = [
            ("Printer on fire, and the spare one in the basement too", "bob@example.com", "general"),
            ("Где моя посылка? Очень длинная тема письма, которая не помещается в строку",
             "ivan.ivanovich.petrov@logistics-department.example.ru", "logistics-and-warehouse-returns"),
            ("日本語の件名がとても長いのでターミナルの幅を超えてしまいます。どうしましょう",
             "tanaka@example.jp", "物流と倉庫の返品"),
        ]
        for subject, requester, queue in tickets:
            run_pipe(["new", "--subject", subject, "--from", requester, "--queue", queue, "--body", "x"], cls.env)
        body = "".join(f"Line {n} of a long letter.\n" for n in range(1, 61))
        run_pipe(["new", "--subject", "A long letter", "--from", "ann@example.com", "--body", "-"], cls.env, body)
        # Enough text to fill the pipe to the pager many times over.
        huge = "".join(f"Line {n} of a very long letter, longer than any pipe holds.\n" for n in range(1, 20001))
        run_pipe(["new", "--subject", "A huge letter", "--from", "ann@example.com", "--body", "-"], cls.env, huge)
        for n in range(30):
            run_pipe(["tag", "1", f"+t{n}"], cls.env)
        cls.short, cls.long, cls.huge, cls.tagged = "2", "4", "5", "1"

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def setUp(self):
        for path in (self.paged, Path(f"{self.paged}.less")):
            path.unlink(missing_ok=True)

    def env_with(self, **changes):
        env = dict(self.env)
        for name, value in changes.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        return env

    # list

    def test_list_rows_fit_the_terminal(self):
        for columns in (80, 50):
            with self.subTest(columns=columns):
                code, shown, errors = run_tty(["list"], self.env, columns=columns)
                self.assertEqual((code, errors), (0, ""))
                lines = shown.rstrip("\n").split("\n")
                self.assertEqual(len(lines), 6)  # the header and five tickets
                for line in lines:
                    self.assertLessEqual(width(line), columns, line)
                for line in lines[1:4]:  # the long subjects
                    self.assertTrue(ANSI.sub("", line).endswith("…"), line)
        # At 80 columns a short subject stays whole: the subject keeps a quarter of
        # the line before the other columns give up width.
        self.assertIn("  A long letter\n", ANSI.sub("", run_tty(["list"], self.env)[1]))

    def test_list_in_a_pipe_keeps_whole_lines(self):
        shown = run_pipe(["list"], self.env_with(COLUMNS="80"))
        self.assertIn("Очень длинная тема письма, которая не помещается в строку\n", shown)
        self.assertNotIn("…", shown)

    # help

    def help_commands(self):
        """Every way to ask for help: tkt --help, tkt help CMD, tkt CMD --help, tkt CMD SUB --help."""
        top = run_pipe(["--help"], self.env)
        commands = re.findall(r"^  (\w+) ", top.split("Subcommands:")[1], re.M)
        self.assertIn("show", commands)
        asks = [["--help"], ["help"]]
        for command in commands:
            asks += [["help", command], [command, "--help"]]
            sub_help = run_pipe(["help", command], self.env)
            if "Subcommands:" in sub_help:
                asks += [[command, sub, "--help"] for sub in
                         re.findall(r"^  (\w+) ", sub_help.split("Subcommands:")[1], re.M)]
        return asks

    def test_help_fits_the_terminal(self):
        for args in self.help_commands():
            for columns in (80, 60):
                with self.subTest(args=args, columns=columns):
                    code, shown, errors = run_tty(args, self.env, columns=columns)
                    self.assertEqual((code, errors), (0, ""))
                    self.assertIn("Usage: tkt", shown)
                    for line in shown.split("\n"):
                        self.assertLessEqual(width(line), columns, line)
                    for note in ("Excludes:", "Excluded by:", "Needs:"):
                        self.assertNotIn(note, shown)

    def test_help_in_a_pipe_wraps_at_80_or_columns(self):
        for columns, env in ((80, self.env), (60, self.env_with(COLUMNS="60"))):
            with self.subTest(columns=columns):
                shown = run_pipe(["help", "stats"], env)
                self.assertTrue(all(width(line) <= columns for line in shown.split("\n")), shown)
                # A continuation line starts under the descriptions.
                self.assertRegex(shown, r"\n {20,30}\S")

    # the pager

    def assert_paged(self, args, env=None):
        env = env or self.env
        code, shown, errors = run_tty(args, env)
        self.assertEqual((code, shown, errors), (0, "", ""))
        direct = run_tty([*args, "--no-pager"], env)[1]
        self.assertGreater(direct.count("\n"), 23)
        self.assertEqual(self.paged.read_text(), direct)
        return Path(f"{self.paged}.less").read_text()

    def assert_not_paged(self, args, env=None):
        code, shown, errors = run_tty(args, env or self.env)
        self.assertEqual((code, errors), (0, ""))
        self.assertFalse(self.paged.exists(), "the pager ran")
        return shown

    def test_show_of_a_long_ticket_goes_through_the_pager(self):
        less = self.assert_paged(["show", self.long])
        self.assertEqual(less, "FRX")

    def test_history_that_does_not_fit_goes_through_the_pager(self):
        self.assert_paged(["history", self.tagged])

    def test_the_pager_keeps_a_less_of_the_users(self):
        self.assertEqual(self.assert_paged(["show", self.long], self.env_with(LESS="-S")), "-S")

    def test_tkt_pager_comes_before_pager(self):
        self.assert_paged(["show", self.long], self.env_with(TKT_PAGER=RECORDING_PAGER, PAGER="false"))

    def test_show_that_fits_prints_straight(self):
        shown = self.assert_not_paged(["show", self.short])
        self.assertIn("Ticket #2: Где моя посылка?", shown)
        self.assertLess(shown.count("\n"), 24)

    def test_no_pager_flag_prints_straight(self):
        shown = self.assert_not_paged(["show", self.long, "--no-pager"])
        self.assertIn("Line 60 of a long letter.", shown)

    def test_cat_or_an_empty_pager_prints_straight(self):
        for env in (self.env_with(PAGER="cat"), self.env_with(PAGER=""),
                    self.env_with(TKT_PAGER="", PAGER=RECORDING_PAGER), self.env_with(TKT_PAGER="cat")):
            with self.subTest(pager=env.get("TKT_PAGER"), PAGER=env.get("PAGER")):
                shown = self.assert_not_paged(["show", self.long], env)
                self.assertIn("Line 60 of a long letter.", shown)

    def test_a_pipe_is_never_paged(self):
        shown = run_pipe(["show", self.long], self.env)
        self.assertFalse(self.paged.exists(), "the pager ran")
        self.assertIn("Line 60 of a long letter.", shown)

    def test_a_pager_that_cannot_start_loses_nothing(self):
        code, shown, errors = run_tty(["show", self.long], self.env_with(PAGER="no-such-pager"))
        self.assertEqual(code, 0)
        self.assertIn("Line 60 of a long letter.", shown)
        self.assertIn("no-such-pager", errors)  # the shell says why
        self.assertNotIn("tkt:", errors)

    def test_quitting_the_pager_early_is_no_error(self):
        code, shown, errors = run_tty(["show", self.huge], self.env_with(PAGER="head -c 100 > /dev/null"))
        self.assertEqual((code, shown, errors), (0, "", ""))


def read_terminal(master, timeout):
    """Returns what the terminal `master` shows until its writers have gone, or nothing
    came for `timeout` seconds."""
    shown = b""
    while select.select([master], [], [], timeout)[0]:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: tkt has gone
            break
        if not data:
            break
        shown += data
    return shown


def run_asked(args, env, answer):
    """Runs tkt with `args` with its stdin and stderr on a terminal, types `answer` once
    it has asked; returns (exit code, stdout, what the terminal showed)."""
    master, slave = pty.openpty()
    process = subprocess.Popen([str(TKT), *args], env=env, stdin=slave, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    shown = b""
    while b":" not in shown and select.select([master], [], [], 10)[0]:
        shown += os.read(master, 65536)
    os.write(master, answer.encode() + b"\n")
    out = process.stdout.read().decode()
    code = process.wait(timeout=10)
    shown += read_terminal(master, 0.2)
    os.close(master)
    process.stdout.close()
    return code, out, shown.decode().replace("\r\n", "\n")


class Asking(unittest.TestCase):
    """Questions a command asks a person at a terminal, never a script."""

    def test_init_asks_for_a_first_and_last_name(self):
        with tempfile.TemporaryDirectory() as folder:
            env = tktenv.environment(Path(folder), TERM="xterm")
            code, out, shown = run_asked(["init"], env, "Анна  Смирнова")
            self.assertEqual(code, 0, shown)
            self.assertIn("Your first and last name, to sign replies with:", shown)
            self.assertIn("created", out)
            config = (Path(env["TKT_CONFIG"]) / "config.toml").read_text()
            self.assertIn('full_name = "Анна Смирнова"', config)

    def test_init_refuses_one_name(self):
        with tempfile.TemporaryDirectory() as folder:
            env = tktenv.environment(Path(folder), TERM="xterm")
            code, out, shown = run_asked(["init"], env, "masha")
            self.assertEqual(code, 64, shown)
            self.assertIn("'masha' is one name", shown)
            self.assertFalse((Path(env["TKT_CONFIG"]) / "config.toml").exists())

    def test_a_large_bulk_change_asks_first(self):
        with tempfile.TemporaryDirectory() as folder:
            env = tktenv.environment(Path(folder), TERM="xterm")
            for number in range(21):
                run_pipe(["new", "--from", "bob@example.com", "--subject", f"Outage {number}", "--body", "Down."],
                         env)
            code, out, shown = run_asked(["tag", "--where", "requester:bob@example.com", "+outage"], env, "n")
            self.assertEqual(code, 1, shown)
            self.assertIn("21 tickets match 'requester:bob@example.com': change them all? [y/N]", shown)
            self.assertEqual(run_pipe(["list", "+outage"], env), "")
            code, out, shown = run_asked(["tag", "--where", "requester:bob@example.com", "+outage"], env, "y")
            self.assertEqual(code, 0, shown)
            self.assertEqual(out.count("+outage"), 21)
            # Twenty tickets, --yes or a pipe: no question.
            code = subprocess.run([str(TKT), "close", "--where", "+outage"], env=env, capture_output=True).returncode
            self.assertEqual(code, 0)


class Sending(unittest.TestCase):
    """Many messages going out count themselves on a terminal's stderr, a batch of 50
    at a time, and the line is cleared when they have gone; in a pipe, nothing."""

    def test_outbox_flush_shows_how_far_it_is(self):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            env = tktenv.environment(root, TERM="xterm")
            run_pipe(["init", "--name", "Anna Smirnova", "--email", "anna@example.com"], env)
            (Path(env["TKT_CONFIG"]) / "config.toml").write_text(
                '[agent]\nlogin = "anna"\nfull_name = "Anna Smirnova"\n'
                '[mail]\nfrom = "Support <support@example.com>"\n'
                f'sendmail = ["sh", "-c", "test ! -e {root}/fail && cat > /dev/null"]\n')
            for number in range(60):
                run_pipe(["new", "--from", f"c{number}@example.com", "--subject", "Down", "--body", "x"], env)
            (root / "fail").touch()
            subprocess.run([str(TKT), "reply", "--where", "status:new", "--message", "Fixed.", "--send"], env=env,
                           capture_output=True)
            (root / "fail").unlink()
            master, slave = pty.openpty()
            process = subprocess.Popen([str(TKT), "outbox", "flush"], env=env, stdin=subprocess.DEVNULL,
                                       stdout=subprocess.PIPE, stderr=slave)
            os.close(slave)
            shown = read_terminal(master, 10)
            os.close(master)
            out = process.stdout.read().decode()
            process.stdout.close()
            self.assertEqual(process.wait(timeout=10), 0)
            self.assertEqual(out.count("sent "), 60)
            self.assertEqual(shown.decode(),
                             "\rsending: 50 of 60\x1b[K\rsending: 60 of 60\x1b[K\r\x1b[K")


class Attachment(unittest.TestCase):
    """tkt attachment writes a saved file to stdout, but not binary to a terminal,
    where its bytes would be taken for escape sequences."""

    MAIL = (b"From: ann@example.com\nSubject: files\nMessage-ID: <files@example.com>\n"
            b"Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee both\n"
            b"--b\nContent-Type: text/plain; name=notes.txt\nContent-Disposition: attachment\n\nplain notes\n"
            b"--b\nContent-Type: image/png; name=shot.png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"
            b"--b--\n")

    def test_binary_is_refused_on_a_terminal_text_is_shown(self):
        with tempfile.TemporaryDirectory() as folder:
            env = tktenv.environment(Path(folder), TERM="xterm")
            subprocess.run([str(TKT), "new", "--email"], env=env, input=self.MAIL, check=True, capture_output=True)
            code, shown, errors = run_tty(["attachment", "1", "2"], env)
            self.assertEqual(code, 64, errors)
            self.assertEqual(shown, "")
            self.assertIn("attachment 2 ('shot.png') is binary: save it with -o FILE", errors)
            code, shown, errors = run_tty(["attachment", "1", "1"], env)
            self.assertEqual(code, 0, errors)
            self.assertEqual(shown, "plain notes")  # the last line break is the boundary's
            saved = subprocess.run([str(TKT), "attachment", "1", "2"], env=env, capture_output=True, check=True)
            self.assertEqual(saved.stdout, b"\x89PNG\r\n\x1a\n")


if __name__ == "__main__":
    unittest.main(verbosity=1)
