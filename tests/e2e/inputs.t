Hostile input cannot reach beyond what it names: partials stay in the template folders,
sendmail runs without a shell, ticket data cannot make a header, the database is
private, regular expressions cannot hang routing, and oversized mail is bounded.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name 'Anna Smirnova' --email anna@example.com > /dev/null
  $ tkt new --from 'bob@example.com' --subject 'Hello' --body 'Hi.'
  1

A partial is a name, never a path: a template cannot include a file outside the
template folders, by a relative path, an absolute one or a hidden name.

  $ printf '[lang.en]\nbody = "SECRET"\n' > secret.toml
  $ mkdir -p config/templates/sub && cp secret.toml config/templates/sub/inner.toml && cp secret.toml config/templates/.hidden.toml
  $ for name in ../../secret /etc/passwd sub/inner .hidden '..' 'sub\\inner'; do
  >   printf '[lang.en]\nsubject = "s"\nbody = """\n{{> greeting}}\n{{> %s}}\n{{> signature}}\n"""\n' "$name" > config/templates/probe.toml
  >   tkt template render probe --ticket 1 2>&1 | sed "s|$PWD/||"
  > done
  tkt: template 'probe' cannot be sent as it is: config/templates/probe.toml:5:1: no partial '../../secret'
  tkt: template 'probe' cannot be sent as it is: config/templates/probe.toml:5:1: no partial '/etc/passwd'
  tkt: template 'probe' cannot be sent as it is: config/templates/probe.toml:5:1: no partial 'sub/inner'
  tkt: template 'probe' cannot be sent as it is: config/templates/probe.toml:5:1: no partial '.hidden'
  tkt: template 'probe' cannot be sent as it is: config/templates/probe.toml:5:1: no partial '..'
  tkt: template 'probe' cannot be sent as it is: config/templates/probe.toml:5:1: no partial 'sub\inner'
  $ tkt template lint probe 2>&1 | sed "s|$PWD/||" | grep unknown-partial
  config/templates/probe.toml:5:1: error: unknown partial 'sub\inner' [unknown-partial]
  $ tkt reply 1 --template ../secret 2>&1
  tkt: unknown template '../secret' (see 'tkt template list')
  [64]
  $ rm config/templates/probe.toml

sendmail is an argument list run without a shell: neither the configuration's words
nor a customer's address are ever interpreted.

  $ cat > sendmail <<'SH'
  > #!/bin/sh
  > printf '%s\n' "$@" > argv; cat > message
  > SH
  $ chmod +x sendmail
  $ sed -i 's|^sendmail = .*|sendmail = ["./sendmail", "-i", "$(touch pwned)", "; touch pwned2", "`touch pwned3`"]|' config/config.toml
  $ tkt reply 1 --message 'Hello.' --send | sed 's/<[^>]*>/<id>/'
  sent reply on ticket 1 to bob@example.com
  $ cat argv
  -i
  $(touch pwned)
  ; touch pwned2
  `touch pwned3`
  $ ls pwned* 2>/dev/null
  [2]
  $ tkt new --from 'x@example.com;touch${IFS}pwned4' --subject 's' --body 'b' 2>&1
  tkt: invalid requester: 'x@example.com;touch${IFS}pwned4' is not a mail address, phone number or chat identity (use bob@example.com, "Bob Smith <bob@example.com>", +7 900 123-45-67 or telegram:12345)
  [65]

Ticket data cannot make a header: a customer's name, a subject and a template
variable with CR and LF in them stay inside their header.

  $ tkt new --from "$(printf 'Eve\r\nBcc: victim@example.com <eve@example.com>')" --subject "$(printf 'Hi\r\nBcc: victim2@example.com')" --body 'x' 2>&1
  2
  $ printf '[vars.extra]\ndescription = "x"\n[lang.en]\nsubject = "Re: {{ticket.subject}} {{extra}}"\nbody = """\n{{> greeting}}\n\nText.\n\n{{> signature}}\n"""\n' > config/templates/inject.toml
  $ tkt reply 2 --template inject --var "extra=$(printf 'x\r\nBcc: victim3@example.com\r\n\r\nbody')" --mime --dry-run > mime.eml
  $ grep -ci '^bcc:' mime.eml
  0
  [1]
  $ sed -n '/^Subject:/p;/^To:/p' mime.eml
  Subject: Re: Hi Bcc: victim2@example.com x Bcc: victim3@example.com body
  To: "Eve Bcc: victim@example.com" <eve@example.com>

