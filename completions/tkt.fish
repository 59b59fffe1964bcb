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
                --where --template --message --var --lang --as --status --templates --ticket --context
                set -e tokens[1]
            case -t -m
                # reply's short options take a value; for list and tag they are words.
                if test "$command" = reply
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
        case 'assignee:*'
            __tkt_list_items assignee: none me
        case 'queue:*'
            __tkt_list_items queue: none
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
                'id:'\t'This id or id range'
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
complete -c tkt -n __tkt_needs_command -a help -d 'Show help for tkt or one of its commands'
complete -c tkt -n __tkt_needs_command -a init -d 'Create the database and a starter config directory'
complete -c tkt -n __tkt_needs_command -a new -d 'Open a ticket'
complete -c tkt -n __tkt_needs_command -a list -d 'List tickets that match a filter'
complete -c tkt -n __tkt_needs_command -a show -d 'Show a ticket with its messages and history'
complete -c tkt -n __tkt_needs_command -a history -d 'Show the events recorded on a ticket'
complete -c tkt -n __tkt_needs_command -a reply -d 'Answer a ticket from a template or a message'
complete -c tkt -n __tkt_needs_command -a close -d 'Close tickets'
complete -c tkt -n __tkt_needs_command -a reopen -d 'Reopen solved or closed tickets'
complete -c tkt -n __tkt_needs_command -a tag -d 'Add (+tag) and remove (-tag) tags'
complete -c tkt -n __tkt_needs_command -a import -d 'Load mail archives: mbox files or maildirs'
complete -c tkt -n __tkt_needs_command -a outbox -d 'List replies waiting for sendmail; flush retries them'
complete -c tkt -n __tkt_needs_command -a template -d 'List, show, render and lint reply templates'

# help [COMMAND]
complete -c tkt -n '__tkt_using_command help; and __tkt_args_fewer_than 1' -a 'help init new list show history reply close reopen tag import outbox template'

# init
complete -c tkt -n '__tkt_using_command init' -l login -x -a '(__fish_complete_users)' -d 'Your agent login'
complete -c tkt -n '__tkt_using_command init' -l name -x -d 'Your full name, for reply signatures'
complete -c tkt -n '__tkt_using_command init' -l email -x -d 'Your mail address'

# new
complete -c tkt -n '__tkt_using_command new' -l subject -x -d 'The subject'
complete -c tkt -n '__tkt_using_command new' -l from -x -d 'The requester: bob@example.com or "Bob <bob@example.com>"'
complete -c tkt -n '__tkt_using_command new' -l body -x -a - -d "The first message; '-' reads standard input"
complete -c tkt -n '__tkt_using_command new' -l channel -x -a 'email chat phone web api' -d 'How the request came in'
complete -c tkt -n '__tkt_using_command new' -l priority -x -a 'low normal high urgent' -d 'The priority'
complete -c tkt -n '__tkt_using_command new' -l queue -x -d 'Put the ticket in this queue'
complete -c tkt -n '__tkt_using_command new' -l tag -x -d 'Tag the ticket (repeatable)'
complete -c tkt -n '__tkt_using_command new' -l email -d 'Read one RFC 5322 message from standard input'
complete -c tkt -n '__tkt_using_command new' -l trusted -d 'With --email: honour X-Tkt-Queue, X-Tkt-Priority and X-Tkt-Tags'
complete -c tkt -n '__tkt_using_command new' -l json -d 'Print the new ticket as JSON instead of its id'

# list [FILTER...]
complete -c tkt -n '__tkt_using_command list' -l sort -x -a '(__tkt_sort_keys)' -d "Sort keys, '-' for descending"
complete -c tkt -n '__tkt_using_command list' -l limit -x -d 'Show at most N tickets'
complete -c tkt -n '__tkt_using_command list; and not __fish_seen_argument -l csv' -l json -d 'Print a JSON array'
complete -c tkt -n '__tkt_using_command list; and not __fish_seen_argument -l json' -l csv -d 'Print CSV with a header row'
complete -c tkt -n '__tkt_using_command list' -a '(__tkt_filter_terms)'

# show ID, history ID
complete -c tkt -n '__tkt_using_command show history' -l json -d 'Print JSON'
complete -c tkt -n '__tkt_using_command show history; and __tkt_args_fewer_than 1' -a '(__tkt_ids)'

