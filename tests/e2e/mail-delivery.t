What a mail server meets when it runs tkt new --email: the message is dated by its
arrival, tkt's own configuration never bounces it, every failure that is not the
message's own is 75 (Postfix defers only on 75 and 71; 64, 70, 73, 74 and 78 bounce),
and a ticket with no address to answer is stored but never answered.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name 'Anna Smirnova' --email anna@example.com > /dev/null
  $ msg() { printf 'From: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s@example.com>\r\n\r\n%s\r\n' "$@"; }

A Date years in the past, or hours ahead, is the sender's clock: the ticket is dated
when the mail arrives, so no SLA is overdue at once and today's report counts it. The
header date stays the message's own, shown beside it. 12-hour times read right.

  $ msg 'Bob <bob@example.com>' 'Printer on fire' 'Tue, 1 Jan 2019 09:00:00 +0000' old 'Help.' | tkt new --email
  1
  $ msg 'Eve <eve@example.com>' 'Parcel late' 'Sun, 22 Nov 2026 7:45:10 PM +0300' ampm 'Where?' | tkt new --email
  2
  $ tkt list | cut -f1,7,11
  1	2026-11-22T10:00:00Z	Printer on fire
  2	2026-11-22T10:00:00Z	Parcel late
  $ tkt show 1 | grep '^--- in'
  --- in 2026-11-22 10:00 Bob <bob@example.com> (dated 2019-01-01 09:00)
  $ tkt show 2 --json | grep sent_at
        "sent_at": "2026-11-22T16:45:10Z",
  $ msg 'Bob <bob@example.com>' 'Re: Printer on fire' 'Sun, 22 Nov 2026 09:59:30 +0000' old2 'More.' | sed 's/^Subject:.*/&\r\nIn-Reply-To: <old@example.com>/' | TKT_NOW=2026-11-22T10:05:00Z tkt new --email
  1
  $ sql "SELECT datetime(created_at, 'unixepoch'), datetime(sent_at, 'unixepoch') FROM messages WHERE ticket_id = 1"
  2026-11-22 10:00:00|2019-01-01 09:00:00
  2026-11-22 10:05:00|2026-11-22 09:59:30
  $ tkt show 1 | grep '^--- in'
  --- in 2026-11-22 10:00 Bob <bob@example.com> (dated 2019-01-01 09:00)
  --- in 2026-11-22 10:05 Bob <bob@example.com> (dated 2026-11-22 09:59)

An archive is different: its messages arrived long ago, so tkt import dates them by
their headers (when after 1990 and not ahead of now).

  $ msg 'Dan <dan@example.com>' 'Old question' 'Mon, 2 Nov 2026 08:00:00 +0000' arch 'Hi.' | sed '1i From dan@example.com Mon Nov  2 08:00:00 2026' > old.mbox
  $ tkt import mbox old.mbox > /dev/null
  $ tkt list status:any 3 | cut -f1,7
  3	2026-11-02T08:00:00Z