The database and its journal files are readable by their owner alone, whatever the
umask.

  $ (umask 000 && TKT_DB=$PWD/open.db tkt new --from a@example.com --subject s --body b >/dev/null && TKT_DB=$PWD/open.db tkt list >/dev/null)
  $ stat -c '%a %n' open.db
  600 open.db
  $ (umask 000 && mkdir -p deep && TKT_DB=$PWD/deep/a/b/t.db tkt new --from a@example.com --subject s --body b >/dev/null) && stat -c '%a' deep/a/b deep/a/b/t.db
  700
  600

Routing's regular expressions are RE2: they run in time linear in the text, so a
pattern that backtracks for ever elsewhere routes a megabyte of text at once, and one
too big to compile is a configuration error that names its line.

  $ cp config/routing.toml routing.good
  $ printf '[[rule]]\nname = "evil"\nbody = "(a|aa)*(a|b)*c$"\nqueue = "evil"\n\n[default]\nqueue = "general"\n' > config/routing.toml
  $ { printf 'From: a@example.com\r\nSubject: aaa\r\nMessage-ID: <aaa@example.com>\r\n\r\n'; head -c 1000000 /dev/zero | tr '\0' a | fold -w 76; } > aaa.eml
  $ tkt new --email < aaa.eml
  3
  $ tkt list 3 --csv | cut -d, -f4
  queue
  general
  $ printf '[[rule]]\nname = "big"\nsubject = "((a{1000}){1000}){1000}"\nqueue = "q"\n' > config/routing.toml
  $ tkt route --all 2>&1 | sed "s|$PWD/||"
  tkt: config/routing.toml:3:11: invalid regular expression '((a{1000}){1000}){1000}' in rule 'big': invalid repetition size: {1000}
  $ printf '[[rule]]\nname = "huge"\nsubject = "%s"\nqueue = "q"\n' "$(printf '\\\\pL{2,999}%.0s' $(seq 60))" > config/routing.toml
  $ tkt route --all 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: config/routing.toml:3:11: invalid regular expression '\pL{2,999}\pL{2,999}\pL{2,999}\pL{2,999}\pL{2,999}\pL{2,999…' in rule 'huge': pattern too large - compile failed
  exit 78
  $ cp routing.good config/routing.toml

Mail is bounded: a message over 25 MiB is refused with exit 65 (the MTA bounces it to
its sender) and nothing is stored; a one-megabyte subject line is kept whole in the raw
message and shortened for the ticket.

  $ { printf 'From: big@example.com\r\nSubject: big\r\nMessage-ID: <big@example.com>\r\n\r\n'; head -c 52428800 /dev/zero | tr '\0' y | fold -w 76; } > big.eml
  $ sql 'SELECT count(*) FROM messages' > before
  $ tkt new --email < big.eml
  tkt: the input is larger than 25 MiB, the most tkt takes
  [65]
  $ sql 'SELECT count(*) FROM messages' | cmp - before && echo nothing stored
  nothing stored
  $ { printf 'From: long@example.com\r\nSubject: '; head -c 1048576 /dev/zero | tr '\0' s; printf '\r\nMessage-ID: <long@example.com>\r\n\r\nbody\r\n'; } > long.eml
  $ tkt new --email < long.eml
  4
  $ sql "SELECT length(subject) FROM tickets WHERE id = 4; SELECT count(*) FROM messages WHERE ticket_id = 4 AND length(raw) > 1048576"
  300
  1
  $ tkt new --from a@example.com --subject "$(head -c 100000 /dev/zero | tr '\0' s)" --body b
  tkt: the subject is 100000 bytes long; the limit is 998
  [65]

Durations are bounded where they drive a loop: an SLA target at most a year, a report
by day or hour at most ten thousand groups. A broken sla.toml does not stop a report:
it goes without judging first replies against SLA targets, and says why.

  $ sed -i '0,/^first_reply = .*/s//first_reply = "1099511627775s"/' config/sla.toml
  $ tkt list breaching 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: config/sla.toml:28:15: 'first_reply' must be at most a year (8784h)
  exit 78
  $ tkt stats --since 0 --until 99999999999 --by hour 2>&1 | sed "s|$PWD/||"; echo "exit ${PIPESTATUS[0]}"
  tkt: warning: config/sla.toml:28:15: 'first_reply' must be at most a year (8784h) (first replies are not judged against SLA targets)
  tkt: --by hour over this period makes 27279071 groups, more than 10000: narrow --since and --until
  exit 64
