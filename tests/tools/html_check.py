#!/usr/bin/env python3
"""Checks that an HTML report is self-contained and renders cleanly in headless Chromium.

Usage: html_check.py [--min-charts N] [--timeout SECONDS] [--chromium PATH]
                     REPORT.html SCREENSHOT.png

Prints nothing and exits 0 when the report passes; otherwise prints one
`REPORT: problem` line per problem to stderr and exits 1. It fails on bytes that
are not UTF-8 or a page not decoded as UTF-8, a missing or empty <title>, any
reference to http:, https: or // in src=, href= or url(), any request other
than for the file itself or a data: or blob: URL, any JavaScript exception,
console.error() or browser error message, and fewer than N top-level <svg>
charts with a nonzero size. It always saves a screenshot of the whole page.

Chromium runs headless with the network mapped to nowhere, and a throwaway
profile and home directory. It is driven over the DevTools protocol on a pipe
(fds 3 and 4, NUL-separated JSON), which reports exceptions, console calls, log
entries and requests exactly. Everything it starts is killed when the check ends
or times out.
"""

import argparse
import base64
import fcntl
import json
import os
import re
import select
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SETTLE_SECONDS = 0.5
MAX_SCREENSHOT_HEIGHT = 10000
ALLOWED_SCHEMES = ("data:", "blob:", "about:")
EXTERNAL_REFERENCE = re.compile(
    r"""(?:\b(?:src|href|srcset|action|formaction|poster|data|background)\s*=\s*["']?"""
    r"""|url\(\s*["']?|@import\s*["'])\s*((?:https?:|//)[^"'\s)>]*)""",
    re.IGNORECASE)
CHARSET_DECLARATION = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?utf-8""", re.IGNORECASE)
PAGE_FACTS = """(() => {
  const charts = [...document.querySelectorAll("svg")].filter(s => !s.parentElement.closest("svg"));
  const drawn = charts.filter(s => {
    const box = s.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  });
  const root = document.documentElement;
  return {title: document.title.trim(), charset: document.characterSet, charts: charts.length,
          drawn: drawn.length, width: root.scrollWidth, height: root.scrollHeight};
})()"""


class CheckError(Exception):
    """A failure that stops the check: no browser, a dead browser, a timeout."""


def static_problems(data):
    """Returns the problems visible in the report's bytes DATA without rendering it."""
    problems = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.append(f"line {line}: not valid UTF-8 (byte offset {error.start})")
        text = data.decode("utf-8", errors="replace")
    if not data.startswith(b"\xef\xbb\xbf") and not CHARSET_DECLARATION.search(data[:1024]):
        problems.append('no <meta charset="utf-8"> in the first 1024 bytes '
                        "(a file is otherwise read as windows-1252)")
    for match in EXTERNAL_REFERENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        problems.append(f"line {line}: reference to '{match.group(1)}' "
                        "(the report must be self-contained)")
    return problems


