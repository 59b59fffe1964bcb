-- The report of `tkt stats` (no grouping), by hand, for the sqlite3 shell: the baseline
-- of bench/stats.sh and a second opinion on tkt's numbers. The caller sets the period
-- [@since, @until) in Unix seconds, e.g.
--   sqlite3 -cmd '.parameter set @since 1795219200' -cmd '.parameter set @until 1795305600' \
--       DB < bench/stats_report.sql
-- and may set @now (the report's clock, default @until), @within (the first-reply
-- threshold, default 3600 s) and @repeat (the repeat-contact window, default 7 days).
-- It prints "metric|value" lines, named as in `tkt stats --format json`, then a line
-- "agent|login|replies|bulk_replies|solved|hours|per_hour|replies_per_hour" per agent.
--
-- Merged tickets (merged_into set) count nowhere. A reply is an outbound message that
-- is not automatic, a customer message an inbound one that is not; notes count
-- nowhere. Percentiles are nearest-rank: of n sorted values, the p-quantile is the one
-- at rank ceil(p n), which is (n + 1) / 2 for the median and (9n + 9) / 10 for p90 in
-- integer arithmetic.

SELECT 'created', count(*) FROM tickets
WHERE created_at >= @since AND created_at < @until AND merged_into IS NULL;

SELECT 'solved', count(*) FROM tickets
WHERE solved_at >= @since AND solved_at < @until AND merged_into IS NULL;

SELECT 'reopened', count(DISTINCT e.ticket_id)
FROM events AS e JOIN tickets AS t ON t.id = e.ticket_id
WHERE e.kind = 'reopened' AND e.at >= @since AND e.at < @until AND t.merged_into IS NULL;

-- The backlog at @until: tickets created before it and not solved by then, plus those
-- solved before it but open again at @until. Every status change is an event that
-- records where it came from, so a ticket's state at @until is the "from" of its first
-- status change at or after @until, or its status now if it has none: only the
-- changes after @until are read, not the whole history before it.
WITH changed_later AS (
    SELECT ticket_id, json_extract(detail, '$.from') AS state,
           row_number() OVER (PARTITION BY ticket_id ORDER BY at, id) AS nth
    FROM events WHERE kind IN ('status', 'reopened') AND at >= @until)
SELECT 'backlog',
       (SELECT count(*) FROM tickets
        WHERE solved_at IS NULL AND created_at < @until AND merged_into IS NULL)
     + (SELECT count(*) FROM tickets
        WHERE solved_at >= @until AND created_at < @until AND merged_into IS NULL)
     + (SELECT count(*) FROM tickets AS t
        WHERE t.status IN ('new', 'open', 'pending') AND t.solved_at < @until AND t.merged_into IS NULL
          AND NOT EXISTS (SELECT 1 FROM changed_later AS c WHERE c.ticket_id = t.id))
     + (SELECT count(*) FROM changed_later AS c JOIN tickets AS t ON t.id = c.ticket_id
        WHERE c.nth = 1 AND c.state IN ('new', 'open', 'pending') AND t.solved_at < @until
          AND t.merged_into IS NULL);

-- First reply, over the tickets created in the period. The share within @within counts
-- the unanswered ones too, once they have waited longer than that at @now.
WITH created AS MATERIALIZED (
    SELECT created_at, first_reply_at - created_at AS wait FROM tickets
    WHERE created_at >= @since AND created_at < @until AND merged_into IS NULL),
answered AS (
    SELECT wait, row_number() OVER (ORDER BY wait) AS rank, count(*) OVER () AS n
    FROM created WHERE wait IS NOT NULL),
summary AS MATERIALIZED (
    SELECT count(*) AS n, max(iif(rank = (n + 1) / 2, wait, NULL)) AS median,
           max(iif(rank = (9 * n + 9) / 10, wait, NULL)) AS p90, avg(wait) AS mean
    FROM answered),
within AS MATERIALIZED (
    SELECT 1.0 * sum(wait <= coalesce(@within, 3600))
           / nullif(sum(wait IS NOT NULL)
                    + sum(wait IS NULL AND coalesce(@now, @until) - created_at > coalesce(@within, 3600)), 0)
           AS share
    FROM created)
