tkt customer WHO shows a customer's card (issue 19): every identity, every ticket
through any of them, first and last contact, repeat contacts, ratings, the agents who
handled them and their languages.

  $ . "$TESTDIR/setup.sh"
  $ mkdir -p config && printf '[agent]\nlogin = "anna"\nfull_name = "Anna Ivanova"\n[defaults]\ncountry = "RU"\n' > config/config.toml

Bob writes by mail, calls twice (the second call a duplicate, merged), then writes in
a chat; Alice is someone else.

  $ TKT_NOW=2026-11-01T09:00:00Z tkt new --from "Bob Smith <bob@example.com>" --subject "Printer on fire" --body "The printer in room 4 is on fire, please help."
  1
  $ TKT_NOW=2026-11-03T09:00:00Z tkt new --channel phone --from "Боб <8 900 123-45-67>" --subject "Принтер снова горит" --body "Звонок: принтер в комнате 4 опять горит, просит прислать мастера."
  2
  $ TKT_NOW=2026-11-03T09:30:00Z tkt new --channel phone --from "+7 900 123 45 67" --subject "Принтер" --body "Звонок: то же самое, принтер горит."
  3
  $ TKT_NOW=2026-11-20T12:00:00Z tkt new --channel chat --from telegram:12345 --subject "Where is my order?" --body "Hello, where is my order 77? It was due yesterday."
  4
  $ tkt new --from alice@example.com --subject "Invoice" --body "Please send me the invoice for October."
  5
  $ tkt customer link bob@example.com 89001234567 telegram:12345
  linked: +79001234567 bob@example.com telegram:12345
  $ tkt merge 3 --into 2 >/dev/null
  $ TKT_NOW=2026-11-01T10:00:00Z tkt reply 1 --as boris --var "agent.full_name=Boris Petrov" --message "The fire brigade is on its way." --status solved >/dev/null
  $ TKT_NOW=2026-11-02T10:00:00Z tkt rate 1 5 --comment "Quick and kind"
  ticket 1: rated 5 (good), credited to boris
  $ tkt assign 4 boris
  assigned ticket 4 to boris
  $ tkt add 4 --at 2026-11-21T08:00:00Z --body "Any news?"
  ticket 4: added telegram:12345's message

The card by any identity is the same card; a phone number is read as tkt reads one.

  $ tkt customer bob@example.com
  Customer bob@example.com
  Identities:    +79001234567     Боб
                 bob@example.com  Bob Smith
                 telegram:12345
  First contact: 2026-11-01 09:00 (21d ago)
  Last contact:  2026-11-21 08:00 (1d ago)
  Tickets:       4 (2 open), 1 repeat contact
  Ratings:       1 (1 good)
  Languages:     en (2), ru (1)
  
  ID  STATUS  QUEUE  LINE  ASSIGNEE  CREATED           NOTE            SUBJECT
  4   new     -      1     boris     2026-11-20 12:00  -               Where is my order?
  2   new     -      1     -         2026-11-03 09:00  repeat          Принтер снова горит
  3   closed  -      1     -         2026-11-03 09:30  merged into #2  Принтер
  1   solved  -      1     boris     2026-11-01 09:00  -               Printer on fire
  
  RATED             TICKET  SCORE  COMMENT
  2026-11-02 10:00  #1      5      Quick and kind
  
  AGENT  REPLIES  ASSIGNED
  boris  1        2
  $ tkt customer "+7 (900) 123-45-67" | head -1
  Customer +79001234567

Digits alone are a ticket number unless they are a phone number of the country:
89001234567 is Bob's phone, 4 is ticket 4 and #4 always a ticket.

  $ tkt customer 89001234567 | head -1
  Customer +79001234567
  $ tkt customer 4 | head -1
  Customer telegram:12345
  $ tkt customer '#4' | head -1
  Customer telegram:12345
  $ tkt customer '#5'
  Customer alice@example.com
  Identities:    alice@example.com
  First contact: 2026-11-22 10:00 (0s ago)
  Last contact:  2026-11-22 10:00 (0s ago)
  Tickets:       1 (1 open), 0 repeat contacts
  Ratings:       none
  Languages:     en (1)
  
  ID  STATUS  QUEUE  LINE  ASSIGNEE  CREATED           NOTE  SUBJECT
  5   new     -      1     -         2026-11-22 10:00  -     Invoice

Repeat contacts are those tkt stats counts: ticket 2 came two days after ticket 1,
from another identity of Bob's; the merged duplicate never counts.

  $ tkt stats --since 2026-11-01 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"]["repeat_contacts"])'
  1

