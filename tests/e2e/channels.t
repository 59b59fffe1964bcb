Replies go back where the customer is (issue 18): a chat customer's through the
program config.toml names for the channel, through the outbox like mail; a caller's
reply is the call the agent made, never mailed.

  $ . "$TESTDIR/setup.sh"
  $ mkdir -p config && printf '[agent]\nlogin = "anna"\nfull_name = "Anna Ivanova"\n[mail]\nfrom = "Support <support@example.com>"\n[defaults]\ncountry = "RU"\n' > config/config.toml
  $ echo '{"thread":"jivo:1","id":"a1","from":"jivo:v1","name":"Ольга Смирнова","body":"Не проходит оплата картой"}' | tkt new --json 2>/dev/null
  {"line":1,"ticket":1,"outcome":"created"}

Without a program for chat, --send is refused before anything is recorded.

  $ tkt reply 1 --message "Проверяю платёж." --send
  tkt: ticket 1 is answered by chat (jivo:v1), and no program delivers chat replies: set deliver under [channels.chat] in config.toml, or record it without sending (no --send or --notify)
  [78]
  $ sql "SELECT count(*) FROM messages WHERE direction = 'out'"
  0

A program that takes the reply: it gets one JSON object on standard input.

  $ printf '#!/bin/sh\ncat >> "%s/delivered.jsonl"\n' "$PWD" > chat-send && chmod +x chat-send
  $ printf '[channels.chat]\ndeliver = ["%s/chat-send"]\n' "$PWD" >> config/config.toml
  $ tkt reply 1 --message "Проверяю платёж." --send
  sent reply on ticket 1 to jivo:v1 by chat
  $ python3 -c 'import json,sys; d=json.loads(open("delivered.jsonl").readline()); print(d["ticket"], d["thread"], d["channel"], d["to"], d["name"], d["language"], d["agent"]); print(d["text"])'
  1 jivo:1 chat jivo:v1 Ольга Смирнова ru {'login': 'anna', 'name': 'Anna Ivanova'}
  Здравствуйте, Ольга!
  
  Проверяю платёж.
  
  С уважением,
  Anna Ivanova
  
  $ tkt history 1 | grep replied
  2026-11-22 10:00  anna     replied   to jivo:v1 (message, ru, by chat)

A program that fails leaves the reply queued (75), and outbox flush sends it later.

  $ printf '#!/bin/sh\necho "chat platform down" >&2\nexit 75\n' > chat-send
  $ tkt reply 1 --message "Ещё проверяю." --send 2> err; echo "exit $?"; sed "s|$PWD|PWD|" err
  exit 75
  tkt: could not send the reply (recorded and queued; 'tkt outbox flush' retries): ticket 1: PWD/chat-send exited with 75: chat platform down
  $ tkt outbox | cut -f1-3
  2	1	queued
  $ printf '#!/bin/sh\ncat >> "%s/delivered.jsonl"\n' "$PWD" > chat-send
  $ tkt outbox flush
  sent 2 (ticket 1) to jivo:v1
  $ wc -l < delivered.jsonl
  2

A delivery killed halfway is in doubt: it stays 'sending' and is never sent again on
its own; outbox requeue says to try it again.

  $ printf '#!/bin/sh\ncat > /dev/null\nkill -9 $PPID\n' > chat-send
  $ bash -c 'tkt reply 1 --message "Сейчас уточню." --send; echo "exit $?"' 2>/dev/null
  exit 137
  $ tkt outbox | cut -f1-3
  3	1	sending
  $ printf '#!/bin/sh\ncat >> "%s/delivered.jsonl"\n' "$PWD" > chat-send
  $ tkt outbox flush
  $ wc -l < delivered.jsonl
  2
  $ tkt outbox requeue 3 >/dev/null && tkt outbox flush
  sent 3 (ticket 1) to jivo:v1

A customer who writes from a second conversation is answered in the one used last,
by the time of its message: a transcript line typed in afterwards, dated earlier,
does not take the reply back to the old one; a later message does.

  $ echo '{"ticket":1,"thread":"jivo:7","id":"c1","from":"jivo:v1","body":"Пишу из другого окна"}' | TKT_NOW=2026-11-22T10:02:00Z tkt add --json 2>/dev/null
  {"line":1,"ticket":1,"outcome":"added"}
  $ echo '{"thread":"jivo:1","id":"a2","from":"jivo:v1","body":"(из журнала)","at":"2026-11-22T10:01:00Z"}' | TKT_NOW=2026-11-22T10:03:00Z tkt add --json 2>/dev/null
  {"line":1,"ticket":1,"outcome":"added"}
  $ TKT_NOW=2026-11-22T10:03:00Z tkt reply 1 --message "Вижу оба сообщения." --send >/dev/null
  $ python3 -c 'import json; print([json.loads(l)["thread"] for l in open("delivered.jsonl")][-1])'
  jivo:7
  $ echo '{"thread":"jivo:1","id":"a3","from":"jivo:v1","body":"Вернулась в первое окно"}' | TKT_NOW=2026-11-22T10:05:00Z tkt add --json 2>/dev/null
  {"line":1,"ticket":1,"outcome":"added"}
  $ TKT_NOW=2026-11-22T10:06:00Z tkt reply 1 --message "Отвечаю здесь." --send >/dev/null
  $ python3 -c 'import json; print([json.loads(l)["thread"] for l in open("delivered.jsonl")][-1])'
  jivo:1