SELECT 'first_reply.count', n FROM summary
UNION ALL SELECT 'first_reply.median', median FROM summary
UNION ALL SELECT 'first_reply.p90', p90 FROM summary
UNION ALL SELECT 'first_reply.mean', mean FROM summary
UNION ALL SELECT 'first_reply.within.threshold', coalesce(@within, 3600)
UNION ALL SELECT 'first_reply.within.share', share FROM within;

-- Reply time: for each reply of the period, from the oldest customer message since the
-- ticket's previous reply. A message's turn is the number of replies before it, so a
-- reply shares its turn with the customer messages it answers.
WITH replied AS (
    SELECT DISTINCT m.ticket_id FROM messages AS m JOIN tickets AS t ON t.id = m.ticket_id
    WHERE m.direction = 'out' AND m.auto = 0 AND m.created_at >= @since AND m.created_at < @until
      AND t.merged_into IS NULL),
thread AS (
    SELECT ticket_id, created_at, direction = 'out' AS is_reply,
           sum(direction = 'out') OVER (PARTITION BY ticket_id ORDER BY created_at, id)
               - (direction = 'out') AS turn
    FROM messages
    WHERE ticket_id IN (SELECT ticket_id FROM replied) AND created_at < @until
      AND direction IN ('in', 'out') AND auto = 0),
samples AS (
    SELECT max(iif(is_reply, created_at, NULL)) - min(iif(is_reply, NULL, created_at)) AS wait
    FROM thread GROUP BY ticket_id, turn
    HAVING max(iif(is_reply, created_at, NULL)) >= @since AND min(is_reply) = 0),
ranked AS (
    SELECT wait, row_number() OVER (ORDER BY wait) AS rank, count(*) OVER () AS n FROM samples),
summary AS MATERIALIZED (
    SELECT count(*) AS n, max(iif(rank = (n + 1) / 2, wait, NULL)) AS median,
           max(iif(rank = (9 * n + 9) / 10, wait, NULL)) AS p90
    FROM ranked)
SELECT 'reply_time.count', n FROM summary
UNION ALL SELECT 'reply_time.median', median FROM summary
UNION ALL SELECT 'reply_time.p90', p90 FROM summary;

WITH ranked AS (
    SELECT solved_at - created_at AS took,
           row_number() OVER (ORDER BY solved_at - created_at) AS rank, count(*) OVER () AS n
    FROM tickets
    WHERE solved_at >= @since AND solved_at < @until AND merged_into IS NULL),
summary AS MATERIALIZED (
    SELECT count(*) AS n, max(iif(rank = (n + 1) / 2, took, NULL)) AS median,
           max(iif(rank = (9 * n + 9) / 10, took, NULL)) AS p90
    FROM ranked)
SELECT 'resolution.count', n FROM summary
UNION ALL SELECT 'resolution.median', median FROM summary
UNION ALL SELECT 'resolution.p90', p90 FROM summary;

-- Escalations and repeat contacts, over the tickets created in the period; an
-- escalation counts whenever it happened.
WITH counts AS MATERIALIZED (
    SELECT count(*) AS created,
           sum(t.id IN (SELECT ticket_id FROM events WHERE kind = 'escalated')) AS escalated,
           sum(EXISTS (SELECT 1 FROM tickets AS p
                       WHERE p.requester = t.requester
                         AND p.created_at BETWEEN t.created_at - coalesce(@repeat, 604800) AND t.created_at
                         AND p.id < t.id AND p.merged_into IS NULL)) AS repeats
    FROM tickets AS t
    WHERE t.created_at >= @since AND t.created_at < @until AND t.merged_into IS NULL)
SELECT 'escalated', coalesce(escalated, 0) FROM counts
UNION ALL SELECT 'escalation_rate', 1.0 * escalated / nullif(created, 0) FROM counts
UNION ALL SELECT 'repeat_contacts', coalesce(repeats, 0) FROM counts
UNION ALL SELECT 'repeat_contact_rate', 1.0 * repeats / nullif(created, 0) FROM counts;

