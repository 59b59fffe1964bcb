-- The history behind bench/make_stats_db.sh: read by the sqlite3 shell after the
-- caller has set temp_store (setting it drops temporary tables) and created temp.cfg
-- (n: tickets; t_start, t_end: the two years of history, as Unix seconds). Every
-- random choice comes from one Park-Miller generator (x' = 48271 x mod 2^31-1) seeded
-- with a constant, so the same n gives the same rows. Only + - * / and sqrt, which
-- IEEE 754 rounds exactly, turn its numbers into times, so the result does not depend
-- on the machine's libm either.
--
-- Each ticket's story is planned whole (the first reply, the customer's follow-ups,
-- the solving, a reopening, a rating), then everything at or after t_end is cut off:
-- tickets of the last days stay new, open or pending, as in a live database. The
-- tickets' own columns are what tkt would have left after the rows that remain.

-- Agents: 22 on line 1, in ranges per queue, and 3 on line 2.
CREATE TEMP TABLE agent (idx INTEGER PRIMARY KEY, login TEXT NOT NULL, name TEXT NOT NULL);
INSERT INTO agent VALUES
    (0, 'anna', 'Anna Smirnova'), (1, 'boris', 'Boris Petrov'), (2, 'vera', 'Vera Orlova'),
    (3, 'gleb', 'Gleb Sokolov'), (4, 'dina', 'Dina Kuznetsova'), (5, 'egor', 'Egor Popov'),
    (6, 'zoya', 'Zoya Lebedeva'),
    (7, 'ilya', 'Ilya Kozlov'), (8, 'kira', 'Kira Novikova'), (9, 'lev', 'Lev Morozov'),
    (10, 'mila', 'Mila Volkova'),
    (11, 'nikita', 'Nikita Soloviev'), (12, 'polina', 'Polina Vasilieva'),
    (13, 'roman', 'Roman Zaitsev'), (14, 'sofia', 'Sofia Pavlova'),
    (15, 'timur', 'Timur Semenov'), (16, 'uliana', 'Uliana Golubeva'),
    (17, 'fedor', 'Fedor Vinogradov'),
    (18, 'kristina', 'Kristina Bogdanova'), (19, 'maxim', 'Maxim Vorobiev'),
    (20, 'elena', 'Elena Fedorova'), (21, 'denis', 'Denis Mikhailov'),
    (22, 'ivan', 'Ivan Belyaev'), (23, 'olga', 'Olga Tarasova'), (24, 'petr', 'Petr Belov');

CREATE TEMP TABLE queue (idx INTEGER PRIMARY KEY, name TEXT NOT NULL, first_agent INTEGER NOT NULL,
                         agents INTEGER NOT NULL);
INSERT INTO queue VALUES (0, 'general', 0, 7), (1, 'payments', 7, 4), (2, 'logistics', 11, 4),
                         (3, 'product', 15, 3), (4, 'returns', 18, 2), (5, 'vip', 20, 2);

-- Twenty draws a ticket: x1..x20. The k-th draw of a row is the previous row's x20
-- times 48271^k mod 2^31-1 (jumping the generator ahead k steps), so each row needs only
-- the row before it.
CREATE TEMP TABLE draw (id INTEGER PRIMARY KEY, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12,
                        x13, x14, x15, x16, x17, x18, x19, x20);
INSERT INTO draw
WITH RECURSIVE g (id, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15, x16, x17, x18,
                  x19, x20) AS (
    SELECT 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20261122
    UNION ALL
    SELECT id + 1, x20 * 48271 % 2147483647, x20 * 182605794 % 2147483647,
           x20 * 1291394886 % 2147483647, x20 * 1914720637 % 2147483647,
           x20 * 2078669041 % 2147483647, x20 * 407355683 % 2147483647,
           x20 * 1105902161 % 2147483647, x20 * 854716505 % 2147483647,
           x20 * 564586691 % 2147483647, x20 * 1596680831 % 2147483647,
           x20 * 192302371 % 2147483647, x20 * 1203428207 % 2147483647,
           x20 * 1250328747 % 2147483647, x20 * 1738531149 % 2147483647,
           x20 * 1271135913 % 2147483647, x20 * 1098894339 % 2147483647,
           x20 * 1882556969 % 2147483647, x20 * 2136927794 % 2147483647,
           x20 * 1559527823 % 2147483647, x20 * 2075782095 % 2147483647
    FROM g WHERE id < (SELECT n FROM cfg))
SELECT * FROM g WHERE id > 0;

