# bash completion for tkt(1)                                   -*- shell-script -*-
#
# Needs bash 4; does not need the bash-completion package. The command line is
# split on blanks only, so that filter terms such as status:open,pending stay
# one word.

# Prints the words of the command line up to the cursor, one per line, and an
# empty last word when the cursor follows a blank.
__tkt_words() {
    local line=${COMP_LINE:0:COMP_POINT}
    local -a split=()
    read -ra split <<<"$line"
    ((${#split[@]})) && printf '%s\n' "${split[@]}"
    if [[ -z $line || $line == *[[:blank:]] ]]; then
        printf '\n'
    fi
    return 0
}

# Runs tkt quietly, with the --db and --config options given on the line, if
# the database exists: tkt would create a missing one.
__tkt_run() {
    local tkt=${words[0]} i db=${TKT_DB-}
    [[ $tkt == */* && -x $tkt ]] || tkt=tkt
    local -a global=()
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
        --db) db=${words[i + 1]} ;;
        --db=*) db=${words[i]#--db=} ;;
        esac
        case ${words[i]} in
        --db | --config) global+=("${words[i]}" "${words[i + 1]}") ;;
        --db=* | --config=*) global+=("${words[i]}") ;;
        esac
    done
    if [[ -z $db ]]; then
        local data=${XDG_DATA_HOME-}
        [[ $data == /* ]] || data=${HOME-}/.local/share
        db=$data/tkt/tkt.db
    fi
    db=${db/#\~\//${HOME-}/}
    [[ -f $db ]] || return 0
    "$tkt" "${global[@]}" "$@" 2>/dev/null
}

# Prints the commands of tkt, or the subcommands of command $1, one name a line, as
# 'tkt help --commands' lists them: the list is kept in one place, the binary.
__tkt_commands() {
    local tkt=${words[0]}
    [[ $tkt == */* && -x $tkt ]] || tkt=tkt
    "$tkt" help --commands "$@" 2>/dev/null | cut -f1
}

# Prints the long options of command $1 (with $2, of that subcommand) as its help lists
# them: what a command this file has no arm for is completed with.
__tkt_options() {
    local tkt=${words[0]}
    [[ $tkt == */* && -x $tkt ]] || tkt=tkt
    "$tkt" help "$@" 2>/dev/null | sed '/^Subcommands:/,$d' | grep -oE -- '--[[:alnum:]][[:alnum:]-]*' | sort -u
}

# Ticket ids: open work for most commands, solved and closed ones for reopen.
__tkt_ids() {
    __tkt_run list --limit 200 | cut -f1
}

__tkt_finished_ids() {
    __tkt_run list status:solved,closed --limit 200 | cut -f1
}

# Recently updated tickets of any status, for rate: customers rate solved ones too.
__tkt_recent_ids() {
    __tkt_run list status:any --sort=-updated --limit 200 | cut -f1
}

# Outbox entries in the state $1 (queued or sending), from 'tkt outbox'.
__tkt_outbox_ids() {
    __tkt_run outbox | awk -F '\t' -v state="$1" '$3 == state { print $1 }'
}

# Template names, from 'tkt template list', which needs no database, with the
# --config and --templates options given on the line; with $1 = reply, the
# partials (greeting, signature) are left out.
__tkt_template_names() {
    local tkt=${words[0]} i value
    [[ $tkt == */* && -x $tkt ]] || tkt=tkt
    local -a global=() folders=()
    for ((i = 1; i < cword; i++)); do
        value=${words[i + 1]-}
        value=${value/#\~\//${HOME-}/}
        case ${words[i]} in
        --config) global+=(--config "$value") ;;
        --config=*) global+=("${words[i]}") ;;
        --templates) folders+=(--templates "$value") ;;
        --templates=*) folders+=("${words[i]}") ;;
        esac
    done
    "$tkt" "${global[@]}" template "${folders[@]}" list 2>/dev/null |
        awk -F '\t' -v skip="${1-}" '!(skip == "reply" && $2 == "partial") { print $1 }'
}

