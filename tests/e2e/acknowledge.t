Acknowledgement on arrival: when a person's mail opens a ticket, the desk answers by
itself with a template ([acknowledge] in config.toml), queued in the outbox with the
ticket and handed to sendmail at once. Never to automatic mail, lists, bounces, our
own loops or no-reply addresses; at most max_per_address_per_day to one address; no
first reply, no owner, no status change, and no agent's work.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name 'Anna Smirnova' --email anna@example.com > /dev/null
  $ sed -i 's|^# template = |template = |; s|^max_per_address_per_day = 10 |max_per_address_per_day = 3 |; s|^# \[acknowledge.queues\]|[acknowledge.queues]|; s|^# spam = false|spam = false|' config/config.toml
  $ sed -i 's|^# from = .*|from = "Example Support <support@example.com>"|; s|^sendmail = .*|sendmail = ["./sendmail", "-t", "-i"]|' config/config.toml
  $ printf '\n[[rule]]\nname = "spam"\nsubject = "casino"\nqueue = "spam"\n' >> config/routing.toml
  $ tkt config check 2>&1 | sed "s|$PWD/||"
  config: config.toml, routing.toml, sla.toml, lint.toml and templates are valid

A stand-in sendmail keeps each message it gets, and fails while a file "fail" exists.

  $ mkdir sent
  $ cat > sendmail <<'SH'
  > #!/bin/sh
  > if [ -e fail ]; then echo "451 try again later" >&2; exit 75; fi
  > n=$(ls sent | wc -l); cat > "sent/$n.eml"
  > SH
  $ chmod +x sendmail
  $ msg() { printf 'From: %s\nSubject: %s\nMessage-ID: <%s@example.net>\n%s\n\n%s\n' "$@"; }
  $ headers() {
  >   python3 - "$1" <<'PY'
  > import email, email.policy, sys
  > m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
  > for name in ('From', 'To', 'Subject', 'In-Reply-To', 'References', 'Auto-Submitted', 'X-Tkt-Loop'):
  >     print(name + ':', ' '.join(str(m[name]).split()))
  > print(m.get_content().rstrip())
  > PY
  > }