-- Subjects and message texts, a few of each kind.
CREATE TEMP TABLE phrase (kind TEXT NOT NULL, k INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, k));
INSERT INTO phrase VALUES
    ('subject', 0, 'Cannot log in to my account'), ('subject', 1, 'Question about my invoice'),
    ('subject', 2, 'Where is my order?'), ('subject', 3, 'The app crashes when I attach a photo'),
    ('subject', 4, 'I want to return a parcel'), ('subject', 5, 'Urgent: payment failed twice'),
    ('subject', 6, 'Password reset mail never arrives'), ('subject', 7, 'Wrong item delivered'),
    ('first', 0, 'Hello, I tried three times and it still does not work. What should I do? Thanks in advance.'),
    ('first', 1, 'Good afternoon. Since yesterday the page shows an error and I cannot finish. Please help.'),
    ('first', 2, 'Hi, my order number is in the subject line. Could you tell me when it will arrive?'),
    ('first', 3, 'Hello! I was charged twice for the same order. Please refund the second payment.'),
    ('reply', 0, 'Hello, thank you for writing to us. We have looked into it and fixed the problem on our side. Please try again and tell us if anything is still wrong.'),
    ('reply', 1, 'Hello, thanks for the details. Your request has been passed to our specialists, and we will write back as soon as we have news.'),
    ('reply', 2, 'Hello, we need a few more details: the order number, the time it happened and a screenshot if you have one.'),
    ('reply', 3, 'Hello, the refund has been issued and will reach your card within five working days.'),
    ('followup', 0, 'Thank you, but it still does not work for me. I attached a screenshot.'),
    ('followup', 1, 'Here is the order number you asked for. The error happened this morning.'),
    ('followup', 2, 'Any news? I am still waiting.'),
    ('thanks', 0, 'It works now, thank you very much!'),
    ('reopen', 0, 'Sorry, the problem is back again today.'),
    ('auto', 0, 'I am out of the office until Monday and will read your message when I return.'),
    ('note', 0, 'Checked the payment log: two charges, the second one is a duplicate.'),
    ('note', 1, 'Asked logistics about the parcel, waiting for their answer.');

-- One row a ticket: its attributes, the random delays of its story, then (below) the
-- times of its story.
CREATE TEMP TABLE story (
    id INTEGER PRIMARY KEY, created_at INTEGER, channel TEXT, queue TEXT, priority TEXT,
    subject TEXT, requester TEXT, requester_name TEXT, login1 TEXT, name1 TEXT, login2 TEXT,
    name2 TEXT, replies INTEGER, stuck INTEGER, escalated INTEGER, reopened INTEGER,
    rated INTEGER, score INTEGER, auto_reply INTEGER, note INTEGER, solved_by_reply INTEGER,
    finish TEXT, thanks INTEGER, pends INTEGER, nag1 INTEGER, nag2 INTEGER, routed INTEGER,
    pooled INTEGER, route_delay INTEGER, merge INTEGER, unassigns INTEGER, first_delay INTEGER,
    wait1 INTEGER, work2 INTEGER, wait2 INTEGER, work3 INTEGER, close_delay INTEGER,
    reopen_delay INTEGER, reopen_work INTEGER, rate_delay INTEGER, auto_delay INTEGER,
    a1 INTEGER, f1 INTEGER, n1 INTEGER, a2 INTEGER, esc_at INTEGER, f2 INTEGER, n2 INTEGER,
    a3 INTEGER, last_reply INTEGER, solve INTEGER, thanks_at INTEGER, reopen_at INTEGER,
    reopen_reply INTEGER, rated_at INTEGER, unassigned_at INTEGER, auto_at INTEGER,
    note_at INTEGER, parent_id INTEGER, policy TEXT, first_target INTEGER, next_target INTEGER,
    resolve_target INTEGER);

-- u_k = x_k / (2^31-1) is uniform on (0, 1); a few choices use the low digits of a draw
-- whose high part decided something else.
INSERT INTO story (id, created_at, channel, queue, priority, subject, requester, requester_name,
                   login1, name1, login2, name2, replies, stuck, escalated, reopened, rated, score,
                   auto_reply, note, solved_by_reply, finish, thanks, pends, nag1, nag2, routed,
                   pooled, route_delay, merge, unassigns, first_delay, wait1, work2, wait2, work3,
                   close_delay, reopen_delay, reopen_work, rate_delay, auto_delay, policy,
                   first_target, next_target, resolve_target)
