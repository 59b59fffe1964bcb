The command line: help, versions, unknown commands, and errors from the environment.

  $ . "$TESTDIR/setup.sh"
  $ tkt --version
  tkt 0.1.0
  $ tkt --help
  tkt: support tickets and polite replies from the command line
  Usage: tkt [OPTIONS] SUBCOMMAND
  
  Options:
    -h,--help                   Print this help message and exit
    --version                   Display program version information and exit
    --db PATH|URI               Database: a SQLite file, or a postgresql:// URI
                                (default: $TKT_DB, else $XDG_DATA_HOME/tkt/tkt.db)
    --config DIR                Config directory (default: $TKT_CONFIG, else
                                $XDG_CONFIG_HOME/tkt)
  
  Subcommands:
    help                        Show help for tkt or one of its commands
    init                        Create the database and a starter config directory
    new                         Open a ticket
    add                         Add a customer's message to a ticket: a chat line,
                                a call summary
    list                        List tickets that match a filter
    search                      Find tickets by the words they hold, in any form,
                                best first
    similar                     List solved tickets like this one, with the reply
                                that solved each
    show                        Show a ticket with its messages and history
    history                     Show the events recorded on a ticket
    attachment                  List a ticket's attachments, or save one
    reply                       Answer a ticket from a template or a message
    note                        Add an internal note to a ticket: never sent,
                                never counted as a reply
    close                       Close tickets
    reopen                      Reopen solved or closed tickets
    tag                         Add (+tag) and remove (-tag) tags
    set                         Change tickets' fields: priority, subject, queue,
                                line, language, requester
    move                        Transfer tickets to another queue (and line),
                                saying why
    merge                       Fold duplicate tickets into the one that stays
    customer                    Show a customer's card; link their mail addresses,
                                phone numbers and chat identities
    route                       Send tickets to queues, lines and agents by
                                routing.toml's rules
    assign                      Give a ticket to an agent by hand
    next                        Take the most urgent unassigned ticket of your
                                queues and line
    escalate                    Move a ticket to the next line, or escalate all
                                past their SLA
    sla                         Show a ticket's SLA clocks: policy, targets, time
                                left or overdue
    rate                        Record the customer's satisfaction with a ticket
                                (1-5)
    watch                       Print ticket events as they happen, until
                                interrupted
    stats                       Report metrics over a period: volume, reply times,
                                escalations, CSAT, load
    import                      Load mail archives: mbox files or maildirs
    outbox                      List replies waiting for sendmail; flush retries
                                them
    template                    List, show, render and lint reply templates
    config                      Check the configuration files
    db                          Copy a whole database, SQLite or PostgreSQL; build
                                and check the search index
  
  Run 'tkt help COMMAND' for a command's options; 'man tkt' for the whole manual.
  $ tkt help | diff - <(tkt --help) && echo 'tkt help lists the commands, as --help does'
  tkt help lists the commands, as --help does
  $ tkt help close
  Close tickets
  Usage: tkt close [OPTIONS] [ids...]
  
  Positionals:
    ids ID... ...               The ticket ids
  
  Options:
    -h,--help                   Print this help message and exit
    --where FILTER              Change every ticket matching the filter (open work
                                by default)
    -n,--dry-run                List what would change; change nothing
    -y,--yes                    Do not ask before changing more than 20 tickets on
                                a terminal
  
  Run 'tkt help COMMAND' for a command's options; 'man tkt' for the whole manual.
  $ tkt close --help | head -2
  Close tickets
  Usage: tkt close [OPTIONS] [ids...]

