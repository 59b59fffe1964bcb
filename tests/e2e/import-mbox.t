tkt import mbox reads each mbox variant as its writer meant it: mboxo and mboxrd
(">From " quoting), mboxcl and mboxcl2 (Content-Length), From_ lines with or without a
blank line before them, LF or CRLF. What is stored of a message is the message alone:
no From_ line, no blank line that parts it from the next, no quoting ">".
Backend: sqlite (each mbox variant read into a database file of its own).

  $ . "$TESTDIR/setup.sh"
  $ mb="$TESTDIR/mbox"
  $ stored() { python3 -c '
  > import sqlite3, sys
  > rows = sqlite3.connect(sys.argv[1]).execute("SELECT id, body, raw FROM messages ORDER BY id")
  > for id, body, raw in rows:
  >     print(f"#{id} body {body!r}")
  >     print(f"#{id} raw  {raw.decode()!r}")' "$1"; }

mboxo: one body line quoted as ">From ", one not quoted at all (a blank line before it,
but no header after it: text, not a separator), and one From_ line with no blank line
before it (the full "From sender date" form and a header after it: a separator).

  $ tkt --db o.db import mbox "$mb/mboxo.mbox"
  read 3 messages: 3 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  $ stored o.db
  #1 body 'My parcel is late.\nFrom Moscow, with hope.\n'
  #1 raw  'From: Ivan <ivan@example.ru>\nTo: support@example.com\nSubject: Parcel\nMessage-ID: <o1@example.ru>\n\nMy parcel is late.\nFrom Moscow, with hope.\n'
  #2 body 'Where is my invoice?\n\nFrom the accounts team, I heard nothing.\n'
  #2 raw  'From: Ana <ana@example.es>\nTo: support@example.com\nSubject: Invoice\nMessage-ID: <o2@example.es>\n\nWhere is my invoice?\n\nFrom the accounts team, I heard nothing.\n'
  #3 body 'I cannot log in.\n'
  #3 raw  'From: Bob <bob@example.com>\nTo: support@example.com\nSubject: Password\nMessage-ID: <o3@example.com>\n\nI cannot log in.\n'

The same file with CRLF line ends: the same messages, their raw bytes still CRLF.

  $ sed 's/$/\r/' "$mb/mboxo.mbox" > crlf.mbox
  $ tkt --db crlf.db import mbox crlf.mbox
  read 3 messages: 3 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  $ stored crlf.db | grep -c '\\r\\n'
  3
  $ diff <(stored o.db | grep body) <(stored crlf.db | grep body)
  $ diff <(stored o.db | grep raw) <(stored crlf.db | grep raw | sed 's/\\r\\n/\\n/g')

mboxrd takes one ">" off every ">From ", ">>From " and so on.

  $ tkt --db rd.db import mbox "$mb/mboxrd.mbox"
  read 1 messages: 1 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  $ stored rd.db
  #1 body 'From the start.\n>From a quoted line.\n>>From deeper still.\n'
  #1 raw  'From: Ivan <ivan@example.ru>\nTo: support@example.com\nSubject: Quoting\nMessage-ID: <rd1@example.ru>\n\nFrom the start.\n>From a quoted line.\n>>From deeper still.\n'

mboxcl: Content-Length counts the body, and the body is quoted as in mboxo.

  $ tkt --db cl.db import mbox "$mb/mboxcl.mbox"
  read 2 messages: 2 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  $ stored cl.db
  #1 body 'Counted and quoted:\nFrom here on.\n'
  #1 raw  'From: Ivan <ivan@example.ru>\nTo: support@example.com\nSubject: Counted\nMessage-ID: <cl1@example.ru>\nContent-Length: 35\n\nCounted and quoted:\nFrom here on.\n'
  #2 body 'Two.\n'
  #2 raw  'From: Ana <ana@example.es>\nTo: support@example.com\nSubject: Counted too\nMessage-ID: <cl2@example.es>\nContent-Length: 5\n\nTwo.\n'

mboxcl2: Content-Length, and nothing quoted. A body line that reads like a separator,
a header line after it, is body when the count says so; a body with such a line was
not quoted, so its ">From " is the sender's own.

  $ tkt --db cl2.db import mbox "$mb/mboxcl2.mbox"
  read 2 messages: 2 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  $ stored cl2.db
  #1 body 'Below is what I got:\n\nFrom shop@example.com Sat Nov 21 19:00:00 2026\nSubject: your order\n\n>From the shop, as it was.\n'
  #1 raw  'From: Ivan <ivan@example.ru>\nTo: support@example.com\nSubject: Forwarded\nMessage-ID: <c21@example.ru>\nContent-Length: 117\n\nBelow is what I got:\n\nFrom shop@example.com Sat Nov 21 19:00:00 2026\nSubject: your order\n\n>From the shop, as it was.\n'
  #2 body 'Second.\n'
  #2 raw  'From: Ana <ana@example.es>\nTo: support@example.com\nSubject: After it\nMessage-ID: <c22@example.es>\nContent-Length: 8\n\nSecond.\n'

Without its Content-Length the same file splits where the body's From_ line is.

  $ grep -v '^Content-Length' "$mb/mboxcl2.mbox" > uncounted.mbox
  $ tkt --db uncounted.db import mbox uncounted.mbox
  read 3 messages: 3 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed

A count that does not end where a message begins is a failure, with the file and the
offset of its message, never a message merged into another or dropped unseen; the
messages around it still land.

  $ tkt --db bad.db import mbox "$mb/bad-length.mbox" 2>&1 | sed "s|$mb/||"
  read 3 messages: 1 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 2 failed
  tkt: bad-length.mbox:0: its Content-Length (10 bytes) does not end where a 'From ' line begins
  tkt: bad-length.mbox:313: its Content-Length (5000 bytes) runs past the end of the file
  tkt: 2 of 3 messages failed to import
  $ tkt --db bad.db import mbox "$mb/bad-length.mbox" >/dev/null 2>&1
  [65]
  $ stored bad.db
  #1 body 'Fine.\n'
  #1 raw  'From: Ana <ana@example.es>\nSubject: Fine\nMessage-ID: <bad2@example.es>\n\nFine.\n'
  $ tail -c +314 "$mb/bad-length.mbox" | head -1
  From bob@example.com Sun Nov 22 08:02:00 2026

An mbox read from a pipe is read the same.

  $ cat "$mb/mboxo.mbox" | tkt --db pipe.db import mbox /dev/stdin
  read 3 messages: 3 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 0 failed
  $ diff <(stored o.db) <(stored pipe.db)

A message without a Message-ID is one ticket however it came: delivered by an MTA to
tkt new --email with its Received headers, then found again in a mailbox that another
MTA's copy went to, with other trace headers, mailbox flags, a quoted ">From " and
CRLF line ends.

  $ tkt --db nomid.db new --email < "$mb/nomid-delivered.eml"
  1
  $ sed 's/$/\r/' "$mb/nomid.mbox" > nomid-crlf.mbox
  $ tkt --db nomid.db import mbox "$mb/nomid.mbox" nomid-crlf.mbox --json
  {"read":2,"created":0,"threaded":0,"duplicates":2,"auto":0,"loops":0,"failed":0,"failures":[]}
  $ tkt --db nomid.db list status:any | wc -l
  1
  $ tkt --db nomid.db show 1 --json | grep -c '"direction": "in"'
  1

A different message without a Message-ID is still a ticket of its own.

  $ sed 's/grey/gray/' "$mb/nomid.mbox" > other.mbox
  $ tkt --db nomid.db import mbox other.mbox --json
  {"read":1,"created":1,"threaded":0,"duplicates":0,"auto":0,"loops":0,"failed":0,"failures":[]}

What kind of mail it is. A list's copy of a reply, whose Return-Path, Sender and
Errors-To point at the list's bounce handling, is list mail, not a bounce; a read
receipt and an abuse report are automatic. All three join the ticket they refer to,
flagged, and none reopens it.

  $ tkt --db kinds.db import mbox "$mb/kinds.mbox" --json
  {"read":4,"created":1,"threaded":3,"duplicates":0,"auto":3,"loops":0,"failed":0,"failures":[]}
  $ tkt --db kinds.db history 1 | cut -c19- | grep -o 'received.*'
  received  message k2@example.ru, list mail
  received  message k3@example.ru, automatic
  received  message k4@isp.example, automatic
  $ tkt --db kinds.db show 1 | grep -c -F '[auto]'
  3

A closed ticket stays closed: only a person's message reopens it.

  $ tkt --db solved.db import mbox "$mb/mboxo.mbox" > /dev/null
  $ sed -n '1,7p' "$mb/kinds.mbox" > first.mbox
  $ tkt --db solved.db import mbox first.mbox > /dev/null
  $ tkt --db solved.db close 4 > /dev/null
  $ tkt --db solved.db import mbox "$mb/kinds.mbox" --json
  {"read":4,"created":0,"threaded":3,"duplicates":1,"auto":3,"loops":0,"failed":0,"failures":[]}
  $ tkt --db solved.db list 4 | cut -f2
  closed
