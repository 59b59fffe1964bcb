# fish completion for tkt(1)

# Prints the command: the first word after tkt that is neither an option nor
# the value of --db or --config.
function __tkt_command
    set -l tokens (commandline -opc)
    set -e tokens[1]
    while set -q tokens[1]
        switch $tokens[1]
            case --db --config
                set -e tokens[1]
            case '-*'
            case '*'
                echo $tokens[1]
                return 0
        end
        set -e tokens[1]
    end
    return 1
end

function __tkt_needs_command
    not __tkt_command >/dev/null
end

# Succeeds when the command is one of the arguments.
function __tkt_using_command
    set -l command (__tkt_command)
    or return 1
    contains -- $command $argv
end

# Succeeds when the command is $argv[1] and its first argument, the subcommand,
# is one of the rest of $argv.
function __tkt_using_subcommand
    __tkt_using_command $argv[1]
    or return 1
    set -l args (__tkt_args)
    set -q args[1]
    and contains -- $args[1] $argv[2..-1]
end

# Prints the command's positional arguments so far, one per line.
function __tkt_args
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l command
    while set -q tokens[1]
        switch $tokens[1]
            case --db --config --login --name --email --subject --from --body --channel --priority --queue --tag --sort --limit \
                --where --template --message --var --attach --lang --as --status --templates --ticket --context \
                --explain --reason --to-line --to --comment --into --since --until --by --within --format --output --at \
                --outcome
                set -e tokens[1]
            case -t -m
                # reply's short options take a value; for list and tag they are words.
                if test "$command" = reply
                    set -e tokens[1]
                else if contains -- "$command" list tag
                    echo $tokens[1]
                end
            case -r -o
                # escalate's -r takes the reason, attachment's -o the file; for list and
                # tag they are words.
                if test "$command $tokens[1]" = "escalate -r" -o "$command $tokens[1]" = "attachment -o"
                    set -e tokens[1]
                else if contains -- "$command" list tag
                    echo $tokens[1]
                end
            case '-?*'
                # list and tag take -name words as arguments.
                if contains -- "$command" list tag
                    string match -qr -- '^-[^-]' $tokens[1]; and echo $tokens[1]
                end
            case '*'
                if set -q command[1]
                    echo $tokens[1]
                else
                    set command $tokens[1]
                end
        end
        set -e tokens[1]
    end
end

# Succeeds when the command has fewer than $argv[1] positional arguments.
function __tkt_args_fewer_than
    test (count (__tkt_args)) -lt $argv[1]
end

# The commands this file completes; any other (one added to tkt since) is completed
# with the options its help lists.
set -g __tkt_completed help init new add list search similar show history attachment reply close reopen tag set merge customer route \
    assign next escalate sla rate stats import outbox template config db watch

function __tkt_other_command
    set -l command (__tkt_command)
    or return 1
    not contains -- $command $__tkt_completed
end

# The long options of the command on the line, as its help lists them.
function __tkt_options
    set -l tkt (commandline -opc)[1]
    string match -q -- '*/*' $tkt; or set tkt tkt
    $tkt help (__tkt_command) 2>/dev/null | sed '/^Subcommands:/,$d' | grep -oE -- '--[[:alnum:]][[:alnum:]-]*' | sort -u
end

# The commands of tkt, or the subcommands of the command $argv, each with its summary
# (a tab between), as 'tkt help --commands' lists them: they are written once, in tkt.
function __tkt_commands
    set -l tkt (commandline -opc)[1]
    string match -q -- '*/*' $tkt; or set tkt tkt
    $tkt help --commands $argv 2>/dev/null
end

# Runs tkt quietly, with the --db and --config options given on the line, if
# the database exists: tkt would create a missing one.
function __tkt_run
    set -l tokens (commandline -opc)
    set -l tkt $tokens[1]
    set -l global
    set -l db $TKT_DB
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
            case --db --config
                set -l next (math $i + 1)
                if set -q tokens[$next]
                    set -a global $tokens[$i] $tokens[$next]
                    test $tokens[$i] = --db; and set db $tokens[$next]
                end
                set i $next
            case '--db=*' '--config=*'
                set -a global $tokens[$i]
                string match -q -- '--db=*' $tokens[$i]; and set db (string replace -- --db= '' $tokens[$i])
        end
        set i (math $i + 1)
    end
    if test -z "$db"
        set -l data $XDG_DATA_HOME
        string match -q -- '/*' "$data"; or set data $HOME/.local/share
        set db $data/tkt/tkt.db
    end
    test -f "$db"; or return 0
    command $tkt $global $argv 2>/dev/null
