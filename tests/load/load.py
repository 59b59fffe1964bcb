#!/usr/bin/env python3
"""Load test of tkt: N concurrent short-lived tkt processes on one database.

Keeps exactly --procs tkt processes in flight for --seconds: `tkt new --email`
(new threads, follow-ups threading by In-Reply-To, References or the subject tag,
auto-replies, and duplicate deliveries, some at the same moment as the first),
`tkt reply ID --template NAME` (some with --send to a fake sendmail), `tkt route`,
`tkt escalate --overdue` and `tkt stats --format json`. Exit 75 is retried as an MTA
would, with a short backoff. Then it checks that nothing was lost, doubled or
misfiled, that every --send reply went out once, that every stats report was
consistent and never went backwards, and that the last one matches the database
counted directly. Prints figures; exits 1 on any violation.

On PostgreSQL (TKT_TEST_BACKEND=postgres under tests/pg/cluster.py) the database is
one of its own on that server, read back with psql (tests/tktenv.py).

Python standard library only. Usage:
    load.py [--procs 50] [--seconds 60] [--seed 1] [--tkt PATH] [--keep]
The tkt binary is --tkt, else $TKT_BIN_DIR/tkt, else `tkt` on PATH.
"""

import argparse
import subprocess
import threading
import base64
import collections
import datetime
import json
import os
import quopri
import random
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))  # tests/
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import tktenv  # noqa: E402

EX_TEMPFAIL = 75
DOMAIN = "load.example"
BASE_TIME = datetime.datetime(2026, 11, 23, 6, 0, 0, tzinfo=datetime.timezone.utc)  # Monday 09:00 MSK
STATS_SINCE = "2026-11-01T00:00:00Z"
STATS_UNTIL = "2026-12-01T00:00:00Z"
SINCE_TS = int(datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc).timestamp())
UNTIL_TS = int(datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone.utc).timestamp())

# ---------------------------------------------------------------------------------------
# Messages

PEOPLE = [
    ("Irina Petrova", "Ирина Петрова", "irina", "example.ru"),
    ("Ivan Ivanov", "Иванов Иван Иванович", "ivan", "example.ru"),
    ("Tom Baker", "Tom Baker", "tom", "bigcustomer.example"),
    ("Li Wei", "Li Wei", "li.wei", "example.cn"),
    ("Maria Lopez", "María López", "maria", "shop.example"),
    ("Pierre Dubois", "Pierre Dubois", "pierre", "example.fr"),
    ("Oleg", "Олег Смирнов", "oleg", "example.ru"),
    ("Bob Smith", "Bob Smith", "bob", "example.com"),
]

SUBJECTS = [
    ("Where is my parcel?", "Где моя посылка?"),
    ("Charged twice for November", "Списали деньги дважды"),
    ("App crashes when I attach a photo", "Приложение вылетает"),
    ("How do I export my invoices?", "Как выгрузить счета?"),
    ("Question about the API", "Вопрос про API"),
    ("Delivery address change", "Смена адреса доставки"),
    ("Login broken", "Не могу войти"),
    ("Refund please", "Верните деньги"),
]

BODIES_EN = [
    "Hello,\n\nTracking has not updated for three days. Order {n}.\n\nThanks",
    "Hi,\n\nYou charged me twice, refund the duplicate please. Ref {n}.\n",
    "The app crashes every time, version 4.2.{n}.\n\nRegards",
    "Could you tell me how this works? Case {n}.\n",
]
BODIES_RU = [
    "Здравствуйте!\n\nТрекинг не обновляется уже три дня. Заказ {n}.\n\nСпасибо",
    "Добрый день.\n\nСписали деньги дважды, верните, пожалуйста. Номер {n}.\n",
    "Приложение вылетает при каждом запуске, версия 4.2.{n}.\n",
    "Подскажите, пожалуйста, как это работает? Обращение {n}.\n",
]


def encoded_word(text, charset, mode):
    """RFC 2047 encoded word of `text` (only if it is not ASCII)."""
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode(charset)
    except UnicodeEncodeError:
        charset, raw = "utf-8", text.encode("utf-8")
    if mode == "B":
        return "=?%s?B?%s?=" % (charset, base64.b64encode(raw).decode())
    q = "".join(chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else
                ("_" if b == 32 else "=%02X" % b) for b in raw)
    return "=?%s?Q?%s?=" % (charset, q)


def body_part(text, rng):
    """(headers, payload bytes) of a text body in a random charset and encoding."""
    ascii_only = all(ord(c) < 128 for c in text)
    if ascii_only:
        choices = [("us-ascii", "7bit"), ("utf-8", "quoted-printable"), ("iso-8859-1", "8bit"),
                   ("utf-8", "base64"), (None, "7bit")]
    elif any("\u0400" <= c <= "\u04ff" for c in text):
        choices = [("utf-8", "8bit"), ("utf-8", "base64"), ("koi8-r", "8bit"),
                   ("windows-1251", "quoted-printable"), ("koi8-r", "base64"), (None, "8bit-koi8-r")]
    else:
        choices = [("utf-8", "8bit"), ("utf-8", "quoted-printable"), ("iso-8859-1", "quoted-printable")]
    charset, cte = rng.choice(choices)
    if cte == "8bit-koi8-r":  # no charset declared: tkt has to guess
        return ["Content-Type: text/plain", "Content-Transfer-Encoding: 8bit"], text.encode("koi8-r")
    raw = text.replace("\n", "\r\n").encode(charset or "ascii")
    if cte == "base64":
        payload = base64.encodebytes(raw)
    elif cte == "quoted-printable":
        payload = quopri.encodestring(raw)
    else:
        payload = raw
    headers = ["Content-Type: text/plain" + ("; charset=%s" % charset if charset else ""),
               "Content-Transfer-Encoding: " + cte]
    return headers, payload


