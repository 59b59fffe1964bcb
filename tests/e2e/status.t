tkt close and tkt reopen change status, record events, and act on all ids or none.

  $ . "$TESTDIR/setup.sh"
  $ for s in one two three; do tkt new --subject $s --from a@example.com --body x; done
  1
  2
  3
  $ TKT_NOW=2026-11-22T11:00:00Z tkt close 1 2
  closed ticket 1
  closed ticket 2
  $ tkt close 1
  ticket 1 is closed: unchanged
  $ tkt list status:closed | cut -f1,2
  1	closed
  2	closed
  $ tkt show 1 --json | grep solved_at
    "solved_at": "2026-11-22T11:00:00Z",

Reopening moves a closed ticket to open, keeping its first solve time.

  $ TKT_NOW=2026-11-22T12:00:00Z tkt reopen 1 3
  reopened ticket 1
  ticket 3 is new: unchanged
  $ tkt show 1 --json | grep -E '"(status|solved_at)"'
    "status": "open",
    "solved_at": "2026-11-22T11:00:00Z",
        "kind": "status",
  $ tkt history 1 | tail -2
  2026-11-22 11:00  anna  status    new → closed
  2026-11-22 12:00  anna  reopened  closed → open

One unknown id fails the whole command: nothing changes.

  $ tkt close 2 3 99
  tkt: no ticket 99
  [1]
  $ tkt list status:any | cut -f1,2
  1	open
  2	closed
  3	new
  $ tkt close x
  tkt: invalid ticket id 'x' (ids are numbers such as 42)
  [64]
  $ tkt close
  tkt: give either ticket IDs or --where FILTER: tkt close ID...
  [64]