end

function __tkt_ids
    __tkt_run list --limit 200 | cut -f1
end

function __tkt_finished_ids
    __tkt_run list status:solved,closed --limit 200 | cut -f1
end

# Recently updated tickets of any status, for rate: customers rate solved ones too.
function __tkt_recent_ids
    __tkt_run list status:any --sort=-updated --limit 200 | cut -f1
end

# The SCORE of rate: 1 (bad) to 5 (excellent); 4 and 5 count as good.
function __tkt_scores
    printf '%s\t%s\n' 1 Bad 2 'Not good' 3 'Not good' 4 Good 5 Excellent
end

# Outbox entries in the state $argv[1] (queued or sending), from 'tkt outbox'.
function __tkt_outbox_ids
    __tkt_run outbox | while read -l -d \t id ticket state tries queued to note
        test "$state" = $argv[1]; and printf '%s\t%s\n' $id "ticket $ticket to $to"
    end
end

# Template names and descriptions, from 'tkt template list', which needs no
# database, with the --config and --templates options given on the line; with
# $argv[1] = reply, the partials (greeting, signature) are left out.
function __tkt_templates
    set -l tokens (commandline -opc)
    set -l tkt $tokens[1]
    set -l global
    set -l folder
    set -l i 2
    while test $i -le (count $tokens)
        set -l next (math $i + 1)
        switch $tokens[$i]
            case --config --templates
                if set -q tokens[$next]
                    set -l value (string replace -r -- '^~/' "$HOME/" $tokens[$next])
                    if test $tokens[$i] = --config
                        set global --config $value
                    else
                        set folder --templates $value
                    end
                end
                set i $next
            case '--config=*'
                set global $tokens[$i]
            case '--templates=*'
                set folder $tokens[$i]
        end
        set i (math $i + 1)
    end
    command $tkt $global template $folder list 2>/dev/null | while read -l -d \t name category langs description
        if test "$argv[1]" = reply -a "$category" = partial
            continue
        end
        printf '%s\t%s\n' $name $description
    end
end

# Prints the configuration directory: --config on the line, else $TKT_CONFIG,
# else $XDG_CONFIG_HOME/tkt, else ~/.config/tkt.
function __tkt_config_dir
    set -l tokens (commandline -opc)
    set -l dir $TKT_CONFIG
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
            case --config
                set -l next (math $i + 1)
                set -q tokens[$next]; and set dir $tokens[$next]
                set i $next
            case '--config=*'
                set dir (string replace -- --config= '' $tokens[$i])
        end
        set i (math $i + 1)
    end
    if test -z "$dir"
        set -l base $XDG_CONFIG_HOME
        string match -q -- '/*' "$base"; or set base $HOME/.config
        set dir $base/tkt
    end
    string replace -r -- '^~/' "$HOME/" $dir
end

# Agent logins, from the 'login = "..."' lines of routing.toml: no database needed.
function __tkt_agents
    set -l file (__tkt_config_dir)/routing.toml
    test -r "$file"; or return 0
    awk -F '"' '/^[[:space:]]*login[[:space:]]*=/ && !seen[$2]++ { print $2 }' $file
end

# The LOGIN of assign: an agent, or none to unassign.
function __tkt_assignees
    for login in (__tkt_agents)
        printf '%s\t%s\n' $login Agent
    end
    printf '%s\t%s\n' none 'Unassign'
end

# Queue names, from the 'queue = "..."' and 'queues = [...]' lines of routing.toml.
function __tkt_queues
    set -l file (__tkt_config_dir)/routing.toml
    test -r "$file"; or return 0
    awk -F '"' '
        /^[[:space:]]*queue[[:space:]]*=/ { if (!seen[$2]++) print $2 }
        /^[[:space:]]*queues[[:space:]]*=/ { for (i = 2; i <= NF; i += 2) if (!seen[$i]++) print $i }
    ' $file | sort
end

# Succeeds when --where is on the line: then reply takes no ticket id.
function __tkt_reply_where
    set -l tokens (commandline -opc)
    string match -qr -- '^--where(=|$)' $tokens
end