A mistake in routing.toml does not bounce the customer's mail: the message is stored
unrouted, a warning and an event say why, and once the file is mended tkt route --all
places it.

  $ cp config/routing.toml routing.good
  $ printf '[[rule]]\nname = "broken"\nsubject = "("\nqueue = "x"\n' >> config/routing.toml
  $ msg 'Carol <carol@example.com>' 'Refund please' 'Sun, 22 Nov 2026 09:00:00 +0000' c1 'Charged twice.' | tkt new --email 2>&1 | sed "s|$PWD/||"
  tkt: warning: config/routing.toml:84:11: invalid regular expression '(' in rule 'broken': missing ): (; a new ticket is stored unrouted ('tkt route --all' places it once that is fixed)
  4
  $ tkt list 4 | cut -f1,4
  4	
  $ tkt history 4 | sed -n '1p;/unrouted/p' | sed "s|$PWD/||"
  WHEN              WHO                WHAT      DETAIL
  2026-11-22 10:00  (routing)          unrouted  not routed: config/routing.toml:84:11: invalid regular expression '(' in rule 'broken': missing ): (
  $ cp routing.good config/routing.toml
  $ tkt route --all
  ticket 4 → payments, line 1, normal (rules: payments)
  routed 1 ticket

A broken config.toml is the same: mail is stored with the defaults, unrouted.

  $ cp config/config.toml config.good
  $ echo 'oops =' >> config/config.toml
  $ msg 'Dora <dora@example.com>' 'Hello' 'Sun, 22 Nov 2026 09:00:00 +0000' d1 'Hi.' | tkt new --email 2>&1 | sed "s|$PWD/||"
  tkt: warning: config/config.toml:29:7: key-value pair: expected value, saw '\n'; a new ticket is stored unrouted ('tkt route --all' places it once that is fixed)
  5
  $ cp config.good config/config.toml

A mistake in the command line of the alias, or a database tkt cannot write, is the
administrator's to mend: 75, and the mail server keeps the message and retries.

  $ msg 'Dora <dora@example.com>' 'Again' 'Sun, 22 Nov 2026 09:00:00 +0000' d2 'Hi.' > d2.eml
  $ tkt new --email --trused < d2.eml
  tkt: the following argument was not expected: --trused (see 'tkt help new')
  [75]
  $ tkt --db /proc/tkt.db new --email < d2.eml
  tkt: cannot create database '/proc/tkt.db': No such file or directory
  [75]
  $ TKT_NOW=yesterday tkt new --email < d2.eml
  tkt: invalid TKT_NOW 'yesterday' (use ISO 8601 such as 2026-11-22T10:00:00Z, or Unix seconds)
  [75]
  $ tkt new --email < d2.eml
  6

Outside the mail path, the same mistakes keep their own codes.

  $ tkt new --trused --subject s --from a@example.com --body b
  tkt: the following argument was not expected: --trused (see 'tkt help new')
  [64]

Mail without a usable From is stored, the sender unknown; a reply to it would hand
sendmail an empty To:, so tkt refuses it and says why, and nothing is recorded.

  $ printf 'Subject: No sender\r\nMessage-ID: <nofrom@example.com>\r\n\r\nWho am I?\r\n' | tkt new --email
  7
  $ printf 'From: =?utf-8?B?0JjQstCw0L0=?=\r\nSubject: Only a name\r\nMessage-ID: <name@example.com>\r\n\r\nHi\r\n' | tkt new --email
  8
  $ tkt list 7-8 | cut -f1,9,11
  7		No sender
  8		Only a name
  $ tkt show 8 | grep -E '^(Requester|--- in)'
  Requester:    Иван (no address)
  --- in 2026-11-22 10:00 Иван (no address)
  $ tkt reply 7 --message 'Hello' --send
  tkt: the requester has no address to reply to (the mail came without a usable From)
  [65]
  $ tkt reply --where 6-8 --message 'Hello'
  tkt: cannot reply to 2 of 3 tickets, so none is answered: ticket 7: the requester has no address to reply to (the mail came without a usable From); ticket 8: the requester has no address to reply to (the mail came without a usable From)
  [65]
  $ sql "SELECT count(*) FROM messages WHERE direction = 'out'"
  0

A message without a Message-ID stored by an older tkt carries the SHA-256 of all its
bytes as its key; delivered or imported again, it is still a duplicate.

  $ printf 'From: old@example.com\r\nSubject: Before the upgrade\r\n\r\nHi\r\n' > legacy.eml
  $ tkt new --email < legacy.eml
  9
  $ sql "UPDATE messages SET message_id = 'sha256-$(sha256sum < legacy.eml | cut -c1-64)@tkt.invalid' WHERE ticket_id = 9"
  $ tkt new --email --json < legacy.eml
  {"ticket":9,"outcome":"duplicate","kind":"human","reopened":false}

A --config that names no folder is a typo in the alias that would otherwise leave
every ticket unrouted without a word: the mail is stored, unrouted, and says why.

  $ msg 'Dora <dora@example.com>' 'Typo' 'Sun, 22 Nov 2026 09:00:00 +0000' d3 'Hi.' | tkt --config /etc/tkt-typo new --email
  tkt: warning: no config folder '/etc/tkt-typo' (--config); a new ticket is stored unrouted ('tkt route --all' places it once that is fixed)
  10
  $ tkt history 10 | grep -o 'unrouted .*'
  unrouted  not routed: no config folder '/etc/tkt-typo' (--config)
