#!/usr/bin/env python3
"""Checks a file against the Prometheus text exposition format 0.0.4.

Usage: prometheus_lint.py FILE|-

Prints nothing and exits 0 when FILE is valid; otherwise prints one
`FILE:LINE: problem` line per problem to stderr and exits 1.

The rules are those of node_exporter's textfile collector, which parses with
the Go client's text parser (prometheus/common expfmt) and then refuses
client-side timestamps. Where that parser silently ignores a malformed line or
lets through what the format describes as wrong, this lint reports a problem,
since it checks what tkt writes and so errs on the strict side:
`# HELP name` without text, `# TYPE name` without a type or in capitals, label
names starting with `__`, no blank between `}` and the value, HELP after the
samples, families whose lines are interleaved, duplicate series, samples named
off the family their TYPE line announces, a quantile outside [0, 1], and a
summary or histogram label set without its _sum, _count or +Inf bucket, with
buckets that decrease or a _count that differs from the +Inf bucket.
"""

import math
import re
import sys
from dataclasses import dataclass, field

METRIC_NAME = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*")
LABEL_NAME = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*")
LABEL_VALUE = re.compile(r'"((?:[^"\\]|\\.)*)"')
BLANKS = re.compile(r"[ \t]*")
TOKEN = re.compile(r"[^ \t]*")
TYPES = ("counter", "gauge", "summary", "histogram", "untyped")

# The floats the Go client's parser accepts: strconv.ParseFloat's syntax less any
# text with 'p', 'P' or '_', which that parser refuses, so neither hexadecimal
# floats (they need a 'p' exponent) nor digit separators. Inf, Infinity and NaN
# may be in any case; only the infinities take a sign.
GO_FLOAT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
                      r"|(?i:[+-]?inf(?:inity)?|nan)")
GO_INT = re.compile(r"[+-]?[0-9]+")

# The samples a summary or histogram family may hold, by name suffix.
SUFFIXES = {
    "summary": ("", "_sum", "_count"),
    "histogram": ("_bucket", "_sum", "_count"),
}


class LineError(Exception):
    """A problem that makes the rest of one line unreadable."""


@dataclass
class Sample:
    """One parsed sample line."""

    line: int
    name: str
    labels: dict
    value: float


@dataclass
class Family:
    """A metric family: its metadata lines and its samples."""

    name: str
    type: str | None = None
    type_line: int = 0
    help_line: int = 0
    samples: list = field(default_factory=list)
    ended_at: int = 0

    def kind(self):
        """Returns the family's type, `untyped` when it has no TYPE line."""
        return self.type or "untyped"


def go_float(text):
    """Returns TEXT as a float if the Go client's parser accepts it, else None."""
    return float(text) if GO_FLOAT.fullmatch(text) else None


def check_escapes(text, allowed, what):
    """Raises LineError if TEXT has a backslash escape outside ALLOWED."""
    for match in re.finditer(r"\\(.?)", text):
        if match.group(1) == "" or match.group(1) not in allowed:
            raise LineError(f"invalid escape '{match.group(0)}' in {what}")


def skip_blanks(text, pos):
    """Returns the position of the first non-blank character from POS."""
    return BLANKS.match(text, pos).end()


def parse_labels(text, pos):
    """Parses `{name="value",...}` at POS; returns (labels, end position)."""
    labels = {}
    pos = skip_blanks(text, pos + 1)
    while not text.startswith("}", pos):
        name = LABEL_NAME.match(text, pos)
        if not name:
            raise LineError(f"invalid label name at '{text[pos:pos + 20]}'")
        if name.group().startswith("__"):
            raise LineError(f"label name '{name.group()}' is reserved (starts with '__')")
        if name.group() in labels:
            raise LineError(f"duplicate label name '{name.group()}'")
        pos = skip_blanks(text, name.end())
        if not text.startswith("=", pos):
            raise LineError(f"expected '=' after label name '{name.group()}'")
        value = LABEL_VALUE.match(text, skip_blanks(text, pos + 1))
        if not value:
            raise LineError(f"label '{name.group()}' needs a double-quoted value "
                            "(missing or unterminated quotes)")
        check_escapes(value.group(1), '\\"n', f"label value of '{name.group()}'")
        labels[name.group()] = value.group(1)
        pos = skip_blanks(text, value.end())
        if text.startswith(",", pos):
            pos = skip_blanks(text, pos + 1)
        elif not text.startswith("}", pos):
            raise LineError(f"expected ',' or '}}' after label '{name.group()}'")
    return labels, pos + 1


