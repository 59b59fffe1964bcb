The README's procmail recipe, run by the real procmail: when tkt cannot store the
message (here another process holds the database's write lock), procmail must hand
75 to the mail server, which keeps the message and retries; it must not save the
message somewhere else and report success. The recipe is read from README.md, so
the documented one is the one tested.
Backend: sqlite (SQLite's write lock held against procmail's delivery).

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name "Anna Smirnova" > /dev/null
  $ python3 - "$TESTDIR/../../README.md" "$TKT_BIN_DIR/tkt" "$PWD" > tkt.rc <<'PY'
  > import re, sys
  > readme, tkt, here = sys.argv[1:]
  > recipe = re.search(r"```procmail\n(.*?)```", open(readme).read(), re.S).group(1)
  > recipe = recipe.replace("/usr/bin/tkt", tkt).replace("/var/lib/tkt/tkt.db", here + "/tkt.db")
  > print("SHELL=/bin/sh\nTKT_LOCK_TIMEOUT=1s\n" + recipe.replace("/etc/tkt", here + "/config"), end="")
  > PY
  $ cat tkt.rc | sed "s|$PWD|HERE|g; s|$TKT_BIN_DIR|BIN|g"
  SHELL=/bin/sh
  TKT_LOCK_TIMEOUT=1s
  :0 w
  | BIN/tkt --db HERE/tkt.db --config HERE/config new --email
  
  # Reached only when tkt failed: pass its exit code on (75: keep the message and try
  # again later) and deliver the message nowhere else.
  EXITCODE=$?
  HOST
  $ head -2 tkt.rc > naive.rc; sed -n 3,4p tkt.rc >> naive.rc
  $ deliver() { procmail DEFAULT="$PWD/mailbox" LOGFILE="$PWD/procmail.log" "$PWD/$1" < "$2"; echo "exit $?"; }
  $ printf 'From: Bob <bob@example.com>\nSubject: Printer on fire\nMessage-ID: <fire@example.com>\n\nSmoke.\n' > fire.eml

A recipe that only pipes to tkt loses the failure: procmail saves the message in its
default mailbox and tells the mail server it was delivered.

  $ hold
  $ deliver naive.rc fire.eml
  exit 0
  $ grep -c '^Subject: Printer on fire' mailbox
  1
  $ release; rm mailbox procmail.log
  $ tkt list | wc -l
  0

The README's recipe passes tkt's 75 on, and saves the message nowhere.

  $ hold
  $ deliver tkt.rc fire.eml
  exit 75
  $ ls mailbox 2>&1 | sed 's/.*: //'
  No such file or directory
  $ grep -o 'Program failure (75)' procmail.log
  Program failure (75)
  $ release

The mail server retries: the message is stored once, however often it comes again.

  $ deliver tkt.rc fire.eml
  exit 0
  $ deliver tkt.rc fire.eml
  exit 0
  $ tkt list | cut -f1,9,11
  1	bob@example.com	Printer on fire
  $ ls mailbox 2>&1 | sed 's/.*: //'
  No such file or directory

A message that is itself bad is the one case that bounces: procmail passes 65 on.

  $ printf 'no header at all, just text\n' > junk.txt
  $ deliver tkt.rc junk.txt
  exit 65
