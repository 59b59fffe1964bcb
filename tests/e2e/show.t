tkt show prints a ticket with its messages and history; tkt history the events alone.

  $ . "$TESTDIR/setup.sh"
  $ printf 'The printer is on fire.\nPlease advise.\n' | tkt new --subject "Printer on fire" --from "Bob Smith <bob@example.com>" --body - --tag hardware --priority high
  1
  $ TKT_NOW=2026-11-22T11:00:00Z tkt tag 1 +vip -hardware
  ticket 1: +vip -hardware
  $ TKT_NOW=2026-11-22T12:00:00Z tkt close 1
  closed ticket 1
  $ TKT_NOW=2026-11-22T13:00:00Z tkt show 1
  Ticket #1: Printer on fire
  Status:       closed
  Priority:     high
  Queue:        - (line 1)
  Assignee:     -
  Requester:    Bob Smith <bob@example.com>
  Channel:      api
  Language:     en
  Created:      2026-11-22 10:00 (3h ago)
  Updated:      2026-11-22 12:00
  First solved: 2026-11-22 12:00
  Tags:         vip
  
  --- in 2026-11-22 10:00 Bob Smith <bob@example.com>
  The printer is on fire.
  Please advise.
  
  WHEN              WHO   WHAT     DETAIL
  2026-11-22 10:00  anna  created  by api, high
  2026-11-22 11:00  anna  tagged   +vip -hardware
  2026-11-22 12:00  anna  status   new → closed
  $ tkt show '#1' | head -1
  Ticket #1: Printer on fire
  $ tkt history 1
  WHEN              WHO   WHAT     DETAIL
  2026-11-22 10:00  anna  created  by api, high
  2026-11-22 11:00  anna  tagged   +vip -hardware
  2026-11-22 12:00  anna  status   new → closed
  $ tkt history 1 --json
  [
    {
      "id": 1,
      "at": "2026-11-22T10:00:00Z",
      "actor": "anna",
      "kind": "created",
      "detail": {
        "channel": "api",
        "priority": "high"
      }
    },
    {
      "id": 2,
      "at": "2026-11-22T11:00:00Z",
      "actor": "anna",
      "kind": "tagged",
      "detail": {
        "added": [
          "vip"
        ],
        "removed": [
          "hardware"
        ]
      }
    },
    {
      "id": 3,
      "at": "2026-11-22T12:00:00Z",
      "actor": "anna",
      "kind": "status",
      "detail": {
        "from": "new",
        "to": "closed"
      }
    }
  ]
  $ tkt show 1 --json | head -3
  {
    "id": 1,
    "subject": "Printer on fire",
  $ tkt show 1 --json | grep -A12 '"messages"'
    "messages": [
      {
        "id": 1,
        "ticket": 1,
        "direction": "in",
        "internal": false,
        "message_id": null,
        "in_reply_to": null,
        "author": "Bob Smith <bob@example.com>",
        "subject": "Printer on fire",
        "body": "The printer is on fire.\nPlease advise.\n",
        "auto": false,
        "channel": null,

An unknown ticket is exit 1; a word that is not an id is a usage error.

  $ tkt show 42
  tkt: no ticket 42
  [1]
  $ tkt history 42
  tkt: no ticket 42
  [1]
  $ tkt show abc
  tkt: invalid ticket id 'abc' (ids are numbers such as 42)
  [64]
  $ tkt show
  tkt: id is required (see 'tkt help show')
  [64]