# Tags in use on recent tickets, or on the ticket given as $argv[1].
function __tkt_tags
    if set -q argv[1]
        __tkt_run list $argv[1] | cut -f10 | string split , | string match -v ''
    else
        __tkt_run list status:any --sort=-updated --limit 200 | cut -f10 | string split , | string match -v '' | sort -u
    end
end

# Completes the last item of a comma-separated list after a fixed prefix
# ($argv[1]), as in status:new,open; the rest of $argv are the items.
function __tkt_list_items
    set -l token (commandline -ct)
    set -l head (string replace -r '[^,]*$' '' -- (string replace -- $argv[1] '' $token))
    for item in $argv[2..-1]
        echo $argv[1]$head$item
    end
end

function __tkt_sort_keys
    set -l keys id created updated priority status queue assignee
    set -l token (commandline -ct)
    set -l head (string replace -r '[^,]*$' '' -- (string replace -r -- '^--sort=' '' $token))
    for key in $keys -$keys
        echo $head$key
    end
end

function __tkt_filter_terms
    set -l token (commandline -ct)
    switch $token
        case 'status:*'
            __tkt_list_items status: new open pending solved closed any
        case 'priority:*'
            __tkt_list_items priority: low normal high urgent
        case 'channel:*'
            __tkt_list_items channel: email chat phone web api
        case 'language:*'
            __tkt_list_items language: en ru none
        case 'assignee:*'
            __tkt_list_items assignee: none me (__tkt_agents)
        case 'queue:*'
            __tkt_list_items queue: none (__tkt_queues)
        case '*:*' '*<*' '*>*' '--*'
        case '+*'
            for tag in (__tkt_tags)
                printf '%s\t%s\n' +$tag 'Has the tag'
            end
        case '-*'
            for tag in (__tkt_tags)
                printf '%s\t%s\n' -$tag 'Lacks the tag'
            end
        case '*'
            printf '%s\n' \
                'status:'\t'Status is one of these, or any' \
                'queue:'\t'In one of these queues, or none' \
                'line:'\t'On this support line' \
                'priority:'\t'Priority is one of these' \
                'assignee:'\t'Assigned to one of these logins, none or me' \
                'requester:'\t'Opened by one of these addresses' \
                'channel:'\t'Came in through one of these channels' \
                'language:'\t'The customer writes in one of these languages, or none' \
                'id:'\t'This id or id range' \
                'breaching'\t'A running SLA target is past due' \
                'due<'\t'The nearest SLA target is due within a duration, or overdue' \
                'due>'\t'The nearest SLA target is due in more than a duration'
    end
end

function __tkt_tag_changes
    set -l token (commandline -ct)
    set -l id (string replace -- '#' '' (__tkt_args)[1])
    if string match -q -- '-*' $token
        for tag in (__tkt_tags $id)
            printf '%s\t%s\n' -$tag 'Remove the tag'
        end
    else
        for tag in (__tkt_tags)
            printf '%s\t%s\n' +$tag 'Add the tag'
        end
    end
end

complete -c tkt -f

# Global options.
complete -c tkt -n __tkt_needs_command -l db -r -F -d 'Database file'
complete -c tkt -n __tkt_needs_command -l config -x -a '(__fish_complete_directories)' -d 'Config directory'
complete -c tkt -n __tkt_needs_command -l version -d 'Print the version and exit'
complete -c tkt -s h -l help -d 'Print help and exit'

# Commands.
complete -c tkt -n __tkt_needs_command -a '(__tkt_commands)'
complete -c tkt -n '__tkt_other_command; and string match -q -- "-*" (commandline -ct)' -a '(__tkt_options)'

# help [COMMAND]
complete -c tkt -n '__tkt_using_command help; and __tkt_args_fewer_than 1' -a '(__tkt_commands)'
complete -c tkt -n '__tkt_using_command help' -l commands -d 'List the commands (or the subcommands of one) with their summaries'

# init
complete -c tkt -n '__tkt_using_command init' -l login -x -a '(__fish_complete_users)' -d 'Your agent login'
complete -c tkt -n '__tkt_using_command init' -l name -x -d 'Your full name, for reply signatures'
complete -c tkt -n '__tkt_using_command init' -l email -x -d 'Your mail address'
complete -c tkt -n '__tkt_using_command init' -l group -x -a '(__fish_complete_groups)' -d 'Share the database and config with this Unix group'
complete -c tkt -n '__tkt_using_command init' -l holidays -x -a 'ru none' -d 'The holidays of the office calendar, ru (Russia) or none'