class DevToolsPipe:
    """A Chromium process driven over the DevTools protocol on fds 3 and 4."""

    def __init__(self, chromium, workdir, log, deadline):
        """Starts CHROMIUM with everything it writes under WORKDIR, its output to fd LOG.

        DEADLINE, a time.monotonic() value, bounds every later wait.
        """
        self.workdir = workdir
        self.deadline = deadline
        self.events = []
        self.next_id = 0
        self.buffer = b""
        to_browser, self.browser_in = os.pipe()
        self.browser_out, from_browser = os.pipe()
        to_browser, from_browser = high_fd(to_browser), high_fd(from_browser)
        null = os.open(os.devnull, os.O_RDONLY)
        actions = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, log, 1),
                   (os.POSIX_SPAWN_DUP2, log, 2), (os.POSIX_SPAWN_DUP2, to_browser, 3),
                   (os.POSIX_SPAWN_DUP2, from_browser, 4)]
        try:
            self.pid = os.posix_spawn(chromium, chromium_argv(chromium, workdir),
                                      chromium_environment(workdir), file_actions=actions,
                                      setsid=True)
        finally:
            for fd in (null, to_browser, from_browser):
                os.close(fd)

    def call(self, method, params=None, session=None):
        """Sends one command and returns its result, keeping the events that arrive meanwhile."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.send(message)
        while True:
            reply = self.read(self.deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise CheckError(f"{method} failed: {reply['error'].get('message')}")
                return reply.get("result", {})

    def send(self, message):
        """Writes MESSAGE, a dict, to the browser."""
        try:
            os.write(self.browser_in, json.dumps(message).encode() + b"\0")
        except BrokenPipeError:
            raise CheckError("chromium closed the DevTools pipe (it crashed or exited)") from None

    def wait_for_event(self, method):
        """Reads messages until an event named METHOD arrives."""
        while not any(event["method"] == method for event in self.events):
            self.read(self.deadline)

    def settle(self, seconds):
        """Keeps reading events for SECONDS, for timers and late errors."""
        until = min(time.monotonic() + seconds, self.deadline)
        try:
            while True:
                self.read(until)
        except TimeoutError:
            if until == self.deadline:
                raise

    def read(self, until):
        """Returns the next message, also kept in self.events if an event; TimeoutError at UNTIL."""
        while b"\0" not in self.buffer:
            remaining = until - time.monotonic()
            if remaining <= 0 or not select.select([self.browser_out], [], [], remaining)[0]:
                raise TimeoutError
            chunk = os.read(self.browser_out, 1 << 16)
            if not chunk:
                raise CheckError("chromium closed the DevTools pipe (it crashed or exited)")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        message = json.loads(raw)
        if "method" in message:
            self.events.append(message)
        return message

    def close(self):
        """Asks the browser to quit, kills what it started, and closes the pipe."""
        try:
            self.send({"id": 0, "method": "Browser.close"})
        except CheckError:
            pass
        until = time.monotonic() + 5
        while not has_exited(self.pid) and time.monotonic() < until:
            time.sleep(0.05)
        # The leader is not reaped yet, so the group id is still ours to kill.
        os.killpg(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        end_stragglers(self.workdir)
        os.close(self.browser_in)
        os.close(self.browser_out)


def high_fd(fd):
    """Moves FD to a number of 10 or more, so that moving it to 3 or 4 cannot clobber the other."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


def end_stragglers(workdir):
    """Waits a little for the processes whose command line names WORKDIR to exit, then kills them.

    Chromium's crash handlers run in a session of their own, out of reach of
    the group kill, and keep files in WORKDIR (it is their home) for a moment.
    """
    until = time.monotonic() + 5
    while (pids := processes_naming(workdir)) and time.monotonic() < until:
        time.sleep(0.05)
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def processes_naming(workdir):
    """Returns the ids of the processes whose command line contains the path WORKDIR."""
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if workdir.encode() in cmdline.read_bytes():
                pids.append(int(cmdline.parent.name))
        except OSError:
            continue
    return pids


def has_exited(pid):
    """Returns whether child PID has exited, leaving it unreaped."""
    return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None


def chromium_argv(chromium, workdir):
    """Returns the command line: headless, no sandbox or GPU (root, no display), no network."""
    return [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            f"--user-data-dir={workdir}/profile", "--remote-debugging-pipe",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
            "--mute-audio", "--hide-scrollbars", "--window-size=1280,900", "about:blank"]


def chromium_environment(workdir):
    """Returns the environment for chromium, its home and XDG directories inside WORKDIR."""
    return {**os.environ, "HOME": workdir, "XDG_CONFIG_HOME": f"{workdir}/.config",
            "XDG_CACHE_HOME": f"{workdir}/.cache"}


def event_problems(events, page_url):
    """Returns the problems reported by DevTools EVENTS for the page at PAGE_URL."""
    problems = []
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            problems.append(f"{where(details, page_url)}javascript exception: {first_line(text)}")
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            text = " ".join(str(arg.get("value", arg.get("description", "")))
                            for arg in params["args"])
            frame = (params.get("stackTrace", {}).get("callFrames") or [{}])[0]
            problems.append(f"{where(frame, page_url)}console.{params['type']}: {first_line(text)}")
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            entry = params["entry"]
            problems.append(f"{where(entry, page_url)}browser error: {first_line(entry['text'])}")
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if url != page_url and not url.startswith(ALLOWED_SCHEMES):
                problems.append(f"request for '{url}' (the report must be self-contained)")
    return problems


def where(details, page_url):
    """Returns `line N: ` when DETAILS (a DevTools location) points into the page, else ''."""
    if details.get("url") == page_url and "lineNumber" in details:
        return f"line {details['lineNumber'] + 1}: "
    return ""


def first_line(text):
    """Returns the first line of TEXT, for one-line problem reports."""
    lines = (text or "").strip().splitlines()
    return lines[0] if lines else "(no message)"


