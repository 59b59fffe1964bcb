tkt tag adds (+name) and removes (-name) tags; each change is an event.

  $ . "$TESTDIR/setup.sh"
  $ tkt new --subject s --from a@example.com --body x --tag old >/dev/null
  $ tkt tag 1 +vip +billing -old
  ticket 1: +vip +billing -old
  $ tkt tag 1 -hot +vip
  ticket 1: tags unchanged
  $ tkt list +vip | cut -f1,10
  1	billing,vip
  $ tkt history 1 | tail -1
  2026-11-22 10:00  anna  tagged   +vip +billing -old

Mistakes are usage errors; an unknown ticket is exit 1.

  $ tkt tag 1 vip
  tkt: invalid tag change 'vip' (write +name to add, -name to remove)
  [64]
  $ tkt tag 1 +a -a
  tkt: tag 'a' is both added and removed
  [64]
  $ tkt tag 1 '+two words'
  tkt: invalid tag 'two words' (no spaces or commas)
  [64]
  $ tkt tag 1
  tkt: no tag changes given (write +name to add, -name to remove)
  [64]
  $ tkt tag 9 +x
  tkt: no ticket 9
  [1]