WITH counts AS MATERIALIZED (
    SELECT count(*) AS solved,
           sum((SELECT count(*) FROM messages AS m
                WHERE m.ticket_id = t.id AND m.direction = 'out' AND m.auto = 0) = 1) AS one_touch
    FROM tickets AS t
    WHERE t.solved_at >= @since AND t.solved_at < @until AND t.merged_into IS NULL)
SELECT 'one_touch', coalesce(one_touch, 0) FROM counts
UNION ALL SELECT 'one_touch_rate', 1.0 * one_touch / nullif(solved, 0) FROM counts;

WITH counts AS MATERIALIZED (
    SELECT count(*) AS rated, sum(csat >= 4) AS good FROM tickets
    WHERE rated_at >= @since AND rated_at < @until AND merged_into IS NULL)
SELECT 'csat.rated', rated FROM counts
UNION ALL SELECT 'csat.good', coalesce(good, 0) FROM counts
UNION ALL SELECT 'csat.share_good', 1.0 * good / nullif(rated, 0) FROM counts;

SELECT 'sla_breaches.' || target.name,
       (SELECT count(DISTINCT b.ticket_id) FROM sla_breaches AS b JOIN tickets AS t ON t.id = b.ticket_id
        WHERE b.target = target.name AND b.due_at >= @since AND b.due_at < @until AND t.merged_into IS NULL)
FROM (SELECT 'first_reply' AS name UNION ALL SELECT 'next_reply' UNION ALL SELECT 'resolve') AS target;

-- Per agent: replies written (their own, and those of a bulk reply: its `replied`
-- event names the bulk action), tickets solved (by their assignee, else whoever solved
-- them) and hours worked, counted as the 15-minute slots with any event of theirs.
-- Actors in parentheses (tkt itself) or with an @ (customers) are not agents.
WITH written AS (
    SELECT m.author AS login,
           EXISTS (SELECT 1 FROM events AS e
                   WHERE e.ticket_id = m.ticket_id AND e.at = m.created_at AND e.kind = 'replied'
                     AND json_extract(e.detail, '$.message_id') = m.message_id
                     AND json_extract(e.detail, '$.bulk.id') IS NOT NULL) AS bulk
    FROM messages AS m JOIN tickets AS t ON t.id = m.ticket_id
    WHERE m.direction = 'out' AND m.auto = 0 AND m.created_at >= @since AND m.created_at < @until
      AND t.merged_into IS NULL),
replies AS (
    SELECT login, sum(1 - bulk) AS replies, sum(bulk) AS bulk_replies FROM written GROUP BY login),
solved AS (
    SELECT coalesce(t.assignee, (SELECT e.actor FROM events AS e
                                 WHERE e.ticket_id = t.id AND e.at = t.solved_at AND e.kind = 'status'
                                 ORDER BY e.id LIMIT 1)) AS login,
           count(*) AS solved
    FROM tickets AS t
    WHERE t.solved_at >= @since AND t.solved_at < @until AND t.merged_into IS NULL
    GROUP BY 1),
hours AS (
    SELECT e.actor AS login, 0.25 * count(DISTINCT e.at / 900) AS hours
    FROM events AS e JOIN tickets AS t ON t.id = e.ticket_id
    WHERE e.at >= @since AND e.at < @until AND e.actor NOT LIKE '(%' AND instr(e.actor, '@') = 0
      AND t.merged_into IS NULL
    GROUP BY e.actor),
agents AS (SELECT login FROM replies UNION SELECT login FROM solved UNION SELECT login FROM hours)
SELECT 'agent', a.login, coalesce(r.replies, 0), coalesce(r.bulk_replies, 0), coalesce(s.solved, 0), coalesce(h.hours, 0.0),
       1.0 * coalesce(s.solved, 0) / h.hours, 1.0 * coalesce(r.replies, 0) / h.hours
FROM agents AS a
LEFT JOIN replies AS r ON r.login = a.login
LEFT JOIN solved AS s ON s.login = a.login
LEFT JOIN hours AS h ON h.login = a.login
WHERE a.login IS NOT NULL
ORDER BY a.login;