A person's mail opens ticket 1, and the acknowledgement goes out at once: it answers
the customer's message, carries the ticket's tag and number, says it is automatic
(RFC 3834), and is signed by the desk.

  $ msg 'Kim Lee <kim@example.net>' 'Parcel late' kim1 '' 'Where is my parcel?' | tkt new --email
  1
  $ ls sent
  0.eml
  $ headers sent/0.eml
  From: Example Support <support@example.com>
  To: Kim Lee <kim@example.net>
  Subject: Re: Parcel late [Support #1]
  In-Reply-To: <kim1@example.net>
  References: <tkt-ticket-1@example.com> <kim1@example.net>
  Auto-Submitted: auto-replied
  X-Tkt-Loop: support@example.com
  Hello Kim,
  
  Thank you for writing to us. This is an automatic message to let you know that your request has reached us:
  
      Request 1: Parcel late
  
  Someone from our team will answer as soon as they can. If you have anything to add, just reply to this email and keep the request number in the subject: your reply will join the request.
  
  Best regards,
  Example Support
  support@example.com

It is nobody's reply: no first reply, no owner, the status still new, the customer
still waiting for an answer (the next-reply clock runs); history says what went out.

  $ tkt list 1 --json | python3 -c 'import json,sys; t=json.load(sys.stdin)[0]; print(t["status"], t["assignee"], t["first_reply_at"])'
  new None None
  $ sql 'SELECT count(*) FROM tickets WHERE id = 1 AND awaiting_since IS NOT NULL'
  1
  $ sql "SELECT direction, auto, author FROM messages WHERE ticket_id = 1 ORDER BY id"
  in|0|Kim Lee <kim@example.net>
  out|1|(desk)
  $ tkt history 1 | cut -c19-
  WHO              WHAT          DETAIL
  kim@example.net  created       by email, message kim1@example.net
  (routing)        routed        to logistics, line 1, normal by rule "logistics"
  (desk)           acknowledged  to kim@example.net (received, en, by mail)
  $ tkt outbox --all
  1	1	sent	1	2026-11-22T10:00:00Z	kim@example.net	sent 2026-11-22 10:00

Her follow-up threads into ticket 1, and a delivery of the same mail again changes
nothing: neither is acknowledged.

  $ msg 'kim@example.net' 'Re: Parcel late [Support #1]' kim2 'In-Reply-To: <kim1@example.net>' 'Any news?' | tkt new --email
  1
  $ msg 'Kim Lee <kim@example.net>' 'Parcel late' kim1 '' 'Where is my parcel?' | tkt new --email
  1
  $ ls sent
  0.eml

Mail no person wrote opens a ticket but gets no answer, and history says why: an
auto-reply, a list's message, a bounce, a no-reply sender, and our own agent's
address. Our own mail coming back is dropped before it is stored.

  $ msg 'Kim Lee <kim@example.net>' 'Out of office' auto1 'Auto-Submitted: auto-replied' 'I am away.' | tkt new --email
  2
  $ msg 'Dev list <dev@lists.example.org>' 'Weekly digest' list1 'List-Id: <dev.lists.example.org>
  > Precedence: list' 'News.' | tkt new --email
  3
  $ msg 'MAILER-DAEMON@mx.example.org' 'Undelivered Mail Returned to Sender' bounce1 'Return-Path: <>' 'Could not deliver.' | tkt new --email
  4
  $ msg 'Shop <no-reply@shop.example>' 'Your order' noreply1 '' 'Thanks for your order.' | tkt new --email
  5
  $ msg 'Anna Smirnova <anna@example.com>' 'Printer jammed' own1 '' 'Forwarding a call.' | tkt new --email
  6
  $ msg 'Example Support <support@example.com>' 'Re: Parcel late [Support #1]' loop1 'X-Tkt-Loop: support@example.com' 'Echo.' | tkt new --email
  tkt: dropped a message tkt sent itself (it carries X-Tkt-Loop)
  $ for t in 2 3 4 5 6; do tkt history $t | grep acknowledg | cut -c19- | sed 's/  */ /g'; done
  (desk) unacknowledged the mail is automatic
  (desk) unacknowledged the mail came from a mailing list
  (desk) unacknowledged the mail is a bounce
  (desk) unacknowledged 'no-reply@shop.example' takes no replies
  (desk) unacknowledged 'anna@example.com' is the desk's own address
  $ ls sent
  0.eml

A queue set to false in [acknowledge.queues] is not acknowledged; nor is that
explained, since nothing was held back.

  $ msg 'Lucky <lucky@example.org>' 'Casino bonus' spam1 '' 'Win!' | tkt new --email
  7
  $ tkt list 7 | cut -f1,4
  7	spam
  $ tkt history 7 | grep -c acknowledg
  0
  [1]

A Russian customer is acknowledged in Russian.

  $ msg 'Ирина Петрова <irina@example.ru>' 'Где посылка?' ru1 'Content-Type: text/plain; charset=utf-8' 'Здравствуйте! Посылка не пришла, хотя прошла уже неделя.' | tkt new --email
  8
  $ headers sent/1.eml
  From: Example Support <support@example.com>
  To: Ирина Петрова <irina@example.ru>
  Subject: Re: Где посылка? [Support #8]
  In-Reply-To: <ru1@example.net>
  References: <tkt-ticket-8@example.com> <ru1@example.net>
  Auto-Submitted: auto-replied
  X-Tkt-Loop: support@example.com
  Здравствуйте, Ирина!
  
  Спасибо, что написали нам. Это автоматическое письмо: ваше обращение получено.
  
      Обращение 8: Где посылка?
  
  Сотрудник поддержки ответит вам, как только сможет. Если хотите что-то добавить, просто ответьте на это письмо, не меняя номер обращения в теме: ваш ответ попадёт в то же обращение.
  
  С уважением,
  Example Support
  support@example.com

At most max_per_address_per_day acknowledgements go to one address in 24 hours: Kim
had one, two more come, the fourth is held back and history says why; a day later she
is acknowledged again.

  $ msg 'Kim Lee <kim@example.net>' 'Wrong size' kim3 '' 'The shoes are too small.' | tkt new --email
  9
  $ msg 'Kim Lee <kim@example.net>' 'Broken zip' kim4 '' 'The zip broke.' | tkt new --email
  10
  $ msg 'Kim Lee <kim@example.net>' 'Refund' kim5 '' 'Please refund.' | tkt new --email
  11
  $ ls sent
  0.eml
  1.eml
  2.eml
  3.eml
  $ tkt history 11 | grep acknowledg | cut -c19- | sed 's/  */ /g'
  (desk) unacknowledged 3 acknowledgements went to 'kim@example.net' in the last 24 hours, the most [acknowledge] max_per_address_per_day allows
  $ msg 'Kim Lee <kim@example.net>' 'Refund again' kim6 '' 'Still no refund.' | TKT_NOW=2026-11-23T10:00:01Z tkt new --email
  12
  $ tkt history 12 | grep acknowledg | cut -c19- | sed 's/  */ /g'
  (desk) acknowledged to kim@example.net (received, en, by mail)

When sendmail fails the mail server still hears 0: the ticket is stored, the
acknowledgement waits in the outbox, and 'tkt outbox flush' sends it.

  $ touch fail
  $ msg 'Bob <bob@example.org>' 'Login broken' bob1 '' 'It says 500.' | tkt new --email
  13
  tkt: warning: the acknowledgement of ticket 13 is not sent yet ('tkt outbox' shows it, 'tkt outbox flush' retries): ./sendmail exited with 75: 451 try again later
  $ rm fail
  $ tkt outbox
  6	13	queued	1	2026-11-22T10:00:00Z	bob@example.org	./sendmail exited with 75: 451 try again later
  $ tkt outbox flush
  sent 6 (ticket 13) to bob@example.org
  $ ls sent
  0.eml
  1.eml
  2.eml
  3.eml
  4.eml
  5.eml

Acknowledgements count nowhere in the metrics: no replies, no first reply.

  $ tkt stats --since 2026-11-22 --until 2026-11-24 --format json | python3 -c 'import json,sys; t=json.load(sys.stdin)["total"]; print(t["created"], t["first_reply"], t["reply_time"], t["agents"])'
  10 {'count': 0, 'median': None, 'p90': None, 'mean': None, 'within': {'threshold': 3600, 'share': None}, 'within_target': {'judged': 0, 'share': None}} {'count': 0, 'median': None, 'p90': None} []

Errors. A template that does not exist, or a choice that is neither a name nor false,
is a configuration error that config check reports at its place; mail still arrives,
unacknowledged, with a warning and an event saying why.

  $ sed -i 's|^template = "received"|template = "recieved"|' config/config.toml
  $ tkt config check 2>&1 | sed "s|$PWD/||"
  config/config.toml:22:12: unknown template 'recieved' (did you mean 'received'? see 'tkt template list')
  tkt: 1 problem in config
  $ msg 'Dan <dan@example.org>' 'Hello' dan1 '' 'Hi there.' | tkt new --email 2>&1 | sed "s|$PWD/||"
  14
  tkt: warning: ticket 14 got no acknowledgement: unknown template 'recieved' (did you mean 'received'? see 'tkt template list')
  $ tkt history 14 | grep acknowledg | cut -c19- | sed 's/  */ /g'
  (desk) unacknowledged unknown template 'recieved' (did you mean 'received'? see 'tkt template list')
  $ sed -i 's|^template = "recieved"|template = true|' config/config.toml
  $ tkt config check 2>&1 | sed "s|$PWD/||"
  config/config.toml:22:12: 'acknowledge.template' must be a template name such as "received", or false for none
  tkt: 1 problem in config
  $ sed -i 's|^template = true|template = "received"|; s|^max_per_address_per_day = 3|max_per_address_per_day = 0|' config/config.toml
  $ tkt config check 2>&1 | sed "s|$PWD/||"
  config/config.toml:23:27: 'acknowledge.max_per_address_per_day' must be a whole number of 1 or more (set template = false to send none)
  tkt: 1 problem in config
  $ sed -i 's|^max_per_address_per_day = 0|max_per_address_per_day = 3|; s|^spam = false|spam = "nope"|' config/config.toml
  $ tkt config check 2>&1 | sed "s|$PWD/||"
  config/config.toml:25:8: unknown template 'nope' (see 'tkt template list')
  tkt: 1 problem in config
  $ sed -i 's|^spam = "nope"|spam = false|; s|^template = "received"|&\nsigned = "Support"|' config/config.toml
  $ tkt config check 2>&1 | sed "s|$PWD/||"
  config/config.toml:23:1: unknown key 'acknowledge.signed'
  tkt: 1 problem in config
  $ sed -i '/^signed = /d' config/config.toml

Without a From address the desk has nothing to send from and no name to sign with:
config check says so, and mail is stored unacknowledged with a warning.

  $ sed -i 's|^from = .*|# from = ""|' config/config.toml
  $ tkt config check 2>&1 | sed "s|$PWD/||"
  config/config.toml: acknowledgements are sent from the desk's address: set 'from' under [mail]
  tkt: 1 problem in config
  $ msg 'Eve <eve@example.org>' 'Hello' eve1 '' 'Hi.' | tkt new --email 2>&1
  15
  tkt: warning: ticket 15 got no acknowledgement: acknowledgements are sent from the desk's address: set 'from' under [mail]
  $ sed -i 's|^# from = ""|from = "support@example.com"|' config/config.toml
  $ tkt config check 2>&1 | sed "s|$PWD/||"
  config/config.toml: acknowledgements are signed with the desk's name: set 'signed_by' under [acknowledge], or write [mail] from as "Example Support <support@example.com>"
  tkt: 1 problem in config
  $ msg 'Fay <fay@example.org>' 'Hello' fay1 '' 'Hi.' | tkt new --email 2>&1
  16
  tkt: warning: ticket 16 got no acknowledgement: acknowledgements are signed with the desk's name: set 'signed_by' under [acknowledge], or write [mail] from as "Example Support <support@example.com>"
  $ ls sent
  0.eml
  1.eml
  2.eml
  3.eml
  4.eml
  5.eml

signed_by names the desk when From has no name, in each language if need be.

  $ sed -i 's|^template = "received"|&\nsigned_by = { en = "Example Support", ru = "Служба поддержки Example" }|' config/config.toml
  $ tkt config check 2>&1 | sed "s|$PWD/||"
  config: config.toml, routing.toml, sla.toml, lint.toml and templates are valid
  $ msg 'Gus <gus@example.org>' 'Hello' gus1 '' 'Hi.' | tkt new --email 2>&1
  17
  $ headers sent/6.eml | sed -n '1p;/^Best/,$p'
  From: support@example.com
  Best regards,
  Example Support
  support@example.com