A caller's reply is the call: recorded with its outcome, never queued or mailed.

  $ tkt new --channel phone --from "8 900 123-45-67" --subject "Касса" --body "Не печатает чек"
  2
  $ tkt reply 2 --message "Объяснила, как перезагрузить кассу." --send --outcome voicemail
  recorded the call to +79001234567 on ticket 2 (voicemail)
  $ tkt history 2 | grep replied
  2026-11-22 10:00  anna  replied   to +79001234567 (message, ru, by call: voicemail)
  $ tkt outbox --all | cut -f1-3
  1	1	sent
  2	1	sent
  3	1	sent
  4	1	sent
  5	1	sent
  $ tkt reply 2 --message "x" --outcome "no answer"
  tkt: --outcome 'no answer': a reply to a caller is a call that reached them or left a voicemail (reached, voicemail); record a call nobody answered with 'tkt note'
  [64]

A channel config.toml does not know, or no program, is a config error at its place.

  $ cp config/config.toml good.toml
  $ printf '[channels.fax]\ndeliver = ["x"]\n' >> config/config.toml
  $ tkt --config config config check
  config/config.toml:10:1: [channels.fax]: replies go by program on chat, web or api only (mail goes by [mail] sendmail, and a reply to a caller is a call)
  tkt: 1 problem in config
  [78]
  $ cp good.toml config/config.toml

The example webhook program, contrib/deliver-webhook, against a stand-in server on
127.0.0.1: 2xx is sent, 503 stays queued (75), 400 is refused (65).

  $ mkdir hook && (python3 "$TESTDIR/webhook_server.py" hook & echo $! > hook/pid) && while [ ! -e hook/port ]; do sleep 0.05; done
  $ sed -i "s|^deliver = .*|deliver = [\"$TESTDIR/../../contrib/deliver-webhook\", \"http://127.0.0.1:$(cat hook/port)/hooks/tkt\"]|" config/config.toml
  $ TKT_WEBHOOK_TOKEN=s3cret tkt reply 1 --message "Платёж прошёл." --send
  sent reply on ticket 1 to jivo:v1 by chat
  $ python3 -c 'import json; r=json.loads(open("hook/requests.jsonl").readline()); print(r["path"], r["authorization"], r["content_type"], r["body"]["ticket"], r["body"]["thread"], r["body"]["to"])'
  /hooks/tkt Bearer s3cret application/json 1 jivo:1 jivo:v1
  $ echo 503 > hook/status
  $ tkt reply 1 --message "Ещё раз." --send 2> err; echo "exit $?"; sed "s|$TESTDIR/../../contrib|CONTRIB|; s|127.0.0.1:[0-9]*|127.0.0.1:PORT|" err
  exit 75
  tkt: could not send the reply (recorded and queued; 'tkt outbox flush' retries): ticket 1: CONTRIB/deliver-webhook exited with 75: deliver-webhook: http://127.0.0.1:PORT/hooks/tkt answered 503: {"error":"not now"}
  $ echo 400 > hook/status
  $ tkt outbox flush 2> err; echo "exit $?"; sed "s|$TESTDIR/../../contrib|CONTRIB|; s|127.0.0.1:[0-9]*|127.0.0.1:PORT|" err
  exit 75
  tkt: 1 of 1 still queued: 7 (ticket 1): CONTRIB/deliver-webhook exited with 65: deliver-webhook: http://127.0.0.1:PORT/hooks/tkt refused the reply with 400: {"error":"not now"}
  $ echo 200 > hook/status && tkt outbox flush
  sent 7 (ticket 1) to jivo:v1
  $ wc -l < hook/requests.jsonl
  4
  $ kill "$(cat hook/pid)"

A chat that opens a ticket is acknowledged through its channel when [acknowledge]
asks (the text says to write on in the chat, not to keep a subject); a caller is not.

  $ printf '#!/bin/sh\ncat >> "%s/acks.jsonl"\n' "$PWD" > ack-send && chmod +x ack-send
  $ sed -i "s|^deliver = .*|deliver = [\"$PWD/ack-send\"]|" config/config.toml
  $ printf '[acknowledge]\ntemplate = "received"\n' >> config/config.toml
  $ printf '%s\n' '{"thread":"jivo:2","id":"b1","from":"jivo:v2","name":"Ivan Petrov","body":"Where is my order 5512?"}' '{"id":"b2","from":"+7 900 123 45 67","channel":"phone","body":"Звонок: касса не печатает"}' | tkt new --json 2>/dev/null
  {"line":1,"ticket":3,"outcome":"created"}
  {"line":2,"ticket":4,"outcome":"created"}
  $ python3 -c 'import json; d=json.loads(open("acks.jsonl").readline()); print(d["ticket"], d["thread"], d["to"]); print(d["text"])'
  3 jivo:2 jivo:v2
  Hello Ivan,
  
  Thank you for writing to us. This is an automatic message to let you know that your request has reached us:
  
      Request 3: Where is my order 5512?
  
  Someone from our team will answer as soon as they can. If you have anything to add, just write here: it will join the request.
  
  Best regards,
  Support
  support@example.com
  
  $ tkt history 3 | grep acknowledged
  2026-11-22 10:00  (desk)   acknowledged  to jivo:v2 (received, en, by chat)
  $ tkt history 4 | grep acknowledged
  2026-11-22 10:00  (desk)        unacknowledged  '+79001234567' is a phone number: a caller is answered by the call
