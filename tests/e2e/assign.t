tkt assign gives a ticket to an agent by hand; tkt next hands an agent the most urgent
unassigned ticket of their queues and line, never the same one to two agents. The
starter rules of tkt init assign nobody: routed tickets wait in their queues.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name "Anna Smirnova" --email anna@example.com > /dev/null
  $ sed -i 's/^on_new = true/on_new = false/' config/config.toml
  $ for i in 1 2 3 4 5 6; do tkt new --from c$i@example.com --subject "Refund $i" --body 'Charged twice.' > /dev/null; done
  $ TKT_NOW=2026-11-22T09:00:00Z tkt new --from old@example.com --subject "Old refund" --body 'Still waiting.' --priority high
  7
  $ tkt route --all > /dev/null
  $ tkt list --sort id | cut -f1,4,6
  1	payments	
  2	payments	
  3	payments	
  4	payments	
  5	payments	
  6	payments	
  7	payments	
  $ tkt assign 1 boris
  assigned ticket 1 to boris
  $ tkt assign 1 boris
  ticket 1 is assigned to boris: unchanged
  $ tkt assign 1 bors
  tkt: unknown agent 'bors' (did you mean 'boris'?) (routing.toml lists: anna, boris, vera)
  [64]
  $ tkt assign 99 anna
  tkt: no ticket 99
  [1]
  $ tkt assign 1
  tkt: give either ticket IDs or --where FILTER: tkt assign ID... LOGIN
  [64]
  $ tkt assign 2 anna && tkt assign 2 none
  assigned ticket 2 to anna
  unassigned ticket 2 (was anna)
  $ tkt history 1 | grep assigned
  2026-11-22 10:00  anna  assigned  nobody → boris (hand)

Most urgent first: priority, then SLA due time, then age.

  $ tkt next --peek
  next: ticket 7: Old refund [payments, line 1, high] from old@example.com
  $ tkt next
  took ticket 7: Old refund [payments, line 1, high] from old@example.com
  $ tkt next --json | grep -E '"(id|assignee)"'
    "id": 2,
    "assignee": "anna",
  $ tkt next --as vera
  tkt: no unassigned ticket waits in the queues of 'vera'
  [1]
  $ tkt next --as nobody
  tkt: routing.toml lists no agent 'nobody': add an [[agent]] with its queues and line
  [78]

Two agents taking at once never get the same ticket.

  $ (tkt next > a.out & tkt next --as boris > b.out & wait); cat a.out b.out | sort
  took ticket 3: Refund 3 [payments, line 1, normal] from c3@example.com
  took ticket 4: Refund 4 [payments, line 1, normal] from c4@example.com
  $ sql "SELECT count(DISTINCT ticket_id), count(*) FROM events WHERE kind = 'assigned' AND detail LIKE '%\"next\"%'"
  4|4
