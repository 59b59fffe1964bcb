tkt config check validates every configuration file at once and prints every problem
with its file, line and column.

  $ . "$TESTDIR/setup.sh"
  $ export TKT_CONFIG=config
  $ tkt init --name "Anna Smirnova" > /dev/null
  $ tkt config check
  config: config.toml, routing.toml, sla.toml, lint.toml and templates are valid
  $ cat >> config/routing.toml <<'TOML'
  > [[rule]]
  > name = "bad regex"
  > subject = "(посылк"
  > queue = "logistics"
  > [[rule]]
  > name = "typo"
  > subjet = "refund"
  > queue = "payments"
  > TOML
  $ cat >> config/sla.toml <<'TOML'
  > [[policy]]
  > name = "broken"
  > match = "prio:high"
  > calendar = "ofice"
  > first_reply = "soon"
  > TOML
  $ mkdir -p config/templates && printf '[template]\ndescription = "x"\n[lang.en]\nsubject = "x"\nbody = """\n{{#open}}Hello\n"""\n' > config/templates/broken.toml
  $ tkt config check
  config/routing.toml:84:11: invalid regular expression '(посылк' in rule 'bad regex': missing ): (посылк
  config/routing.toml:88:1: unknown key 'rule.subjet' (did you mean 'subject'?)
  config/sla.toml:55:9: unknown filter key 'prio' in 'prio:high' (to find it as text, quote it: '"prio:high"')
  config/templates/broken.toml:6:1: error: section 'open' is never closed [syntax]
  tkt: 4 problems in config
  [78]
  $ sed -i 's/^login = .*/login = 42/' config/config.toml
  $ tkt config check
  config/config.toml:4:9: 'login' must be a string
  config/routing.toml:84:11: invalid regular expression '(посылк' in rule 'bad regex': missing ): (посылк
  config/routing.toml:88:1: unknown key 'rule.subjet' (did you mean 'subject'?)
  config/sla.toml:55:9: unknown filter key 'prio' in 'prio:high' (to find it as text, quote it: '"prio:high"')
  config/templates/broken.toml:6:1: error: section 'open' is never closed [syntax]
  tkt: 5 problems in config
  [78]