SELECT d.id,
       (SELECT t_start FROM cfg) + CAST(d.day AS INTEGER) * 86400 + CAST(
           CASE WHEN d.p < 0.12 THEN d.p / 0.12 * 25200
                WHEN d.p < 0.90 THEN 25200 + (d.p - 0.12) / 0.78 * 46800
                ELSE 72000 + (d.p - 0.90) / 0.10 * 14400 END AS INTEGER),
       d.channel, q.name, d.priority,
       (SELECT body FROM phrase WHERE kind = 'subject' AND k = d.x3 % 8),
       lower(d.first) || '.' || d.person || '@' ||
           CASE d.person % 6 WHEN 0 THEN 'example.com' WHEN 1 THEN 'example.org'
                WHEN 2 THEN 'example.net' WHEN 3 THEN 'mail.example.com'
                WHEN 4 THEN 'example.co.uk' ELSE 'example.ru' END,
       d.first || ' ' || d.last,
       a1.login, a1.name, a2.login, a2.name,
       CASE WHEN d.escalated AND d.replies = 1 THEN 2 ELSE d.replies END,
       d.stuck, d.escalated,
       NOT d.stuck AND d.u10 < 0.012,
       NOT d.stuck AND d.u11 < 0.205,
       CASE WHEN d.x11 % 100 < 10 THEN 1 WHEN d.x11 % 100 < 16 THEN 2 WHEN d.x11 % 100 < 24 THEN 3
            WHEN d.x11 % 100 < 44 THEN 4 ELSE 5 END,
       d.channel = 'email' AND d.u12 < 0.06,
       d.x12 % 100 < 8,
       d.u13 < 0.78,
       iif(d.x13 % 100 < 25, 'closed', 'solved'),
       d.x13 / 100 % 2 = 0,
       d.x8 % 10 < 6,
       d.x14 % 100 < 12, d.x14 / 100 % 100 < 12,
       d.channel IN ('email', 'web', 'api'),
       d.x15 % 100 < 15,
       1 + d.x15 / 100 % 20,
       d.x16 % 20 = 0,
       NOT d.stuck AND d.x16 / 100 % 100 = 0,
       CASE WHEN d.channel IN ('chat', 'phone') THEN 20 + CAST(600 * d.u14 * d.u14 AS INTEGER)
            ELSE 60 + CAST(d.u14 * d.u14 * d.u14 * d.u14 * d.u14
                           * CASE d.priority WHEN 'urgent' THEN 10800 WHEN 'high' THEN 28800
                                  WHEN 'normal' THEN 72000 ELSE 172800 END
                           / iif(q.name = 'vip', 2, 1) AS INTEGER) END,
       300 + CAST(172800 * d.u15 * d.u15 * d.u15 AS INTEGER),
       120 + CAST(57600 * d.u16 * d.u16 * d.u16 * d.u16 AS INTEGER),
       300 + CAST(172800 * d.u17 * d.u17 * d.u17 AS INTEGER),
       120 + CAST(57600 * d.u18 * d.u18 * d.u18 * d.u18 AS INTEGER),
       3600 + CAST(259200 * d.u19 * d.u19 AS INTEGER),
       3600 + CAST(432000 * d.u20 * d.u20 AS INTEGER),
       300 + CAST(28800 * d.v20 * d.v20 * d.v20 AS INTEGER),
       1800 + CAST(172800 * d.v19 * d.v19 AS INTEGER),
       5 + d.x12 / 100 % 60,
       iif(q.name = 'vip', 'vip', 'standard'),
       CASE WHEN q.name = 'vip' OR d.priority = 'urgent' THEN 3600 WHEN d.priority = 'high' THEN 14400
            WHEN d.priority = 'normal' THEN 28800 ELSE 86400 END,
       iif(q.name = 'vip', 14400, 86400),
       iif(q.name = 'vip', 172800, 432000)
