tkt new opens a ticket from flags and prints its id.

  $ . "$TESTDIR/setup.sh"
  $ tkt new --subject "Printer on fire" --from "Bob Smith <bob@Example.COM>" --body "It is burning"
  1
  $ tkt new --subject "Где моя посылка?" --from ivan@example.ru --body "Посылка не пришла" --channel email --priority high --queue logistics --tag vip --tag ru
  2
  $ tkt list status:any
  1	new	normal		1		2026-11-22T10:00:00Z	2026-11-22T10:00:00Z	bob@example.com		Printer on fire
  2	new	high	logistics	1		2026-11-22T10:00:00Z	2026-11-22T10:00:00Z	ivan@example.ru	ru,vip	Где моя посылка?
  $ tkt show 2 --json | grep -E '"(requester|channel|priority|queue|status)"'
    "requester": "ivan@example.ru",
    "channel": "email",
    "queue": "logistics",
    "priority": "high",
    "status": "new",
        "channel": null,
          "channel": "email",
          "priority": "high",
          "queue": "logistics"

--body - reads the body from a pipe.

  $ printf 'line one\nline two\n' | tkt new --subject Piped --from a@example.com --body -
  3
  $ tkt show 3 | sed -n '/^--- in/,/^$/p'
  --- in 2026-11-22 10:00 a@example.com
  line one
  line two
  


--json prints the whole ticket.

  $ tkt new --subject "As JSON" --from "\"Smith, Jo\" <jo@example.com>" --body x --json
  {
    "id": 4,
    "subject": "As JSON",
    "requester": "jo@example.com",
    "requester_name": "Smith, Jo",
    "channel": "api",
    "language": "en",
    "queue": null,
    "line": 1,
    "priority": "normal",
    "status": "new",
    "assignee": null,
    "created_at": "2026-11-22T10:00:00Z",
    "updated_at": "2026-11-22T10:00:00Z",
    "first_reply_at": null,
    "solved_at": null,
    "csat": null,
    "merged_into": null,
    "parent_id": null,
    "tags": []
  }

Bad data is exit 65 and writes nothing.

  $ tkt new --subject "" --from a@example.com --body x
  tkt: the subject is empty
  [65]
  $ tkt new --subject "   " --from a@example.com --body x
  tkt: the subject is empty
  [65]
  $ tkt new --subject s --from a@example.com --body ""
  tkt: the body is empty
  [65]
  $ echo -n | tkt new --subject s --from a@example.com --body -
  tkt: the body is empty
  [65]
  $ tkt new --subject s --from not-an-address --body x
  tkt: invalid requester: 'not-an-address' is not a mail address, phone number or chat identity (use bob@example.com, "Bob Smith <bob@example.com>", +7 900 123-45-67 or telegram:12345)
  [65]
  $ tkt new --subject "$(printf 'bad \377 byte')" --from a@example.com --body x
  tkt: the subject, body and name must be valid UTF-8
  [65]
  $ tkt new --subject "$(head -c 1200 /dev/zero | tr '\0' x)" --from a@example.com --body x
  tkt: the subject is 1200 bytes long; the limit is 998
  [65]
  $ tkt list status:any | wc -l
  4

A wrong flag value is exit 64 and lists the valid ones.

  $ tkt new --subject s --from a@example.com --body x --priority hgih
  tkt: unknown priority 'hgih' (did you mean 'high'?) (valid: low, normal, high, urgent)
  [64]
  $ tkt new --subject s --from a@example.com --body x --channel fax
  tkt: unknown channel 'fax' (valid: email, chat, phone, web, api)
  [64]
  $ tkt new --subject s --from a@example.com --body x --tag "two words"
  tkt: invalid tag 'two words' (no spaces or commas, and it may not start with + or -)
  [64]
  $ tkt new --subject s --from a@example.com
  tkt: --body is required, or --email to read a whole message (see 'tkt help new')
  [64]
  $ tkt new --subject s --from a@example.com --body x --colour red
  tkt: the following arguments were not expected: red --colour (see 'tkt help new')
  [64]
  $ tkt list status:any | wc -l
  4
