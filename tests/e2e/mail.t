tkt new --email takes one message on standard input, as an MTA or procmail runs it.

  $ . "$TESTDIR/setup.sh"
  $ m="$TESTDIR/mail"

A new message opens a ticket; koi8-r and windows-1251 text, RFC 2047 words split
across folded lines and HTML-only mail all arrive as UTF-8.

  $ tkt new --email < "$m/new-koi8r.eml"
  1
  $ tkt new --email < "$m/new-cp1251-html.eml"
  2
  $ tkt list | cut -f1,9,11
  1	irina@example.ru	Где моя посылка?
  2	oleg@example.ru	Не могу войти в кабинет
  $ tkt show 1 | sed -n '1p;6,8p;/^--- in/,$p'
  Ticket #1: Где моя посылка?
  Requester:    Ирина Петрова <irina@example.ru>
  Channel:      email
  Language:     ru
  --- in 2026-11-22 10:00 Ирина Петрова <irina@example.ru> (dated 2026-11-22 06:00)
  Здравствуйте! Заказ 58213 не пришёл.
  
  WHEN              WHO               WHAT     DETAIL
  2026-11-22 10:00  irina@example.ru  created  by email, message order-58213@example.ru
  $ tkt show 2 | sed -n '/^--- in/,/^WHEN/p'
  --- in 2026-11-22 10:00 Oleg <oleg@example.ru>
  Пишет «неверный пароль».
  
  Сброс не приходит.
  Помогите!
  
  WHEN              WHO              WHAT     DETAIL

Delivered again, the same message changes nothing and prints the same ticket.

  $ tkt new --email < "$m/new-koi8r.eml"
  1
  $ tkt new --email --json < "$m/new-koi8r.eml"
  {"ticket":1,"outcome":"duplicate","kind":"human","reopened":false}
  $ tkt list status:any | wc -l
  2

Replies join their ticket: by In-Reply-To, by References only, by the subject tag only.

  $ tkt new --email --json < "$m/reply-by-in-reply-to.eml"
  {"ticket":1,"outcome":"threaded","kind":"human","reopened":false}
  $ tkt new --email --json < "$m/reply-by-references.eml"
  {"ticket":1,"outcome":"threaded","kind":"human","reopened":false}
  $ tkt new --email --json < "$m/reply-by-subject-tag.eml"
  {"ticket":1,"outcome":"threaded","kind":"human","reopened":false}
  $ tkt show 1 --json | grep -c '"direction": "in"'
  4

Live mail is dated by its arrival (the clock); the sender's Date header is kept as the
message's own date, and shown beside it when it names another minute.

  $ sql "SELECT message_id, datetime(created_at, 'unixepoch'), datetime(sent_at, 'unixepoch') FROM messages WHERE ticket_id = 1 ORDER BY id LIMIT 2"
  order-58213@example.ru|2026-11-22 10:00:00|2026-11-22 06:00:00
  order-58213-2@example.ru|2026-11-22 10:00:00|2026-11-22 08:00:00

A reply from a person reopens a closed ticket; an auto-reply does not, and is flagged.

  $ tkt close 1 >/dev/null
  $ tkt new --email --json < "$m/auto-reply.eml"
  {"ticket":1,"outcome":"threaded","kind":"auto","reopened":false}
  $ tkt list 1 | cut -f2
  closed
  $ tkt show 1 | grep -F '[auto]'
  --- in 2026-11-22 10:00 Irina <irina@example.ru> [auto]
  $ sed 's/order-58213-4/order-58213-5/' "$m/reply-by-subject-tag.eml" | tkt new --email --json
  {"ticket":1,"outcome":"threaded","kind":"human","reopened":true}
  $ tkt history 1 | tail -2
  2026-11-22 10:00  irina@example.ru  received  message order-58213-5@example.ru
  2026-11-22 10:00  irina@example.ru  reopened  closed → open (mail)

A bounce joins the ticket of the message it returns, and never reopens it.

  $ tkt close 1 >/dev/null
  $ tkt new --email --json < "$m/bounce.eml"
  {"ticket":1,"outcome":"threaded","kind":"bounce","reopened":false}
  $ tkt list 1 | cut -f2
  closed

Without a Message-ID, the bytes are the key: the same message twice is one ticket.

  $ tkt new --email < "$m/no-message-id.eml"
  3
  $ tkt new --email < "$m/no-message-id.eml"
  3
  $ tkt show 3 --json | grep message_id | sed 's/sha256-[0-9a-f]*@/sha256-…@/'
        "message_id": "sha256-…@tkt.invalid",
          "message_id": "sha256-…@tkt.invalid"

Attachments are listed, their names decoded (RFC 2231).

  $ tkt new --email < "$m/attachment-rfc2231.eml"
  4
  $ tkt show 4 | grep -F '[attachment'
  [attachment 1: журнал.log (text/plain, 21 bytes)]
  $ tkt show 4 --json | grep -A7 '"attachments"'
    "attachments": [
      {
        "number": 1,
        "message": 10,
        "filename": "журнал.log",
        "content_type": "text/plain",
        "size": 21,
        "sha256": "fc43ef1ce699dca0b7e649fd0d95e1eaffdf577d1da470fa94ea07ed8509412a"

A person who writes again within a week is a repeat contact of their last ticket.

  $ sed 's/login-1@/login-2@/; s/Subject: .*/Subject: again/' "$m/new-cp1251-html.eml" | TKT_NOW=2026-11-25T10:00:00Z tkt new --email
  5
  $ tkt show 5 --json | grep parent_id
    "parent_id": 2,

Our own mail coming back is dropped; control headers count only with --trusted.

  $ tkt new --email < "$m/loop.eml"
  tkt: dropped a message tkt sent itself (it carries X-Tkt-Loop)
  $ tkt new --email --trusted < "$m/trusted.eml"
  6
  $ tkt list 6 | cut -f3,4,10
  high	sales	callback,web
  $ sed 's/form-77/form-78/' "$m/trusted.eml" | tkt new --email
  7
  $ tkt list 7 | cut -f3,4,10
  normal		

Bytes with no header field at all are no message, and are refused like empty input
and huge input (65): the only failures a mail server may bounce; --email takes no other
message flags, and a mistake in the command line is the administrator's, so the mail
server is told to keep the message and retry (75), never to bounce it.

  $ tkt new --email < "$m/garbage.bin"
  tkt: not a mail message: it has no header fields
  [65]
  $ tkt new --email < /dev/null
  tkt: no message on standard input
  [65]
  $ head -c 26214401 /dev/zero | tkt new --email
  tkt: the input is larger than 25 MiB, the most tkt takes
  [65]
  $ tkt new --email --subject x < "$m/trusted.eml"
  tkt: --email reads the whole message from standard input: it takes no --subject, --from or --body
  [75]
  $ tkt list status:any | wc -l
  7

A database locked past the timeout is exit 75, which tells the MTA to retry; nothing is
written, and the retry lands.

  $ lock_for 3 &
  $ sleep 0.5; sed 's/form-77/form-79/' "$m/trusted.eml" | TKT_LOCK_TIMEOUT=1s tkt new --email 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[1]}"
  tkt: database 'tkt.db' is locked by another process; try again
  exit 75
  $ wait; sed 's/form-77/form-79/' "$m/trusted.eml" | tkt new --email
  8
