tkt template lists, shows, renders and lints reply templates: --templates DIR first,
then the config directory's templates/, then the shipped ones.

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name 'Anna Smirnova' --email anna@example.com > /dev/null
  $ tkt template list | cut -f1-3
  acknowledge	info	en,ru
  apology	apology	en,ru
  escalated	escalation	en,ru
  followup	followup	en,ru
  greeting	partial	en,ru
  need_info	info	en,ru
  policy_exception	exception	en,ru
  positive_feedback	thanks	en,ru
  rating_request	partial	en,ru
  received	automatic	en,ru
  signature	partial	en,ru
  solved	closing	en,ru
  still_working	update	en,ru
  thanks_report	thanks	en,ru
  $ tkt template show signature | head -3
  [template]
  description = "Sign-off, included last in every reply: the agent's full name and, if set, their email"
  category = "partial"

The shipped templates lint clean.

  $ tkt template lint

A team's own template in the config directory overrides a shipped one by name, and
renders for a ticket or for a JSON context.

  $ mkdir -p config/templates
  $ cat > config/templates/followup.toml <<'TOML'
  > [template]
  > description = "Our own follow-up"
  > category = "followup"
  > [vars.product]
  > description = "the product"
  > default = "the app"
  > [lang.en]
  > subject = "Re: {{ticket.subject}}"
  > body = '''
  > {{> greeting}}
  > 
  > Is {{product}} working for you now?
  > 
  > {{> signature}}
  > '''
  > TOML
  $ tkt template list | grep followup | cut -f1-4
  followup	followup	en	Our own follow-up
  $ tkt new --from 'Иванов Иван Иванович <ivan@example.ru>' --subject 'Crash' --body 'It crashes.'
  1
  $ tkt template render followup --ticket 1 --var product=tkt
  Subject: Re: Crash
  
  Hello Иван Иванович,
  
  Is tkt working for you now?
  
  Best regards,
  Anna Smirnova
  anna@example.com
  $ cat > context.json <<'JSON'
  > {"ticket": {"subject": "Test"}, "customer": {"greeting_name": "Bob"},
  >  "agent": {"full_name": "Boris Petrov", "first_name": "Boris"}}
  > JSON
  $ tkt template render followup --context context.json
  Subject: Re: Test
  
  Hello Bob,
  
  Is the app working for you now?
  
  Best regards,
  Boris Petrov

Every missing value is named with its place, and nothing half-filled is printed.

  $ echo '{"ticket": {"subject": "Test"}}' > thin.json
  $ tkt template render followup --context thin.json 2>&1 | sed "s|$PWD/||; s|$TKT_BIN_DIR/||"
  tkt: template 'followup' cannot be sent as it is: templates/signature.toml:9:1: no value for 'agent.full_name'
  $ tkt template render followup --context thin.json > out 2> /dev/null; echo "exit $?"; wc -c < out
  exit 65
  0

Lint finds what is wrong, gcc-style, and exits 1.

  $ mkdir team
  $ cat > team/rude.toml <<'TOML'
  > [template]
  > description = "Rude"
  > category = "update"
  > [vars.unused]
  > description = "never used"
  > [lang.en]
  > subject = "Re: {{ticket.subjet}}"
  > body = '''
  > As I already told you, please be advised that it is DONE!!
  > 
  > {{agent.login}}
  > '''
  > TOML
  $ tkt template --templates team lint rude 2>&1 | sed "s|$PWD/||"
  team/rude.toml: error: no 'ru' text, which other templates have: add [lang.ru] [missing-language]
  team/rude.toml:4: warning: variable 'unused' is declared but used in no language [unused-variable]
  team/rude.toml:7:16: error: unknown variable 'ticket.subjet' (did you mean 'ticket.subject'?) [unknown-variable]
  team/rude.toml:9: warning: the body has no greeting: begin it with {{> greeting}} [greeting]
  team/rude.toml:9: error: the body is not signed with the agent's full name: end it with {{> signature}} [signature]
  team/rude.toml:9:1: warning: 'As I already told you': just say it again, kindly; they may have missed it [aggression]
  team/rude.toml:9:4: warning: 'I already told you': just say it again; they may have missed it [aggression]
  team/rude.toml:9:24: warning: 'please be advised': say it plainly: just state the fact [bureaucratese]
  team/rude.toml:9:53: warning: 'DONE': capitals read as shouting [shouting]
  team/rude.toml:9:57: warning: '!!': one exclamation mark is enough [shouting]
  tkt: 3 errors, 7 warnings
  $ tkt template --templates team lint rude > /dev/null 2>&1; echo "exit $?"
  exit 1

A template that does not load is a finding like any other, named or not.

  $ printf '[template]\ndescription = "unclosed\n' > team/broken.toml
  $ tkt template --templates team lint broken 2>&1 | sed "s|$PWD/||"
  team/broken.toml:2:24: error: string: unescaped control characters other than TAB (U+0009) are explicitly prohibited [syntax]
  tkt: 1 error, 0 warnings
  $ tkt template --templates team lint broken > /dev/null 2>&1; echo "exit $?"
  exit 1
  $ rm team/broken.toml

The config directory's lint.toml extends the banned phrases, or replaces them.

  $ cat > config/lint.toml <<'TOML'
  > [[phrase]]
  > lang = "en"
  > pattern = 'working for you'
  > rule = "house-style"
  > message = "ask whether it works"
  > TOML
  $ tkt template lint followup 2>&1 | sed "s|$PWD/||"
  config/templates/followup.toml: error: no 'ru' text, which other templates have: add [lang.ru] [missing-language]
  config/templates/followup.toml:12:16: warning: 'working for you': ask whether it works [house-style]
  tkt: 1 error, 1 warning
  $ printf 'replace = true\n[[phrase]]\nlang = "en"\npattern = "(unclosed"\nrule = "x"\nmessage = "y"\n' > config/lint.toml
  $ tkt template lint followup 2>&1 | sed "s|$PWD/||"
  tkt: config/lint.toml:4:11: bad pattern '(unclosed': missing ): (unclosed
  $ tkt template lint followup > /dev/null 2>&1; echo "exit $?"
  exit 78

Errors.

  $ tkt template show nope
  tkt: unknown template 'nope' (see 'tkt template list')
  [64]
  $ tkt template render followup
  tkt: give --ticket ID or --context FILE.json (see 'tkt help template render')
  [64]
  $ tkt template render followup --ticket 9
  tkt: no ticket 9
  [1]
  $ tkt template render followup --context missing.json
  tkt: cannot read 'missing.json'
  [66]
  $ echo '[1]' > list.json
  $ tkt template render followup --context list.json
  tkt: 'list.json' is not a JSON object
  [65]
  $ tkt template
  tkt: a subcommand is required (see 'tkt help template')
  [64]