# new
complete -c tkt -n '__tkt_using_command new' -l subject -x -d 'The subject'
complete -c tkt -n '__tkt_using_command new' -l from -x -d 'The requester: mail address, phone number or chat identity'
complete -c tkt -n '__tkt_using_command new' -l body -x -a - -d "The first message; '-' reads standard input"
complete -c tkt -n '__tkt_using_command new' -l channel -x -a 'email chat phone web api' -d 'How the request came in'
complete -c tkt -n '__tkt_using_command new' -l priority -x -a 'low normal high urgent' -d 'The priority'
complete -c tkt -n '__tkt_using_command new' -l queue -x -a '(__tkt_queues)' -d 'Put the ticket in this queue'
complete -c tkt -n '__tkt_using_command new' -l tag -x -d 'Tag the ticket (repeatable)'
complete -c tkt -n '__tkt_using_command new' -l email -d 'Read one RFC 5322 message from standard input'
complete -c tkt -n '__tkt_using_command new' -l trusted -d 'With --email: honour X-Tkt-Queue, X-Tkt-Priority and X-Tkt-Tags'
complete -c tkt -n '__tkt_using_command new' -l json -d 'Print the new ticket as JSON; alone, read JSON messages from stdin'

# add ID --body TEXT|- [--from WHO] [--channel C] [--at TIME], or add --json
complete -c tkt -n '__tkt_using_command add; and __tkt_args_fewer_than 1' -a '(__tkt_recent_ids)'
complete -c tkt -n '__tkt_using_command add' -l body -x -a - -d "What the customer said; '-' reads standard input"
complete -c tkt -n '__tkt_using_command add' -l from -x -d 'Who said it (default: the requester)'
complete -c tkt -n '__tkt_using_command add' -l channel -x -a 'email chat phone web api' -d "How it came (default: the ticket's)"
complete -c tkt -n '__tkt_using_command add' -l at -x -d 'When it was said (ISO 8601)'
complete -c tkt -n '__tkt_using_command add' -l json -d 'Read JSON messages for known tickets from stdin'

# customer [--json] WHO, customer link WHO WHO..., customer unlink WHO...
complete -c tkt -n '__tkt_using_command customer; and __tkt_args_fewer_than 1' -a '(__tkt_commands customer)'
complete -c tkt -n '__tkt_using_command customer; and __tkt_args_fewer_than 1' -l json -d 'Print the card as JSON'

# search WORDS... [FILTER...]
complete -c tkt -n '__tkt_using_command search' -l limit -x -d 'Show at most N tickets'
complete -c tkt -n '__tkt_using_command search' -l offset -x -d 'Skip the first N, for the next page'
complete -c tkt -n '__tkt_using_command search' -l json -d 'Print a JSON array with snippets'

# list [FILTER...]
complete -c tkt -n '__tkt_using_command list' -l sort -x -a '(__tkt_sort_keys)' -d "Sort keys, '-' for descending"
complete -c tkt -n '__tkt_using_command list' -l limit -x -d 'Show at most N tickets'
complete -c tkt -n '__tkt_using_command list; and not __fish_seen_argument -l csv' -l json -d 'Print a JSON array'
complete -c tkt -n '__tkt_using_command list; and not __fish_seen_argument -l json' -l csv -d 'Print CSV with a header row'
complete -c tkt -n '__tkt_using_command list' -a '(__tkt_filter_terms)'

# watch [FILTER...] [--json]
complete -c tkt -n '__tkt_using_command watch' -l json -d 'One JSON object a line, for pipelines and bots'
complete -c tkt -n '__tkt_using_command watch' -a '(__tkt_filter_terms)'

# similar ID [--limit N] [--json]
complete -c tkt -n '__tkt_using_command similar; and __tkt_args_fewer_than 1' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command similar' -l limit -x -d 'Show at most N tickets'
complete -c tkt -n '__tkt_using_command similar' -l json -d 'Print a JSON array, each ticket with the reply that solved it'

# show ID, history ID
complete -c tkt -n '__tkt_using_command show history' -l json -d 'Print JSON'
complete -c tkt -n '__tkt_using_command show history' -l no-pager -d 'Print straight to the terminal, not through a pager'
complete -c tkt -n '__tkt_using_command show history; and __tkt_args_fewer_than 1' -a '(__tkt_ids)'