Help is wrapped at spaces to $COLUMNS (80 when unset), continuation lines under the
descriptions; options that exclude each other say so in words.

  $ COLUMNS=60 tkt list --help
  List tickets that match a filter
  Usage: tkt list [OPTIONS] [filter...]
  
  Positionals:
    filter TEXT ...   Terms that must all match: status:open
                      queue:NAME line:N priority:P
                      assignee:LOGIN|none|me requester:ADDR
                      channel:C +tag -tag 'created>DATE'
                      'age>2h' 'updated<7d' 42 40-50 id:N.
                      Without a status or id term, only new,
                      open and pending tickets are listed.
  
  Options:
    -h,--help         Print this help message and exit
    --sort KEYS       Sort keys, '-' for descending: id,
                      created, updated, priority, status,
                      queue, assignee
    --limit N         Show at most N tickets
    --json            Print a JSON array (not with --csv)
    --csv             Print CSV with a header row (not with
                      --json)
  
  Run 'tkt help COMMAND' for a command's options; 'man tkt'
  for the whole manual.
  $ tkt help list | grep -e --csv
    --json                      Print a JSON array (not with --csv)
    --csv                       Print CSV with a header row (not with --json)
  $ tkt
  tkt: a subcommand is required (see 'tkt --help')
  [64]
  $ tkt lsit
  tkt: unknown command 'lsit' (did you mean 'list'? see 'tkt --help')
  [64]
  $ tkt help lsit
  tkt: unknown command 'lsit' (did you mean 'list'? see 'tkt --help')
  [64]

The command table, for the shell completions: a name, a tab and the summary.

  $ tkt help --commands | head -3
  help	Show help for tkt or one of its commands
  init	Create the database and a starter config directory
  new	Open a ticket
  $ tkt help --commands outbox
  flush	Hand queued replies to sendmail again; none goes twice
  requeue	Queue again entries stuck in sending (tkt stopped while sendmail ran)
  $ tkt help --commands close
  $ tkt help --commands outbox flsh
  tkt: 'outbox' has no subcommand 'flsh' (see 'tkt help outbox')
  [64]
  $ ls tkt.db 2>/dev/null || echo 'help opens no database'
  help opens no database
  $ tkt --db
  tkt: --db: 1 required PATH|URI missing (see 'tkt --help')
  [64]

A bad clock or config is exit 78 and says where.

  $ TKT_NOW=tomorrow tkt list
  tkt: invalid TKT_NOW 'tomorrow' (use ISO 8601 such as 2026-11-22T10:00:00Z, or Unix seconds)
  [78]
  $ mkdir -p config && printf '[agent]\nlogin = "anna"\nfull_nmae = "Anna"\n' > config/config.toml
  $ tkt list 2>&1 | sed "s|$PWD/||"
  tkt: config/config.toml:3:1: unknown key 'agent.full_nmae' (did you mean 'full_name'?)
  $ tkt list >/dev/null 2>&1
  [78]
  $ printf '[agent]\nlogin = "anna\n' > config/config.toml
  $ tkt list 2>&1 | sed "s|$PWD/||"
  tkt: config/config.toml:2:14: string: unescaped control characters other than TAB (U+0009) are explicitly prohibited
  $ rm config/config.toml

Database trouble: a newer schema (78), a file that is not a database (74), a lock held
past the timeout (75, and the retry then succeeds).

  $ tkt new --subject s --from a@example.com --body x
  1
  $ set_schema_version 99
  $ tkt list 2>&1 | sed "s|$PWD/||"
  tkt: database 'tkt.db' was written by a newer tkt (schema 99, this tkt knows up to 12); upgrade tkt
  $ head -c 4096 /dev/urandom > junk.db; echo 'not a database' >> junk.db
  $ tkt --db junk.db list 2>&1 | sed "s|$PWD/||"
  tkt: database 'junk.db' is corrupt or not a tkt database (file is not a database)
  $ tkt --db junk.db list >/dev/null 2>&1
  [74]
  $ tkt --db fresh.db new --subject s --from a@example.com --body x
  1
  $ (echo 'BEGIN IMMEDIATE;'; sleep 3; echo 'COMMIT;') | sqlite3 fresh.db &
  $ sleep 0.5; TKT_LOCK_TIMEOUT=1s tkt --db fresh.db new --subject t --from a@example.com --body x 2>&1 | sed "s|$PWD/||"
  tkt: database 'fresh.db' is locked by another process; try again
  $ wait; tkt --db fresh.db new --subject t --from a@example.com --body x
  2