def parse_sample(text, line):
    """Parses a sample line into a Sample; raises LineError when malformed."""
    name = METRIC_NAME.match(text)
    if not name:
        raise LineError(f"invalid metric name at '{text[:20]}'")
    pos, labels = name.end(), {}
    brace = skip_blanks(text, pos)
    if text.startswith("{", brace):
        labels, pos = parse_labels(text, brace)
    rest = text[pos:]
    if rest and rest[0] not in " \t":
        raise LineError(f"expected a blank before the value of '{name.group()}'")
    tokens = re.split(r"[ \t]+", rest)[1:]
    if not tokens or not tokens[0]:
        raise LineError(f"sample '{name.group()}' has no value")
    value = go_float(tokens[0])
    if value is None:
        raise LineError(f"invalid value '{tokens[0]}' (not a Go float)")
    if tokens[1:] == [""]:
        raise LineError("blanks after the value (the Go parser expects a timestamp there)")
    if len(tokens) > 2 or (len(tokens) == 2 and not GO_INT.fullmatch(tokens[1])):
        raise LineError(f"unexpected text after the value: '{' '.join(tokens[1:]).strip()}'")
    if len(tokens) == 2:
        raise LineError("timestamps are not allowed (the textfile collector refuses them)")
    return Sample(line, name.group(), labels, value)


def series_key(sample):
    """Returns what identifies a series: name and labels, `le` and `quantile` as numbers."""
    labels = dict(sample.labels)
    for bound in ("le", "quantile"):
        if bound in labels and go_float(labels[bound]) is not None:
            labels[bound] = go_float(labels[bound])
    return sample.name, frozenset(labels.items())


def format_series(name, labels):
    """Returns NAME{LABELS} as written in the format, for messages."""
    inner = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    return f"{name}{{{inner}}}" if inner else name


class Linter:
    """Reads lines one by one and collects (line, problem) pairs."""

    def __init__(self):
        self.families = {}
        self.current = None
        self.series = {}
        self.problems = []

    def report(self, line, message):
        """Records one problem on LINE."""
        self.problems.append((line, message))

    def feed(self, line, text):
        """Checks one line (without its newline); LINE is its 1-based number."""
        stripped = text.lstrip(" \t")
        try:
            if stripped.startswith("#"):
                self.comment(line, stripped[1:])
            elif stripped:
                self.sample(parse_sample(stripped, line))
        except LineError as error:
            self.report(line, str(error))

    def comment(self, line, text):
        """Checks a comment line; TEXT follows the '#'."""
        pos = skip_blanks(text, 0)
        keyword = TOKEN.match(text, pos)
        if keyword.group() not in ("HELP", "TYPE"):
            return
        pos = skip_blanks(text, keyword.end())
        name = METRIC_NAME.match(text, pos)
        if not name or (name.end() < len(text) and text[name.end()] not in " \t"):
            raise LineError(f"{keyword.group()} needs a valid metric name")
        rest = text[skip_blanks(text, name.end()):]
        if keyword.group() == "HELP":
            self.on_help(line, name.group(), rest)
        else:
            self.on_type(line, name.group(), rest)

    def on_help(self, line, name, text):
        """Checks `# HELP NAME TEXT`."""
        if not text:
            raise LineError(f"HELP for '{name}' has no text")
        check_escapes(text, "\\n", f"HELP for '{name}'")
        family = self.families.setdefault(name, Family(name))
        if family.help_line:
            raise LineError(f"second HELP for '{name}' (first on line {family.help_line})")
        if family.samples:
            raise LineError(f"HELP for '{name}' after its samples")
        family.help_line = line
        self.enter(line, family)

    def on_type(self, line, name, text):
        """Checks `# TYPE NAME TYPE`."""
        if text not in TYPES:
            raise LineError(f"invalid type '{text}' for '{name}' (one of {', '.join(TYPES)})")
        family = self.families.setdefault(name, Family(name))
        if family.type_line:
            raise LineError(f"second TYPE for '{name}' (first on line {family.type_line})")
        if family.samples:
            raise LineError(f"TYPE for '{name}' after its first sample "
                            f"(line {family.samples[0].line})")
        family.type, family.type_line = text, line
        self.enter(line, family)

    def family_of(self, name):
        """Returns the family a sample named NAME belongs to, creating it if new."""
        for suffix in ("_bucket", "_sum", "_count"):
            family = self.families.get(name.removesuffix(suffix))
            if name.endswith(suffix) and family and suffix in SUFFIXES.get(family.type, ()):
                return family
        return self.families.setdefault(name, Family(name))

    def enter(self, line, family):
        """Makes FAMILY current; reports it if it was left before (not contiguous)."""
        if family is self.current:
            return
        if family.ended_at:
            self.report(line, f"'{family.name}' resumes after other metrics from line "
                        f"{family.ended_at} on (a family's lines must be contiguous)")
        if self.current:
            self.current.ended_at = self.current.ended_at or line
        self.current = family

    def sample(self, sample):
        """Checks a parsed sample against its family and the series seen so far."""
        family = self.family_of(sample.name)
        self.check_stray(sample, family)
        self.enter(sample.line, family)
        family.samples.append(sample)
        self.check_name_and_labels(sample, family)
        key = series_key(sample)
        if key in self.series:
            series = format_series(sample.name, sample.labels)
            first = self.series[key]
            self.report(sample.line, f"duplicate series {series} (first on line {first})")
        self.series.setdefault(key, sample.line)

    def check_stray(self, sample, family):
        """Reports a sample that follows a typed family but is none of its samples."""
        current = self.current
        if current is None or current is family or current.type is None:
            return
        if not current.samples or sample.name.startswith(current.name + "_"):
            names = " or ".join(f"'{current.name}{suffix}'"
                                for suffix in SUFFIXES.get(current.type, ("",)))
            self.report(sample.line, f"'{sample.name}' follows '# TYPE {current.name} "
                        f"{current.type}' but is not one of its samples (expected {names})")

    def check_name_and_labels(self, sample, family):
        """Checks the suffix and the `le`/`quantile` label a family's type demands."""
        bound = {"summary": "quantile", "histogram": "le"}.get(family.kind())
        if bound is None:
            return
        suffix = sample.name[len(family.name):]
        needs_bound = (family.kind(), suffix) in (("summary", ""), ("histogram", "_bucket"))
        if family.kind() == "histogram" and suffix == "":
            self.report(sample.line, f"histogram '{family.name}' has no plain sample "
                        f"(expected '{family.name}_bucket', '_sum' or '_count')")
        elif needs_bound:
            self.check_bound(sample, bound)
        elif bound in sample.labels:
            self.report(sample.line, f"'{sample.name}' must not have a '{bound}' label")

    def check_bound(self, sample, bound):
        """Checks the `le` or `quantile` label that BOUND names."""
        if bound not in sample.labels:
            self.report(sample.line, f"'{sample.name}' needs a '{bound}' label")
            return
        value = go_float(sample.labels[bound])
        if value is None or math.isnan(value):
            self.report(sample.line, f"{bound}=\"{sample.labels[bound]}\" is not a number")
        elif bound == "quantile" and not 0 <= value <= 1:
            self.report(sample.line, f"quantile=\"{sample.labels[bound]}\" is outside [0, 1]")

    def finish(self):
        """Runs the checks that need whole families, after the last line."""
        for family in self.families.values():
            if family.kind() in SUFFIXES:
                for labels, samples in group_by_labels(family.samples).items():
                    self.check_group(family, dict(labels), samples)

    def check_group(self, family, labels, samples):
        """Checks one label set of a summary or histogram for its required samples."""
        by_suffix = {}
        for sample in samples:
            by_suffix.setdefault(sample.name[len(family.name):], []).append(sample)
        where = format_series(family.name, labels)
        for suffix in ("_sum", "_count"):
            if suffix not in by_suffix:
                self.report(samples[0].line, f"{where} has no '{family.name}{suffix}' sample")
        if family.kind() == "histogram":
            self.check_buckets(where, samples[0].line, by_suffix.get("_bucket", []),
                               by_suffix.get("_count", []))

    def check_buckets(self, where, line, buckets, counts):
        """Checks a histogram's buckets: a +Inf one, cumulative, equal to _count."""
        bounded = sorted(((bucket_bound(b), b) for b in buckets if bucket_bound(b) is not None),
                         key=lambda pair: pair[0])
        if not bounded or bounded[-1][0] != math.inf:
            self.report(line, f"{where} has no bucket with le=\"+Inf\"")
            return
        for (_, lower), (_, upper) in zip(bounded, bounded[1:]):
            if upper.value < lower.value:
                self.report(upper.line,
                            f"bucket counts of {where} decrease (buckets are cumulative)")
        if counts and counts[0].value != bounded[-1][1].value:
            self.report(counts[0].line, f"_count of {where} differs from its le=\"+Inf\" bucket")