# attachment ID [N] [-o FILE] [--force]
complete -c tkt -n '__tkt_using_command attachment; and __tkt_args_fewer_than 1' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command attachment' -s o -l output -r -F -d 'Write it to FILE, or into the folder DIR'
complete -c tkt -n '__tkt_using_command attachment' -l force -d 'Replace a file that is there'

# reply ID|--where FILTER --template NAME|--message TEXT [OPTIONS]
complete -c tkt -n '__tkt_using_command reply; and __tkt_args_fewer_than 1; and not __tkt_reply_where' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command reply' -l where -x -d 'Answer every open ticket matching a filter'
complete -c tkt -n '__tkt_using_command reply' -s t -l template -x -a '(__tkt_templates reply)' -d 'Reply with this template'
complete -c tkt -n '__tkt_using_command reply' -s m -l message -x -a - -d "Reply with this text; '-' reads standard input"
complete -c tkt -n '__tkt_using_command reply; and not __tkt_reply_where' -l from-ticket -x -a '(__tkt_finished_ids)' -d 'Start from the reply that solved this ticket, in the editor'
complete -c tkt -n '__tkt_using_command reply' -l var -x -d 'A value for the template: name=value'
complete -c tkt -n '__tkt_using_command reply' -l attach -r -F -d 'Send this file with the reply (repeatable)'
complete -c tkt -n '__tkt_using_command reply' -l lang -x -a 'en ru' -d "Answer in this language (default: each customer's own)"
complete -c tkt -n '__tkt_using_command reply' -l as -x -a '(__tkt_agents)' -d 'Reply as this agent login'
complete -c tkt -n '__tkt_using_command reply' -l status -x -a 'new open pending solved closed' -d 'Status after the reply'
complete -c tkt -n '__tkt_using_command reply' -l templates -x -a '(__fish_complete_directories)' -d 'Look for templates in this folder first'
complete -c tkt -n '__tkt_using_command reply' -s n -l dry-run -d 'Show the reply; record and send nothing'
complete -c tkt -n '__tkt_using_command reply; and not __tkt_reply_where' -s e -l edit -d 'Edit the reply in $VISUAL or $EDITOR first'
complete -c tkt -n '__tkt_using_command reply' -l strict -d 'Refuse a reply that lint finds fault with'
complete -c tkt -n '__tkt_using_command reply' -l force -d 'Answer a ticket even though it was merged into another'
complete -c tkt -n '__tkt_using_command reply' -l mime -d 'Print the whole mail message rather than its text'
complete -c tkt -n '__tkt_using_command reply' -l send -d "Send through the outbox: sendmail, or the chat channel's program"
complete -c tkt -n '__tkt_using_command reply' -l outcome -x -a 'reached voicemail' -d 'For a caller: what came of the call'

# close ID..., reopen ID...
complete -c tkt -n '__tkt_using_command close' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command reopen' -a '(__tkt_finished_ids)'

# tag ID [+name|-name]...
complete -c tkt -n '__tkt_using_command tag; and __tkt_args_fewer_than 1' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command tag; and not __tkt_args_fewer_than 1' -a '(__tkt_tag_changes)'

# set ID... language:CODE|auto|none
complete -c tkt -n '__tkt_using_command set' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command set; and not __tkt_args_fewer_than 1' -a 'language:en language:ru language:auto language:none' -d "The customer's language"

# route [ID...] | --all | --explain ID [--dry-run] [--json], route test DIR
complete -c tkt -n '__tkt_using_command route; and __tkt_args_fewer_than 1; and not __fish_seen_argument -s a -l all -s n -l dry-run -l explain -l json' -a '(__tkt_commands route)'
complete -c tkt -n '__tkt_using_command route; and not __tkt_using_subcommand route test; and not __fish_seen_argument -s a -l all -l explain' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command route; and not __tkt_using_subcommand route test; and not __fish_seen_argument -l explain' -s a -l all -d 'Route every open ticket that has no queue yet'
complete -c tkt -n '__tkt_using_command route; and not __tkt_using_subcommand route test; and not __fish_seen_argument -l explain' -s n -l dry-run -d 'Show what routing would do; write nothing'
complete -c tkt -n '__tkt_using_command route; and not __tkt_using_subcommand route test; and __tkt_args_fewer_than 1' -l explain -x -a '(__tkt_ids)' -d 'Show every rule tried on one ticket, and why'
complete -c tkt -n '__tkt_using_command route; and not __tkt_using_subcommand route test; and not __fish_seen_argument -l explain' -l json -d 'Print the outcome as a JSON array'
complete -c tkt -n '__tkt_using_subcommand route test; and __tkt_args_fewer_than 2' -x -a '(__fish_complete_directories)' -d 'Folder of .eml files'

