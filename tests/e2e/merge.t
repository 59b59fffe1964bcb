Folding a duplicate into the ticket that stays: it closes, keeps its messages, and
mail that threads to it goes to the other.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name "Anna Smirnova" --email anna@example.com > /dev/null
  $ tkt new --from ivan@example.com --queue payments --subject "Card declined" --body "My card is declined."
  1
  $ tkt new --from ivan@example.com --queue payments --subject "Card declined again" --body "Still declined."
  2
  $ tkt merge 2 --into 1
  ticket 2: merged into ticket 1 (new → closed)
  $ tkt show 2 | grep -E "^(Status|Merged into):"
  Status:       closed
  Merged into:  #1
  $ tkt history 1 | grep merged
  2026-11-22 10:00  anna  merged   #2 merged in
  $ printf 'From: ivan@example.com\nTo: support@example.com\nSubject: Re: [Support #2] Card declined again\nMessage-ID: <m1@example.com>\n\nAny news?\n' | tkt new --email
  1
  $ tkt list --csv | cut -d, -f1,2
  id,status
  1,new

Each error changes nothing:

  $ tkt merge 2 --into 1
  tkt: ticket 2 is already merged into ticket 1
  [64]
  $ tkt new --from kim@example.com --subject "Other" --body "Hello" > /dev/null
  $ tkt merge 3 --into 2
  tkt: ticket 2 was merged into ticket 1: merge into that one
  [64]
  $ tkt merge 3 --into 3
  tkt: ticket 3 cannot be merged into itself
  [64]
  $ tkt merge 3 9 --into 1
  tkt: no ticket 9
  [1]
  $ tkt show 3 | grep -E "^(Status|Merged into):"
  Status:       new
  $ tkt merge 3
  tkt: --into is required (see 'tkt help merge')
  [64]
