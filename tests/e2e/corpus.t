Every message of the shared real-world corpora goes through tkt import: none is lost,
none fails but the empty file and the two that are no mail at all (enmime's
erroneous.raw and RT's lorem-ipsum, text without a header field), each ticket has a subject (or the placeholder) and a requester or an empty
one for mail without a usable From, and the database stays whole.

  $ . "$TESTDIR/setup.sh"
  $ c="$TKT_SHARED_DIR/corpora"
  $ python3 - "$c" <<'PY'
  > import os, shutil, sys
  > root = sys.argv[1]
  > skip = {"LICENSE", ".gitattributes"}
  > files = sorted(os.path.relpath(os.path.join(d, f), root) for part in ("enmime", "rt", "ruby-mail", "spamassassin")
  >                for d, _, names in os.walk(os.path.join(root, part)) for f in names
  >                if f not in skip and not f.endswith((".md", ".json")))
  > os.mkdir("all")
  > for i, name in enumerate(files, 1):
  >     shutil.copyfile(os.path.join(root, name), "all/%05d" % i)
  > PY
  $ ls all | wc -l
  3440
  $ tkt import maildir all --json | sed 's/"created":[0-9]*,"threaded":[0-9]*,/…,/'
  tkt: all/00028: not a mail message: it has no header fields
  tkt: all/00071: not a mail message: it has no header fields
  tkt: all/00190: empty
  tkt: 3 of 3440 messages failed to import
  {"read":3440,…,"duplicates":65,"auto":1854,"loops":0,"failed":3,"failures":[{"source":"all/00028","reason":"not a mail message: it has no header fields"},{"source":"all/00071","reason":"not a mail message: it has no header fields"},{"source":"all/00190","reason":"empty"}]}
  $ sql "SELECT count(*) FROM messages"
  3372
  $ sql "SELECT count(*) FROM tickets WHERE subject = ''"
  0
  $ sql "SELECT subject FROM tickets WHERE subject = '(no subject)'" | wc -l
  10
  $ sql "SELECT count(*) FROM messages WHERE raw IS NULL"
  0
  $ check_database
  ok

RT's expected values: a raw koi8-r subject without a charset reads "тест тест", and a
delivery report is a bounce.

  $ sql "SELECT subject FROM tickets WHERE subject LIKE '%тест%'"
  тест тест
  $ tkt list +bounce status:any | wc -l
  14

Mailing-list mail (newsletters, advisories, the SpamAssassin lists) is its own kind,
tagged list; read receipts and other reports are automatic.

  $ tkt list +list status:any | wc -l
  1079
  $ tkt list +auto status:any | wc -l
  15
