Customers by phone and chat as well as mail (issue 18): identities in one stored
form, linked into one customer; messages of any channel added to their tickets.

  $ . "$TESTDIR/setup.sh"
  $ mkdir -p config && printf '[agent]\nlogin = "anna"\nfull_name = "Anna Ivanova"\n' > config/config.toml

A caller with only a phone number opens a ticket; the number is stored in E.164.
Without a country in config.toml a number needs its country code.

  $ tkt new --channel phone --from "+7 900 123-45-67" --subject "Касса не печатает" --body "Звонок: касса не печатает чек"
  1
  $ tkt new --channel phone --from "8 (900) 123-45-67" --subject s --body b
  tkt: invalid requester: '8 (900) 123-45-67' has no country code: write it as +7 900 123-45-67, or set 'country' under [defaults] in config.toml
  [65]
  $ printf '[defaults]\ncountry = "ru"\n' >> config/config.toml
  $ tkt new --channel phone --from "Иван Петров <8 (900) 123-45-67>" --subject "Снова касса" --body "Опять не печатает"
  2
  $ tkt new --channel phone --from "+7 900 123-45" --subject s --body b
  tkt: invalid requester: '+7 900 123-45' is not a possible phone number (read as a number of RU)
  [65]
  $ tkt new --channel chat --from "telegram:@Olga_K" --subject "Оплата" --body "Не проходит оплата"
  3
  $ tkt new --from "jivo:" --subject s --body b
  tkt: invalid requester: 'jivo:' is not a mail address, phone number or chat identity (use bob@example.com, "Bob Smith <bob@example.com>", +7 900 123-45-67 or telegram:12345)
  [65]
  $ tkt list status:any | cut -f1,9,11
  1	+79001234567	Касса не печатает
  2	+79001234567	Снова касса
  3	telegram:@Olga_K	Оплата
  $ tkt list requester:89001234567 | cut -f1
  1
  2

A country that is not two letters is a config error at its place.

  $ cp config/config.toml good.toml && printf '[defaults]\ncountry = "Russia"\n' > config/config.toml
  $ tkt --config config config check
  config/config.toml:2:11: 'defaults.country' must be a country's two-letter code such as "RU" or "GB", not "Russia": phone numbers without a country code are read as numbers of it
  tkt: 1 problem in config
  [78]
  $ cp good.toml config/config.toml

Linking identities makes one customer: requester: filters see every identity.

  $ tkt new --from bob@example.com --subject "Заказ" --body "Где заказ?"
  4
  $ tkt customer link bob@example.com "+7 900 123 45 67" telegram:@Olga_K
  linked: +79001234567 bob@example.com telegram:@Olga_K
  $ tkt list requester:bob@example.com | cut -f1
  1
  2
  3
  4
Reports count a repeat contact across a customer's identities: tickets 1 and 2 came
from one phone, 3 from the chat and 4 by mail, all one customer's now.

  $ repeats() { TKT_NOW=2026-11-22T12:00:00Z tkt stats --since 2026-11-22 --format json | python3 -c 'import json,sys; t=json.load(sys.stdin)["total"]; print(t["created"], t["repeat_contacts"])'; }
  $ repeats
  4 3
  $ tkt customer unlink telegram:@Olga_K
  unlinked: telegram:@Olga_K
  $ repeats
  4 2
  $ tkt list requester:telegram:@Olga_K | cut -f1
  3
  $ tkt list requester:bob@example.com | cut -f1
  1
  2
  4
  $ tkt customer unlink bob@example.com telegram:@Olga_K
  tkt: 'telegram:@Olga_K' is linked to no other identity
  [1]
  $ tkt list requester:bob@example.com | cut -f1 | tr '\n' ' '; echo
  1 2 4 
  $ tkt customer link bob@example.com
  tkt: give at least two identities to link, e.g. 'tkt customer link bob@example.com +79001234567'
  [64]
  $ tkt customer link bob@example.com nobody
  tkt: 'nobody' is not a mail address, phone number or chat identity (use bob@example.com, "Bob Smith <bob@example.com>", +7 900 123-45-67 or telegram:12345)
  [64]

tkt add appends a customer's message: a call summary reopens a solved ticket.

  $ tkt close 2 >/dev/null
  $ tkt add 2 --channel phone --body "Перезвонил: чек всё ещё не печатается"
  ticket 2: added +79001234567's message, reopened
  $ tkt add 2 --from telegram:@Olga_K --channel chat --at 2026-11-22T09:58:00Z --body "и в чате тоже"
  ticket 2: added telegram:@Olga_K's message
  $ tkt show 2 | grep '^---'
  --- in 2026-11-22 09:58 telegram:@Olga_K [chat]
  --- in 2026-11-22 10:00 Иван Петров <+79001234567>
  --- in 2026-11-22 10:00 Иван Петров <+79001234567>
  $ tkt history 2 | cut -c1-90
  WHEN              WHO               WHAT      DETAIL
  2026-11-22 09:58  telegram:@Olga_K  received  by chat, recorded by anna
  2026-11-22 10:00  anna              created   by phone
  2026-11-22 10:00  anna              status    new → closed
  2026-11-22 10:00  +79001234567      received  by phone, recorded by anna
  2026-11-22 10:00  +79001234567      reopened  closed → open (customer)
  $ tkt close 2 >/dev/null
  $ tkt add 2 --at 2026-11-22T09:00:00Z --body "из записи разговора до закрытия"
  ticket 2: added +79001234567's message
  $ tkt list status:closed | cut -f1
  2
  $ tkt reopen 2 >/dev/null
  $ tkt add 9 --body x
  tkt: no ticket 9
  [1]
  $ tkt add 2 --at soon --body x
  tkt: --at 'soon' is not a time (2026-12-07T10:30, or ISO 8601 with an offset)
  [64]
  $ tkt add 2 --at 2026-11-23T10:00:00Z --body x
  tkt: the time 2026-11-23T10:00:00Z is in the future
  [65]
  $ tkt add 2 --body "   "
  tkt: the body is empty
  [65]
  $ tkt add 2 --channel fax --body x
  tkt: unknown channel 'fax' (valid: email, chat, phone, web, api)
  [64]
  $ tkt add 2
  tkt: give a ticket and --body TEXT (or --body - to read standard input), or --json for a stream (see 'tkt help add')
  [64]