# reply ID|--where FILTER --template NAME|--message TEXT [OPTIONS]
complete -c tkt -n '__tkt_using_command reply; and __tkt_args_fewer_than 1; and not __tkt_reply_where' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command reply' -l where -x -d 'Answer every open ticket matching a filter'
complete -c tkt -n '__tkt_using_command reply' -s t -l template -x -a '(__tkt_templates reply)' -d 'Reply with this template'
complete -c tkt -n '__tkt_using_command reply' -s m -l message -x -a - -d "Reply with this text; '-' reads standard input"
complete -c tkt -n '__tkt_using_command reply' -l var -x -d 'A value for the template: name=value'
complete -c tkt -n '__tkt_using_command reply' -l lang -x -a 'en ru' -d "The reply's language"
complete -c tkt -n '__tkt_using_command reply' -l as -x -d 'Reply as this agent login'
complete -c tkt -n '__tkt_using_command reply' -l status -x -a 'new open pending solved closed' -d 'Status after the reply'
complete -c tkt -n '__tkt_using_command reply' -l templates -x -a '(__fish_complete_directories)' -d 'Look for templates in this folder first'
complete -c tkt -n '__tkt_using_command reply' -s n -l dry-run -d 'Show the reply; record and send nothing'
complete -c tkt -n '__tkt_using_command reply; and not __tkt_reply_where' -s e -l edit -d 'Edit the reply in $VISUAL or $EDITOR first'
complete -c tkt -n '__tkt_using_command reply' -l mime -d 'Print the whole mail message rather than its text'
complete -c tkt -n '__tkt_using_command reply' -l send -d 'Send through the outbox with the configured sendmail'

# close ID..., reopen ID...
complete -c tkt -n '__tkt_using_command close' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command reopen' -a '(__tkt_finished_ids)'

# tag ID [+name|-name]...
complete -c tkt -n '__tkt_using_command tag; and __tkt_args_fewer_than 1' -a '(__tkt_ids)'
complete -c tkt -n '__tkt_using_command tag; and not __tkt_args_fewer_than 1' -a '(__tkt_tag_changes)'

# import mbox FILE..., import maildir DIR...
complete -c tkt -n '__tkt_using_command import; and __tkt_args_fewer_than 1' -a mbox -d 'Import mbox files'
complete -c tkt -n '__tkt_using_command import; and __tkt_args_fewer_than 1' -a maildir -d 'Import maildirs (cur/ and new/), or folders of message files'
complete -c tkt -n '__tkt_using_subcommand import mbox maildir' -l trusted -d 'Honour X-Tkt-Queue, X-Tkt-Priority and X-Tkt-Tags headers'
complete -c tkt -n '__tkt_using_subcommand import mbox maildir' -l json -d 'Print the summary as JSON'
complete -c tkt -n '__tkt_using_subcommand import mbox' -F
complete -c tkt -n '__tkt_using_subcommand import maildir' -x -a '(__fish_complete_directories)'

# outbox [--all] [--json], outbox flush [ID...], outbox requeue ID...
complete -c tkt -n '__tkt_using_command outbox; and __tkt_args_fewer_than 1' -a flush -d 'Hand queued replies to sendmail again'
complete -c tkt -n '__tkt_using_command outbox; and __tkt_args_fewer_than 1' -a requeue -d 'Queue again entries stuck in sending'
complete -c tkt -n '__tkt_using_command outbox; and __tkt_args_fewer_than 1' -l all -d 'List sent messages too'
complete -c tkt -n '__tkt_using_command outbox; and __tkt_args_fewer_than 1' -l json -d 'Print a JSON array'
complete -c tkt -n '__tkt_using_subcommand outbox flush' -a '(__tkt_outbox_ids queued)'
complete -c tkt -n '__tkt_using_subcommand outbox requeue' -a '(__tkt_outbox_ids sending)'

# template [--templates DIR] list|show|render|lint ...
complete -c tkt -n '__tkt_using_command template; and __tkt_args_fewer_than 1' -a list -d 'List the templates'
complete -c tkt -n '__tkt_using_command template; and __tkt_args_fewer_than 1' -a show -d "Print a template's file"
complete -c tkt -n '__tkt_using_command template; and __tkt_args_fewer_than 1' -a render -d 'Render a template for a ticket or a JSON context'
complete -c tkt -n '__tkt_using_command template; and __tkt_args_fewer_than 1' -a lint -d 'Check templates: syntax, variables, languages, tone'
complete -c tkt -n '__tkt_using_command template' -l templates -x -a '(__fish_complete_directories)' -d 'Look for templates in this folder first'
complete -c tkt -n '__tkt_using_subcommand template list' -l json -d 'Print a JSON array'
complete -c tkt -n '__tkt_using_subcommand template show render; and __tkt_args_fewer_than 2' -a '(__tkt_templates)'
complete -c tkt -n '__tkt_using_subcommand template lint' -a '(__tkt_templates)'
complete -c tkt -n '__tkt_using_subcommand template render; and not __fish_seen_argument -l context' -l ticket -x -a '(__tkt_ids)' -d 'Render for this ticket'
complete -c tkt -n '__tkt_using_subcommand template render; and not __fish_seen_argument -l ticket' -l context -r -F -d 'Render with this JSON object as context'
complete -c tkt -n '__tkt_using_subcommand template render' -l var -x -d 'A value for the template: name=value'
complete -c tkt -n '__tkt_using_subcommand template render' -l lang -x -a 'en ru' -d 'The language'
