An import killed with SIGKILL part-way, then run again, ends with exactly the tickets
of an import that was never interrupted: committed batches stay, the rest follows.
Backend: sqlite (two database files compared after a SIGKILL).

  $ . "$TESTDIR/setup.sh"
  $ corpus="$TKT_SHARED_DIR/corpora/spamassassin"
  $ tkt --db whole.db import maildir "$corpus/easy-ham-1" "$corpus/hard-ham-1" "$corpus/spam-1" >/dev/null
  $ sqlite3 whole.db 'SELECT count(*) FROM messages'
  3250
  $ tkt --db killed.db import maildir "$corpus/easy-ham-1" "$corpus/hard-ham-1" "$corpus/spam-1" >/dev/null &
  > pid=$!; until [ "$(sqlite3 killed.db 'SELECT count(*) FROM messages' 2>/dev/null)" -gt 0 ] 2>/dev/null; do sleep 0.02; done
  > kill -9 $pid; wait $pid 2>/dev/null; true
  $ sqlite3 killed.db 'PRAGMA integrity_check'
  ok
  $ test "$(sqlite3 killed.db 'SELECT count(*) FROM messages')" -lt 3250 && echo interrupted part-way
  interrupted part-way
  $ tkt --db killed.db db check | tail -1
  verified: every ticket's document is its text
  $ tkt --db killed.db import maildir "$corpus/easy-ham-1" "$corpus/hard-ham-1" "$corpus/spam-1" | sed -E 's/: [0-9]+ new tickets and [0-9]+ added to tickets \([0-9]+ of them automatic mail\), [0-9]+ already stored,/: …,/'
  read 3250 messages: …, 0 loops, 0 failed
  $ sqlite3 killed.db 'SELECT count(*) FROM messages'
  3250
  $ dump() { sqlite3 "$1" "SELECT t.id, t.subject, t.requester, t.parent_id, m.message_id, m.auto FROM messages m JOIN tickets t ON t.id = m.ticket_id ORDER BY m.message_id"; }
  $ dump whole.db > whole.txt; dump killed.db > killed.txt; wc -l < whole.txt
  3250
  $ cmp whole.txt killed.txt && echo same tickets, same messages
  same tickets, same messages
  $ tkt --db killed.db db check | tail -1
  verified: every ticket's document is its text
  $ tkt --db killed.db search --limit 1000 unsubscribe | wc -l > killed.n; tkt --db whole.db search --limit 1000 unsubscribe | wc -l | cmp - killed.n && echo same search
  same search
