#!/usr/bin/env python3
"""Self-test of prometheus_lint.py: it must accept valid files and fail on each broken one.

Run: python3 tests/tools/prometheus_lint_test.py
"""

import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import prometheus_lint  # noqa: E402

LINT = os.path.join(HERE, "prometheus_lint.py")

# Each case: what it shows, the input, the line reported, a fragment of the message.
INVALID = [
    ("no newline at the end", b"a 1", 1, "does not end with a newline"),
    ("CRLF line ending", b"a 1\r\n", 1, "carriage return"),
    ("HELP escape other than \\\\ and \\n", b"# HELP a tab\\there\n", 1, "invalid escape '\\t'"),
    ("HELP without text", b"# HELP a\n", 1, "has no text"),
    ("HELP without name", b"# HELP\n", 1, "needs a valid metric name"),
    ("HELP twice", b"# HELP a x\n# HELP a y\na 1\n", 2, "second HELP"),
    ("HELP after the samples", b"a 1\n# HELP a x\n", 2, "after its samples"),
    ("unknown type", b"# TYPE a gaug\na 1\n", 1, "invalid type 'gaug'"),
    ("type in capitals", b"# TYPE a GAUGE\na 1\n", 1, "invalid type 'GAUGE'"),
    ("blank after the type", b"# TYPE a gauge \na 1\n", 1, "invalid type 'gauge '"),
    ("TYPE without type", b"# TYPE a\n", 1, "invalid type ''"),
    ("TYPE twice", b"# TYPE a gauge\n# TYPE a gauge\na 1\n", 2, "second TYPE"),
    ("TYPE after a sample", b"a 1\n# TYPE a gauge\n", 2, "after its first sample"),
    ("metric name starting with a digit", b"1a 1\n", 1, "invalid metric name"),
    ("label name with a colon", b'a{b:c="x"} 1\n', 1, "expected '='"),
    ("label name starting with a digit", b'a{1b="x"} 1\n', 1, "invalid label name"),
    ("reserved label name", b'a{__x="y"} 1\n', 1, "reserved"),
    ("duplicate label name", b'a{b="1",b="2"} 1\n', 1, "duplicate label name 'b'"),
    ("unquoted label value", b"a{b=x} 1\n", 1, "double-quoted"),
    ("single-quoted label value", b"a{b='x'} 1\n", 1, "double-quoted"),
    ("unterminated label value", b'a{b="x} 1\n', 1, "double-quoted"),
    ("label value escape \\t", b'a{b="x\\ty"} 1\n', 1, "invalid escape '\\t'"),
    ("label value not UTF-8", b'a{b="\xff"} 1\n', 1, "invalid UTF-8"),
    ("label list with a lone comma", b"a{,} 1\n", 1, "invalid label name"),
    ("missing closing brace", b'a{b="x" 1\n', 1, "expected ',' or '}'"),
    ("no blank before the value", b'a{b="x"}1\n', 1, "expected a blank"),
    ("missing value", b"a\n", 1, "has no value"),
    ("value that is a word", b"a one\n", 1, "invalid value 'one'"),
    ("value with a comma", b"a 1,5\n", 1, "invalid value '1,5'"),
    ("signed NaN", b"a +NaN\n", 1, "invalid value '+NaN'"),
    ("hexadecimal", b"a 0x1F\n", 1, "invalid value '0x1F'"),
    ("hexadecimal float", b"a 0x1p-2\n", 1, "invalid value '0x1p-2'"),
    ("digit separator", b"a 1_000\n", 1, "invalid value '1_000'"),
    ("timestamp", b"a 1 1700000000000\n", 1, "timestamps are not allowed"),
    ("text after the value", b"a 1 2 3\n", 1, "unexpected text"),
    ("blank after the value", b"a 1 \n", 1, "blanks after the value"),
    ("blank after the timestamp", b"a 1 5 \n", 1, "unexpected text"),
    ("non-integer timestamp", b"a 1 2.5\n", 1, "unexpected text"),
    ("interleaved families",
     b'# TYPE a gauge\na{x="1"} 1\n# TYPE b gauge\nb 1\na{x="2"} 2\n', 5,
     "resumes after other metrics"),
    ("interleaved untyped families", b"a 1\nb 1\na{x=\"y\"} 1\n", 3, "resumes after other metrics"),
    ("duplicate series", b'a{x="1",y="2"} 1\na{y="2",x="1"} 2\n', 2, "duplicate series"),
    ("counter sample with another name", b"# TYPE c counter\nc_total 1\n", 2,
     "not one of its samples"),
    ("gauge sample with a suffix", b"# TYPE g gauge\ng 1\ng_max 2\n", 3, "not one of its samples"),
    ("summary quantile sample without quantile",
     b"# TYPE s summary\ns 1\ns_sum 1\ns_count 1\n", 2, "needs a 'quantile' label"),
    ("summary quantile above 1",
     b'# TYPE s summary\ns{quantile="1.5"} 1\ns_sum 1\ns_count 1\n', 2, "outside [0, 1]"),
    ("summary quantile not a number",
     b'# TYPE s summary\ns{quantile="p50"} 1\ns_sum 1\ns_count 1\n', 2, "is not a number"),
    ("summary without _count",
     b'# TYPE s summary\ns{quantile="0.5"} 1\ns_sum 1\n', 2, "has no 's_count' sample"),
    ("summary label set without _sum",
     b'# TYPE s summary\ns{q="a",quantile="0.5"} 1\ns_sum{q="b"} 1\ns_count{q="a"} 1\n'
     b's_count{q="b"} 1\n', 2, "has no 's_sum' sample"),
    ("summary _sum with a quantile",
     b'# TYPE s summary\ns_sum{quantile="0.5"} 1\ns_count 1\n', 2, "must not have a 'quantile'"),
    ("summary with a bucket", b"# TYPE s summary\ns_sum 1\ns_count 1\ns_bucket 1\n", 4,
     "not one of its samples"),
    ("histogram without +Inf bucket",
     b'# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n', 2,
     'no bucket with le="+Inf"'),
    ("histogram bucket without le",
     b'# TYPE h histogram\nh_bucket 1\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n', 2,
     "needs a 'le' label"),
    ("histogram le NaN",
     b'# TYPE h histogram\nh_bucket{le="NaN"} 1\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n', 2,
     "is not a number"),
    ("histogram without _sum",
     b'# TYPE h histogram\nh_bucket{le="+Inf"} 1\nh_count 1\n', 2, "has no 'h_sum' sample"),
    ("histogram plain sample", b"# TYPE h histogram\nh 1\n", 2, "has no plain sample"),
    ("histogram buckets decreasing",
     b'# TYPE h histogram\nh_bucket{le="1"} 5\nh_bucket{le="+Inf"} 3\nh_sum 1\nh_count 3\n', 3,
     "decrease"),
    ("histogram _count differs from +Inf bucket",
     b'# TYPE h histogram\nh_bucket{le="+Inf"} 3\nh_sum 1\nh_count 4\n', 4, "differs"),
    ("histogram +Inf bucket twice",
     b'# TYPE h histogram\nh_bucket{le="+Inf"} 3\nh_bucket{le="Inf"} 3\nh_sum 1\nh_count 3\n', 3,
     "duplicate series"),
    ("typed family followed by a foreign sample", b"# TYPE a gauge\nb 1\n", 2,
     "not one of its samples"),
]

