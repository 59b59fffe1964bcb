#!/usr/bin/env python3
"""Self-test of html_check.py: it must pass a good report and fail each broken one.

Run: python3 tests/tools/html_check_test.py   (needs /usr/bin/chromium; fails without it)

The reports are the files in fixtures/ and variants of fixtures/good.html made
here, each differing from it in one way. The checks run three at a time, since
each starts a browser.
"""

import os
import subprocess
import sys
import tempfile
import unittest
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import html_check  # noqa: E402

CHECK = HERE / "html_check.py"
FIXTURES = HERE / "fixtures"
GOOD = (FIXTURES / "good.html").read_bytes()
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def variant(old, new):
    """Returns good.html with OLD (which it must contain) replaced by NEW."""
    assert old.encode() in GOOD, f"good.html no longer contains {old!r}"
    return GOOD.replace(old.encode(), new.encode(), 1)


# Each case: name, the report (a fixture's name or the bytes of a variant), extra
# arguments, and fragments of the expected problems (none: the report must pass).
CASES = [
    ("good, with exactly its two charts", "good.html", ["--min-charts", "2"], []),
    ("console.error", "console_error.html", [], ["line 24: console.error: x"]),
    ("exception while loading", "js_exception.html", [],
     ["line 24: javascript exception: ReferenceError"]),
    ("image from the network", "network_image.html", [],
     ["line 12: reference to 'https://example.com/a.png'",
      "request for 'https://example.com/a.png'"]),
    ("exception in a timer after loading",
     variant("<script>", "<script>\n  setTimeout(() => { throw new Error('late'); }, 100);"), [],
     ["javascript exception: Error: late"]),
    ("stylesheet from a file beside the report",
     variant("<style>", '<link rel="stylesheet" href="missing.css">\n<style>'), [],
     ["request for 'file://"]),
    ("bytes that are not UTF-8",
     GOOD.replace("логистика".encode(), "logística".encode("latin-1")), [],
     ["line 12: not valid UTF-8"]),
    ("no title", variant("<title>tkt stats: fixture</title>", ""), [], ["no <title>"]),
    ("fewer charts than asked", "good.html", ["--min-charts", "3"],
     ["2 chart(s) drawn, expected at least 3"]),
    ("a chart that is not displayed", variant("<svg ", '<svg style="display: none" '),
     ["--min-charts", "2"], ["1 chart(s) drawn, expected at least 2"]),
    ("a page that never finishes loading",
     variant("<script>", "<script>\n  while (true) {}"), ["--timeout", "4"],
     ["timed out after 4.0 s"]),
    ("no chromium", "good.html", ["--chromium", "/nonexistent/chromium"], ["chromium not found"]),
]

# What the static check alone must find in a page: snippet, fragment (None: nothing).
STATIC_CASES = [
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">', None),
    ('<img src="data:image/png;base64,iVBORw0KGgo=">', None),
    ('<a href="#top">top</a> see https://example.com in the text', None),
    ('<IMG SRC = "HTTP://example.com/a.png">', "reference to 'HTTP://example.com/a.png'"),
    ("<script src='//cdn.example.com/x.js'></script>", "reference to '//cdn.example.com/x.js'"),
    ('<a href="https://example.com/docs">docs</a>', "reference to 'https://example.com/docs'"),
    ('<image xlink:href="https://example.com/i.png"/>', "reference to 'https://example.com/i.png'"),
    ('<style>@import "https://example.com/s.css";</style>',
     "reference to 'https://example.com/s.css'"),
    ("<div style=\"background: url( 'http://example.com/b.png' )\"></div>",
     "reference to 'http://example.com/b.png'"),
    ('<link rel="icon" href="http://example.com/favicon.ico">',
     "reference to 'http://example.com/favicon.ico'"),
]


def run_case(workdir, index, report, args):
    """Runs html_check.py on REPORT with a TMPDIR of its own.

    Returns the finished process, that TMPDIR and the screenshot's path.
    """
    case_dir = Path(workdir, str(index))
    tmpdir = case_dir / "tmp"
    tmpdir.mkdir(parents=True)
    if isinstance(report, bytes):
        path = case_dir / "report.html"
        path.write_bytes(report)
    else:
        path = FIXTURES / report
    screenshot = case_dir / "screenshot.png"
    result = subprocess.run([sys.executable, str(CHECK), *args, str(path), str(screenshot)],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "TMPDIR": str(tmpdir)})
    return result, tmpdir, screenshot


class HtmlCheck(unittest.TestCase):
    """Runs every case once, then checks exit codes, messages and what was left behind."""

    @classmethod
    def setUpClass(cls):
        cls.workdir = tempfile.TemporaryDirectory()
        with ThreadPoolExecutor(max_workers=3) as pool:
            futures = [pool.submit(run_case, cls.workdir.name, index, report, args)
                       for index, (_, report, args, _) in enumerate(CASES)]
            cls.results = [future.result() for future in futures]

    @classmethod
    def tearDownClass(cls):
        cls.workdir.cleanup()

    def test_exit_code_and_problems(self):
        for (title, _, _, fragments), (result, _, _) in zip(CASES, self.results):
            with self.subTest(title):
                self.assertEqual(result.returncode, 1 if fragments else 0, result.stderr)
                for fragment in fragments:
                    self.assertIn(fragment, result.stderr)
                self.assertEqual(result.stdout, "")
                if not fragments:
                    self.assertEqual(result.stderr, "")

    def test_screenshot_is_a_png(self):
        for (title, _, args, _), (_, _, screenshot) in zip(CASES, self.results):
            if "--timeout" not in args and "--chromium" not in args:
                with self.subTest(title):
                    data = screenshot.read_bytes()
                    self.assertTrue(data.startswith(PNG_SIGNATURE))
                    self.assertGreater(len(data), 1000)

    def test_nothing_left_behind(self):
        for (title, _, _, _), (_, tmpdir, _) in zip(CASES, self.results):
            with self.subTest(title):
                self.assertEqual(list(tmpdir.iterdir()), [])
                self.assertEqual(html_check.processes_naming(str(tmpdir)), [])


class StaticCheck(unittest.TestCase):
    """Calls html_check.static_problems() on snippets, without a browser."""

    def test_references_to_other_hosts(self):
        head = '<!DOCTYPE html><meta charset="utf-8"><title>t</title>\n'
        for snippet, fragment in STATIC_CASES:
            with self.subTest(snippet):
                problems = html_check.static_problems((head + snippet).encode())
                if fragment is None:
                    self.assertEqual(problems, [])
                else:
                    self.assertEqual(len(problems), 1, problems)
                    self.assertIn(f"line 2: {fragment}", problems[0])

    def test_charset_declaration(self):
        self.assertEqual(html_check.static_problems(GOOD), [])
        problems = html_check.static_problems(variant('<meta charset="utf-8">', ""))
        self.assertEqual(len(problems), 1)
        self.assertIn('no <meta charset="utf-8">', problems[0])


if __name__ == "__main__":
    unittest.main()
