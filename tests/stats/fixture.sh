#!/bin/sh
# Builds a known history for the metrics tests, with the real binary and a clock
# stepped by TKT_NOW: six tickets followed up, auto-replied, escalated, solved,
# reopened, rated (by agents, a rating form and a customer's reply), breached and given
# internal notes at known times (UTC), and two that are no contacts (an
# auto-reply that threads nowhere, a duplicate merged into another). stats_test.py holds the metrics
# this history must give, worked out by hand.
# Usage: fixture.sh DIR   (TKT_BIN_DIR names the folder of the tkt under test; TKT_TEST_DB,
# when set, the database to use instead of DIR/tkt.db)
set -eu
dir=$1
tkt="$TKT_BIN_DIR/tkt"
mkdir -p "$dir"
export TKT_DB="${TKT_TEST_DB:-$dir/tkt.db}" TKT_CONFIG="$dir/config" TZ=UTC USER=anna
unset NO_COLOR XDG_DATA_HOME XDG_CONFIG_HOME

at() { TKT_NOW=$1; export TKT_NOW; }

at 2026-11-15T19:00:00Z
"$tkt" init --name "Anna Smirnova" --email anna@example.com >/dev/null
# Queues come with the mail (X-Tkt-Queue, trusted), so nothing is routed on arrival.
# Mail that opens a ticket is acknowledged, and the numbers stay what they are without.
cat > "$TKT_CONFIG/config.toml" <<'EOF'
[agent]
login = "anna"
full_name = "Anna Smirnova"
email = "anna@example.com"

[mail]
from = "Support <support@example.com>"
sendmail = ["sh", "-c", "cat > /dev/null"]

[routing]
on_new = false
repeat_window = "7d"

# Every person's new ticket is acknowledged: automatic messages that no metric counts.
[acknowledge]
template = "received"
EOF
# One round-the-clock policy: a first reply within an hour, nothing done on a breach.
cat > "$TKT_CONFIG/sla.toml" <<'EOF'
[[policy]]
name = "everyone"
first_reply = "1h"
EOF

# mail FROM QUEUE SUBJECT [HEADER]: one message on stdin of tkt new --email.
mail() {
    printf 'From: %s\nTo: support@example.com\nSubject: %s\nX-Tkt-Queue: %s\n%sMessage-ID: <%s.%s@fixture.test>\nDate: %s\nContent-Type: text/plain; charset=utf-8\n\nHello, this is about %s.\n' \
        "$1" "$3" "$2" "${4:-}" "$(echo "$1" | tr -c 'a-z' '.')" "$TKT_NOW" \
        "$(date -u -d "${TKT_NOW%Z}" '+%a, %d %b %Y %H:%M:%S +0000')" "$3" |
        "$tkt" new --email --trusted >/dev/null
}

# Ticket 5, the day before: answered and solved on the 16th at 08:00, reopened at 16:00.
at 2026-11-15T20:00:00Z; mail "Maria <maria@example.com>" general "Invoice address"
# The period: 2026-11-16.
at 2026-11-16T08:00:00Z; "$tkt" reply 1 --message "Updated." --status solved >/dev/null
at 2026-11-16T09:00:00Z; mail "Ivan <ivan@example.com>" payments "Card declined"        # ticket 2
at 2026-11-16T09:05:00Z; mail "Olga <olga@example.org>" logistics "Parcel late"        # ticket 3
at 2026-11-16T09:06:00Z; mail "Olga <olga@example.org>" logistics "[Support #3] Out of office" "Auto-Submitted: auto-replied
"
at 2026-11-16T09:10:00Z; "$tkt" reply 2 --message "Which card?" >/dev/null
at 2026-11-16T09:30:00Z; mail "Ivan <ivan@example.com>" payments "Re: [Support #2] Card declined"
at 2026-11-16T09:35:00Z; "$tkt" reply 3 --as boris --message "It ships today." --status solved >/dev/null
at 2026-11-16T10:00:00Z; "$tkt" reply 2 --message "Fixed." --status solved >/dev/null
at 2026-11-16T10:00:00Z; mail "Ivan <ivan@example.com>" payments "Refund too"           # ticket 4, a repeat contact
# Internal notes are no replies: ticket 4 stays unanswered, ticket 5's first reply is
# vera's at 13:00. Both fall in 15-minute slots anna was active in anyway.
at 2026-11-16T10:05:00Z; "$tkt" note 4 --body "Same customer as #2: check the refund there first." >/dev/null
# Tags, for reports by tag (in a quarter-hour anna was active in anyway).
at 2026-11-16T10:06:00Z; "$tkt" tag 2 +vip >/dev/null; "$tkt" tag 3 +vip +parcel >/dev/null
at 2026-11-16T11:00:00Z; USER=boris "$tkt" new --from petr@example.net --channel phone --queue logistics \
    --subject "Damaged box" --body "Called about a damaged box." >/dev/null                # ticket 5
at 2026-11-16T11:30:00Z; "$tkt" escalate 5 --reason "a refund decision" --note "Box photos are in the first message." >/dev/null
at 2026-11-16T12:00:00Z; "$tkt" rate 3 5 >/dev/null
at 2026-11-16T12:30:00Z; "$tkt" escalate --overdue >/dev/null
at 2026-11-16T13:00:00Z; "$tkt" reply 5 --as vera --message "Refund approved." >/dev/null
at 2026-11-16T14:00:00Z; "$tkt" rate 5 1 >/dev/null
at 2026-11-16T15:00:00Z; "$tkt" rate 5 2 --comment "slow, but fine" >/dev/null
at 2026-11-16T16:00:00Z; mail "Maria <maria@example.com>" general "Re: [Support #1] Invoice address"
# Ratings from customers (tkt(1), RATINGS): Maria rates ticket 1 through a chat
# platform's form while it is open again (anna's 08:00 reply is the conversation she
# rates); Ivan answers the solved ticket 2's closing mail with a rating, which reopens
# nothing and is no customer message any reply answers.
at 2026-11-16T16:30:00Z
echo '{"ticket": 1, "id": "rating-1", "from": "maria@example.com", "rating": 3, "body": "ok so far"}' |
    "$tkt" add --json >/dev/null 2>&1
at 2026-11-16T17:00:00Z
printf 'From: Ivan <ivan@example.com>\nTo: support@example.com\nSubject: Re: [Support #2] Card declined\nMessage-ID: <rating.ivan@fixture.test>\nDate: Mon, 16 Nov 2026 17:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n4 - quick, thank you\n\nOn Mon, 16 Nov 2026, Support wrote:\n> How did we do? Reply with a number from 1 (poor) to 5 (excellent).\n' |
    "$tkt" new --email >/dev/null
at 2026-11-16T23:30:00Z; mail "Sam <sam@example.com>" logistics "Wrong size"            # ticket 6
# Not contacts: an auto-reply that threads nowhere opens ticket 7 (tagged auto), and
# ticket 6's mail delivered again by a retrying MTA changes nothing.
at 2026-11-16T14:30:00Z; mail "Mailer <mailer@example.com>" general "Out of office" "Auto-Submitted: auto-replied
"
at 2026-11-16T23:30:00Z; mail "Sam <sam@example.com>" logistics "Wrong size"
# Ticket 8: Ivan's request again through the web form, folded into ticket 2: it must
# count once, as ticket 2. Mail that threads to 8 then goes to 2.
at 2026-11-16T09:02:00Z; "$tkt" new --from ivan@example.com --channel web --queue payments \
    --subject "Card declined (web form)" --body "My card is declined." >/dev/null
at 2026-11-16T09:12:00Z; "$tkt" merge 8 --into 2 >/dev/null
