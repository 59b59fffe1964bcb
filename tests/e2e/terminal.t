On a terminal, tkt list prints an aligned table with colour; NO_COLOR and TERM=dumb
turn the colour off; a pipe gets plain tab-separated lines.

  $ . "$TESTDIR/setup.sh"
  $ tkt new --subject "Printer on fire" --from bob@example.com --body x --priority urgent >/dev/null
  $ TKT_NOW=2026-11-22T12:00:00Z tkt new --subject "Где моя посылка? Очень длинная тема письма, которая не помещается в строку" --from ivan@example.ru --body x --queue logistics >/dev/null
  $ export TKT_NOW=2026-11-22T14:00:00Z
  $ tty() { script -qec "stty cols 90; $1" /dev/null | tr -d '\r'; }
  $ tty 'tkt list' | sed 's/\x1b/^[/g'
  ^[[1mID^[[0m  ^[[1mSTATUS^[[0m  ^[[1mPRI^[[0m     ^[[1mQUEUE^[[0m      ^[[1mASSIGNEE^[[0m  ^[[1mAGE^[[0m  ^[[1mREQUESTER^[[0m        ^[[1mSUBJECT^[[0m
  1   ^[[36mnew^[[0m     ^[[1;31murgent^[[0m  -          -         4h   bob@example.com  Printer on fire
  2   ^[[36mnew^[[0m     normal  logistics  -         2h   ivan@example.ru  Где моя посылка? Очень дли…
  $ NO_COLOR=1 tty 'tkt list'
  ID  STATUS  PRI     QUEUE      ASSIGNEE  AGE  REQUESTER        SUBJECT
  1   new     urgent  -          -         4h   bob@example.com  Printer on fire
  2   new     normal  logistics  -         2h   ivan@example.ru  Где моя посылка? Очень дли…
  $ TERM=dumb tty 'tkt list' | sed 's/\x1b/^[/g' | head -1
  ID  STATUS  PRI     QUEUE      ASSIGNEE  AGE  REQUESTER        SUBJECT
  $ tkt list | sed 's/\x1b/^[/g'
  1	new	urgent		1		2026-11-22T10:00:00Z	2026-11-22T10:00:00Z	bob@example.com		Printer on fire
  2	new	normal	logistics	1		2026-11-22T12:00:00Z	2026-11-22T12:00:00Z	ivan@example.ru		Где моя посылка? Очень длинная тема письма, которая не помещается в строку