FROM (
    SELECT c.*, c.day - CAST(c.day AS INTEGER) AS p,
           CASE WHEN c.u1 < 0.45 THEN 'email' WHEN c.u1 < 0.65 THEN 'web' WHEN c.u1 < 0.80 THEN 'chat'
                WHEN c.u1 < 0.90 THEN 'phone' ELSE 'api' END AS channel,
           CASE WHEN c.u2 < 0.35 THEN 0 WHEN c.u2 < 0.55 THEN 1 WHEN c.u2 < 0.73 THEN 2
                WHEN c.u2 < 0.88 THEN 3 WHEN c.u2 < 0.95 THEN 4 ELSE 5 END AS queue,
           CASE WHEN c.u2 >= 0.95 THEN iif(c.u3 < 0.6, 'high', 'urgent')
                WHEN c.u3 < 0.15 THEN 'low' WHEN c.u3 < 0.77 THEN 'normal' WHEN c.u3 < 0.95 THEN 'high'
                ELSE 'urgent' END AS priority,
           rtrim(substr('Maria   Ivan    Olga    Dmitry  Emma    James   Sofia   Lucas   Anna    Pierre  Irina   Tom     ',
                        c.person / 10 % 12 * 8 + 1, 8)) AS first,
           rtrim(substr('Ivanova   Smith     Dubois    Petrova   Garcia    Brown     Sokolova  Martin    Novak     Kim       ',
                        c.person % 10 * 10 + 1, 10)) AS last,
           CASE WHEN c.u7 < 0.70 THEN 1 WHEN c.u7 < 0.92 THEN 2 ELSE 3 END AS replies,
           -- 2% are never solved, and more of the last month's: up to 42% of the last day's.
           c.u8 < 0.02 + 0.4 * max(0.0, 1 - ((SELECT t_end - t_start FROM cfg) / 86400 - c.day) / 30)
                                 * max(0.0, 1 - ((SELECT t_end - t_start FROM cfg) / 86400 - c.day) / 30) AS stuck,
           c.u9 < 0.04 AS escalated
    FROM (
        SELECT draw.*,
               x1 / 2147483647.0 AS u1, x2 / 2147483647.0 AS u2, x3 / 2147483647.0 AS u3,
               x4 / 2147483647.0 AS u4, x7 / 2147483647.0 AS u7, x8 / 2147483647.0 AS u8,
               x9 / 2147483647.0 AS u9, x10 / 2147483647.0 AS u10, x11 / 2147483647.0 AS u11,
               x12 / 2147483647.0 AS u12, x13 / 2147483647.0 AS u13, x14 / 2147483647.0 AS u14,
               x15 / 2147483647.0 AS u15, x16 / 2147483647.0 AS u16, x17 / 2147483647.0 AS u17,
               x18 / 2147483647.0 AS u18, x19 / 2147483647.0 AS u19, x20 / 2147483647.0 AS u20,
               x19 % 1000 / 1000.0 AS v19, x20 % 1000 / 1000.0 AS v20,
               -- A tenth of the tickets come from someone who wrote within the five days
               -- before (as many tickets back as five days hold); the rest from a pool of
               -- 0.6 n people.
               1 + CASE WHEN x6 < 214748364 AND id - 1 - x6 % max(1, (SELECT n FROM cfg) / 146) >= 1
                        THEN (SELECT e.x5 FROM draw AS e
                              WHERE e.id = draw.id - 1 - draw.x6 % max(1, (SELECT n FROM cfg) / 146))
                        ELSE x5 END % max(1, (SELECT n FROM cfg) * 6 / 10) AS person,
               -- Creation times rise with the id: the daily volume grows from 0.7 to 1.3
               -- of the mean over the two years (the inverse of F(t) = 0.7t + 0.3t^2), and
               -- within a day 78% come 07:00-20:00 UTC, 12% before and 10% after.
               (sqrt(0.49 + 1.2 * (id - 0.5) / (SELECT n FROM cfg)) - 0.7) / 0.6
                   * ((SELECT t_end - t_start FROM cfg) / 86400) AS day
        FROM draw) AS c) AS d
JOIN queue AS q ON q.idx = d.queue
JOIN agent AS a1 ON a1.idx = q.first_agent + CAST(d.u4 * q.agents AS INTEGER)
JOIN agent AS a2 ON a2.idx = 22 + d.x4 % 3;
DROP TABLE draw;

-- The story's times, one step after another. Agents answer 07:00-24:00 UTC: a reply
-- due at night waits for the morning shift (spread over its first 20 minutes).
-- shift(x) = x + iif(x % 86400 < 25200, 25200 - x % 86400 + x % 1200, 0).
UPDATE story SET a1 = iif(channel IN ('chat', 'phone'), created_at + first_delay,
    created_at + first_delay + iif((created_at + first_delay) % 86400 < 25200,
        25200 - (created_at + first_delay) % 86400 + (created_at + first_delay) % 1200, 0));
UPDATE story SET f1 = a1 + wait1 WHERE replies >= 2;
UPDATE story SET a2 = f1 + work2 + iif((f1 + work2) % 86400 < 25200,
                                       25200 - (f1 + work2) % 86400 + (f1 + work2) % 1200, 0)
WHERE replies >= 2;
UPDATE story SET f2 = a2 + wait2 WHERE replies = 3;
UPDATE story SET a3 = f2 + work3 + iif((f2 + work3) % 86400 < 25200,
                                       25200 - (f2 + work3) % 86400 + (f2 + work3) % 1200, 0)