A chat platform's messages, one JSON object per line: a thread's messages share a
ticket, each id is stored once, bad lines are refused by number and the rest stored.

  $ cat > chat.jsonl <<'LINES'
  > {"thread":"jivo:9876","id":"m1","from":"jivo:visitor-1","name":"Olga","body":"Здравствуйте! Не работает оплата картой"}
  > {"thread":"jivo:9876","id":"m2","from":"jivo:visitor-1","name":"Olga","body":"Ошибка 502","at":"2026-11-22T09:59:30Z"}
  > {"thread":"jivo:9876","id":"m1","from":"jivo:visitor-1","name":"Olga","body":"Здравствуйте! Не работает оплата картой"}
  > not json
  > 
  > {"thread":"jivo:1","id":"m3","body":"hi"}
  > {"thread":"tg:77","id":42,"from":"telegram:77","channel":"phone","subject":"Доставка","body":"Где мой заказ?"}
  > {"id":"m5","from":"telegram:77","channel":"email","body":"x"}
  > {"id":"m6","from":"telegram:77","body":"x","at":"yesterday"}
  > {"id":"m7","from":"telegram:77","body":"x","ticket":99}
  > LINES
  $ tkt new --json < chat.jsonl
  {"line":1,"ticket":5,"outcome":"created"}
  {"line":2,"ticket":5,"outcome":"added"}
  {"line":3,"ticket":5,"outcome":"duplicate"}
  tkt: stdin:4: not valid JSON (at byte 2)
  {"line":4,"error":"not valid JSON (at byte 2)"}
  tkt: stdin:6: missing field 'from'
  {"line":6,"error":"missing field 'from'"}
  {"line":7,"ticket":6,"outcome":"created"}
  tkt: stdin:8: 'channel' must be chat, phone, web or api, not 'email' (mail comes by 'tkt new --email')
  {"line":8,"error":"'channel' must be chat, phone, web or api, not 'email' (mail comes by 'tkt new --email')"}
  tkt: stdin:9: 'at' must be ISO 8601 (2026-12-07T10:30:00Z) or Unix seconds
  {"line":9,"error":"'at' must be ISO 8601 (2026-12-07T10:30:00Z) or Unix seconds"}
  tkt: stdin:10: no ticket 99
  {"line":10,"error":"no ticket 99"}
  tkt: 9 lines: 2 created, 1 added, 1 duplicate, 5 refused
  [65]

Delivered again, twice at once, nothing is stored twice.

  $ tkt new --json < chat.jsonl > a.out 2>&1 & tkt new --json < chat.jsonl > b.out 2>&1; wait
  $ grep -h outcome a.out b.out | sort | uniq -c | sed 's/^ *//'
  2 {"line":1,"ticket":5,"outcome":"duplicate"}
  2 {"line":2,"ticket":5,"outcome":"duplicate"}
  2 {"line":3,"ticket":5,"outcome":"duplicate"}
  2 {"line":7,"ticket":6,"outcome":"duplicate"}
  $ sql "SELECT count(*) FROM messages WHERE message_id LIKE 'ext %'"
  3
  $ tkt list channel:chat,phone status:any | cut -f1,9,11
  1	+79001234567	Касса не печатает
  2	+79001234567	Снова касса
  3	telegram:@Olga_K	Оплата
  5	jivo:visitor-1	Здравствуйте! Не работает оплата картой
  6	telegram:77	Доставка
  $ tkt history 5 | cut -c1-80
  WHEN              WHO             WHAT      DETAIL
  2026-11-22 09:59  jivo:visitor-1  received  by chat, thread jivo:9876, id m2
  2026-11-22 10:00  jivo:visitor-1  created   by chat, thread jivo:9876

tkt add --json takes only messages for a known ticket or thread.

  $ printf '%s\n' '{"thread":"jivo:9876","id":"m8","from":"jivo:visitor-1","body":"Спасибо, заработало"}' '{"thread":"jivo:new","id":"m9","from":"jivo:v2","body":"x"}' | tkt add --json
  {"line":1,"ticket":5,"outcome":"added"}
  tkt: stdin:2: thread 'jivo:new' names no ticket yet: give its ticket, or open one with 'tkt new --json'
  {"line":2,"error":"thread 'jivo:new' names no ticket yet: give its ticket, or open one with 'tkt new --json'"}
  tkt: 2 lines: 0 created, 1 added, 0 duplicates, 1 refused
  [65]
  $ tkt add 5 --json < chat.jsonl
  tkt: --json reads every field from standard input: it takes no ID, --from, --body, --channel or --at
  [64]

A chat customer has no mail address: a reply goes by the chat channel's program,
which config.toml does not name here (channels.t has the rest).

  $ tkt reply 5 --message "Рады помочь" --send
  tkt: ticket 5 is answered by chat (jivo:visitor-1), and no program delivers chat replies: set deliver under [channels.chat] in config.toml, or record it without sending (no --send or --notify)
  [78]