def bucket_bound(sample):
    """Returns the upper bound in a bucket's `le` label, None when missing or not a number."""
    bound = go_float(sample.labels.get("le", ""))
    return None if bound is None or math.isnan(bound) else bound


def group_by_labels(samples):
    """Returns SAMPLES grouped by their labels other than `le` and `quantile`."""
    groups = {}
    for sample in samples:
        labels = {k: v for k, v in sample.labels.items() if k not in ("le", "quantile")}
        groups.setdefault(frozenset(labels.items()), []).append(sample)
    return groups


def lint(data):
    """Returns the problems of DATA (bytes) as a list of (line, message)."""
    linter = Linter()
    lines = data.split(b"\n")
    for number, raw in enumerate(lines, start=1):
        if number == len(lines) and raw:
            linter.report(number, "the last line does not end with a newline")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            linter.report(number, f"invalid UTF-8 at byte {error.start + 1}")
            continue
        if "\r" in text:
            linter.report(number, "carriage return (lines must end with '\\n' alone)")
            continue
        linter.feed(number, text)
    linter.finish()
    return sorted(linter.problems, key=lambda problem: problem[0])


def main(argv):
    """Lints the file named in ARGV (or standard input for '-'); returns the exit code."""
    if len(argv) != 2:
        print("usage: prometheus_lint.py FILE|-", file=sys.stderr)
        return 2
    if argv[1] == "-":
        name, data = "<stdin>", sys.stdin.buffer.read()
    else:
        name = argv[1]
        try:
            with open(name, "rb") as file:
                data = file.read()
        except OSError as error:
            print(f"{name}: cannot read: {error.strerror}", file=sys.stderr)
            return 1
    problems = lint(data)
    for line, message in problems:
        print(f"{name}:{line}: {message}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