# assign ID LOGIN|none
complete -c tkt -n '__tkt_using_command assign; and __tkt_args_fewer_than 1' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command assign; and not __tkt_args_fewer_than 1; and __tkt_args_fewer_than 2' -a '(__tkt_assignees)'
complete -c tkt -n '__tkt_using_command assign' -l temporary -d "Cover for the owner for a while: the new owner's first reply says so"
# Bulk changes: tag, set, close, reopen and assign take --where FILTER instead of ids.
for command in tag set close reopen assign
    complete -c tkt -n "__tkt_using_command $command" -l where -r -d 'Change every ticket matching the filter'
    complete -c tkt -n "__tkt_using_command $command" -s n -l dry-run -d 'List what would change; change nothing'
    complete -c tkt -n "__tkt_using_command $command" -s y -l yes -d 'Do not ask before changing more than 20 tickets'
end

# next [--peek] [--as LOGIN] [--json]
complete -c tkt -n '__tkt_using_command next' -l peek -d 'Show the next ticket without taking it'
complete -c tkt -n '__tkt_using_command next' -l as -x -a '(__tkt_agents)' -d 'Take it as this agent'
complete -c tkt -n '__tkt_using_command next' -l json -d 'Print the ticket as JSON'

# escalate ID --reason TEXT [--to-line N] [--to LOGIN] [--notify], escalate --overdue [--dry-run] [--json]
complete -c tkt -n '__tkt_using_command escalate; and __tkt_args_fewer_than 1; and not __fish_seen_argument -l overdue' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command escalate; and not __fish_seen_argument -l overdue' -s r -l reason -x -d 'Why the next line should take it'
complete -c tkt -n '__tkt_using_command escalate; and not __fish_seen_argument -l overdue' -l to-line -x -d 'The line to move it to (default: the next one)'
complete -c tkt -n '__tkt_using_command escalate; and not __fish_seen_argument -l overdue' -l to -x -a '(__tkt_agents)' -d 'The agent of that line who takes it'
complete -c tkt -n '__tkt_using_command escalate; and not __fish_seen_argument -l overdue' -l note -r -d 'A handover note for the next line: internal, never sent'
complete -c tkt -n '__tkt_using_command escalate; and not __fish_seen_argument -l overdue' -l notify -d "Send the customer the shipped 'escalated' reply first"
complete -c tkt -n '__tkt_using_command escalate; and __tkt_args_fewer_than 1; and not __fish_seen_argument -s r -l reason -l to-line -l to -l notify -l overdue' -l overdue -d 'Record and act on every missed SLA target (for cron)'
complete -c tkt -n '__tkt_using_command escalate; and __tkt_args_fewer_than 1' -s n -l dry-run -d 'With --overdue: show what would happen; write nothing'
complete -c tkt -n '__tkt_using_command escalate; and __tkt_args_fewer_than 1' -l json -d 'With --overdue: print a JSON array'

# sla ID [--json]
complete -c tkt -n '__tkt_using_command sla' -l json -d 'Print the clocks as JSON'
complete -c tkt -n '__tkt_using_command sla; and __tkt_args_fewer_than 1' -a '(__tkt_ids)'

# merge ID... --into ID
complete -c tkt -n '__tkt_using_command merge' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command merge' -l into -x -a '(__tkt_ids)' -d 'The ticket that stays'

# rate ID SCORE [--comment TEXT] [--from WHO]
complete -c tkt -n '__tkt_using_command rate; and __tkt_args_fewer_than 1' -a '(__tkt_recent_ids)'
complete -c tkt -n '__tkt_using_command rate; and not __tkt_args_fewer_than 1; and __tkt_args_fewer_than 2' -a '(__tkt_scores)'
complete -c tkt -n '__tkt_using_command rate' -l comment -x -d 'What the customer said'
complete -c tkt -n '__tkt_using_command rate' -l from -x -d "The customer's own rating (a chat platform's form)"