WHERE replies = 3;
-- Some customers write again before the answer comes; an escalation happens while the
-- customer is away.
UPDATE story SET n1 = iif(nag1 AND a2 - f1 > 3600, f1 + (a2 - f1) / 2, NULL),
                 n2 = iif(nag2 AND a3 - f2 > 3600, f2 + (a3 - f2) / 2, NULL),
                 esc_at = iif(escalated, a1 + (f1 - a1) / 2, NULL),
                 last_reply = coalesce(a3, a2, a1),
                 auto_at = iif(auto_reply, a1 + auto_delay, NULL),
                 note_at = iif(note, created_at + (a1 - created_at) / 2 + 1, NULL);
-- Most tickets are solved by their last reply; the rest a while later, some after the
-- customer's thanks. Stuck tickets are never solved.
UPDATE story SET solve = CASE WHEN stuck THEN NULL WHEN solved_by_reply THEN last_reply
    ELSE last_reply + close_delay + iif((last_reply + close_delay) % 86400 < 25200,
        25200 - (last_reply + close_delay) % 86400 + (last_reply + close_delay) % 1200, 0) END;
UPDATE story SET thanks_at = iif(NOT solved_by_reply AND thanks, last_reply + (solve - last_reply) / 3, NULL),
                 reopen_at = iif(reopened, solve + reopen_delay, NULL)
WHERE NOT stuck;
UPDATE story SET reopen_reply = reopen_at + reopen_work + iif((reopen_at + reopen_work) % 86400 < 25200,
    25200 - (reopen_at + reopen_work) % 86400 + (reopen_at + reopen_work) % 1200, 0)
WHERE reopened;
UPDATE story SET rated_at = coalesce(reopen_reply, solve) + rate_delay WHERE rated;
-- The team lead takes a hundredth of the solved tickets off their agent's list.
UPDATE story SET unassigned_at = coalesce(reopen_reply, solve) + 3600 WHERE unassigns;

-- A new mail from someone who wrote within 7 days follows their latest ticket, as tkt
-- new --email records it.
CREATE INDEX temp.story_requester ON story (requester, created_at);
UPDATE story SET parent_id = (
    SELECT max(p.id) FROM story AS p
    WHERE p.requester = story.requester AND p.created_at BETWEEN story.created_at - 604800 AND story.created_at
      AND p.id < story.id)
WHERE channel = 'email';
-- A twentieth of those are duplicates: instead of the first reply, the agent merges
-- them into the ticket they follow (as tkt merge does: closed, and a merged event on
-- both), unless that one is a duplicate itself. Nothing else happens to them.
UPDATE story SET merge = merge AND parent_id IS NOT NULL;
UPDATE story SET merge = 0 WHERE merge AND parent_id IN (SELECT id FROM story WHERE merge);
UPDATE story SET replies = 1, stuck = 0, escalated = 0, reopened = 0, rated = 0, auto_reply = 0,
                 note = 0, solved_by_reply = 1, finish = 'closed', unassigns = 0,
                 f1 = NULL, n1 = NULL, a2 = NULL, esc_at = NULL, f2 = NULL, n2 = NULL, a3 = NULL,
                 last_reply = a1, solve = a1, thanks_at = NULL, reopen_at = NULL, reopen_reply = NULL,
                 rated_at = NULL, unassigned_at = NULL, auto_at = NULL, note_at = NULL
WHERE merge;

-- What tkt would have recorded before t_end: a time at or after it never happened.
CREATE TEMP VIEW seen AS
SELECT story.*, cfg.t_end AS t_end,
       max(iif(a1 < t_end AND NOT merge, a1, 0), iif(a2 < t_end, a2, 0), iif(a3 < t_end, a3, 0),
           iif(reopen_reply < t_end, reopen_reply, 0)) AS last_out
FROM story, cfg;

INSERT INTO tickets (id, subject, requester, requester_name, channel, queue, line, priority, status,
                     assignee, created_at, updated_at, first_reply_at, solved_at, csat, parent_id,
                     awaiting_since, rated_at, merged_into)
