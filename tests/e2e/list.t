tkt list selects tickets with the filter language and prints them in every format.

  $ . "$TESTDIR/setup.sh"
  $ TKT_NOW=2026-11-20T09:00:00Z tkt new --subject "Parcel lost" --from "Ann <ann@shop.example>" --body x --queue logistics --priority high --tag vip >/dev/null
  $ TKT_NOW=2026-11-21T09:00:00Z tkt new --subject "Refund, please" --from bob@example.com --body x --queue billing --tag spam >/dev/null
  $ TKT_NOW=2026-11-22T08:00:00Z tkt new --subject "Где моя посылка?" --from ivan@example.ru --body x --queue logistics --priority urgent >/dev/null
  $ TKT_NOW=2026-11-22T09:30:00Z tkt new --subject "Login fails" --from ann@shop.example --body x >/dev/null
  $ tkt close 2 >/dev/null

Piped, the default is tab-separated lines without a header, open work only.

  $ tkt list
  1	new	high	logistics	1		2026-11-20T09:00:00Z	2026-11-20T09:00:00Z	ann@shop.example	vip	Parcel lost
  3	new	urgent	logistics	1		2026-11-22T08:00:00Z	2026-11-22T08:00:00Z	ivan@example.ru		Где моя посылка?
  4	new	normal		1		2026-11-22T09:30:00Z	2026-11-22T09:30:00Z	ann@shop.example		Login fails
  $ tkt list | cut -f1,2,11
  1	new	Parcel lost
  3	new	Где моя посылка?
  4	new	Login fails

Filters: every term must match.

  $ tkt list queue:logistics | cut -f1
  1
  3
  $ tkt list queue:none | cut -f1
  4
  $ tkt list status:closed | cut -f1
  2
  $ tkt list status:any | cut -f1
  1
  2
  3
  4
  $ tkt list status:new,closed queue:billing | cut -f1
  2
  $ tkt list priority:urgent,high | cut -f1
  1
  3
  $ tkt list +vip | cut -f1
  1
  $ tkt list status:any -spam | cut -f1
  1
  3
  4
  $ tkt list requester:ann@SHOP.example | cut -f1
  1
  4
  $ tkt list channel:api line:1 | cut -f1
  1
  3
  4
  $ tkt list assignee:none | cut -f1
  1
  3
  4
  $ tkt list assignee:me | cut -f1
  $ tkt list 'age>1d' | cut -f1
  1
  $ tkt list 'age<3h' | cut -f1
  3
  4
  $ tkt list 'created>2026-11-21' | cut -f1
  3
  4
  $ tkt list 'created<2026-11-21T00:00:00+03:00' | cut -f1
  1
  $ tkt list 'updated<1h' status:any | cut -f1
  2
  4
  $ tkt list 2-3 | cut -f1,2
  2	closed
  3	new
  $ tkt list '#4' | cut -f1
  4

Sorting and limits.

  $ tkt list --sort -priority,created | cut -f1,3
  3	urgent
  1	high
  4	normal
  $ tkt list --sort -id --limit 2 | cut -f1
  4
  3

JSON and CSV.

  $ tkt list +vip --json
  [
    {
      "id": 1,
      "subject": "Parcel lost",
      "requester": "ann@shop.example",
      "requester_name": "Ann",
      "channel": "api",
      "language": "en",
      "queue": "logistics",
      "line": 1,
      "priority": "high",
      "status": "new",
      "assignee": null,
      "created_at": "2026-11-20T09:00:00Z",
      "updated_at": "2026-11-20T09:00:00Z",
      "first_reply_at": null,
      "solved_at": null,
      "csat": null,
      "merged_into": null,
      "parent_id": null,
      "tags": [
        "vip"
      ]
    }
  ]
  $ tkt list status:any --csv | sed 's/\r$/\\r/'
  id,status,priority,queue,line,assignee,created_at,updated_at,requester,requester_name,channel,tags,subject\r
  1,new,high,logistics,1,,2026-11-20T09:00:00Z,2026-11-20T09:00:00Z,ann@shop.example,Ann,api,vip,Parcel lost\r
  2,closed,normal,billing,1,,2026-11-21T09:00:00Z,2026-11-22T10:00:00Z,bob@example.com,,api,spam,"Refund, please"\r
  3,new,urgent,logistics,1,,2026-11-22T08:00:00Z,2026-11-22T08:00:00Z,ivan@example.ru,,api,,Где моя посылка?\r
  4,new,normal,,1,,2026-11-22T09:30:00Z,2026-11-22T09:30:00Z,ann@shop.example,,api,,Login fails\r
  $ tkt list +nothing --json
  []
  $ tkt list +nothing

Mistakes are usage errors (64) that name the term.

  $ tkt list staus:open
  tkt: unknown filter key 'staus' in 'staus:open' (did you mean 'status'?)
  [64]
  $ tkt list status:opne
  tkt: invalid filter term 'status:opne': unknown status 'opne' (did you mean 'open'?) (valid: new, open, pending, solved, closed)
  [64]
  $ tkt list 'age>soon'
  tkt: invalid filter term 'age>soon': 'soon' is not a duration (try 2h, 3d, 1w)
  [64]
  $ tkt list 'created>last tuesday'
  tkt: invalid filter term 'created>last tuesday': 'last tuesday' is neither a date (2026-11-01) nor a duration (7d)
  [64]
  $ tkt list 50-40
  tkt: invalid filter term '50-40': an id range is LOW-HIGH, e.g. 40-50
  [64]
  $ tkt list ':whatever'
  tkt: unknown filter term ':whatever' (terms look like status:open, +tag, age>2h, breaching, 42, or words to find; quote text to find: '":whatever"')
  [64]
  $ tkt list --sort priorty
  tkt: unknown sort key 'priorty' (did you mean 'priority'?) (valid: id, created, updated, priority, status, queue, assignee)
  [64]
  $ tkt list --limit -1
  tkt: invalid --limit -1 (a count from 1, or 0 for all)
  [64]
  $ tkt list --json --csv
  tkt: --json excludes --csv (see 'tkt help list')
  [64]

Rows are printed as they are read (a million tickets take the memory of one); when
nothing can take them, the list stops with 74.

  $ tkt list status:any --json > /dev/full
  tkt: cannot write to standard output
  [74]
  $ tkt list status:any --csv > /dev/full
  tkt: cannot write to standard output
  [74]
  $ tkt list status:any --json --limit 2 | python3 -c 'import json,sys; print([t["id"] for t in json.load(sys.stdin)])'
  [1, 2]
  $ tkt list status:any --json requester:nobody@example.com
  []