# stats [--since WHEN] [--until WHEN] [--by GROUP] [--where FILTER] [--within DURATION] [--business-hours] [--format FORMAT] [--output FILE]
complete -c tkt -n '__tkt_using_command stats' -l since -x -a 'today yesterday this-week last-week this-month last-month 7d' -d 'Start of the period: a date, a date-time, a day, week or month by name, or 7d'
complete -c tkt -n '__tkt_using_command stats' -l until -x -a 'today yesterday this-week last-week this-month last-month 7d' -d 'End of the period, excluded (default: now)'
complete -c tkt -n '__tkt_using_command stats' -l by -x -a 'queue line agent channel priority hour day week month tag customer' -d 'Group by queue, line, agent, channel, priority, time, tag or customer'
complete -c tkt -n '__tkt_using_command stats' -l where -x -d 'Only tickets matching a filter (as for list)'
complete -c tkt -n '__tkt_using_command stats' -l within -x -d 'First-reply threshold (default 1h)'
complete -c tkt -n '__tkt_using_command stats' -l business-hours -d "Measure durations in working time of each ticket's SLA calendar"
complete -c tkt -n '__tkt_using_command stats' -l format -x -a 'table json csv markdown prometheus html' -d 'Output format'
complete -c tkt -n '__tkt_using_command stats' -l output -r -F -d 'Write to FILE atomically'

# import mbox FILE..., import maildir DIR...
complete -c tkt -n '__tkt_using_command import; and __tkt_args_fewer_than 1' -a '(__tkt_commands import)'
complete -c tkt -n '__tkt_using_subcommand import mbox maildir' -l trusted -d 'Honour X-Tkt-Queue, X-Tkt-Priority and X-Tkt-Tags headers'
complete -c tkt -n '__tkt_using_subcommand import mbox maildir' -l json -d 'Print the summary as JSON'
complete -c tkt -n '__tkt_using_subcommand import mbox' -F
complete -c tkt -n '__tkt_using_subcommand import maildir' -x -a '(__fish_complete_directories)'

# outbox [--all] [--json], outbox flush [ID...], outbox requeue ID...
complete -c tkt -n '__tkt_using_command outbox; and __tkt_args_fewer_than 1' -a '(__tkt_commands outbox)'
complete -c tkt -n '__tkt_using_command outbox; and __tkt_args_fewer_than 1' -l all -d 'List sent messages too'
complete -c tkt -n '__tkt_using_command outbox; and __tkt_args_fewer_than 1' -l json -d 'Print a JSON array'
complete -c tkt -n '__tkt_using_subcommand outbox flush' -a '(__tkt_outbox_ids queued)'
complete -c tkt -n '__tkt_using_subcommand outbox requeue' -a '(__tkt_outbox_ids sending)'

# template [--templates DIR] list|show|render|lint ...
complete -c tkt -n '__tkt_using_command template; and __tkt_args_fewer_than 1' -a '(__tkt_commands template)'
complete -c tkt -n '__tkt_using_command template' -l templates -x -a '(__fish_complete_directories)' -d 'Look for templates in this folder first'
complete -c tkt -n '__tkt_using_subcommand template list' -l json -d 'Print a JSON array'
complete -c tkt -n '__tkt_using_subcommand template show render; and __tkt_args_fewer_than 2' -a '(__tkt_templates)'
complete -c tkt -n '__tkt_using_subcommand template lint' -a '(__tkt_templates)'
complete -c tkt -n '__tkt_using_subcommand template render; and not __fish_seen_argument -l context' -l ticket -x -a '(__tkt_ids)' -d 'Render for this ticket'
complete -c tkt -n '__tkt_using_subcommand template render; and not __fish_seen_argument -l ticket' -l context -r -F -d 'Render with this JSON object as context'
complete -c tkt -n '__tkt_using_subcommand template render' -l var -x -d 'A value for the template: name=value'
complete -c tkt -n '__tkt_using_subcommand template render' -l lang -x -a 'en ru' -d 'The language'

# db copy FROM TO (database files, or postgresql:// URIs typed by hand), db setup, db index
# [--rebuild], db check
complete -c tkt -n '__tkt_using_command db; and __tkt_args_fewer_than 1' -a '(__tkt_commands db)'
complete -c tkt -n '__tkt_using_subcommand db copy' -F
complete -c tkt -n '__tkt_using_subcommand db index' -l rebuild -d 'Index every ticket again'

# config check
complete -c tkt -n '__tkt_using_command config; and __tkt_args_fewer_than 1' -a '(__tkt_commands config)'