VALID = [
    ("empty file", b""),
    ("one untyped sample", b"a 1\n"),
    ("blank lines and comments", b"\n# just a comment\n   \n#HELPless remark\na 1\n\n"),
    ("families of every type", """\
# HELP tkt_tickets Tickets by status.\\nSecond line with a backslash \\\\.
# TYPE tkt_tickets gauge
tkt_tickets{status="open",queue="logistics"} 12
tkt_tickets{status="closed",queue="логистика"} 3
tkt_tickets{status="pending",queue="say \\"hi\\"\\\\n\\n"} 0
# TYPE tkt_replies_total counter
tkt_replies_total 1e3
# HELP tkt_first_response_seconds Time to first reply.
# TYPE tkt_first_response_seconds summary
tkt_first_response_seconds{queue="a",quantile="0.5"} 60
tkt_first_response_seconds{queue="a",quantile="0.9"} NaN
tkt_first_response_seconds_sum{queue="a"} 300.5
tkt_first_response_seconds_count{queue="a"} 4
tkt_first_response_seconds_sum{queue="b"} 0
tkt_first_response_seconds_count{queue="b"} 0
# TYPE tkt_age_seconds histogram
tkt_age_seconds_bucket{le="60"} 1
tkt_age_seconds_bucket{le="3600.0"} 2
tkt_age_seconds_bucket{le="+Inf"} 2
tkt_age_seconds_sum 61
tkt_age_seconds_count 2
# TYPE tkt_limits untyped
tkt_limits{kind="high"} +Inf
tkt_limits{kind="low"} -Inf
other:metric\t{ a = "1" , b="2", } \t-0.5e-3
tkt_empty_labels{} .5E+2
tkt_words{} -infinity
""".encode()),
]


class LintFunction(unittest.TestCase):
    """Calls prometheus_lint.lint() directly on each snippet."""

    def test_invalid_snippets_fail_with_the_expected_problem(self):
        for title, data, line, fragment in INVALID:
            with self.subTest(title):
                problems = prometheus_lint.lint(data)
                self.assertTrue(
                    any(number == line and fragment in message for number, message in problems),
                    f"expected line {line}: ...{fragment}..., got {problems}")

    def test_valid_snippets_pass(self):
        for title, data in VALID:
            with self.subTest(title):
                self.assertEqual(prometheus_lint.lint(data), [])

    def test_there_are_enough_invalid_cases(self):
        self.assertGreaterEqual(len(INVALID), 15)


class LintCommand(unittest.TestCase):
    """Runs prometheus_lint.py as the tests will: exit code and output."""

    def run_lint(self, data, *args):
        """Runs the lint on DATA through a temporary file, or stdin when ARGS is ('-',)."""
        with tempfile.NamedTemporaryFile(suffix=".prom") as file:
            file.write(data)
            file.flush()
            argv = [sys.executable, LINT, *(args or [file.name])]
            result = subprocess.run(argv, input=data, capture_output=True, timeout=30)
        return result, file.name

    def test_valid_file_exits_0_silently(self):
        result, _ = self.run_lint(VALID[-1][1])
        self.assertEqual((result.returncode, result.stdout, result.stderr), (0, b"", b""))

    def test_invalid_file_reports_file_and_line(self):
        result, name = self.run_lint(b"a 1\na 2\n")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, b"")
        expected = f"{name}:2: duplicate series a (first on line 1)\n"
        self.assertEqual(result.stderr.decode(), expected)

    def test_standard_input(self):
        result, _ = self.run_lint(b"a 1 5\n", "-")
        self.assertEqual(result.returncode, 1)
        self.assertTrue(result.stderr.startswith(b"<stdin>:1: timestamps"), result.stderr)

    def test_missing_file(self):
        result, _ = self.run_lint(b"", "/nonexistent/metrics.prom")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"cannot read", result.stderr)


if __name__ == "__main__":
    unittest.main()
