Ratings from customers (tkt(1), RATINGS): the closing reply asks for one, a reply
that is a rating is recorded as the customer's and reopens nothing, and each rating
is credited to the agent of the conversation it rates.

  $ . "$TESTDIR/setup.sh"
  $ mkdir -p config && printf '[agent]\nlogin = "anna"\nfull_name = "Anna Ivanova"\n[mail]\nfrom = "Support <support@example.com>"\nsendmail = ["sh", "-c", "cat > /dev/null"]\n' > config/config.toml
  $ printf '[[agent]]\nlogin = "anna"\nfull_name = "Anna Ivanova"\n[[agent]]\nlogin = "boris"\nfull_name = "Boris Petrov"\n' > config/routing.toml
  $ mail() { printf 'From: Olga <olga@example.org>\nTo: support@example.com\nSubject: %s\nMessage-ID: <%s@example.org>\nContent-Type: text/plain; charset=utf-8\n\n%b\n' "$1" "$2" "$3" | tkt new --email --json; }
  $ mail "Parcel late" m1 "Where is my parcel?"
  {"ticket":1,"outcome":"created","kind":"human","reopened":false}

Boris answers and solves it with the shipped template, which asks for a rating.

  $ TKT_NOW=2026-11-22T10:30:00Z tkt reply 1 --as boris --message "It ships today." > /dev/null
  $ TKT_NOW=2026-11-22T10:40:00Z tkt reply 1 --as boris --template solved --dry-run | sed -n '/How did we do/p'
  How did we do? Reply with a number from 1 (poor) to 5 (excellent), with a comment if you like: a rating does not reopen the request.
  $ TKT_NOW=2026-11-22T10:40:00Z tkt reply 1 --as boris --template solved --send
  sent reply on ticket 1 to olga@example.org

Olga answers with a rating, above the quoted message: recorded, credited to boris,
and the ticket stays solved.

  $ TKT_NOW=2026-11-22T12:00:00Z mail "Re: [Support #1] Parcel late" m2 "4 - fast, but the courier was rude\\n\\nOn Sun, 22 Nov 2026, Support wrote:\\n> How did we do? Reply with a number from 1 (poor) to 5 (excellent)"
  {"ticket":1,"outcome":"threaded","kind":"human","reopened":false,"rated":4}
  $ tkt list status:any --json | python3 -c 'import json,sys; t=json.load(sys.stdin)[0]; print(t["status"], t["csat"])'
  solved 4
  $ tkt history 1 | grep rated
  2026-11-22 12:00  olga@example.org  rated     4 of 5, by the customer's reply, for boris: fast, but the courier was rude
  $ tkt show 1 | grep -c '\[rating 4\]'
  1

A reply that is not a rating reopens the ticket, as any other; the rating stays.

  $ TKT_NOW=2026-11-22T13:00:00Z mail "Re: [Support #1] Parcel late" m3 "5 minutes ago the tracking page broke again"
  {"ticket":1,"outcome":"threaded","kind":"human","reopened":true}

Anna takes over and solves it; a chat platform's rating form then rates it through
the JSON stream: the conversation it rates is hers now. The same form delivered
twice counts once.

  $ TKT_NOW=2026-11-22T13:30:00Z tkt reply 1 --message "Fixed: the link works again." --status solved > /dev/null
  $ printf '%s\n' '{"ticket":1,"id":"f1","from":"olga@example.org","rating":5,"body":"thanks!"}' '{"ticket":1,"id":"f1","from":"olga@example.org","rating":5}' '{"ticket":1,"id":"f2","from":"olga@example.org","rating":7}' '{"thread":"jivo:none","id":"f3","from":"olga@example.org","rating":3}' > forms.jsonl
  $ TKT_NOW=2026-11-22T14:00:00Z tkt add --json < forms.jsonl
  {"line":1,"ticket":1,"outcome":"added","rated":5}
  {"line":2,"ticket":1,"outcome":"duplicate"}
  tkt: stdin:3: 'rating' must be a score from 1 (bad) to 5 (excellent)
  {"line":3,"error":"'rating' must be a score from 1 (bad) to 5 (excellent)"}
  tkt: stdin:4: thread 'jivo:none' names no ticket to rate
  {"line":4,"error":"thread 'jivo:none' names no ticket to rate"}
  tkt: 4 lines: 0 created, 1 added, 1 duplicate, 2 refused
  [65]
  $ tkt history 1 | grep rated | tail -1
  2026-11-22 14:00  olga@example.org  rated     5 of 5 (was 4), by the customer, for anna: thanks!

The customer's own rating by command (a platform that calls tkt), and one told to
an agent by phone.

  $ TKT_NOW=2026-11-22T15:00:00Z tkt rate 1 3 --from olga@example.org --comment "changed my mind"
  ticket 1: rated 3 (not good), was 5, credited to anna
  $ TKT_NOW=2026-11-22T15:10:00Z tkt rate 1 4
  ticket 1: rated 4 (good), was 3, credited to anna
  $ tkt history 1 | grep rated | tail -2
  2026-11-22 15:00  olga@example.org  rated     3 of 5 (was 5), by the customer, for anna: changed my mind
  2026-11-22 15:10  anna              rated     4 of 5 (was 3), for anna

A ticket nobody answered credits nobody. Bad ratings are refused and change nothing.

  $ mail "Another question" m4 "Do you ship abroad?" > /dev/null
  $ tkt rate 2 5
  ticket 2: rated 5 (good), no agent replied
  $ tkt rate 1 9
  tkt: score '9': rate from 1 (bad) to 5 (excellent)
  [64]
  $ tkt rate 99 4
  tkt: no ticket 99
  [1]
  $ tkt rate 1 4 --from "not an address"
  tkt: invalid --from: 'not an address' is not a mail address, phone number or chat identity (use bob@example.com, "Bob Smith <bob@example.com>", +7 900 123-45-67 or telegram:12345)
  [65]
  $ sql "SELECT csat, rated_agent FROM tickets ORDER BY id"
  4|anna
  5|

The report: the average beside the share of good ratings, and each rating with the
agent it is credited to. A rating asks for nothing, so no reply answers it: anna's
13:30 reply is timed from the customer's 13:00 message, not from the 12:00 rating
(30 minutes, not 90), and boris's closing reply answered nothing.

  $ TKT_NOW=2026-11-23T00:00:00Z tkt stats --since 2026-11-22 --until 2026-11-23 --format json | python3 -c '
  > import json, sys
  > r = json.load(sys.stdin)["total"]
  > print(r["csat"], r["reply_time"]["count"], r["reply_time"]["p90"])
  > for a in r["agents"]: print(a["agent"], a["rated"], a["csat_average"], a["share_good"])'
  {'rated': 2, 'good': 2, 'share_good': 1.0, 'average': 4.5} 2 1800
  anna 1 4.0 1.0
  boris 0 None None
