Two hundred tkt new processes, eight at a time, all land: no lost ticket, no
"database is locked", ids 1 to 200 each used once.

  $ . "$TESTDIR/setup.sh"
  $ seq 200 | xargs -P 8 -I{} sh -c 'tkt new --subject "ticket {}" --from "c{}@example.com" --body "body {}" >/dev/null 2>>errors || echo "failed {}" >>errors'
  $ cat errors 2>/dev/null | head
  $ tkt list --limit 0 | wc -l
  200
  $ tkt list | cut -f1 | sort -n | uniq | wc -l
  200
  $ tkt list | cut -f11 | sort -u | wc -l
  200
  $ check_database; sql 'SELECT count(*) FROM messages; SELECT count(*) FROM events'
  ok
  200
  200