def page_problems(facts, min_charts):
    """Returns the problems in the FACTS gathered from the rendered page."""
    problems = []
    if not facts["title"]:
        problems.append("no <title>, or an empty one")
    if facts["charset"] != "UTF-8":
        problems.append(f"the page was decoded as {facts['charset']}, not UTF-8")
    if facts["drawn"] < min_charts:
        problems.append(f"{facts['drawn']} chart(s) drawn, expected at least {min_charts} "
                        f"(top-level <svg> elements: {facts['charts']}; "
                        "drawn means of nonzero size)")
    return problems


def render(browser, page_url, screenshot):
    """Loads PAGE_URL in a new tab of BROWSER, saves the whole page to SCREENSHOT.

    Returns the facts PAGE_FACTS gathers from the rendered page.
    """
    target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    attached = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})
    session = attached["sessionId"]
    for domain in ("Runtime", "Log", "Network", "Page"):
        browser.call(f"{domain}.enable", session=session)
    browser.call("Page.navigate", {"url": page_url}, session)
    browser.wait_for_event("Page.loadEventFired")
    browser.settle(SETTLE_SECONDS)
    facts = browser.call("Runtime.evaluate", {"expression": PAGE_FACTS, "returnByValue": True},
                         session)["result"]["value"]
    clip = {"x": 0, "y": 0, "width": facts["width"], "scale": 1,
            "height": min(facts["height"], MAX_SCREENSHOT_HEIGHT)}
    shot = browser.call("Page.captureScreenshot",
                        {"format": "png", "clip": clip, "captureBeyondViewport": True}, session)
    Path(screenshot).write_bytes(base64.b64decode(shot["data"]))
    return facts


def screenshot_problems(screenshot):
    """Returns a problem if SCREENSHOT is missing, empty or not a PNG."""
    path = Path(screenshot)
    if not path.is_file() or path.stat().st_size <= len(PNG_SIGNATURE):
        return [f"no screenshot saved to '{screenshot}'"]
    with path.open("rb") as file:
        if file.read(len(PNG_SIGNATURE)) != PNG_SIGNATURE:
            return [f"'{screenshot}' is not a PNG file"]
    return []


def check(report, screenshot, chromium, min_charts, timeout):
    """Returns the problems of REPORT, rendered by CHROMIUM within TIMEOUT seconds."""
    if not os.access(chromium, os.X_OK):
        raise CheckError(f"chromium not found at '{chromium}' "
                         "(install it: apt-get install chromium)")
    data = Path(report).read_bytes()
    page_url = Path(report).resolve().as_uri()
    workdir = tempfile.mkdtemp(prefix="html_check-")
    log = os.open(os.path.join(workdir, "chromium.log"), os.O_WRONLY | os.O_CREAT, 0o600)
    browser = None
    try:
        browser = DevToolsPipe(chromium, workdir, log, time.monotonic() + timeout)
        facts = render(browser, page_url, screenshot)
        return (static_problems(data) + event_problems(browser.events, page_url)
                + page_problems(facts, min_charts) + screenshot_problems(screenshot))
    except TimeoutError:
        raise CheckError(f"timed out after {timeout} s; "
                         f"chromium said: {log_tail(workdir)}") from None
    except CheckError as error:
        raise CheckError(f"{error}; chromium said: {log_tail(workdir)}") from None
    finally:
        if browser:
            browser.close()
        os.close(log)
        shutil.rmtree(workdir, ignore_errors=True)


def log_tail(workdir):
    """Returns the last lines chromium wrote to its log in WORKDIR, on one line.

    Known noise is left out: a container has no D-Bus, which chromium complains
    about on every start, and Debian's launcher script fails a test on the
    /dev/shm size when findmnt lists /dev/shm twice ("unexpected operator").
    """
    text = Path(workdir, "chromium.log").read_text(errors="replace")
    lines = [line for line in text.splitlines()
             if line.strip() and "dbus" not in line.lower() and "unexpected operator" not in line]
    return " | ".join(lines[-3:]) or "nothing"


def main(argv):
    """Runs the check as the command line in ARGV asks; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report")
    parser.add_argument("screenshot")
    parser.add_argument("--min-charts", type=int, default=1, metavar="N")
    parser.add_argument("--timeout", type=float, default=60, metavar="SECONDS")
    parser.add_argument("--chromium", default="/usr/bin/chromium", metavar="PATH")
    args = parser.parse_args(argv[1:])
    # Exit through the cleanup when a test runner stops the check on its own timeout.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    try:
        problems = check(args.report, args.screenshot, args.chromium, args.min_charts, args.timeout)
    except (CheckError, OSError) as error:
        problems = [f"check failed: {error}"]
    for problem in problems:
        print(f"{args.report}: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
