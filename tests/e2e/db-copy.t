tkt db copy moves a desk: a whole database into an empty one, SQLite or PostgreSQL
either way, in one transaction on the copy, then verified (the rows of every table, the
metrics of the whole history). On the PostgreSQL run the desk is there, so the copy
goes to a file and back into another PostgreSQL database.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name 'Anna Smirnova' --email anna@example.com > /dev/null
  $ tkt new --subject 'Parcel lost' --from 'Ivan <ivan@example.ru>' --body 'Where is it?' --tag vip
  1
  $ tkt new --subject 'Invoice' --from kim@example.com --body 'Wrong sum.' --queue billing --priority urgent
  2
  $ TKT_NOW=2026-11-22T10:30:00Z tkt reply 1 --message 'It is on its way.' --status solved > /dev/null
  $ TKT_NOW=2026-11-22T11:00:00Z tkt rate 1 5 > /dev/null
  $ tkt new --subject 'Invoice again' --from kim@example.com --body 'Same.' > /dev/null
  $ TKT_NOW=2026-11-22T12:00:00Z tkt merge 3 --into 2 > /dev/null
  $ TKT_NOW=2026-11-22T20:00:00Z tkt escalate --overdue | wc -l
  2
  $ tkt db copy "$TKT_DB" copy.db | sed "s|$PWD/||"
  copied 26 rows in 11 tables from tkt.db to copy.db
    tickets              3
    tags                 2
    messages             4
    attachments          0
    events               15
    outbox               0
    assignment_cursors   0
    sla_breaches         2
    customers            0
    identities           0
    threads              0
  verified: the same rows in every table, the same metrics over the whole history
  $ back=$(new_database back)
  $ tkt db copy copy.db "$back" | tail -1
  verified: the same rows in every table, the same metrics over the whole history

The copies answer as the desk did, and go on numbering where it stopped.

  $ report() { TKT_NOW=2026-11-23T00:00:00Z tkt --db "$1" stats --since 2026-11-22 --format json; }
  $ report "$TKT_DB" > desk.json; report copy.db | cmp - desk.json && report "$back" | cmp - desk.json && echo same
  same
  $ tkt --db "$back" show 2 | grep -c 'merged'
  2
  $ tkt --db "$back" new --subject 'After the move' --from kim@example.com --body 'Hello.'
  4
  $ tkt --db copy.db reply 4 --message 'x' 2>&1
  tkt: no ticket 4
  [1]

What it refuses: a copy into a database that holds anything (73), a database copied
onto itself (64), and a source that is not there (66). Nothing is left behind.

  $ tkt db copy copy.db "$back" 2>&1 | sed "s|$back|BACK|"
  tkt: database 'BACK' is not empty (4 rows in tickets): tkt db copy fills only an empty database
  $ tkt db copy copy.db "$back" 2>/dev/null
  [73]
  $ tkt db copy copy.db ./copy.db
  tkt: 'copy.db' is both the database to copy and the copy
  [64]
  $ tkt db copy missing.db other.db
  tkt: no database at 'missing.db' to copy
  [66]
  $ ls other.db 2>/dev/null || echo 'nothing made'
  nothing made
  $ tkt db
  tkt: a subcommand is required (see 'tkt help db')
  [64]
