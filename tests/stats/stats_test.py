#!/usr/bin/env python3
"""End-to-end tests of `tkt stats` on the known history of fixture.sh.

Every expected number below is worked out by hand from that history (the comments
show the sums), and each form of the report (JSON, CSV, Prometheus, Markdown, the
terminal table, HTML) must give the same ones. Needs TKT_BIN_DIR (the built tkt).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import tktenv  # noqa: E402  (tests/tktenv.py)

HERE = Path(__file__).resolve().parent
TOOLS = HERE.parent / "tools"
TKT = Path(os.environ.get("TKT_BIN_DIR", HERE.parent.parent / "build")) / "tkt"

DAY = ["--since", "2026-11-16", "--until", "2026-11-17", "--within", "30m"]
NOW = "2026-11-17T00:00:00Z"
HOUR = 3600

# The history, UTC, 2026-11-16 unless said (tickets by id):
#  1 maria, general: created 11-15 20:00; anna replies and solves 08:00; maria writes
#    again 16:00 (reopened); her rating form gives 3 at 16:30 (anna's conversation).
#  2 ivan, payments: 09:00; anna replies 09:10; ivan follows up 09:30; anna replies
#    and solves 10:00; ivan replies "4 - quick, thank you" at 17:00: a rating, credited
#    to anna, that reopens nothing and that no reply answers.
#  3 olga, logistics: 09:05; her auto-reply 09:06; boris replies and solves 09:35;
#    anna records a rating of 5 at 12:00, credited to boris.
#  4 ivan, payments: 10:00, never answered (a repeat contact of 2); SLA breach 11:00.
#  5 petr, logistics, phone, logged by anna 11:00; anna escalates 11:30 (to vera);
#    SLA breach 12:00; vera replies 13:00; rated 1 at 14:00, then 2 at 15:00 (by
#    phone, recorded by anna, credited to vera: the last to reply).
#  6 sam, logistics: 23:30, unanswered (delivered twice).
#  7 an auto-reply that threads nowhere, 14:30: not a contact.
TOTAL = {
    "created": 5,                      # 2, 3, 4, 5, 6
    "solved": 3,                       # 1, 2, 3
    "reopened": 1,                     # 1
    "backlog": 4,                      # 1 (reopened), 4, 5, 6
    "first_reply.count": 3,            # 2: 600 s, 3: 1800 s, 5: 7200 s
    "first_reply.median": 1800,        # rank ceil(0.5*3) = 2
    "first_reply.p90": 7200,           # rank ceil(0.9*3) = 3
    "first_reply.mean": 3200,          # 9600 / 3
    "first_reply.within.threshold": 1800,
    "first_reply.within.share": 0.5,   # 2 and 3 within; 5 late; 4 unanswered for 14 h;
                                       # 6 unanswered for exactly 30 m: not yet judged
    "first_reply.within_target.judged": 4,  # the policy "everyone", 1 h: 2 (10 m) and 3
    "first_reply.within_target.share": 0.5,  # (30 m) in, 5 (2 h) late, 4 unanswered 14 h;
                                             # 6 unanswered for 30 m, not yet late
    "reply_time.count": 5,             # 43200 (1), 600, 1800 (2), 1800 (3, from 09:05
                                       # not the auto-reply), 7200 (5)
    "reply_time.median": 1800,
    "reply_time.p90": 43200,           # rank ceil(4.5) = 5
    "resolution.count": 3,             # 1: 43200, 2: 3600, 3: 1800
    "resolution.median": 3600,
    "resolution.p90": 43200,
    "escalated": 1,                    # 5
    "escalation_rate": 0.2,
    "escalations_received": 1,         # 5, by vera on line 2
    "repeat_contacts": 1,              # 4
    "repeat_contact_rate": 0.2,
    "one_touch": 2,                    # 1 and 3 (2 had two replies)
    "one_touch_rate": 2 / 3,
    "csat.rated": 4,                   # 1 (3), 2 (4), 3 (5) and 5 (2, replacing 1)
    "csat.good": 2,                    # 2 and 3
    "csat.share_good": 0.5,
    "csat.average": 3.5,               # (3 + 4 + 5 + 2) / 4
    "sla_breaches.first_reply": 2,     # 4 and 5
    "sla_breaches.next_reply": 0,
    "sla_breaches.resolve": 0,
}

# Agents: replies in the period, tickets they owned solved, 15-minute slots with work.
AGENTS = {
    # slots 08:00, 09:00, 10:00, 11:00 (logged 5), 11:30 (escalated 5)
    # ratings credited: 1 (3) and 2 (4)
    "anna": {"replies": 3, "bulk_replies": 0, "solved": 2, "hours": 1.25, "per_hour": 1.6,
             "replies_per_hour": 2.4, "rated": 2, "csat_average": 3.5, "share_good": 0.5},
    "boris": {"replies": 1, "bulk_replies": 0, "solved": 1, "hours": 0.25, "per_hour": 4.0,
              "replies_per_hour": 4.0, "rated": 1, "csat_average": 5.0, "share_good": 1.0},
    "vera": {"replies": 1, "bulk_replies": 0, "solved": 0, "hours": 0.25, "per_hour": 0.0,
             "replies_per_hour": 4.0, "rated": 1, "csat_average": 2.0, "share_good": 0.0},
}

QUEUES = {
    "general": {"created": 0, "solved": 1, "reopened": 1, "backlog": 1, "first_reply.median": None,
                "first_reply.within.share": None, "reply_time.median": 43200, "resolution.median": 43200,
                "one_touch_rate": 1.0, "escalation_rate": None, "csat.rated": 1, "csat.share_good": 0.0,
                "csat.average": 3.0},
    "logistics": {"created": 3, "solved": 1, "backlog": 2, "first_reply.median": 1800,
                  "first_reply.p90": 7200, "first_reply.mean": 4500, "first_reply.within.share": 0.5,
                  "reply_time.median": 1800, "reply_time.p90": 7200, "escalated": 1,
                  "escalation_rate": 1 / 3, "csat.rated": 2, "csat.share_good": 0.5, "csat.average": 3.5,
                  "sla_breaches.first_reply": 1},
    "payments": {"created": 2, "solved": 1, "backlog": 1, "first_reply.median": 600,
                 "first_reply.within.share": 0.5, "reply_time.median": 600, "reply_time.p90": 1800,
                 "resolution.median": 3600, "repeat_contact_rate": 0.5, "one_touch_rate": 0.0,
                 "csat.rated": 1, "csat.share_good": 1.0, "csat.average": 4.0, "sla_breaches.first_reply": 1},
}


def run(args, env, check=True):
    result = subprocess.run([str(TKT), *args], env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"tkt {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


def flatten(metrics, prefix=""):
    """The JSON metrics as {"first_reply.median": value}, agents left aside."""
    flat = {}
    for key, value in metrics.items():
        if key == "agents":
            continue
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = value
    return flat


def shown(value, path):
    """How the table, Markdown and HTML forms show a value (tkt's format_metric)."""
    if value is None:
        return "-"
    if path.endswith(("rate", "share", "share_good")):
        return f"{value * 100:.1f}%"
    if path.endswith("average"):
        return f"{value:.2f}"
    if any(part in path for part in ("median", "p90", "mean", "threshold")):
        if value < 60:
            return f"{value:g}s"
        rest, parts = round(value), []
        for size, unit in ((86400, "d"), (3600, "h"), (60, "m"), (1, "s")):
            if rest >= size:
                parts.append(f"{rest // size}{unit}")
                rest %= size
        return " ".join(parts)
    return str(value)


class Fixture(unittest.TestCase):
    """The history of fixture.sh, built once per class, and helpers to read reports."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = Path(cls.tmp.name)
        subprocess.run(["sh", str(HERE / "fixture.sh"), str(root)], check=True,
                       env={**os.environ, "TKT_BIN_DIR": str(TKT.parent), "TKT_TEST_DB": tktenv.database(root)})
        cls.env = tktenv.environment(root, now=NOW)
        cls.root = root

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def stats(self, *args, env=None):
        return run(["stats", *DAY, *args], env or self.env).stdout

    def assert_metrics(self, actual, expected, where):
        for path, value in expected.items():
            with self.subTest(where=where, metric=path):
                self.assertIn(path, actual)
                if value is None or actual[path] is None:
                    self.assertEqual(actual[path], value)
                else:
                    self.assertAlmostEqual(actual[path], value, places=9)



class Forms(Fixture):
    """The same numbers, worked out by hand, in every form."""

    def test_json(self):
        report = json.loads(self.stats("--format", "json"))
        self.assertEqual(report["period"], {"since": "2026-11-16T00:00:00Z", "until": "2026-11-17T00:00:00Z"})
        self.assertIsNone(report["by"])
        self.assertEqual(report["groups"], [])
        self.assert_metrics(flatten(report["total"]), TOTAL, "json")
        self.assertEqual(set(flatten(report["total"])), set(TOTAL), "every metric, no more")
        agents = {a.pop("agent"): a for a in report["total"]["agents"]}
        self.assertEqual(set(agents), set(AGENTS))
        for login, expected in AGENTS.items():
            self.assert_metrics(agents[login], expected, f"json agent {login}")
        # Whole seconds and counts are integers in JSON; the mean and shares are reals.
        self.assertIsInstance(report["total"]["first_reply"]["median"], int)
        self.assertIsInstance(report["total"]["created"], int)

    def test_json_by_queue(self):
        report = json.loads(self.stats("--by", "queue", "--format", "json"))
        self.assertEqual(report["by"], "queue")
        groups = {g["key"]: g["metrics"] for g in report["groups"]}
        self.assertEqual(list(groups), ["general", "logistics", "payments"])
        for queue, expected in QUEUES.items():
            self.assert_metrics(flatten(groups[queue]), expected, f"queue {queue}")
        self.assert_metrics(flatten(report["total"]), TOTAL, "total by queue")
        # The groups add up to the total wherever a metric is a plain count.
        for path in ("created", "solved", "reopened", "backlog", "escalated", "one_touch", "csat.rated"):
            self.assertEqual(sum(flatten(g)[path] for g in groups.values()), TOTAL[path], path)
        general_agents = {a["agent"]: a for a in groups["general"]["agents"]}
        self.assertEqual(general_agents["anna"]["replies"], 1)
        self.assertEqual(general_agents["anna"]["hours"], 0.25)

    def test_csv(self):
        rows = [line.split(",") for line in self.stats("--format", "csv").splitlines()]
        self.assertEqual(rows[0], ["by", "group", "agent", "metric", "value"])
        total = {r[3]: (float(r[4]) if r[4] else None) for r in rows[1:] if r[1] == "" and r[2] == ""}
        self.assert_metrics(total, TOTAL, "csv")
        for login, expected in AGENTS.items():
            agent = {r[3]: (float(r[4]) if r[4] else None) for r in rows[1:] if r[2] == login}
            self.assert_metrics(agent, expected, f"csv agent {login}")

    def test_prometheus(self):
        text = self.stats("--format", "prometheus", "--by", "queue")
        lint = subprocess.run([sys.executable, str(TOOLS / "prometheus_lint.py"), "-"], input=text,
                              capture_output=True, text=True)
        self.assertEqual(lint.returncode, 0, lint.stderr)
        samples = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                series, value = line.rsplit(" ", 1)
                samples[series] = float(value)
        mapping = {
            "created": "tkt_tickets_created", "solved": "tkt_tickets_solved",
            "reopened": "tkt_tickets_reopened", "backlog": "tkt_tickets_backlog",
            "first_reply.count": "tkt_first_reply_seconds_count",
            "first_reply.median": 'tkt_first_reply_seconds{quantile="0.5"}',
            "first_reply.p90": 'tkt_first_reply_seconds{quantile="0.9"}',
            "first_reply.within.threshold": "tkt_first_reply_threshold_seconds",
            "first_reply.within.share": "tkt_first_reply_within_ratio",
            "first_reply.within_target.share": "tkt_first_reply_within_target_ratio",
            "reply_time.median": 'tkt_reply_time_seconds{quantile="0.5"}',
            "reply_time.p90": 'tkt_reply_time_seconds{quantile="0.9"}',
            "resolution.median": 'tkt_resolution_seconds{quantile="0.5"}',
            "escalated": "tkt_tickets_escalated", "escalation_rate": "tkt_escalation_ratio",
            "repeat_contacts": "tkt_tickets_repeat_contacts", "one_touch_rate": "tkt_one_touch_ratio",
            "csat.rated": "tkt_csat_rated_tickets", "csat.share_good": "tkt_csat_good_ratio",
            "csat.average": "tkt_csat_average_score",
            "sla_breaches.first_reply": 'tkt_sla_breached_tickets{target="first_reply"}',
        }
        for path, series in mapping.items():
            with self.subTest(series=series):
                self.assertAlmostEqual(samples[series], TOTAL[path], places=9)
        self.assertEqual(samples["tkt_first_reply_seconds_sum"], 9600)
        self.assertEqual(samples['tkt_tickets_created{queue="logistics"}'], 3)
        self.assertEqual(samples['tkt_first_reply_seconds{queue="payments",quantile="0.9"}'], 600)
        self.assertTrue(str(samples['tkt_first_reply_within_ratio{queue="general"}']) == "nan")
        self.assertEqual(samples['tkt_agent_active_hours{agent="anna"}'], 1.25)
        self.assertEqual(samples['tkt_agent_replies{queue="payments",agent="anna"}'], 2)
        self.assertEqual(samples['tkt_agent_rated_tickets{agent="anna"}'], 2)
        self.assertEqual(samples['tkt_agent_csat_average_score{agent="vera"}'], 2)
        self.assertEqual(samples["tkt_report_period_start_timestamp_seconds"], 1794787200)

    def assert_table_rows(self, rows):
        labels = {
            "Tickets created": "created", "Tickets solved": "solved", "Tickets reopened": "reopened",
            "Backlog at the end": "backlog", "First reply, median": "first_reply.median",
            "First reply, p90": "first_reply.p90", "First reply, mean": "first_reply.mean",
            "First reply within threshold": "first_reply.within.share",
            "Reply time, median": "reply_time.median", "Reply time, p90": "reply_time.p90",
            "Resolution, median": "resolution.median", "Escalation rate": "escalation_rate",
            "One-touch rate": "one_touch_rate", "CSAT, share good": "csat.share_good",
            "CSAT, average (1-5)": "csat.average",
            "SLA breached: first reply": "sla_breaches.first_reply",
        }
        for label, path in labels.items():
            with self.subTest(row=label):
                self.assertEqual(rows[label], shown(TOTAL[path], path))

    def test_markdown(self):
        text = self.stats("--format", "markdown")
        rows = {}
        for line in text.splitlines():
            cells = [c.strip() for c in line.strip("|").split("|")]
            if len(cells) == 2 and cells[0] not in ("Metric", "---"):
                rows[cells[0]] = cells[1]
        self.assert_table_rows(rows)
        self.assertIn("| anna | 3 | 0 | 2 | 1.25 | 1.60 | 2.40 | 2 | 3.50 | 50.0% |", text)

    def test_table(self):
        text = self.stats()
        rows = {}
        for line in text.splitlines():
            match = re.match(r"^(\S.*?)\s{2,}(\S.*)$", line)
            if match:
                rows[match.group(1)] = match.group(2).strip()
        self.assert_table_rows(rows)
        self.assertRegex(text, r"(?m)^boris\s+1\s+0\s+1\s+0\.25\s+4\.00\s+4\.00\s+1\s+5\.00\s+100\.0%$")
        self.assertNotIn("\x1b[", text, "no colour when stdout is not a terminal")

    def test_html(self):
        output = self.root / "report.html"
        run(["stats", *DAY, "--format", "html", "--output", str(output)], self.env)
        page = output.read_text(encoding="utf-8")
        for label, path in (("First reply, median", "first_reply.median"), ("Backlog at the end", "backlog"),
                            ("CSAT, share good", "csat.share_good")):
            self.assertIn(f"<th>{label}</th><td>{shown(TOTAL[path], path)}</td>", page)
        check = subprocess.run([sys.executable, str(TOOLS / "html_check.py"), "--min-charts", "5", str(output),
                                str(self.root / "report.png")], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertGreater((self.root / "report.png").stat().st_size, 1000)


class EdgeCases(Fixture):
    """Empty periods, time zones, groups, filters, thresholds and every error."""

    def test_empty_period(self):
        report = json.loads(run(["stats", "--since", "2020-01-01", "--until", "2020-01-02", "--format", "json"],
                                self.env).stdout)
        total = flatten(report["total"])
        self.assertEqual(total["created"], 0)
        self.assertEqual(total["backlog"], 0)
        for path in ("first_reply.median", "first_reply.mean", "first_reply.within.share", "reply_time.p90",
                     "resolution.median", "escalation_rate", "one_touch_rate", "csat.share_good"):
            self.assertIsNone(total[path], path)
        self.assertEqual(report["total"]["agents"], [])
        prometheus = run(["stats", "--since", "2020-01-01", "--until", "2020-01-02", "--format", "prometheus"],
                         self.env).stdout
        lint = subprocess.run([sys.executable, str(TOOLS / "prometheus_lint.py"), "-"], input=prometheus,
                              capture_output=True, text=True)
        self.assertEqual(lint.returncode, 0, lint.stderr)

    def test_by_day_across_a_time_zone(self):
        # Moscow is UTC+3: ticket 6 (23:30 UTC on the 16th) came at 02:30 on the 17th.
        env = {**self.env, "TZ": "Europe/Moscow"}
        report = json.loads(run(["stats", "--since", "2026-11-16", "--until", "2026-11-18", "--by", "day",
                                 "--format", "json"], env).stdout)
        self.assertEqual(report["period"]["since"], "2026-11-15T21:00:00Z")
        days = {g["key"]: g["metrics"] for g in report["groups"]}
        self.assertEqual(list(days), ["2026-11-16", "2026-11-17"])
        self.assertEqual(days["2026-11-16"]["created"], 4)
        self.assertEqual(days["2026-11-17"]["created"], 1)
        # Open at 21:00 UTC (midnight in Moscow): 1 (reopened at 16:00), 4 and 5; then 6 too.
        self.assertEqual(days["2026-11-16"]["backlog"], 3)
        self.assertEqual(days["2026-11-17"]["backlog"], 4)
        self.assertEqual(report["total"]["backlog"], 4)

    def test_by_hour(self):
        report = json.loads(self.stats("--by", "hour", "--format", "json"))
        hours = {g["key"]: g["metrics"] for g in report["groups"]}
        self.assertEqual(len(hours), 24)
        self.assertEqual(hours["2026-11-16 09:00"]["created"], 2)
        self.assertEqual(hours["2026-11-16 09:00"]["first_reply"]["median"], 600)  # 2's 10-minute reply
        self.assertEqual(hours["2026-11-16 10:00"]["solved"], 1)
        self.assertEqual(hours["2026-11-16 13:00"]["reply_time"]["median"], 7200)
        self.assertEqual(sum(h["created"] for h in hours.values()), TOTAL["created"])

    # By agent, each thing goes to who did it (tkt(1), STATISTICS, Credit): a ticket to
    # the agent who took it up first (first reply or escalation), a first reply to its
    # author, an escalation to who escalated and, received, to the agent it went to, a
    # solve to who solved it, a rating to the conversation it rates; a ticket nobody
    # took up to its owner.
    BY_AGENT = {
        # 2 (answered 09:10) and 5 (escalated 11:30, before vera's 13:00 reply); her
        # first reply 600 s on 2; she escalated 5; she solved 1 and 2.
        "anna": {"created": 2, "first_reply.count": 1, "first_reply.median": 600,
                 "first_reply.within.share": 1.0, "first_reply.within_target.share": 1.0, "escalated": 1, "escalation_rate": 0.5,
                 "escalations_received": 0, "solved": 2, "reply_time.count": 3,
                 "csat.rated": 2, "csat.average": 3.5},
        # 3, answered 09:35 (1800 s, within 30 m) and solved; its rating 5.
        "boris": {"created": 1, "first_reply.median": 1800, "first_reply.within.share": 1.0,
                  "escalated": 0, "escalations_received": 0, "solved": 1, "reply_time.median": 1800,
                  "csat.rated": 1, "csat.average": 5.0},
        # The first reply on 5 (7200 s, late), escalated to her: received, not escalated
        # and not a ticket she took up.
        "vera": {"created": 0, "first_reply.count": 1, "first_reply.median": 7200,
                 "first_reply.within.share": 0.0, "first_reply.within_target.share": 0.0, "escalated": 0, "escalation_rate": None,
                 "escalations_received": 1, "solved": 0, "csat.rated": 1, "csat.average": 2.0},
        # 4 and 6, taken up by nobody and owned by nobody: 4 a repeat contact, unanswered
        # past the threshold; 6 not yet judged.
        "(none)": {"created": 2, "repeat_contacts": 1, "first_reply.count": 0,
                   "first_reply.within.share": 0.0, "first_reply.within_target.judged": 1, "escalated": 0, "csat.rated": 0},
    }

    def test_by_agent(self):
        report = json.loads(self.stats("--by", "agent", "--format", "json"))
        agents = {g["key"]: flatten(g["metrics"]) for g in report["groups"]}
        self.assertEqual(set(agents), set(self.BY_AGENT))
        for agent, expected in self.BY_AGENT.items():
            self.assert_metrics(agents[agent], expected, f"by agent {agent}")
        # The groups add up to the total.
        for path in ("created", "first_reply.count", "escalated", "escalations_received", "solved", "csat.rated"):
            self.assertEqual(sum(g[path] for g in agents.values()), flatten(report["total"])[path], path)
        # The same in the table and CSV.
        table = self.stats("--by", "agent")
        self.assertRegex(table, r"(?m)^Escalations received\s+1\s+0\s+0\s+0\s+1$")
        self.assertRegex(table, r"(?m)^First reply, median\s+30m\s+-\s+10m\s+30m\s+2h$")

    def test_by_tag(self):
        # 2 and 3 are vip, 3 is parcel too: a ticket counts in each of its tags, so the
        # groups add up to more than the total; 1, 4, 5 and 6 have none.
        report = json.loads(self.stats("--by", "tag", "--format", "json"))
        tags = {g["key"]: flatten(g["metrics"]) for g in report["groups"]}
        self.assertEqual(list(tags), ["(none)", "parcel", "vip"])
        self.assert_metrics(tags["vip"], {"created": 2, "solved": 2, "first_reply.median": 600,
                                          "first_reply.p90": 1800, "csat.rated": 2, "csat.average": 4.5,
                                          "backlog": 0}, "tag vip")
        self.assert_metrics(tags["parcel"], {"created": 1, "solved": 1, "csat.average": 5.0}, "tag parcel")
        self.assert_metrics(tags["(none)"], {"created": 3, "solved": 1, "reopened": 1, "backlog": 4,
                                             "csat.rated": 2, "csat.average": 2.5}, "no tag")

    def test_by_customer(self):
        # Ivan's two tickets (2, and 4 a repeat contact of it) are one customer's.
        report = json.loads(self.stats("--by", "customer", "--format", "json"))
        customers = {g["key"]: flatten(g["metrics"]) for g in report["groups"]}
        self.assertEqual(set(customers), {"ivan@example.com", "maria@example.com", "olga@example.org",
                                          "petr@example.net", "sam@example.com"})
        self.assert_metrics(customers["ivan@example.com"], {"created": 2, "repeat_contacts": 1, "solved": 1,
                                                             "backlog": 1, "csat.average": 4.0}, "ivan")
        self.assert_metrics(customers["maria@example.com"], {"created": 0, "reopened": 1, "csat.average": 3.0},
                            "maria")
        for path in ("created", "solved", "backlog", "csat.rated"):
            self.assertEqual(sum(c[path] for c in customers.values()), TOTAL[path], path)

    def test_by_line(self):
        # 5 started on line 1 and was escalated from it to line 2, which received it.
        report = json.loads(self.stats("--by", "line", "--format", "json"))
        lines = {g["key"]: flatten(g["metrics"]) for g in report["groups"]}
        self.assert_metrics(lines["1"], {"created": 5, "escalated": 1, "escalation_rate": 0.2,
                                         "escalations_received": 0}, "line 1")
        self.assert_metrics(lines["2"], {"created": 0, "escalated": 0, "escalations_received": 1}, "line 2")

    def test_merged_and_duplicates_count_once(self):
        # 8 was folded into 2 and 6 was delivered twice: the totals above hold, and here
        # is why.
        tickets = {t["id"]: t for t in json.loads(run(["list", "status:any", "--json"], self.env).stdout)}
        self.assertEqual(len(tickets), 8)
        self.assertEqual(tickets[8]["merged_into"], 2)
        self.assertEqual(tickets[8]["status"], "closed")
        self.assertIsNone(tickets[2]["merged_into"])
        self.assertEqual([e["kind"] for e in json.loads(run(["history", "2", "--json"], self.env).stdout)
                          if e["kind"] == "merged"], ["merged"])
        again = run(["merge", "8", "--into", "2"], self.env, check=False)
        self.assertEqual((again.returncode, again.stderr), (64, "tkt: ticket 8 is already merged into ticket 2\n"))
        into_merged = run(["merge", "4", "--into", "8"], self.env, check=False)
        self.assertEqual(into_merged.returncode, 64)
        self.assertIn("ticket 8 was merged into ticket 2: merge into that one", into_merged.stderr)
        self.assertEqual(run(["merge", "4", "--into", "4"], self.env, check=False).returncode, 64)
        self.assertEqual(run(["merge", "99", "--into", "2"], self.env, check=False).returncode, 1)

    def test_acknowledgements_count_nowhere(self):
        # The desk acknowledged each person's new ticket (not 7, the auto-reply, nor 5 and
        # 8, not opened by mail): the totals above hold with these in the database.
        acknowledged = [t for t in range(1, 9)
                        if any(e["kind"] == "acknowledged"
                               for e in json.loads(run(["history", str(t), "--json"], self.env).stdout))]
        self.assertEqual(acknowledged, [1, 2, 3, 4, 6])
        self.assertEqual(run(["outbox", "--all"], self.env).stdout.count("\tsent\t"), 5)

    def test_where(self):
        report = json.loads(self.stats("--where", "queue:payments", "--format", "json"))
        self.assertEqual(report["total"]["created"], 2)
        self.assertEqual(report["total"]["repeat_contacts"], 1)

    def test_within_default_and_other_thresholds(self):
        report = json.loads(run(["stats", "--since", "2026-11-16", "--until", "2026-11-17", "--within", "2h",
                                 "--format", "json"], self.env).stdout)
        # Within 2 h: 2, 3 and 5 answered in time; 4 judged late; 6 (30 m old) not yet.
        self.assertEqual(report["total"]["first_reply"]["within"], {"threshold": 7200, "share": 0.75})

    def test_errors(self):
        cases = [
            (["--by", "queues"], 64, "--by 'queues': expected one of queue, line, agent, channel, priority, day, "
                                     "hour, week, month, tag, customer (did you mean 'queue'?)"),
            (["--format", "yaml"], 64, "--format 'yaml'"),
            (["--since", "last tuesday"], 64, "--since 'last tuesday': expected a date"),
            (["--since", "2026-11-17", "--until", "2026-11-16"], 64, "the period ends before it starts"),
            (["--within", "soon"], 64, "--within 'soon'"),
            (["--where", "breaching"], 64, "breaching and due are judged at one moment"),
            (["--where", "colour:red"], 64, "colour"),
            (["--output", "/nonexistent/dir/report.prom"], 73, "cannot write '/nonexistent/dir/report.prom'"),
        ]
        for args, code, message in cases:
            with self.subTest(args=args):
                result = run(["stats", *args], self.env, check=False)
                self.assertEqual(result.returncode, code, result.stderr)
                self.assertIn(message, result.stderr)
                self.assertEqual(result.stderr.count("\n"), 1, "one line on stderr")
                self.assertEqual(result.stdout, "")
        missing = run(["stats"], {**self.env, "TKT_DB": str(self.root / "missing.db")}, check=False)
        self.assertEqual(missing.returncode, 66)
        self.assertFalse((self.root / "missing.db").exists())

    def test_output_is_atomic(self):
        target = self.root / "textfile" / "tkt.prom"
        target.parent.mkdir()
        target.write_text("old\n")
        run(["stats", *DAY, "--format", "prometheus", "--output", str(target)], self.env)
        self.assertTrue(target.read_text().startswith("# HELP tkt_"))
        self.assertEqual(sorted(p.name for p in target.parent.iterdir()), ["tkt.prom"], "no temporary left")
        self.assertEqual(target.stat().st_mode & 0o777, 0o666 & ~current_umask())


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


class BulkReplies(unittest.TestCase):
    """One reply to many tickets is one action of the agent's (tkt(1), STATISTICS, Bulk
    replies), worked out by hand, in every form of the report.

    2026-11-16, UTC: tickets 1, 2 and 3 (tagged outage) come at 10:00, 10:10 and 10:20;
    boris answers 3 himself at 10:30 (and owns it since); anna answers all three with
    one `reply --where +outage` at 11:00; ticket 2's customer writes again at 11:30 and
    anna answers at 12:00.
    """

    # first replies: 1 after 3600 s, 2 after 3000 s (the bulk reply), 3 after 600 s
    # (boris); reply times: those three, then 1800 s for 2 (anna's own) and none for
    # the bulk reply on 3 (boris had answered since its customer wrote).
    TOTAL = {"first_reply.count": 3, "first_reply.median": 3000, "first_reply.p90": 3600,
             "first_reply.mean": 2400, "reply_time.count": 4, "reply_time.median": 1800,
             "reply_time.p90": 3600}
    # anna: 1 own reply (12:00), 3 bulk (11:00); she logged the tickets too, so her
    # slots are 10:00, 10:15, 11:00 and 12:00 (the customer's 11:30 mail is not hers):
    # 1 h, so 1 own reply an hour. boris: his reply and what it changed, at 10:30.
    AGENTS = {"anna": {"replies": 1, "bulk_replies": 3, "solved": 0, "hours": 1.0, "per_hour": 0.0,
                       "replies_per_hour": 1.0},
              "boris": {"replies": 1, "bulk_replies": 0, "solved": 0, "hours": 0.25, "per_hour": 0.0,
                        "replies_per_hour": 4.0}}
    # By agent, a ticket's first reply and the wait a bulk reply ends go to its owner:
    # 1 nobody's, 2 anna's (her own reply took it), 3 boris's; her own reply's wait is hers.
    BY_AGENT = {"(none)": {"first_reply.count": 1, "first_reply.median": 3600, "reply_time.count": 1},
                "anna": {"first_reply.count": 1, "first_reply.median": 3000, "reply_time.count": 2,
                         "reply_time.median": 1800, "reply_time.p90": 3000},
                "boris": {"first_reply.count": 1, "first_reply.median": 600, "reply_time.count": 1}}

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = Path(cls.tmp.name)
        cls.env = tktenv.environment(root, now="2026-11-16T10:00:00Z")
        run(["init", "--name", "Anna Smirnova", "--email", "anna@example.com"], cls.env)
        for number, minute in ((1, "00"), (2, "10"), (3, "20")):
            run(["new", "--from", f"c{number}@example.com", "--queue", "general", "--subject", "Cannot log in",
                 "--body", "Error 500.", "--tag", "outage"], {**cls.env, "TKT_NOW": f"2026-11-16T10:{minute}:00Z"})
        run(["reply", "3", "--as", "boris", "--message", "Looking into it."],
            {**cls.env, "TKT_NOW": "2026-11-16T10:30:00Z"})
        run(["reply", "--where", "+outage", "--message", "Logging in works again."],
            {**cls.env, "TKT_NOW": "2026-11-16T11:00:00Z"})
        run(["add", "2", "--from", "c2@example.com", "--body", "Still broken here."],
            {**cls.env, "TKT_NOW": "2026-11-16T11:30:00Z"})
        run(["reply", "2", "--message", "Please clear your cookies."], {**cls.env, "TKT_NOW": "2026-11-16T12:00:00Z"})
        cls.env["TKT_NOW"] = NOW

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def stats(self, *args):
        return run(["stats", *DAY, *args], self.env).stdout

    def test_json(self):
        report = json.loads(self.stats("--format", "json", "--by", "agent"))
        Fixture.assert_metrics(self, flatten(report["total"]), self.TOTAL, "json")
        agents = {a.pop("agent"): a for a in report["total"]["agents"]}
        self.assertEqual(set(agents), set(self.AGENTS))
        for login, expected in self.AGENTS.items():
            Fixture.assert_metrics(self, agents[login], expected, f"json agent {login}")
        groups = {g["key"]: flatten(g["metrics"]) for g in report["groups"]}
        for key, expected in self.BY_AGENT.items():
            Fixture.assert_metrics(self, groups[key], expected, f"json group {key}")

    def test_csv(self):
        rows = [line.split(",") for line in self.stats("--format", "csv").splitlines()]
        for login, expected in self.AGENTS.items():
            agent = {r[3]: (float(r[4]) if r[4] else None) for r in rows[1:] if r[2] == login}
            Fixture.assert_metrics(self, agent, expected, f"csv agent {login}")

    def test_prometheus(self):
        text = self.stats("--format", "prometheus")
        lint = subprocess.run([sys.executable, str(TOOLS / "prometheus_lint.py"), "-"], input=text,
                              capture_output=True, text=True)
        self.assertEqual(lint.returncode, 0, lint.stderr)
        self.assertIn('tkt_agent_replies{agent="anna"} 1\n', text)
        self.assertIn('tkt_agent_bulk_replies{agent="anna"} 3\n', text)
        self.assertIn('tkt_agent_bulk_replies{agent="boris"} 0\n', text)

    def test_table_markdown_and_html(self):
        self.assertRegex(self.stats(), r"(?m)^anna\s+1\s+3\s+0\s+1\.00\s+0\.00\s+1\.00\s+0\s+-\s+-$")
        self.assertIn("| anna | 1 | 3 | 0 | 1.00 | 0.00 | 1.00 | 0 | - | - |", self.stats("--format", "markdown"))
        html = self.stats("--format", "html")
        self.assertIn("<th>Bulk replies</th>", html)
        self.assertIn("<th>anna</th><td>1</td><td>3</td>", html)

    def test_history_names_the_bulk_action(self):
        history = run(["history", "1"], self.env).stdout
        self.assertIn("as part of a reply to 3 tickets", history)
        self.assertNotIn("assigned", history, "a bulk reply takes no ticket")


class BusinessHours(unittest.TestCase):
    """Friday 17:00 to Monday 10:00 is 65 hours of calendar time but 2 working hours."""

    def test_weekend(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            env = tktenv.environment(root, now="2026-11-20T17:00:00Z")
            run(["init", "--name", "Anna Smirnova", "--email", "anna@example.com"], env)
            (root / "config" / "sla.toml").write_text(
                '[[calendar]]\nname = "office"\ntimezone = "UTC"\ndays = ["mon", "tue", "wed", "thu", "fri"]\n'
                'hours = "09:00-18:00"\n\n[[policy]]\nname = "standard"\ncalendar = "office"\nfirst_reply = "4h"\n')
            run(["new", "--from", "kim@example.com", "--queue", "general", "--subject", "Friday evening",
                 "--body", "Hello"], env)
            run(["reply", "1", "--message", "Good morning.", "--status", "solved"],
                {**env, "TKT_NOW": "2026-11-23T10:00:00Z"})
            period = ["stats", "--since", "2026-11-20", "--until", "2026-11-24", "--format", "json"]
            env["TKT_NOW"] = "2026-11-24T00:00:00Z"
            calendar = json.loads(run(period, env).stdout)["total"]
            working = json.loads(run([*period, "--business-hours"], env).stdout)
            self.assertEqual(calendar["first_reply"]["median"], 65 * HOUR)
            self.assertEqual(working["total"]["first_reply"]["median"], 2 * HOUR)
            self.assertEqual(working["total"]["resolution"]["median"], 2 * HOUR)
            self.assertTrue(working["business_hours"])


if __name__ == "__main__":
    unittest.main(verbosity=1)
