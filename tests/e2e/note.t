tkt note adds an internal note to a ticket: agents' words for each other, shown in show
and history, never sent to the customer and never counted as a reply.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name "Anna Smirnova" --email anna@example.com > /dev/null
  $ tkt new --from bob@example.com --subject 'Printer on fire' --body 'Please advise.' > /dev/null
  $ tkt note 1 --body 'Called him: it is the toner, not the printer.'
  noted on ticket 1 (internal: never sent to the customer)
  $ echo 'Second note, from a pipe.' | tkt note 1 --body -
  noted on ticket 1 (internal: never sent to the customer)
  $ tkt show 1 --no-pager | sed -n '/^---/,$p'
  --- in 2026-11-22 10:00 bob@example.com
  Please advise.
  
  --- note (internal, never sent) 2026-11-22 10:00 anna
  Called him: it is the toner, not the printer.
  
  --- note (internal, never sent) 2026-11-22 10:00 anna
  Second note, from a pipe.
  
  WHEN              WHO        WHAT     DETAIL
  2026-11-22 10:00  anna       created  by api
  2026-11-22 10:00  (routing)  routed   to general, line 1, normal by rule "default"
  2026-11-22 10:00  anna       noted    internal note: Called him: it is the toner, not the printer.
  2026-11-22 10:00  anna       noted    internal note: Second note, from a pipe.
  $ tkt show 1 --json | grep -c '"internal": true'
  2
  $ tkt history 1 | tail -2
  2026-11-22 10:00  anna       noted    internal note: Called him: it is the toner, not the printer.
  2026-11-22 10:00  anna       noted    internal note: Second note, from a pipe.

A note is no reply: it neither sets the first reply nor answers the customer, and
nothing goes to the outbox.

  $ sql "SELECT count(*) FROM tickets WHERE id = 1 AND first_reply_at IS NULL AND awaiting_since IS NOT NULL"
  1
  $ sql "SELECT direction, author FROM messages WHERE ticket_id = 1 AND message_id IS NULL ORDER BY id"
  in|bob@example.com
  note|anna
  note|anna
  $ sql "SELECT count(*) FROM outbox"
  0

--edit writes the note in the editor, the customer's last message below a cut line;
an empty note records nothing.

  $ cat > editor <<'SH'
  > #!/bin/sh
  > sed -i '1s/^$/Refund approved by Vera./' "$1"
  > SH
  $ chmod +x editor
  $ EDITOR=./editor tkt note 1 --edit
  noted on ticket 1 (internal: never sent to the customer)
  $ sql "SELECT body FROM messages WHERE direction = 'note' ORDER BY id DESC LIMIT 1"
  Refund approved by Vera.
  $ sql 'SELECT count(*) FROM messages; SELECT count(*) FROM events' > before
  $ EDITOR=true tkt note 1 --edit
  tkt: aborting: the note is empty (nothing recorded)
  [1]
  $ VISUAL='truncate -s 0' tkt note 1 --edit
  tkt: aborting: the note is empty (nothing recorded)
  [1]
  $ sql 'SELECT count(*) FROM messages; SELECT count(*) FROM events' | diff - before

Mistakes: no text or two texts, a blank note, text that is not UTF-8, an unknown ticket.

  $ tkt note 1
  tkt: give --body TEXT (- reads standard input) or --edit (see 'tkt help note')
  [64]
  $ tkt note 1 --body x --edit
  tkt: give --body TEXT (- reads standard input) or --edit (see 'tkt help note')
  [64]
  $ tkt note 1 --body '   '
  tkt: the note is empty
  [65]
  $ printf '\377\n' | tkt note 1 --body -
  tkt: the note is not valid UTF-8
  [65]
  $ tkt note 9 --body x
  tkt: no ticket 9
  [1]
  $ sql 'SELECT count(*) FROM messages; SELECT count(*) FROM events' | diff - before

escalate --note hands the ticket over with a note, in the same transaction as the
escalation: the next line finds it in show (Handover:) and when taking the ticket with
tkt next.

  $ tkt escalate 1 --reason 'refund over the limit' --note 'Toner sent; he wants a refund too. Check order 58213.'
  escalated ticket 1 from line 1 to line 2 (unassigned, in line 2's pool), with a handover note
  $ tkt history 1 | tail -3
  2026-11-22 10:00  anna       noted      internal note: Refund approved by Vera.
  2026-11-22 10:00  anna       noted      internal note for the next line: Toner sent; he wants a refund too. Check order 58213.
  2026-11-22 10:00  anna       escalated  line 1 → 2: refund over the limit
  $ tkt show 1 --no-pager | grep Handover
  Handover:     Toner sent; he wants a refund too. Check order 58213. (anna, 2026-11-22 10:00)
  $ tkt next --as vera
  took ticket 1: Printer on fire [general, line 2, normal] from bob@example.com
  handover note from anna:
  Toner sent; he wants a refund too. Check order 58213.
  $ tkt escalate 1 --reason x --note '  '
  tkt: the note is empty
  [65]
  $ tkt escalate --overdue --note x
  tkt: --overdue finds the tickets itself: it takes no ID, --reason, --to-line, --to, --note or --notify
  [64]