SELECT id, subject, requester, requester_name, channel,
       iif(NOT routed OR created_at + route_delay < t_end, queue, NULL),
       iif(esc_at < t_end, 2, 1),
       priority,
       CASE WHEN NOT a1 < t_end THEN 'new'
            WHEN stuck THEN iif(pends AND last_reply < t_end, 'pending', 'open')
            WHEN NOT solve < t_end THEN 'open'
            WHEN reopen_at < t_end AND NOT reopen_reply < t_end THEN 'open'
            WHEN reopen_reply < t_end THEN 'solved'
            ELSE finish END,
       CASE WHEN unassigned_at < t_end THEN NULL
            WHEN esc_at < t_end THEN login2
            WHEN NOT routed THEN login1
            WHEN NOT pooled AND created_at + route_delay < t_end THEN login1
            WHEN pooled AND a1 < t_end AND NOT merge THEN login1 END,
       created_at,
       max(created_at + iif(routed AND created_at + route_delay < t_end, route_delay, 0),
           iif(a1 < t_end, a1, 0), iif(auto_at < t_end, auto_at, 0), iif(note_at < t_end, note_at, 0),
           iif(f1 < t_end, f1, 0), iif(n1 < t_end, n1, 0), iif(a2 < t_end, a2, 0),
           iif(esc_at < t_end, esc_at, 0), iif(f2 < t_end, f2, 0), iif(n2 < t_end, n2, 0),
           iif(a3 < t_end, a3, 0), iif(thanks_at < t_end, thanks_at, 0), iif(solve < t_end, solve, 0),
           iif(reopen_at < t_end, reopen_at, 0), iif(reopen_reply < t_end, reopen_reply, 0),
           iif(rated_at < t_end, rated_at, 0), iif(unassigned_at < t_end, unassigned_at, 0)),
       iif(a1 < t_end AND NOT merge, a1, NULL),
       iif(solve < t_end, solve, NULL),
       iif(rated_at < t_end, score, NULL),
       parent_id,
       -- The next-reply clock: the customer's oldest message after our last reply.
       nullif(min(iif(created_at > last_out, created_at, 9e18),
                  iif(f1 < t_end AND f1 > last_out, f1, 9e18), iif(n1 < t_end AND n1 > last_out, n1, 9e18),
                  iif(f2 < t_end AND f2 > last_out, f2, 9e18), iif(n2 < t_end AND n2 > last_out, n2, 9e18),
                  iif(thanks_at < t_end AND thanks_at > last_out, thanks_at, 9e18),
                  iif(reopen_at < t_end AND reopen_at > last_out, reopen_at, 9e18)), 9e18),
       iif(rated_at < t_end, rated_at, NULL),
       iif(merge AND a1 < t_end, parent_id, NULL)
FROM seen
ORDER BY id;
-- tkt merge touches the ticket that stays.
UPDATE tickets SET updated_at = merged.at
FROM (SELECT parent_id, max(a1) AS at FROM story WHERE merge AND a1 < (SELECT t_end FROM cfg)
      GROUP BY parent_id) AS merged
WHERE tickets.id = merged.parent_id AND tickets.updated_at < merged.at;