# Prints the configuration directory: --config on the line, else $TKT_CONFIG,
# else $XDG_CONFIG_HOME/tkt, else ~/.config/tkt.
__tkt_config_dir() {
    local i dir=${TKT_CONFIG-}
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
        --config) dir=${words[i + 1]-} ;;
        --config=*) dir=${words[i]#--config=} ;;
        esac
    done
    if [[ -z $dir ]]; then
        dir=${XDG_CONFIG_HOME-}
        [[ $dir == /* ]] || dir=${HOME-}/.config
        dir=$dir/tkt
    fi
    printf '%s\n' "${dir/#\~\//${HOME-}/}"
}

# Agent logins, from the 'login = "..."' lines of routing.toml; no database or
# tkt run needed.
__tkt_agents() {
    local file
    file=$(__tkt_config_dir)/routing.toml
    [[ -r $file ]] || return 0
    awk -F '"' '/^[[:space:]]*login[[:space:]]*=/ && !seen[$2]++ { print $2 }' "$file"
}

# Queue names, from the 'queue = "..."' and 'queues = [...]' lines of routing.toml.
__tkt_queues() {
    local file
    file=$(__tkt_config_dir)/routing.toml
    [[ -r $file ]] || return 0
    awk -F '"' '
        /^[[:space:]]*queue[[:space:]]*=/ { if (!seen[$2]++) print $2 }
        /^[[:space:]]*queues[[:space:]]*=/ { for (i = 2; i <= NF; i += 2) if (!seen[$i]++) print $i }
    ' "$file" | sort
}

# Tags in use on recent tickets, or on the ticket given as $1.
__tkt_tags() {
    if [[ -n ${1-} ]]; then
        __tkt_run list "$1" | cut -f10 | tr , '\n' | awk 'NF'
    else
        __tkt_run list status:any --sort=-updated --limit 200 | cut -f10 | tr , '\n' |
            awk 'NF && !seen[$0]++' | sort
    fi
}

# Adds to COMPREPLY the choices ($2...) that complete the word $1.
__tkt_add() {
    local word=$1
    shift
    local IFS=$'\n'
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -W "$*" -- "$word")
}

# Completes the last item of a comma-separated list that follows a fixed
# prefix ($2), as in status:new,open or --sort=-priority,id; $1 is the word and
# $3... are the items.
__tkt_add_list() {
    local word=$1 prefix=$2
    shift 2
    local value=${word#"$prefix"}
    local head=$prefix${value%"${value##*,}"} item
    local -a items=()
    for item; do
        items+=("$head$item")
    done
    __tkt_add "$word" "${items[@]}"
}

# Bash replaces only the text after the last word-break character (such as
# ':' or '='); removes what comes before it from each candidate.
__tkt_trim() {
    local i c cut=0
    for ((i = 0; i < ${#cur}; i++)); do
        c=${cur:i:1}
        if [[ $c != [\"\'] && $COMP_WORDBREAKS == *"$c"* ]]; then
            cut=$((i + 1))
        fi
    done
    ((cut && ${#COMPREPLY[@]})) || return 0
    local prefix=${cur:0:cut}
    COMPREPLY=("${COMPREPLY[@]#"$prefix"}")
}

_tkt() {
    local -a words=()
    mapfile -t words < <(__tkt_words)
    local cword=$((${#words[@]} - 1))
    local cur=${words[cword]} prev=
    ((cword > 0)) && prev=${words[cword - 1]}
    local -a ids=() tags=() agents=() queues=()
    COMPREPLY=()

    local -a commands=()
    mapfile -t commands < <(__tkt_commands)
    local -a statuses=(new open pending solved closed)
    local -a priorities=(low normal high urgent)
    local -a channels=(email chat phone web api)
    local -a sort_keys=(id created updated priority status queue assignee)
    local -a filter_keys=(status: queue: line: priority: assignee: requester: channel: language: id:
        breaching 'due<' 'due>')
    local -a langs=(en ru)
    local -a names=()

    # The global options may come before or after the command.
    case $prev in
    --db)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return 0
        ;;
    --config)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        return 0
        ;;
    esac

    # The command is the first word that is neither an option nor its value.
    local i command='' first=0
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
        --db | --config) ((i++)) ;;
        -*) ;;
        *)
            command=${words[i]}
            first=$((i + 1))
            break
            ;;
        esac
    done

    # The command's positional arguments so far.
    local -a args=()
    if [[ -n $command ]]; then
        for ((i = first; i < cword; i++)); do
            case ${words[i]} in
            --db | --config | --login | --name | --email | --subject | --from | --body | \
                --channel | --priority | --queue | --tag | --sort | --limit | --where | \
                --template | --message | --from-ticket | --var | --attach | --lang | --as | --status | --templates | \
                --ticket | --context | --explain | --reason | --to-line | --to | --comment | \
                --since | --until | --by | --within | --format | --output) ((i++)) ;;
            -t | -m | -r | -o)
                # reply's -t and -m, escalate's -r and attachment's -o take a value;
                # for tag they are tag removals.
                if [[ $command == reply && ${words[i]} != -r && ${words[i]} != -o ]] ||
                    [[ $command == escalate && ${words[i]} == -r ]] ||
                    [[ $command == attachment && ${words[i]} == -o ]]; then
                    ((i++))
                elif [[ $command != reply && $command != escalate && $command != attachment ]]; then
                    args+=("${words[i]}")
                fi
                ;;
            --*) ;;
            -?)
                # Short flags of their own (route -a -n, escalate -n); for tag, removals.
                case $command in
                reply | route | escalate) ;;
                *) args+=("${words[i]}") ;;
                esac
                ;;
            *) args+=("${words[i]}") ;;
            esac
        done
    fi

    case $command in
    '')
        if [[ $cur == -* ]]; then
            __tkt_add "$cur" --db --config --version --help -h
        else
            __tkt_add "$cur" "${commands[@]}"
        fi
        ;;
    help)
        if [[ $cur == -* ]]; then
            __tkt_add "$cur" --commands --help -h
        elif ((${#args[@]} == 0)); then
            __tkt_add "$cur" "${commands[@]}"
        fi
        ;;
    init)
        case $prev in
        --login | --name | --email) return 0 ;;
        --group)
            mapfile -t COMPREPLY < <(compgen -g -- "$cur")
            return 0
            ;;
        --holidays)
            __tkt_add "$cur" ru none
            return 0
            ;;
        esac
        __tkt_add "$cur" --login --name --email --group --holidays --help
        ;;
    new)
        case $prev in
        --channel) __tkt_add "$cur" "${channels[@]}" ;;
        --priority) __tkt_add "$cur" "${priorities[@]}" ;;
        --body) __tkt_add "$cur" - ;;
        --queue) mapfile -t queues < <(__tkt_queues) && __tkt_add "$cur" "${queues[@]}" ;;
        --subject | --from | --tag) ;;
        *)
            case $cur in
            --channel=*) __tkt_add_list "$cur" --channel= "${channels[@]}" ;;
            --priority=*) __tkt_add_list "$cur" --priority= "${priorities[@]}" ;;
            --queue=*)
                mapfile -t queues < <(__tkt_queues)
                __tkt_add "$cur" "${queues[@]/#/--queue=}"
                ;;
            -*)
                __tkt_add "$cur" --subject --from --body --channel --priority --queue \
                    --tag --email --trusted --json --help
                ;;
            esac
            ;;
        esac
        ;;
    list | watch | search)
        # watch takes list's filter terms (breaching and due: aside) and --json; search
        # takes words to find and the same terms, and reads -word as a word to leave out.
        case $prev in
        --sort)
            __tkt_add_list "$cur" '' "${sort_keys[@]}" "${sort_keys[@]/#/-}"
            ;;
        --limit | --offset) ;;
        *)
            case $cur in
            --sort=*) __tkt_add_list "$cur" --sort= "${sort_keys[@]}" "${sort_keys[@]/#/-}" ;;
            - | --*)
                if [[ $command == watch ]]; then
                    __tkt_add "$cur" --json --help
                elif [[ $command == search ]]; then
                    __tkt_add "$cur" --limit --offset --json --help
                else
                    __tkt_add "$cur" --sort --limit --json --csv --help
                fi
                ;;
            -*) mapfile -t tags < <(__tkt_tags) && __tkt_add "$cur" "${tags[@]/#/-}" ;;
            +*) mapfile -t tags < <(__tkt_tags) && __tkt_add "$cur" "${tags[@]/#/+}" ;;
            status:*) __tkt_add_list "$cur" status: "${statuses[@]}" any ;;
            priority:*) __tkt_add_list "$cur" priority: "${priorities[@]}" ;;
            channel:*) __tkt_add_list "$cur" channel: "${channels[@]}" ;;
            language:*) __tkt_add_list "$cur" language: "${langs[@]}" none ;;
            assignee:*)
                mapfile -t agents < <(__tkt_agents)
                __tkt_add_list "$cur" assignee: none me "${agents[@]}"
                ;;
            queue:*)
                mapfile -t queues < <(__tkt_queues)
                __tkt_add_list "$cur" queue: none "${queues[@]}"
                ;;
            *:* | *\<* | *\>*) ;;
            *)
                __tkt_add "$cur" "${filter_keys[@]}"
                # A key wants its value next; breaching is a whole term.
                if [[ ${#COMPREPLY[@]} -ne 1 || ${COMPREPLY[0]} != breaching ]]; then
                    compopt -o nospace 2>/dev/null
                fi
                ;;
            esac
            ;;
        esac
        ;;
    attachment)
        case $prev in
        --output | -o)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        *)
            if [[ $cur == -* ]]; then
                __tkt_add "$cur" -o --output --force --help
            elif ((${#args[@]} == 0)); then
                mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
            fi
            ;;
        esac
        ;;
    show | history)
        if [[ $cur == -* ]]; then
            __tkt_add "$cur" --json --no-pager --help
        elif ((${#args[@]} == 0)); then
            mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
        fi
        ;;
    similar)
        if [[ $prev == --limit ]]; then
            :
        elif [[ $cur == -* ]]; then
            __tkt_add "$cur" --limit --json --help
        elif ((${#args[@]} == 0)); then
            mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
        fi
        ;;
    reply)
        case $prev in
        --template | -t)
            mapfile -t names < <(__tkt_template_names reply) && __tkt_add "$cur" "${names[@]}"
            ;;
        --message | -m) __tkt_add "$cur" - ;;
        --from-ticket) mapfile -t ids < <(__tkt_finished_ids) && __tkt_add "$cur" "${ids[@]}" ;;
        --lang) __tkt_add "$cur" "${langs[@]}" ;;
        --status) __tkt_add "$cur" "${statuses[@]}" ;;
        --outcome) __tkt_add "$cur" reached voicemail ;;
        --as) mapfile -t agents < <(__tkt_agents) && __tkt_add "$cur" "${agents[@]}" ;;
        --templates)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            ;;
        --attach)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        --where | --var) ;;
        *)
            case $cur in
            --template=*)
                mapfile -t names < <(__tkt_template_names reply)
                __tkt_add "$cur" "${names[@]/#/--template=}"
                ;;
            --lang=*) __tkt_add "$cur" "${langs[@]/#/--lang=}" ;;
            --status=*) __tkt_add "$cur" "${statuses[@]/#/--status=}" ;;
            --as=*)
                mapfile -t agents < <(__tkt_agents)
                __tkt_add "$cur" "${agents[@]/#/--as=}"
                ;;
            -*)
                __tkt_add "$cur" --where --template --message --from-ticket --var --attach --lang --as --status \
                    --templates --dry-run --edit --strict --force --mime --send --outcome --help
                ;;
            *)
                # One ticket id, unless --where chooses the tickets.
                if ((${#args[@]} == 0)) && [[ " ${words[*]:first:cword-first} " != *" --where"[\ =]* ]]; then
                    mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
                fi
                ;;
            esac
            ;;
        esac
        ;;
    close)
        if [[ $cur == -* ]]; then
            __tkt_add "$cur" --where --dry-run --yes --help
        else
            mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
        fi
        ;;
    reopen)
        if [[ $cur == -* ]]; then
            __tkt_add "$cur" --where --dry-run --yes --help
        else
            mapfile -t ids < <(__tkt_finished_ids) && __tkt_add "$cur" "${ids[@]}"
        fi
        ;;
    tag)
        if ((${#args[@]} == 0)); then
            if [[ $cur == -* ]]; then
                __tkt_add "$cur" --where --dry-run --yes --help
            else
                mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
            fi
        elif [[ $cur == -* ]]; then
            local id=${args[0]//[\"\']/}
            mapfile -t tags < <(__tkt_tags "${id#\#}") && __tkt_add "$cur" "${tags[@]/#/-}"
        else
            mapfile -t tags < <(__tkt_tags) && __tkt_add "$cur" "${tags[@]/#/+}"
        fi
        ;;
    set)
        # set ID...|--where FILTER FIELD:VALUE... [--reason TEXT]
        if [[ $cur == -* ]]; then
            __tkt_add "$cur" --reason --where --dry-run --yes --help
        elif [[ $cur == language:* ]]; then
            __tkt_add "$cur" "${langs[@]/#/language:}" language:auto language:none
        else
            mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
            ((${#args[@]} > 0)) && __tkt_add "$cur" language: priority: subject: queue: line: requester:
        fi
        ;;
    route)
        # Tickets by id, --all or --explain ID; 'route test DIR' runs the rules over
        # saved mail.
        if ((${#args[@]} > 0)) && [[ ${args[0]} == test ]]; then
            case ${args[0]} in
            test)
                if [[ $cur == -* ]]; then
                    __tkt_add "$cur" --help
                elif ((${#args[@]} == 1)); then
                    compopt -o filenames 2>/dev/null
                    mapfile -t COMPREPLY < <(compgen -d -- "$cur")
                fi
                ;;
            esac
        elif [[ $prev == --explain ]]; then
            mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
        elif [[ $cur == -* ]]; then
            __tkt_add "$cur" --all --dry-run --explain --json --help
        else
            ((${#args[@]} == 0)) && [[ " ${words[*]:first:cword-first} " != *" -"* ]] &&
                __tkt_add "$cur" $(__tkt_commands route)
            mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
        fi
        ;;
    assign)
        # assign ID LOGIN; 'none' unassigns.
        if [[ $cur == -* ]]; then
            __tkt_add "$cur" --temporary --where --dry-run --yes --help
        elif ((${#args[@]} == 0)); then
            mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
        elif ((${#args[@]} == 1)); then
            mapfile -t agents < <(__tkt_agents) && __tkt_add "$cur" "${agents[@]}" none
        fi
        ;;
    next)
        case $prev in
        --as) mapfile -t agents < <(__tkt_agents) && __tkt_add "$cur" "${agents[@]}" ;;
        *)
            case $cur in
            --as=*)
                mapfile -t agents < <(__tkt_agents)
                __tkt_add "$cur" "${agents[@]/#/--as=}"
                ;;
            -*) __tkt_add "$cur" --peek --as --json --help ;;
            esac
            ;;
        esac
        ;;
    escalate)
        # escalate ID --reason TEXT [--to-line N] [--to LOGIN] [--notify], or
        # escalate --overdue [--dry-run] [--json].
        local overdue=0
        [[ " ${words[*]:first:cword-first} " == *" --overdue "* ]] && overdue=1
        case $prev in
        --reason | -r | --to-line) ;;
        --to) mapfile -t agents < <(__tkt_agents) && __tkt_add "$cur" "${agents[@]}" ;;
        *)
            case $cur in
            --to=*)
                mapfile -t agents < <(__tkt_agents)
                __tkt_add "$cur" "${agents[@]/#/--to=}"
                ;;
            -*)
                if ((overdue)); then
                    __tkt_add "$cur" --dry-run --json --help
                elif ((${#args[@]} > 0)); then
                    __tkt_add "$cur" --reason --to-line --to --note --notify --help
                else
                    __tkt_add "$cur" --reason --to-line --to --note --notify --overdue --dry-run \
                        --json --help
                fi
                ;;
            *)
                if ((!overdue && ${#args[@]} == 0)); then
                    mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
                fi
                ;;
            esac
            ;;
        esac
        ;;
    sla)
        if [[ $cur == -* ]]; then
            __tkt_add "$cur" --json --help
        elif ((${#args[@]} == 0)); then
            mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
        fi
        ;;
    merge)
        # merge ID... --into ID
        case $prev in
        --into) mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}" ;;
        *)
            if [[ $cur == -* ]]; then
                __tkt_add "$cur" --into --help
            else
                mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}"
            fi
            ;;
        esac
        ;;
    add)
        # add ID --body TEXT|- [--from WHO] [--channel C] [--at TIME], or add --json.
        case $prev in
        --channel) __tkt_add "$cur" "${channels[@]}" ;;
        --body) __tkt_add "$cur" - ;;
        --from | --at) ;;
        *)
            case $cur in
            --channel=*) __tkt_add_list "$cur" --channel= "${channels[@]}" ;;
            -*) __tkt_add "$cur" --body --from --channel --at --json --help ;;
            *)
                if ((${#args[@]} == 0)); then
                    mapfile -t ids < <(__tkt_recent_ids) && __tkt_add "$cur" "${ids[@]}"
                fi
                ;;
            esac
            ;;
        esac
        ;;
    customer)
        # customer [--json] WHO, customer link WHO WHO..., customer unlink WHO...:
        # identities are typed by hand.
        if ((${#args[@]} == 0)); then
            if [[ $cur == -* ]]; then
                __tkt_add "$cur" --json --help -h
            else
                __tkt_add "$cur" $(__tkt_commands customer)
            fi
        else
            case ${args[0]} in
            link | unlink)
                [[ $cur == -* ]] && __tkt_add "$cur" --help
                ;;
            esac
        fi
        ;;
    rate)
        # rate ID SCORE [--comment TEXT] [--from WHO]; the score is 1 (bad) to 5 (excellent).
        case $prev in
        --comment | --from) ;;
        *)
            if [[ $cur == -* ]]; then
                __tkt_add "$cur" --comment --from --help
            elif ((${#args[@]} == 0)); then
                mapfile -t ids < <(__tkt_recent_ids) && __tkt_add "$cur" "${ids[@]}"
            elif ((${#args[@]} == 1)); then
                __tkt_add "$cur" 1 2 3 4 5
            fi
            ;;
        esac
        ;;
    stats)
        local -a groups=(queue line agent channel priority hour day week month tag customer)
        local -a formats=(table json csv markdown prometheus html)
        local -a whens=(today yesterday this-week last-week this-month last-month 7d)
        case $prev in
        --by) __tkt_add "$cur" "${groups[@]}" ;;
        --format) __tkt_add "$cur" "${formats[@]}" ;;
        --since | --until) __tkt_add "$cur" "${whens[@]}" ;;
        --output)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        --where | --within) ;;
        *)
            case $cur in
            --by=*) __tkt_add "$cur" "${groups[@]/#/--by=}" ;;
            --format=*) __tkt_add "$cur" "${formats[@]/#/--format=}" ;;
            --since=*) __tkt_add "$cur" "${whens[@]/#/--since=}" ;;
            --until=*) __tkt_add "$cur" "${whens[@]/#/--until=}" ;;
            -*)
                __tkt_add "$cur" --since --until --by --where --within --business-hours \
                    --format --output --help
                ;;
            esac
            ;;
        esac
        ;;
    import)
        # The first argument is the format, and the options are the format's.
        if ((${#args[@]} == 0)); then
            if [[ $cur == -* ]]; then
                __tkt_add "$cur" --help -h
            else
                __tkt_add "$cur" $(__tkt_commands import)
            fi
        else
            case ${args[0]} in
            mbox)
                if [[ $cur == -* ]]; then
                    __tkt_add "$cur" --trusted --json --help
                else
                    compopt -o filenames 2>/dev/null
                    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
                fi
                ;;
            maildir)
                if [[ $cur == -* ]]; then
                    __tkt_add "$cur" --trusted --json --help
                else
                    compopt -o filenames 2>/dev/null
                    mapfile -t COMPREPLY < <(compgen -d -- "$cur")
                fi
                ;;
            esac
        fi
        ;;
    outbox)
        # Without a subcommand it lists the outbox; flush and requeue take entry ids.
        if ((${#args[@]} == 0)); then
            if [[ $cur == -* ]]; then
                __tkt_add "$cur" --all --json --help
            else
                __tkt_add "$cur" $(__tkt_commands outbox)
            fi
        elif [[ $cur == -* ]]; then
            __tkt_add "$cur" --help
        else
            case ${args[0]} in
            flush)
                mapfile -t ids < <(__tkt_outbox_ids queued) && __tkt_add "$cur" "${ids[@]}"
                ;;
            requeue)
                mapfile -t ids < <(__tkt_outbox_ids sending) && __tkt_add "$cur" "${ids[@]}"
                ;;
            esac
        fi
        ;;
    template)
        # The first argument is the subcommand; --templates may come before or after it.
        case $prev in
        --templates)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            ;;
        --ticket) mapfile -t ids < <(__tkt_ids) && __tkt_add "$cur" "${ids[@]}" ;;
        --context)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        --lang) __tkt_add "$cur" "${langs[@]}" ;;
        --var) ;;
        *)
            if ((${#args[@]} == 0)); then
                if [[ $cur == -* ]]; then
                    __tkt_add "$cur" --templates --help
                else
                    __tkt_add "$cur" $(__tkt_commands template)
                fi
            else
                case ${args[0]} in
                list)
                    [[ $cur == -* ]] && __tkt_add "$cur" --json --templates --help
                    ;;
                show)
                    if [[ $cur == -* ]]; then
                        __tkt_add "$cur" --templates --help
                    elif ((${#args[@]} == 1)); then
                        mapfile -t names < <(__tkt_template_names) && __tkt_add "$cur" "${names[@]}"
                    fi
                    ;;
                render)
                    if [[ $cur == -* ]]; then
                        __tkt_add "$cur" --ticket --context --var --lang --templates --help
                    elif ((${#args[@]} == 1)); then
                        mapfile -t names < <(__tkt_template_names) && __tkt_add "$cur" "${names[@]}"
                    fi
                    ;;
                lint)
                    if [[ $cur == -* ]]; then
                        __tkt_add "$cur" --templates --help
                    else
                        mapfile -t names < <(__tkt_template_names) && __tkt_add "$cur" "${names[@]}"
                    fi
                    ;;
                esac
            fi
            ;;
        esac
        ;;
    config)
        # The only subcommand is check.
        if ((${#args[@]} == 0)); then
            if [[ $cur == -* ]]; then
                __tkt_add "$cur" --help -h
            else
                __tkt_add "$cur" $(__tkt_commands config)
            fi
        else
            case ${args[0]} in
            check)
                [[ $cur == -* ]] && __tkt_add "$cur" --help
                ;;
            esac
        fi
        ;;
    db)
        # db copy FROM TO: database files (or postgresql:// URIs, typed by hand); db setup,
        # db index [--rebuild], db check.
        if ((${#args[@]} == 0)); then
            if [[ $cur == -* ]]; then
                __tkt_add "$cur" --help -h
            else
                __tkt_add "$cur" $(__tkt_commands db)
            fi
        else
            case ${args[0]} in
            copy)
                if [[ $cur == -* ]]; then
                    __tkt_add "$cur" --help
                elif ((${#args[@]} <= 2)); then
                    compopt -o filenames 2>/dev/null
                    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
                fi
                ;;
            setup | check)
                [[ $cur == -* ]] && __tkt_add "$cur" --help
                ;;
            index)
                [[ $cur == -* ]] && __tkt_add "$cur" --rebuild --help
                ;;
            esac
        fi
        ;;
    *)
        # A command this file does not know yet: the options its help lists.
        [[ $cur == -* ]] && __tkt_add "$cur" $(__tkt_options "$command")
        ;;
    esac
    __tkt_trim
    return 0
}

complete -F _tkt tkt