def html_alternative(text, rng):
    boundary = "b%08x" % rng.getrandbits(32)
    plain_headers, plain = body_part(text, rng)
    html = "<html><head><style>p{}</style></head><body><p>%s</p></body></html>" % (
        text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>"))
    parts = [b"--" + boundary.encode(), "\r\n".join(plain_headers).encode() + b"\r\n\r\n" + plain.rstrip(b"\r\n"),
             b"--" + boundary.encode(),
             b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
             base64.encodebytes(html.encode()),
             b"--" + boundary.encode() + b"--", b""]
    return ['MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="%s"' % boundary], \
        b"\r\n".join(parts)


def rfc2822_date(ts):
    return datetime.datetime.fromtimestamp(ts, datetime.timezone(datetime.timedelta(hours=3))).strftime(
        "%a, %d %b %Y %H:%M:%S +0300")


def make_message(rng, msgid, person, subject, body, extra_headers=(), date=None):
    english, russian_name, local, domain = person
    name = russian_name if rng.random() < 0.5 else english
    charset, mode = rng.choice([("utf-8", "B"), ("utf-8", "Q"), ("koi8-r", "B"), ("windows-1251", "Q")])
    if any("\u0400" <= c <= "\u04ff" for c in name + subject) is False:
        charset = "utf-8"
    headers = [
        "From: %s <%s@%s>" % (encoded_word(name, charset, mode), local, domain),
        "To: Support <support@example.com>",
        "Subject: %s" % encoded_word(subject, charset, mode),
        "Date: " + rfc2822_date(date if date is not None else int(BASE_TIME.timestamp())),
        "Message-ID: <%s>" % msgid,
    ]
    headers.extend(extra_headers)
    if rng.random() < 0.2:
        body_headers, payload = html_alternative(body, rng)
    else:
        body_headers, payload = body_part(body, rng)
        body_headers = ["MIME-Version: 1.0"] + body_headers
    return ("\r\n".join(headers + body_headers) + "\r\n\r\n").encode() + payload


class Thread:
    def __init__(self, index, auto):
        self.index = index
        self.auto = auto                 # opened by an auto-reply: never a contact
        self.ticket = None               # the ticket id, once the first message is in
        self.delivered = []              # Message-IDs delivered (threading targets)
        self.person = None
        self.subject = None
        self.next_followup = 1
        self.sent_at = {}                # Message-ID -> its Date (Unix seconds)


class Mail:
    """One message to deliver: its bytes and what it must become."""

    def __init__(self, msgid, raw, thread, root, auto):
        self.msgid = msgid
        self.raw = raw
        self.thread = thread
        self.root = root                 # opens the thread's ticket
        self.auto = auto
        self.ticket = None               # the id the first successful delivery printed
        self.deliveries = 0


# ---------------------------------------------------------------------------------------
# The driver


class Figures:
    def __init__(self):
        self.ops = collections.Counter()          # successful operations per kind
        self.attempts = collections.Counter()     # processes run per kind
        self.tempfail = collections.Counter()     # exit 75 per kind
        self.retried_ops = collections.Counter()  # operations that needed a retry
        self.max_retries = 0
        self.latency = collections.defaultdict(list)  # seconds per attempt, per kind
        self.peak_rss_kib = 0
        self.peak_rss_kind = None


class Load:
    def __init__(self, args, tkt, work):
        self.args = args
        self.tkt = tkt
        self.work = work
        self.rng = random.Random(args.seed)
        self.fig = Figures()
        self.violations = []
        self.threads = []
        self.mails = {}                  # Message-ID -> Mail, for every mail generated
        self.dup_queue = collections.deque()
        self.replies_ok = 0
        self.replies_sent_ok = 0
        self.reply_ops = collections.Counter()  # ticket -> successful replies
        self.route_id_ops = collections.Counter()
        self.stats_runs = []             # (start, end, report, by, created_done_at_start, created_started_at_end)
        self.created_done = 0            # thread roots whose delivery finished (non-auto)
        self.created_started = 0         # thread roots whose delivery started (non-auto)
        self.in_flight = 0
        self.max_in_flight = 0
        self.t0 = None
        self.lock = threading.Lock()  # held by a worker except while tkt or a backoff runs
        self.time_cmd = os.access("/usr/bin/time", os.X_OK)
        self.env = tktenv.environment(work, now=None)
        if args.lock_timeout:
            self.env["TKT_LOCK_TIMEOUT"] = args.lock_timeout

    def violation(self, text):
        if len(self.violations) < 1000:
            self.violations.append(text)

    def sim_now(self):
        elapsed = 0 if self.t0 is None else time.monotonic() - self.t0
        return int(BASE_TIME.timestamp() + elapsed * self.args.clock_scale)

    # -- processes ----------------------------------------------------------------------

    def run_once(self, kind, argv, stdin=None):
        env = dict(self.env)
        env["TKT_NOW"] = str(self.sim_now())
        cmd = [self.tkt] + argv
        rss_file = None
        if self.time_cmd:
            fd, rss_file = tempfile.mkstemp(dir=self.work, prefix="rss.")
            os.close(fd)
            cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        start = time.monotonic()
        self.lock.release()  # the one place, with the backoff sleep, where workers run in parallel
        try:
            proc = subprocess.run(cmd, input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                                  capture_output=True, env=env, cwd=self.work, timeout=self.args.timeout)
            rc, out, err = proc.returncode, proc.stdout, proc.stderr
        except subprocess.TimeoutExpired:
            rc, out, err = None, b"", b""
        finally:
            self.lock.acquire()
            self.in_flight -= 1
        if rc is None:
            self.violation("%s: %s hung for more than %ss and was killed" % (kind, " ".join(argv), self.args.timeout))
            return None, b"", b""
        self.fig.latency[kind].append(time.monotonic() - start)
        self.fig.attempts[kind] += 1
        if rss_file:
            try:
                with open(rss_file) as f:
                    text = f.read()
                os.unlink(rss_file)
                if "signal" in text:
                    self.violation("%s: %s: %s" % (kind, " ".join(argv), text.strip()))
                    rc = -1
                lines = [l for l in text.split() if l.isdigit()]
                if lines and int(lines[-1]) > self.fig.peak_rss_kib:
                    self.fig.peak_rss_kib = int(lines[-1])
                    self.fig.peak_rss_kind = kind
            except OSError:
                pass
        if rc is not None and rc < 0:
            self.violation("%s: %s died of signal %d: %s" % (kind, " ".join(argv), -rc, err.decode(errors="replace")[:300]))
        return rc, out, err

    def run(self, kind, argv, stdin=None):
        """Runs tkt until it exits other than 75, as an MTA would; returns (rc, out, err)."""
        retries = 0
        delay = 0.05
        while True:
            rc, out, err = self.run_once(kind, argv, stdin)
            if rc != EX_TEMPFAIL or b"recorded and queued" in err:
                break
            self.fig.tempfail[kind] += 1
            if retries == 0:
                self.fig.retried_ops[kind] += 1
            retries += 1
            if retries > self.args.max_retries:
                self.violation("%s: %s still exits 75 after %d retries: %s" %
                               (kind, " ".join(argv), retries - 1, err.decode(errors="replace").strip()))
                break
            pause = delay * (0.5 + self.rng.random())
            self.lock.release()
            try:
                time.sleep(pause)
            finally:
                self.lock.acquire()
            delay = min(delay * 2, 1.0)
        self.fig.max_retries = max(self.fig.max_retries, retries)
        if rc == 0:
            self.fig.ops[kind] += 1
        elif rc is not None and rc >= 0 and not (rc == EX_TEMPFAIL and b"recorded and queued" in err):
            self.violation("%s: %s exited %d: %s" % (kind, " ".join(argv), rc, err.decode(errors="replace").strip()[:400]))
        return rc, out, err

    # -- operations ---------------------------------------------------------------------

    def new_thread_mail(self):
        rng = self.rng
        thread = Thread(len(self.threads), auto=rng.random() < 0.03)
        self.threads.append(thread)
        thread.person = rng.choice(PEOPLE)
        russian = thread.person[3] == "example.ru" or rng.random() < 0.2
        pair = rng.choice(SUBJECTS)
        thread.subject = pair[1] if russian else pair[0]
        body = rng.choice(BODIES_RU if russian else BODIES_EN).format(n=thread.index)
        msgid = "t%d.0.s%d@%s" % (thread.index, self.args.seed, DOMAIN)
        extra = []
        if thread.auto:
            thread.subject = "Automatic reply: out of office"
            extra = ["Auto-Submitted: auto-replied"]
        raw = make_message(rng, msgid, thread.person, thread.subject, body, extra, self.mail_date(0))
        mail = Mail(msgid, raw, thread, root=True, auto=thread.auto)
        self.mails[msgid] = mail
        return mail

    def mail_date(self, not_before):
        """The Date of a new message: now, or for --late-mail of them a little earlier, as
        when a customer's mail sat in a queue (never before the message it answers)."""
        now = self.sim_now()
        if self.rng.random() < self.args.late_mail:
            now -= self.rng.randint(60, 1800)
        return max(now, not_before)

    def followup_mail(self):
        rng = self.rng
        candidates = [t for t in self.threads[-200:] if t.ticket is not None and not t.auto]
        if not candidates:
            return None
        thread = rng.choice(candidates)
        k = thread.next_followup
        thread.next_followup += 1
        msgid = "t%d.%d.s%d@%s" % (thread.index, k, self.args.seed, DOMAIN)
        how = rng.random()
        parent = rng.choice(thread.delivered)
        extra = []
        subject = "Re: " + thread.subject
        auto = False
        if how < 0.4:
            refs = " ".join("<%s>" % m for m in thread.delivered[-3:])
            extra = ["In-Reply-To: <%s>" % parent, "References: %s" % refs]
        elif how < 0.6:
            extra = ["References: <unknown-%d@elsewhere.example> <%s>" % (k, parent)]
        elif how < 0.85:
            subject = "Re: %s [Support #%d]" % (thread.subject, thread.ticket)
        else:
            auto = True
            subject = "Automatic reply: " + thread.subject
            extra = ["In-Reply-To: <%s>" % parent, "Auto-Submitted: auto-replied"]
        body = "Follow-up %d to thread %d.\n\n%s" % (k, thread.index, rng.choice(BODIES_EN + BODIES_RU).format(n=k))
        raw = make_message(rng, msgid, thread.person, subject, body, extra,
                           self.mail_date(thread.sent_at.get(parent, 0)))
        mail = Mail(msgid, raw, thread, root=False, auto=auto)
        self.mails[msgid] = mail
        return mail

    def deliver(self, mail, kind):
        counted = mail.root and not mail.auto and mail.deliveries == 0 and kind == "new"
        if counted:
            self.created_started += 1
        mail.deliveries += 1
        rc, out, err = self.run(kind, ["new", "--email"], mail.raw)
        if rc != 0:
            return
        text = out.decode(errors="replace").strip()
        if not text.isdigit():
            self.violation("%s %s: printed %r, not a ticket id" % (kind, mail.msgid, text))
            return
        ticket = int(text)
        if counted:
            self.created_done += 1
        if mail.ticket is None:
            mail.ticket = ticket
        elif mail.ticket != ticket:
            self.violation("%s %s: ticket %d, but another delivery of it printed %d" %
                           (kind, mail.msgid, ticket, mail.ticket))
        thread = mail.thread
        if mail.root:
            if thread.ticket is None:
                thread.ticket = ticket
        elif thread.ticket != ticket:
            self.violation("follow-up %s of thread %d went to ticket %d, not %s" %
                           (mail.msgid, thread.index, ticket, thread.ticket))
        if not mail.auto and mail.msgid not in thread.delivered:
            thread.delivered.append(mail.msgid)
            thread.sent_at[mail.msgid] = self.sim_now()

    def random_ticket(self):
        tickets = [t.ticket for t in self.threads[-300:] if t.ticket is not None and not t.auto]
        return self.rng.choice(tickets) if tickets else None

    def reply(self):
        ticket = self.random_ticket()
        if ticket is None:
            return self.deliver(self.new_thread_mail(), "new")
        rng = self.rng
        template = rng.choice(["acknowledge", "need_info", "still_working", "solved", "followup",
                               "apology", "solved"])
        argv = ["reply", str(ticket), "--template", template]
        if template == "apology":
            argv += ["--var", "fix_summary=We fixed the bug."]
        if rng.random() < 0.5:
            argv += ["--lang", "ru"]
        send = rng.random() < 0.4
        if send:
            argv.append("--send")
        kind = "reply --send" if send else "reply"
        rc, out, err = self.run(kind, argv)
        if send and rc == EX_TEMPFAIL and b"recorded and queued" in err:
            # Recorded, and sendmail failed: the documented remedy is a flush, not a retry.
            self.fig.tempfail[kind] += 1
            frc, _, _ = self.run("outbox flush", ["outbox", "flush"])
            rc = 0 if frc == 0 else rc
        if rc == 0:
            self.replies_ok += 1
            self.reply_ops[ticket] += 1
            if send:
                self.replies_sent_ok += 1

    def route(self):
        if self.rng.random() < 0.6:
            self.run("route --all", ["route", "--all"])
        else:
            ticket = self.random_ticket()
            if ticket is None:
                return self.run("route --all", ["route", "--all"])
            rc, _, _ = self.run("route ID", ["route", str(ticket)])
            if rc == 0:
                self.route_id_ops[ticket] += 1

    def escalate(self):
        self.run("escalate --overdue", ["escalate", "--overdue"])

    def stats(self):
        by = self.rng.choice([None, None, "queue", "channel", "priority", "line", "day", "agent"])
        argv = ["stats", "--since", STATS_SINCE, "--until", STATS_UNTIL, "--format", "json"]
        if by:
            argv += ["--by", by]
        done_at_start = self.created_done
        start = time.monotonic()
        rc, out, err = self.run("stats", argv)
        end = time.monotonic()
        if rc != 0:
            return
        try:
            report = json.loads(out)
        except ValueError as error:
            self.violation("stats: not JSON (%s): %r" % (error, out[:200]))
            return
        self.stats_runs.append((start, end, report, by, done_at_start, self.created_started))

    def one_operation(self):
        if self.dup_queue:
            mail = self.dup_queue.popleft()
            return self.deliver(mail, "new (duplicate)")
        r = self.rng.random()
        if r < 0.33:
            mail = self.new_thread_mail()
            if self.rng.random() < 0.12:
                self.dup_queue.append(mail)  # the next process delivers it again, at once
            return self.deliver(mail, "new")
        if r < 0.48:
            mail = self.followup_mail() or self.new_thread_mail()
            if self.rng.random() < 0.1:
                self.dup_queue.append(mail)
            return self.deliver(mail, "new" if mail.root else "new (follow-up)")
        if r < 0.53:
            delivered = [m for m in list(self.mails.values())[-300:] if m.ticket is not None]
            if delivered:
                return self.deliver(self.rng.choice(delivered), "new (duplicate)")
            return self.deliver(self.new_thread_mail(), "new")
        if r < 0.70:
            return self.reply()
        if r < 0.80:
            return self.route()
        if r < 0.87:
            return self.escalate()
        return self.stats()

    def worker(self, deadline):
        with self.lock:
            while time.monotonic() < deadline:
                try:
                    self.one_operation()
                except Exception as error:  # a bug of this script: report it, keep going
                    self.violation("load.py: %r" % (error,))

    # -- setup --------------------------------------------------------------------------

    def setup(self):
        env = dict(self.env)
        env["TKT_NOW"] = str(int(BASE_TIME.timestamp()))
        import subprocess
        result = subprocess.run([self.tkt, "init", "--login", "anna", "--name", "Anna Smirnova",
                                 "--email", "anna@example.com"], env=env, cwd=self.work,
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit("tkt init failed (%d): %s" % (result.returncode, result.stderr))
        sent = os.path.join(self.work, "sent")
        os.mkdir(sent)
        sendmail = os.path.join(self.work, "sendmail")
        with open(sendmail, "w") as f:
            f.write('#!/bin/sh\n# keeps each message in its own file\nf=$(mktemp "%s/m.XXXXXXXX") || exit 75\n'
                    'cat > "$f"\n' % sent)
        os.chmod(sendmail, 0o755)
        config = os.path.join(self.work, "config", "config.toml")
        with open(config) as f:
            text = f.read()
        text = re.sub(r"(?m)^# from = .*$", 'from = "Example Support <support@example.com>"', text)
        text = re.sub(r"(?m)^sendmail = .*$", 'sendmail = ["%s", "-t", "-i"]' % sendmail, text)
        text = re.sub(r"(?m)^on_new = true", "on_new = %s" % ("true" if self.args.route_on_new else "false"), text)
        with open(config, "w") as f:
            f.write(text)
        result = subprocess.run([self.tkt, "config", "check"], env=env, cwd=self.work, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit("tkt config check failed: %s%s" % (result.stdout, result.stderr))

    def main(self):
        self.t0 = time.monotonic()
        deadline = self.t0 + self.args.seconds
        self.lock.acquire()
        workers = [threading.Thread(target=self.worker, args=(deadline,), daemon=True) for _ in range(self.args.procs)]
        for w in workers:
            w.start()
        self.lock.release()
        for w in workers:
            w.join()
        self.lock.acquire()
        self.elapsed = time.monotonic() - self.t0
        # Deliveries promised to the duplicate queue at the end still happen, one by one.
        while self.dup_queue:
            self.deliver(self.dup_queue.popleft(), "new (duplicate)")
        # The final report, with nothing else running.
        self.final_now = self.sim_now()
        self.stats_final()

    def stats_final(self):
        start = time.monotonic()
        rc, out, err = self.run("stats", ["stats", "--since", STATS_SINCE, "--until", STATS_UNTIL,
                                                "--format", "json"])
        self.final_report = json.loads(out) if rc == 0 else None
        if self.final_report is not None:
            self.stats_runs.append((start, time.monotonic(), self.final_report, None, self.created_done,
                                    self.created_started))

    # -- checks -------------------------------------------------------------------------

    def check_database(self):
        db = tktenv.connect(self.env["TKT_DB"])
        q = lambda sql, *a: db.execute(sql, a).fetchall()
        if tktenv.postgres():
            # The server checks its pages and foreign keys itself; what tkt could leave
            # is a transaction held open.
            left = q("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'")
            if left != [(0,)]:
                self.violation("transactions left open: %r" % (left,))
        else:
            integrity = q("PRAGMA integrity_check")
            if integrity != [("ok",)]:
                self.violation("integrity_check: %r" % (integrity[:5],))
            fk = q("PRAGMA foreign_key_check")
            if fk:
                self.violation("foreign_key_check: %r" % (fk[:5],))
        # The search index follows every write in its own transaction: after all the
        # load, each ticket's document is its text.
        index = subprocess.run([self.tkt, "db", "check"], env=self.env, cwd=self.work, capture_output=True, text=True)
        if index.returncode != 0:
            self.violation("tkt db check: exit %d: %s%s" % (index.returncode, index.stdout, index.stderr))

        rows = {mid: (ticket, auto) for mid, ticket, auto in
                q("SELECT message_id, ticket_id, auto FROM messages WHERE direction = 'in'")}
        delivered = {m.msgid: m for m in self.mails.values() if m.ticket is not None}
        counts = q("SELECT message_id, count(*) FROM messages WHERE direction = 'in' GROUP BY 1 HAVING count(*) > 1")
        for mid, n in counts:
            self.violation("message %s stored %d times" % (mid, n))
        for mid, mail in delivered.items():
            if mid not in rows:
                self.violation("message %s was delivered (ticket %d) but is not stored" % (mid, mail.ticket))
                continue
            ticket, auto = rows[mid]
            if ticket != mail.ticket:
                self.violation("message %s is stored on ticket %d, delivery said %d" % (mid, ticket, mail.ticket))
            if bool(auto) != mail.auto:
                self.violation("message %s stored with auto=%d, expected %d" % (mid, auto, mail.auto))
        for mid in rows:
            if mid not in delivered:
                known = self.mails.get(mid)
                self.violation("message %s is stored but no delivery of it succeeded%s" %
                               (mid, "" if known else " (unknown Message-ID)"))
        roots = [t for t in self.threads if t.ticket is not None]
        tickets = {t.ticket for t in roots}
        if len(tickets) != len(roots):
            self.violation("%d threads share %d tickets" % (len(roots), len(tickets)))
        db_tickets = q("SELECT count(*) FROM tickets")[0][0]
        if db_tickets != len(roots):
            self.violation("%d tickets in the database, %d threads delivered" % (db_tickets, len(roots)))

        out_rows = q("SELECT count(*) FROM messages WHERE direction = 'out'")[0][0]
        if out_rows != self.replies_ok:
            self.violation("%d replies stored, %d reply commands succeeded" % (out_rows, self.replies_ok))
        per_ticket = dict(q("SELECT ticket_id, count(*) FROM messages WHERE direction = 'out' GROUP BY 1"))
        for ticket, n in self.reply_ops.items():
            if per_ticket.get(ticket, 0) != n:
                self.violation("ticket %d has %d replies stored, %d reply commands on it succeeded" %
                               (ticket, per_ticket.get(ticket, 0), n))

        outbox = q("SELECT o.id, o.state, m.message_id FROM outbox AS o JOIN messages AS m ON m.id = o.message")
        if len(outbox) != self.replies_sent_ok:
            self.violation("%d messages in the outbox, %d reply --send commands succeeded" %
                           (len(outbox), self.replies_sent_ok))
        for oid, state, mid in outbox:
            if state != "sent":
                self.violation("outbox %d (%s) is %s at the end" % (oid, mid, state))
        sent = collections.Counter()
        sent_dir = os.path.join(self.work, "sent")
        for name in os.listdir(sent_dir):
            with open(os.path.join(sent_dir, name), "rb") as f:
                head = f.read().split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
            found = re.search(rb"(?im)^message-id:\s*<([^>]+)>", head)
            sent[found.group(1).decode() if found else "(none in %s)" % name] += 1
        for mid, n in sent.items():
            if n > 1:
                self.violation("sendmail got %s %d times" % (mid, n))
        wanted = {mid for _, _, mid in outbox}
        if set(sent) != wanted:
            self.violation("sendmail got %d messages, the outbox has %d; missing %s, extra %s" %
                           (len(sent), len(wanted), sorted(wanted - set(sent))[:5], sorted(set(sent) - wanted)[:5]))
        self.sendmail_got = sum(sent.values())

        for ticket, target, started, n in q("SELECT ticket_id, target, started_at, count(*) FROM sla_breaches "
                                            "GROUP BY 1, 2, 3 HAVING count(*) > 1"):
            self.violation("ticket %d: breach of %s recorded %d times" % (ticket, target, n))
        breached = q("SELECT count(*) FROM events WHERE kind = 'sla_breached'")[0][0]
        breaches = q("SELECT count(*) FROM sla_breaches")[0][0]
        if breached != breaches:
            self.violation("%d sla_breached events, %d rows of sla_breaches" % (breached, breaches))
        # route --all routes a ticket once; route ID routes it again on demand.
        for ticket, n in q("SELECT ticket_id, count(*) FROM events WHERE kind = 'routed' GROUP BY 1"):
            if n > 1 + self.route_id_ops.get(ticket, 0):
                self.violation("ticket %d routed %d times, by %d route ID commands" %
                               (ticket, n, self.route_id_ops.get(ticket, 0)))
        self.db_figures = {
            "tickets": db_tickets, "messages in": len(rows), "replies": out_rows, "outbox": len(outbox),
            "sla breaches": breaches,
            "escalations": q("SELECT count(*) FROM events WHERE kind = 'escalated'")[0][0],
            "reopenings": q("SELECT count(*) FROM events WHERE kind = 'reopened'")[0][0],
            "routed": q("SELECT count(DISTINCT ticket_id) FROM events WHERE kind = 'routed'")[0][0],
        }
        self.direct = self.count_directly(db)
        db.close()

    def count_directly(self, db):
        """The report's total, counted with SQL from the definitions in tkt(1), STATISTICS."""
        s, u = SINCE_TS, UNTIL_TS
        contact = ("t.merged_into IS NULL AND EXISTS (SELECT 1 FROM messages AS c WHERE c.ticket_id = t.id "
                   "AND c.direction = 'in' AND c.auto = 0)")
        one = lambda sql: db.execute(sql, {"s": s, "u": u}).fetchone()[0]
        detail_to = "(e.detail::jsonb ->> 'to')" if tktenv.postgres() else "json_extract(e.detail, '$.to')"
        first_solve = ("(SELECT min(e.at) FROM events AS e WHERE e.ticket_id = t.id AND e.kind = 'status' "
                       "AND %s IN ('solved', 'closed'))" % detail_to)
        d = {
            "created": one("SELECT count(*) FROM tickets AS t WHERE t.created_at >= :s AND t.created_at < :u AND " + contact),
            "solved": one("SELECT count(*) FROM tickets AS t WHERE %s >= :s AND %s < :u AND %s" % (first_solve, first_solve, contact)),
            "reopened": one("SELECT count(DISTINCT t.id) FROM tickets AS t JOIN events AS e ON e.ticket_id = t.id "
                            "WHERE e.kind = 'reopened' AND e.at >= :s AND e.at < :u AND " + contact),
            "backlog": one("SELECT count(*) FROM tickets AS t WHERE t.created_at < :u AND t.status NOT IN "
                           "('solved', 'closed') AND " + contact),
            "escalated": one("SELECT count(*) FROM tickets AS t WHERE t.created_at >= :s AND t.created_at < :u AND "
                             "EXISTS (SELECT 1 FROM events AS e WHERE e.ticket_id = t.id AND e.kind = 'escalated') AND " + contact),
            "first_reply.count": one("SELECT count(*) FROM tickets AS t WHERE t.created_at >= :s AND t.created_at < :u "
                                     "AND EXISTS (SELECT 1 FROM messages AS m WHERE m.ticket_id = t.id AND "
                                     "m.direction = 'out' AND m.auto = 0) AND " + contact),
            "one_touch": one("SELECT count(*) FROM tickets AS t WHERE %s >= :s AND %s < :u AND (SELECT count(*) FROM "
                             "messages AS m WHERE m.ticket_id = t.id AND m.direction = 'out' AND m.auto = 0) = 1 AND %s"
                             % (first_solve, first_solve, contact)),
            "csat.rated": one("SELECT count(*) FROM tickets AS t WHERE t.rated_at >= :s AND t.rated_at < :u AND " + contact),
        }
        for target in ("first_reply", "next_reply", "resolve"):
            d["sla_breaches." + target] = one(
                "SELECT count(DISTINCT t.id) FROM tickets AS t JOIN sla_breaches AS b ON b.ticket_id = t.id "
                "WHERE b.target = '%s' AND b.due_at >= :s AND b.due_at < :u AND %s" % (target, contact))
        d["replies"] = one("SELECT count(*) FROM messages AS m JOIN tickets AS t ON t.id = m.ticket_id "
                           "WHERE m.direction = 'out' AND m.auto = 0 AND m.created_at >= :s AND m.created_at < :u "
                           "AND t.merged_into IS NULL")
        return d

    @staticmethod
    def get(metrics, path):
        value = metrics
        for part in path.split("."):
            value = value[part]
        return value

    SUMMED = ["created", "solved", "reopened", "backlog", "escalated", "repeat_contacts", "one_touch",
              "first_reply.count", "resolution.count", "reply_time.count", "csat.rated", "csat.good",
              "sla_breaches.first_reply", "sla_breaches.next_reply", "sla_breaches.resolve"]
    MONOTONIC = ["created", "solved", "reopened", "escalated", "first_reply.count", "resolution.count",
                 "reply_time.count", "sla_breaches.first_reply", "sla_breaches.next_reply", "sla_breaches.resolve"]

    def check_one_report(self, report, by, label):
        v = lambda text: self.violation("stats %s: %s" % (label, text))
        try:
            total = report["total"]
            c, solved, backlog = total["created"], total["solved"], total["backlog"]
            # The period covers the whole history: nothing was open before it.
            if not solved <= c:
                v("solved %d > created %d" % (solved, c))
            if not c - backlog <= solved:
                v("created %d - backlog %d > solved %d (a ticket left the backlog unsolved)" % (c, backlog, solved))
            if not 0 <= backlog <= c:
                v("backlog %d outside 0..created %d" % (backlog, c))
            if not total["reopened"] <= solved:
                v("reopened %d > solved %d" % (total["reopened"], solved))
            if total["resolution"]["count"] != solved:
                v("resolution.count %d != solved %d" % (total["resolution"]["count"], solved))
            for name in ("escalated", "repeat_contacts", "first_reply.count"):
                if self.get(total, name) > c:
                    v("%s %d > created %d" % (name, self.get(total, name), c))
            if total["one_touch"] > solved:
                v("one_touch %d > solved %d" % (total["one_touch"], solved))
            for target in ("first_reply", "next_reply", "resolve"):
                if total["sla_breaches"][target] > c:
                    v("sla_breaches.%s %d > created %d" % (target, total["sla_breaches"][target], c))
            if total["csat"]["good"] > total["csat"]["rated"]:
                v("csat good > rated")
            for rate, num, den in (("escalation_rate", "escalated", "created"),
                                   ("repeat_contact_rate", "repeat_contacts", "created"),
                                   ("one_touch_rate", "one_touch", "solved")):
                expect = None if total[den] == 0 else total[num] / total[den]
                got = total[rate]
                if (expect is None) != (got is None) or (got is not None and abs(got - expect) > 1e-6):
                    v("%s %r != %s/%s = %r" % (rate, got, num, den, expect))
            for name in ("first_reply", "reply_time", "resolution"):
                m = total[name]
                if m["count"] == 0:
                    if m["median"] is not None or m["p90"] is not None:
                        v("%s has no data but a median or p90" % name)
                elif not (m["median"] is not None and m["p90"] is not None and 0 <= m["median"] <= m["p90"]):
                    v("%s: median %r, p90 %r" % (name, m["median"], m["p90"]))
            fr = total["first_reply"]
            if fr["count"] and fr["mean"] is not None and fr["p90"] is not None and fr["mean"] < 0:
                v("first_reply.mean negative")
            agents = total["agents"]
            replies = sum(a["replies"] for a in agents)
            if replies < total["reply_time"]["count"]:
                v("agents' replies %d < reply_time.count %d" % (replies, total["reply_time"]["count"]))
            if sum(a["solved"] for a in agents) > solved:
                v("agents solved %d > solved %d" % (sum(a["solved"] for a in agents), solved))
            if by is None:
                if report["groups"]:
                    v("groups without --by")
                return
            if report["by"] != by:
                v("by is %r, asked %r" % (report["by"], by))
            groups = report["groups"]
            keys = [g["key"] for g in groups]
            if len(set(map(str, keys))) != len(keys):
                v("group keys repeat: %r" % keys)
            summed = self.SUMMED if by != "day" else ["created", "solved", "reopened", "escalated",
                                                      "repeat_contacts", "one_touch", "first_reply.count",
                                                      "resolution.count", "reply_time.count", "csat.rated",
                                                      "sla_breaches.first_reply", "sla_breaches.next_reply",
                                                      "sla_breaches.resolve"]
            if by == "agent":  # replies go to their writer, not to the ticket's owner
                summed = [s for s in summed if s != "reply_time.count"]
            for name in summed:
                s = sum(self.get(g["metrics"], name) for g in groups)
                if s != self.get(total, name):
                    v("--by %s: %s sums to %d over groups, total says %d" % (by, name, s, self.get(total, name)))
            if by == "day" and groups and groups[-1]["metrics"]["backlog"] != backlog:
                v("--by day: the last day's backlog %d != total backlog %d" % (groups[-1]["metrics"]["backlog"], backlog))
        except (KeyError, TypeError, IndexError) as error:
            v("unexpected shape: %r" % (error,))

    def check_stats(self):
        runs = sorted(self.stats_runs, key=lambda r: r[0])
        for i, (start, end, report, by, done, started) in enumerate(runs):
            label = "#%d%s" % (i, " --by " + by if by else "")
            self.check_one_report(report, by, label)
            try:
                created = report["total"]["created"]
            except (KeyError, TypeError):
                continue
            if not done <= created <= started:
                self.violation("stats %s: created %d, but %d new tickets were in before it started and %d had "
                               "been tried when it ended" % (label, created, done, started))
        # Successive reports (one ended before the next began) never go backwards.
        finished = sorted(runs, key=lambda r: r[1])
        best = {}
        j = 0
        for start, end, report, by, _, _ in runs:
            while j < len(finished) and finished[j][1] < start:
                for name in self.MONOTONIC:
                    try:
                        value = self.get(finished[j][2]["total"], name)
                    except (KeyError, TypeError):
                        continue
                    if value > best.get(name, (-1,))[0]:
                        best[name] = (value, finished[j][1])
                j += 1
            for name, (value, _) in best.items():
                try:
                    now = self.get(report["total"], name)
                except (KeyError, TypeError):
                    continue
                if now < value:
                    self.violation("stats: %s went down from %d to %d in a later report" % (name, value, now))
        if self.final_report is None:
            self.violation("no final stats report")
            return
        total = self.final_report["total"]
        for name, value in self.direct.items():
            if name == "replies":
                got = sum(a["replies"] for a in total["agents"])
            else:
                got = self.get(total, name)
            if got != value:
                self.violation("final stats: %s is %s, the database counted directly says %s" % (name, got, value))

    # -- summary ------------------------------------------------------------------------

    def summary(self):
        fig = self.fig
        p = lambda xs, q: sorted(xs)[max(0, -(-len(xs) * q // 100) - 1)] if xs else float("nan")
        total_ops = sum(fig.ops.values())
        print("tkt load: %d processes for %.1f s (max %d in flight), seed %d, clock x%d, lock timeout %s" %
              (self.args.procs, self.elapsed, self.max_in_flight, self.args.seed, self.args.clock_scale,
               self.args.lock_timeout or "default"))
        print("%-20s %6s %8s %5s %8s %8s %8s %8s" % ("KIND", "OPS", "ATTEMPTS", "75s", "RETRIED", "P50", "P99", "MAX"))
        for kind in sorted(fig.attempts):
            lat = fig.latency[kind]
            print("%-20s %6d %8d %5d %8d %7.0fms %7.0fms %7.0fms" % (
                kind, fig.ops[kind], fig.attempts[kind], fig.tempfail[kind], fig.retried_ops[kind],
                1000 * p(lat, 50), 1000 * p(lat, 99), 1000 * p(lat, 100)))
        every = [x for xs in fig.latency.values() for x in xs]
        print("%-20s %6d %8d %5d %8d %7.0fms %7.0fms %7.0fms" % (
            "all", total_ops, sum(fig.attempts.values()), sum(fig.tempfail.values()),
            sum(fig.retried_ops.values()), 1000 * p(every, 50), 1000 * p(every, 99), 1000 * p(every, 100)))
        print("throughput: %.1f operations/s, %.1f processes/s; exit 75: %d, retries: %d, most retries of one "
              "operation: %d" % (total_ops / self.elapsed, sum(fig.attempts.values()) / self.elapsed,
                                 sum(fig.tempfail.values()), sum(fig.tempfail.values()), fig.max_retries))
        if fig.peak_rss_kib:
            print("peak RSS of one tkt process: %.1f MiB (%s)" % (fig.peak_rss_kib / 1024, fig.peak_rss_kind))
        print("database: " + ", ".join("%s %d" % kv for kv in self.db_figures.items()) +
              ", sendmail got %d" % self.sendmail_got)
        print("stats reports checked: %d; simulated clock ran %s to %s" % (
            len(self.stats_runs), BASE_TIME.strftime("%Y-%m-%d %H:%M"),
            datetime.datetime.fromtimestamp(self.final_now, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")))
        if self.final_report:
            t = self.final_report["total"]
            print("final report: created %d, solved %d, reopened %d, backlog %d, escalated %d, breaches %s" % (
                t["created"], t["solved"], t["reopened"], t["backlog"], t["escalated"],
                "/".join(str(t["sla_breaches"][k]) for k in ("first_reply", "next_reply", "resolve"))))
        if self.violations:
            counts = collections.Counter(re.sub(r"\d+", "N", v)[:90] for v in self.violations)
            print("\nFAILED: %d violations (%d kinds)" % (len(self.violations), len(counts)))
            shown = set()
            for v in self.violations:
                key = re.sub(r"\d+", "N", v)[:90]
                if key in shown:
                    continue
                shown.add(key)
                print("  [%dx] %s" % (counts[key], v))
        else:
            print("\nOK: no violations")


def find_tkt(flag):
    if flag:
        return os.path.abspath(flag)
    if tktenv.bin_dir():
        return os.path.join(tktenv.bin_dir(), "tkt")
    found = shutil.which("tkt")
    if not found:
        sys.exit("load.py: no tkt: give --tkt PATH or set TKT_BIN_DIR")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--procs", type=int, default=50, help="tkt processes kept in flight (50)")
    parser.add_argument("--seconds", type=float, default=60, help="how long to start new operations (60)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tkt", help="the tkt binary (else $TKT_BIN_DIR/tkt, else PATH)")
    parser.add_argument("--clock-scale", type=int, default=360,
                        help="simulated seconds per real second, for SLA clocks (360)")
    parser.add_argument("--lock-timeout", help="TKT_LOCK_TIMEOUT for every process (default: unset)")
    parser.add_argument("--late-mail", type=float, default=0.05,
                        help="share of mail whose Date is 1-30 simulated minutes in the past (0.05)")
    parser.add_argument("--route-on-new", action="store_true", help="route new tickets on arrival")
    parser.add_argument("--max-retries", type=int, default=50, help="retries of one operation before failing")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a process counts as hung")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print it")
    args = parser.parse_args()
    tkt = find_tkt(args.tkt)
    work = tempfile.mkdtemp(prefix="tkt-load.")
    load = Load(args, tkt, work)
    load.setup()
    try:
        load.main()
        load.check_database()
        load.check_stats()
        load.summary()
    finally:
        if args.keep or load.violations:
            print("work folder kept: %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if load.violations else 0)


if __name__ == "__main__":
    main()