-- Messages, in the order they came (ord orders one ticket's rows at the same second).
INSERT INTO messages (ticket_id, direction, message_id, author, subject, body, auto, created_at)
SELECT ticket_id, direction,
       CASE WHEN channel <> 'email' THEN NULL
            WHEN direction = 'out' THEN '<tkt.' || ticket_id || '.' || ord || '@support.example.com>'
            ELSE '<' || ticket_id || '.' || ord || '.' || substr(requester, instr(requester, '@') + 1)
                 || '@mx.example.net>' END,
       author, subject, body, auto, at
FROM (
    SELECT id AS ticket_id, created_at AS at, 0 AS ord, 'in' AS direction, channel, requester,
           requester_name || ' <' || requester || '>' AS author, subject,
           (SELECT body FROM phrase WHERE kind = 'first' AND k = id % 4) AS body, 0 AS auto
    FROM story
    UNION ALL
    SELECT id, note_at, 5, 'note', channel, requester, login1, '',
           (SELECT body FROM phrase WHERE kind = 'note' AND k = id % 2), 0
    FROM story WHERE note_at IS NOT NULL
    UNION ALL
    SELECT id, a1, 10, 'out', channel, requester, login1, 'Re: ' || subject,
           (SELECT body FROM phrase WHERE kind = 'reply' AND k = iif(replies = 1, id % 2 * 3, 1 + id % 2)), 0
    FROM story WHERE NOT merge
    UNION ALL
    SELECT id, auto_at, 11, 'in', channel, requester, requester_name || ' <' || requester || '>',
           'Auto: Re: ' || subject, (SELECT body FROM phrase WHERE kind = 'auto'), 1
    FROM story WHERE auto_at IS NOT NULL
    UNION ALL
    SELECT id, f1, 20, 'in', channel, requester, requester_name || ' <' || requester || '>', 'Re: ' || subject,
           (SELECT body FROM phrase WHERE kind = 'followup' AND k = id % 2), 0
    FROM story WHERE f1 IS NOT NULL
    UNION ALL
    SELECT id, n1, 21, 'in', channel, requester, requester_name || ' <' || requester || '>', 'Re: ' || subject,
           (SELECT body FROM phrase WHERE kind = 'followup' AND k = 2), 0
    FROM story WHERE n1 IS NOT NULL
    UNION ALL
    SELECT id, a2, 30, 'out', channel, requester, iif(escalated, login2, login1), 'Re: ' || subject,
           (SELECT body FROM phrase WHERE kind = 'reply' AND k = iif(replies = 2, id % 2 * 3, 2)), 0
    FROM story WHERE a2 IS NOT NULL
    UNION ALL
    SELECT id, f2, 32, 'in', channel, requester, requester_name || ' <' || requester || '>', 'Re: ' || subject,
           (SELECT body FROM phrase WHERE kind = 'followup' AND k = 1 - id % 2), 0
    FROM story WHERE f2 IS NOT NULL
    UNION ALL
    SELECT id, n2, 33, 'in', channel, requester, requester_name || ' <' || requester || '>', 'Re: ' || subject,
           (SELECT body FROM phrase WHERE kind = 'followup' AND k = 2), 0
    FROM story WHERE n2 IS NOT NULL
    UNION ALL
    SELECT id, a3, 40, 'out', channel, requester, iif(escalated, login2, login1), 'Re: ' || subject,
           (SELECT body FROM phrase WHERE kind = 'reply' AND k = id % 2 * 3), 0
    FROM story WHERE a3 IS NOT NULL
    UNION ALL
    SELECT id, thanks_at, 45, 'in', channel, requester, requester_name || ' <' || requester || '>', 'Re: ' || subject,
           (SELECT body FROM phrase WHERE kind = 'thanks'), 0
    FROM story WHERE thanks_at IS NOT NULL
    UNION ALL
    SELECT id, reopen_at, 60, 'in', channel, requester, requester_name || ' <' || requester || '>', 'Re: ' || subject,
           (SELECT body FROM phrase WHERE kind = 'reopen'), 0
    FROM story WHERE reopen_at IS NOT NULL
    UNION ALL
    SELECT id, reopen_reply, 61, 'out', channel, requester, iif(escalated, login2, login1), 'Re: ' || subject,
           (SELECT body FROM phrase WHERE kind = 'reply' AND k = 0), 0
    FROM story WHERE reopen_reply IS NOT NULL)
WHERE at < (SELECT t_end FROM cfg)
ORDER BY at, ticket_id, ord;

-- SLA breaches, as tkt escalate --overdue run from cron every 5 minutes records them:
-- at the first run after the due time, if the clock was still running then.
CREATE TEMP TABLE breach AS
SELECT ticket_id, target, started_at, due_at, due_at + 300 - due_at % 300 AS breached_at, policy,
       stopped_at
FROM (
    SELECT id AS ticket_id, 'first_reply' AS target, created_at AS started_at,
           created_at + first_target AS due_at, policy, a1 AS stopped_at
    FROM story
    UNION ALL
    SELECT id, 'next_reply', f1, f1 + next_target, policy, a2 FROM story WHERE f1 IS NOT NULL
    UNION ALL
    SELECT id, 'next_reply', f2, f2 + next_target, policy, a3 FROM story WHERE f2 IS NOT NULL
    UNION ALL
    SELECT id, 'next_reply', thanks_at, thanks_at + next_target, policy, solve FROM story
    WHERE thanks_at IS NOT NULL
    UNION ALL
    SELECT id, 'next_reply', reopen_at, reopen_at + next_target, policy, reopen_reply FROM story
    WHERE reopen_at IS NOT NULL
    UNION ALL
    SELECT id, 'resolve', created_at, created_at + resolve_target, policy, solve FROM story)
WHERE breached_at < coalesce(stopped_at, 9e18) AND breached_at < (SELECT t_end FROM cfg);

INSERT INTO sla_breaches (ticket_id, target, started_at, due_at, breached_at, policy)
SELECT ticket_id, target, started_at, due_at, breached_at, policy FROM breach
ORDER BY ticket_id, target, started_at;

-- Events, in the order they happened. The ticket's agent is login1 until an escalation
-- hands it to login2 on line 2.
INSERT INTO events (ticket_id, at, actor, kind, detail)
SELECT ticket_id, at, actor, kind, detail
FROM (
    SELECT id AS ticket_id, created_at AS at, 0 AS ord,
           CASE WHEN channel IN ('chat', 'phone') THEN login1 WHEN channel = 'api' THEN '(api)'
                ELSE requester END AS actor,
           'created' AS kind,
           json_object('channel', channel, 'priority', priority) AS detail
    FROM story
    UNION ALL
    SELECT id, created_at + route_delay, 1, '(routing)', 'routed',
           json_object('rules', json_array(queue || '_keywords'), 'from_queue', NULL, 'queue', queue,
                       'line', 1, 'priority', priority, 'tags', json_array())
    FROM story WHERE routed
    UNION ALL
    SELECT id, created_at + route_delay, 2, '(routing)', 'assigned',
           json_object('from', NULL, 'to', login1, 'by', 'routing')
    FROM story WHERE routed AND NOT pooled
    UNION ALL
    SELECT id, created_at, 2, login1, 'assigned', json_object('from', NULL, 'to', login1, 'by', 'hand')
    FROM story WHERE NOT routed
    UNION ALL
    SELECT id, a1, 10, login1, 'replied',
           json_object('message_id', iif(channel = 'email', '<tkt.' || id || '.10@support.example.com>', NULL),
                       'to', requester, 'lang', 'en', 'agent_name', name1, 'queued', json('false'),
                       'template', iif(replies = 1, 'solved', 'acknowledge'))
    FROM story WHERE NOT merge
    UNION ALL
    SELECT id, a1, 12, login1, 'assigned', json_object('from', NULL, 'to', login1, 'by', 'reply')
    FROM story WHERE routed AND pooled AND NOT merge
    UNION ALL
    SELECT id, a1, 13, login1, 'status',
           json_object('from', 'new',
                       'to', CASE WHEN replies > 1 THEN 'open' WHEN NOT stuck AND solved_by_reply THEN finish
                                  WHEN stuck AND pends THEN 'pending' ELSE 'open' END,
                       'by', iif(merge, 'merge', 'reply'))
    FROM story
    UNION ALL
    SELECT id, a1, 14, login1, 'merged', json_object('into', parent_id) FROM story WHERE merge
    UNION ALL
    SELECT parent_id, a1, 90, login1, 'merged', json_object('from', id) FROM story WHERE merge
    UNION ALL
    SELECT id, esc_at, 20, login1, 'escalated',
           json_object('from_line', 1, 'to_line', 2, 'reason', 'needs a specialist', 'by', 'agent')
    FROM story WHERE esc_at IS NOT NULL
    UNION ALL
    SELECT id, esc_at, 21, login1, 'assigned', json_object('from', login1, 'to', login2, 'by', 'escalation')
    FROM story WHERE esc_at IS NOT NULL
    UNION ALL
    SELECT id, reply_at, ord, iif(escalated, login2, login1), 'replied',
           json_object('message_id', iif(channel = 'email', '<tkt.' || id || '.' || ord || '@support.example.com>', NULL),
                       'to', requester, 'lang', 'en', 'agent_name', iif(escalated, name2, name1),
                       'queued', json('false'))
    FROM (SELECT *, a2 AS reply_at, 30 AS ord FROM story WHERE a2 IS NOT NULL
          UNION ALL SELECT *, a3, 40 FROM story WHERE a3 IS NOT NULL
          UNION ALL SELECT *, reopen_reply, 61 FROM story WHERE reopen_reply IS NOT NULL)
    UNION ALL
    SELECT id, last_reply, 31 + 10 * (replies - 2), iif(escalated, login2, login1), 'status',
           json_object('from', 'open', 'to', iif(stuck, 'pending', finish), 'by', 'reply')
    FROM story WHERE replies > 1 AND (NOT stuck AND solved_by_reply OR stuck AND pends)
    UNION ALL
    SELECT id, solve, 50, iif(escalated, login2, login1), 'status', json_object('from', 'open', 'to', finish)
    FROM story WHERE NOT stuck AND NOT solved_by_reply
    UNION ALL
    SELECT id, reopen_at, 60, requester, 'reopened', json_object('from', finish, 'to', 'open', 'by', 'mail')
    FROM story WHERE reopen_at IS NOT NULL
    UNION ALL
    SELECT id, reopen_reply, 62, iif(escalated, login2, login1), 'status',
           json_object('from', 'open', 'to', 'solved', 'by', 'reply')
    FROM story WHERE reopen_reply IS NOT NULL
    UNION ALL
    SELECT id, rated_at, 70, requester, 'rated', json_object('score', score)
    FROM story WHERE rated_at IS NOT NULL
    UNION ALL
    SELECT id, unassigned_at, 71, 'anna', 'assigned',
           json_object('from', iif(escalated, login2, login1), 'to', NULL, 'by', 'hand')
    FROM story WHERE unassigned_at IS NOT NULL
    UNION ALL
    SELECT ticket_id, breached_at, 80, '(sla)', 'sla_breached',
           json_object('target', target, 'policy', policy,
                       'started', strftime('%Y-%m-%dT%H:%M:%SZ', started_at, 'unixepoch'),
                       'due', strftime('%Y-%m-%dT%H:%M:%SZ', due_at, 'unixepoch'))
    FROM breach)
WHERE at < (SELECT t_end FROM cfg)
ORDER BY at, ticket_id, ord, detail;

DROP VIEW seen;
DROP TABLE breach;
DROP TABLE story;
