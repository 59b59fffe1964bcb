Twenty processes deliver fifty messages each, as parallel MTA deliveries do; each
shares five messages with the next, so 95 messages arrive twice at about the same time.
The database holds exactly the 905 distinct messages and no delivery fails; a delivery
that meets the lock past its timeout exits 75 and is tried again, as an MTA does.
Label: stress

  $ . "$TESTDIR/setup.sh"
  $ mkdir msg; for i in $(seq 905); do
  >   printf 'From: c%d@example.com\r\nSubject: message %d\r\nMessage-ID: <m%d@example.com>\r\n\r\nbody %d\r\n' $i $i $i $i > msg/$i.eml
  > done
  $ for w in $(seq 0 19); do
  >   (for i in $(seq $((w * 45 + 1)) $((w * 45 + 50))); do
  >     for try in 1 2 3; do tkt new --email < msg/$i.eml > /dev/null 2> err.$w; rc=$?; [ $rc = 75 ] || break; done
  >     [ $rc = 0 ] || { echo "failed $i: exit $rc"; cat err.$w; } >> errors
  >   done) &
  > done; wait
  $ cat errors 2>/dev/null | sort | uniq -c | head
  $ tkt list status:any | wc -l
  905
  $ sql 'SELECT count(*), count(DISTINCT message_id) FROM messages'
  905|905
  $ check_database
  ok
