tkt import loads mbox files and maildirs with the semantics of tkt new --email.

  $ . "$TESTDIR/setup.sh"
  $ m="$TESTDIR/mail"
  $ for f in new-koi8r reply-by-in-reply-to no-message-id auto-reply; do
  >   echo "From sender@example.com Sun Nov 22 10:00:00 2026"; tr -d '\r' < "$m/$f.eml"; echo
  > done > archive.mbox
  $ tkt import mbox archive.mbox
  read 4 messages: 2 new tickets and 2 added to tickets (1 of them automatic mail), 0 already stored, 0 loops, 0 failed
  $ tkt list status:any | cut -f1,11
  1	Где моя посылка?
  2	How do I export my invoices?
  $ tkt show 1 --json | grep -c '"direction": "in"'
  3

Running it again imports nothing twice.

  $ tkt import mbox archive.mbox --json
  {"read":4,"created":0,"threaded":0,"duplicates":4,"auto":0,"loops":0,"failed":0,"failures":[]}

A maildir: cur/ and new/ (or a plain folder of message files). A message too large
is reported with its file and counted as failed (exit 65); the others still land.

  $ mkdir -p box/cur box/new box/tmp
  $ cp "$m/attachment-rfc2231.eml" box/cur/1.eml; cp "$m/trusted.eml" box/new/2.eml
  $ head -c 26214500 /dev/zero | tr '\0' 'x' > box/new/3.eml
  $ tkt import maildir box 2>&1 | sed "s|$PWD/||"
  read 3 messages: 2 new tickets and 0 added to tickets (0 of them automatic mail), 0 already stored, 0 loops, 1 failed
  tkt: box/new/3.eml: larger than 25 MiB
  tkt: 1 of 3 messages failed to import
  $ tkt import maildir box >/dev/null 2>&1
  [65]
  $ tkt list status:any | wc -l
  4

Missing input is exit 66, before anything is imported.

  $ tkt import mbox archive.mbox nowhere.mbox
  tkt: cannot read mbox 'nowhere.mbox'
  [66]
  $ tkt import maildir nowhere
  tkt: 'nowhere' is not a maildir folder
  [66]
  $ tkt import
  tkt: a subcommand is required (see 'tkt help import')
  [64]

On a terminal, a progress line is drawn on standard error; in a pipe, none.

  $ cp -r "$TKT_SHARED_DIR/corpora/spamassassin/easy-ham-1" ham
  $ script -qec "tkt --db tty.db import maildir ham >/dev/null" /dev/null | tr '\r' '\n' | grep -c '^.*importing: [0-9]* messages, [0-9]*/s, [0-9]*%, ETA'  | sed 's/^[1-9][0-9]*$/drawn/'
  drawn
  $ tkt --db pipe.db import maildir ham 2>&1 >/dev/null | wc -c
  0

A message without a Message-ID is the same message in an mbox as delivered alone.

  $ { echo "From x@example.com Sun Nov 22 10:00:00 2026"; tr -d '\r' < "$m/no-message-id.eml"; echo; } > one.mbox
  $ tr -d '\r' < "$m/no-message-id.eml" | tkt --db alone.db new --email
  1
  $ tkt --db alone.db import mbox one.mbox --json
  {"read":1,"created":0,"threaded":0,"duplicates":1,"auto":0,"loops":0,"failed":0,"failures":[]}

Help for a subcommand, and its mistakes.

  $ tkt help import mbox | head -2
  Import mbox files
  Usage: tkt import mbox [OPTIONS] FILE...
  $ tkt import mbox
  tkt: FILE is required (see 'tkt help import mbox')
  [64]
  $ tkt help import x
  tkt: 'import' has no subcommand 'x' (see 'tkt help import')
  [64]