In JSON, the same card as one object; times in UTC.

  $ tkt customer telegram:12345 --json
  {
    "identity": "telegram:12345",
    "identities": [
      {
        "identity": "+79001234567",
        "kind": "phone",
        "name": "Боб"
      },
      {
        "identity": "bob@example.com",
        "kind": "email",
        "name": "Bob Smith"
      },
      {
        "identity": "telegram:12345",
        "kind": "chat",
        "name": null
      }
    ],
    "tickets": [
      {
        "id": 4,
        "subject": "Where is my order?",
        "requester": "telegram:12345",
        "requester_name": "",
        "channel": "chat",
        "language": "en",
        "queue": null,
        "line": 1,
        "priority": "normal",
        "status": "new",
        "assignee": "boris",
        "created_at": "2026-11-20T12:00:00Z",
        "updated_at": "2026-11-22T10:00:00Z",
        "first_reply_at": null,
        "solved_at": null,
        "csat": null,
        "merged_into": null,
        "parent_id": null,
        "tags": [],
        "repeat_contact": false
      },
      {
        "id": 2,
        "subject": "Принтер снова горит",
        "requester": "+79001234567",
        "requester_name": "Боб",
        "channel": "phone",
        "language": "ru",
        "queue": null,
        "line": 1,
        "priority": "normal",
        "status": "new",
        "assignee": null,
        "created_at": "2026-11-03T09:00:00Z",
        "updated_at": "2026-11-22T10:00:00Z",
        "first_reply_at": null,
        "solved_at": null,
        "csat": null,
        "merged_into": null,
        "parent_id": null,
        "tags": [],
        "repeat_contact": true
      },
      {
        "id": 3,
        "subject": "Принтер",
        "requester": "+79001234567",
        "requester_name": "",
        "channel": "phone",
        "language": "ru",
        "queue": null,
        "line": 1,
        "priority": "normal",
        "status": "closed",
        "assignee": null,
        "created_at": "2026-11-03T09:30:00Z",
        "updated_at": "2026-11-22T10:00:00Z",
        "first_reply_at": null,
        "solved_at": "2026-11-22T10:00:00Z",
        "csat": null,
        "merged_into": 2,
        "parent_id": null,
        "tags": [],
        "repeat_contact": false
      },
      {
        "id": 1,
        "subject": "Printer on fire",
        "requester": "bob@example.com",
        "requester_name": "Bob Smith",
        "channel": "api",
        "language": "en",
        "queue": null,
        "line": 1,
        "priority": "normal",
        "status": "solved",
        "assignee": "boris",
        "created_at": "2026-11-01T09:00:00Z",
        "updated_at": "2026-11-02T10:00:00Z",
        "first_reply_at": "2026-11-01T10:00:00Z",
        "solved_at": "2026-11-01T10:00:00Z",
        "csat": 5,
        "merged_into": null,
        "parent_id": null,
        "tags": [],
        "repeat_contact": false
      }
    ],
    "first_contact": "2026-11-01T09:00:00Z",
    "last_contact": "2026-11-21T08:00:00Z",
    "repeat_contacts": 1,
    "ratings": [
      {
        "ticket": 1,
        "rated_at": "2026-11-02T10:00:00Z",
        "score": 5,
        "comment": "Quick and kind"
      }
    ],
    "agents": [
      {
        "agent": "boris",
        "replies": 1,
        "assigned": 2
      }
    ],
    "languages": [
      {
        "language": "en",
        "tickets": 2
      },
      {
        "language": "ru",
        "tickets": 1
      }
    ]
  }

Errors: an identity nobody knows and a missing ticket are not found (1); what is no
identity or ticket, and no WHO at all, is a usage error (64). Linking still works.

  $ tkt customer nobody@example.com
  tkt: no customer 'nobody@example.com': no ticket came from it and no link names it
  [1]
  $ tkt customer 89009999999
  tkt: no customer '+79009999999': no ticket came from it and no link names it (for a ticket, write '#' before its number)
  [1]
  $ tkt customer 99
  tkt: no ticket 99
  [1]
  $ tkt customer '#99'
  tkt: no ticket 99
  [1]
  $ tkt customer nobody
  tkt: 'nobody' is not a mail address, phone number or chat identity (use bob@example.com, "Bob Smith <bob@example.com>", +7 900 123-45-67 or telegram:12345)
  [64]
  $ tkt customer '#4x'
  tkt: invalid ticket id '#4x' (ids are numbers such as 42)
  [64]
  $ tkt customer bob@example.com alice@example.com
  tkt: the following argument was not expected: alice@example.com (see 'tkt help customer')
  [64]
  $ tkt customer
  tkt: give a customer: 'tkt customer bob@example.com' (a phone number, a chat identity or #42 for a ticket's requester), or 'tkt customer link|unlink WHO...'
  [64]
  $ tkt customer unlink telegram:12345
  unlinked: telegram:12345
  $ tkt customer telegram:12345 | head -3
  Customer telegram:12345
  Identities:    telegram:12345
  First contact: 2026-11-20 12:00 (1d ago)
