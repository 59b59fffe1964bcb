tkt init creates the database and a starter config, and never overwrites.
Backend: sqlite (the files init makes, their modes and folders).

  $ . "$TESTDIR/setup.sh"
  $ tkt init --name "Anna Smirnova" --email anna@example.com | sed "s|$PWD/||"
  created  tkt.db
  created  config/config.toml
  created  config/routing.toml
  created  config/sla.toml
  $ stat -c '%a %n' tkt.db
  600 tkt.db
  $ grep -A3 '^\[agent\]' config/config.toml
  [agent]                       # who "I" am when replying
  login = "anna"
  full_name = "Anna Smirnova"
  email = "anna@example.com"
  $ ls config
  config.toml
  routing.toml
  sla.toml

Running it again keeps every file as it is.

  $ echo '# my own' > config/routing.toml
  $ tkt init --name 'Some Body' | sed "s|$PWD/||"
  kept     tkt.db (it exists)
  kept     config/config.toml (it exists)
  kept     config/routing.toml (it exists)
  kept     config/sla.toml (it exists)
  $ cat config/routing.toml
  # my own
  $ grep full_name config/config.toml
  full_name = "Anna Smirnova"

Replies are signed with a first and a last name: one name is refused; without
--name (and no terminal to ask on), config.toml says where the name goes, and init
says that replies wait for it.

  $ tkt --config solo init --name Masha
  tkt: 'Masha' is one name: replies are signed with a first and a last name, such as --name "Anna Smirnova"
  [64]
  $ tkt --config solo init --login masha | sed "s|$PWD/||"
  tkt: no name given: replies are refused until full_name (your first and last name) is set in config.toml and routing.toml
  kept     tkt.db (it exists)
  created  solo/config.toml
  created  solo/routing.toml
  created  solo/sla.toml
  $ grep -A3 '^\[agent\]' solo/config.toml
  [agent]                       # who "I" am when replying
  login = "masha"
  # full_name = "First Last"     # your first and last name: replies are signed with it
  email = ""
  $ tkt --config solo new --from bob@example.com --subject Hi --body 'Hello there.'
  1
  $ tkt --config solo reply 1 --message 'On it.'
  tkt: replies are signed with the agent's first and last name, and 'masha' has none: set full_name under [agent] in config.toml
  [78]
  $ tkt --config solo config check 2>&1 | sed "s|$PWD/||" | grep signs
  solo/routing.toml:62:13: agent 'masha' signs replies as 'masha': a signature needs a first and a last name

The database folder is created when missing; a path that cannot be created is exit 73.

  $ tkt --db deep/er/tkt.db init | sed "s|$PWD/||"
  created  deep/er/tkt.db
  kept     config/config.toml (it exists)
  kept     config/routing.toml (it exists)
  kept     config/sla.toml (it exists)
  $ stat -c '%a' deep/er
  700
  $ touch plainfile
  $ tkt --db plainfile/tkt.db new --subject s --from a@example.com --body x
  tkt: cannot create database 'plainfile/tkt.db': Not a directory
  [73]

A command that only reads does not create a database: a mistyped path says so.

  $ tkt --db typo.db list
  tkt: no database at 'typo.db' (run 'tkt init', or check --db and TKT_DB)
  [66]
  $ tkt --db typo.db show 1
  tkt: no database at 'typo.db' (run 'tkt init', or check --db and TKT_DB)
  [66]
  $ ls typo.db
  ls: cannot access 'typo.db': No such file or directory
  [2]

A name with quotes is written as valid TOML.

  $ TKT_CONFIG=$PWD/other tkt init --name 'Anna "the fixer" O\x27Neil' --login anna2 >/dev/null
  $ tkt --config other list >/dev/null && echo config reads back
  config reads back
