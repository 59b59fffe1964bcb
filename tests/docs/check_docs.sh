#!/usr/bin/env bash
# Checks that the manual page and the shell completions cover every command and
# long option that tkt itself lists, and that they are well-formed.
#
# Usage: check_docs.sh TKT_BINARY REPO_ROOT
#
# The commands are those listed under "Subcommands:" in 'tkt --help'; the
# subcommands of a command (such as 'import mbox'), those listed under
# "Subcommands:" in 'tkt help COMMAND', with the options of
# 'tkt COMMAND SUBCOMMAND --help'.
#
# What counts as covered:
#   man/tkt.1             each command has a SYNOPSIS line (.Nm, .Cm COMMAND) and a
#                         list item (.It Cm COMMAND); each option of a command is
#                         in that SYNOPSIS line and has an item (.It Fl \-option)
#                         nested in the command's item; the global options, in
#                         the SYNOPSIS lines without a command and in items
#                         outside any command's item. Examples do not count.
#                         Each subcommand has a SYNOPSIS line of its own (.Nm,
#                         .Cm COMMAND SUBCOMMAND) with each of its options, and
#                         an item (.It Cm SUBCOMMAND) directly in the list nested
#                         in its command's item; each of its options has an item
#                         nested in the subcommand's item or, when the
#                         subcommands share it, directly in the command's item.
#   completions/          every command and subcommand is offered, by each shell run
#                         for real, from 'tkt help --commands'; no file repeats a
#                         summary. A command with no arm (or fish rules) of its own is
#                         covered when the shell's fallback offers every option its
#                         help lists; proven with a stand-in tkt with one more command.
#   completions/tkt.bash  each other command has its own case arm ("show | history)"),
#   completions/_tkt      and every --option appears literally. Each subcommand
#                         has a case arm too, and each of its options appears
#                         literally in that arm (up to the arm's ";;").
#   completions/tkt.fish  every other option is declared with "-l option", and
#                         each option of a subcommand on a line that names the
#                         subcommand (in its condition).
# --help is left out of the checks of a subcommand's options: the manual
# documents it once, with the global options, and the completions offer it to
# every command.
# Exits 0 and prints "docs: N checks passed", or exits 1 listing what failed.
set -euo pipefail

if (($# != 2)); then
    printf 'usage: %s TKT_BINARY REPO_ROOT\n' "${0##*/}" >&2
    exit 2
fi
tkt=$1
root=$2
man_page=$root/man/tkt.1
bash_file=$root/completions/tkt.bash
zsh_file=$root/completions/_tkt
fish_file=$root/completions/tkt.fish

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() {
    printf 'FAIL: %s\n' "$*"
    failed=$((failed + 1))
}
finish() {
    if ((failed > 0)); then
        printf 'docs: %d of %d checks failed\n' "$failed" $((passed + failed))
        exit 1
    fi
    printf 'docs: %d checks passed\n' "$passed"
    exit 0
}

# Escapes a string for use inside an extended regular expression.
ere_quote() {
    printf '%s' "$1" | sed 's/[][\.*^$?+(){}|/]/\\&/g'
}

# Runs tkt with a private, empty environment for its files, so that a check never
# reads or creates a real database.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
run_tkt() {
    env -u TKT_NOW -u TKT_LOCK_TIMEOUT TKT_DB="$scratch/tkt.db" TKT_CONFIG="$scratch/config" \
        "$tkt" "$@"
}

# --- Inputs ------------------------------------------------------------------

if [[ ! -x $tkt ]]; then
    fail "tkt binary '$tkt' is not executable"
    finish
fi
for file in "$man_page" "$bash_file" "$zsh_file" "$fish_file"; do
    if [[ -f $file ]]; then
        pass
    else
        fail "missing file $file"
    fi
done
((failed == 0)) || finish

if ! top_help=$(run_tkt --help 2>&1); then
    fail "'tkt --help' failed: $top_help"
    finish
fi
# Prints the names listed under "Subcommands:" in the help text on standard
# input, one a line: the first word of each line indented by two, not the wrapped
# lines of a description, which start further right.
subcommand_names() {
    awk '/^Subcommands:/ { inside = 1; next } inside && NF == 0 { inside = 0 } inside && /^  [^ ]/ { print $1 }'
}
mapfile -t commands < <(printf '%s\n' "$top_help" | subcommand_names)
if ((${#commands[@]} == 0)); then
    fail "found no subcommands in 'tkt --help'"
    finish
fi
pass

# Prints the long options in the help text on standard input, one a line.
long_options() {
    grep -oE -- '--[[:alnum:]][[:alnum:]-]*' | sort -u || true
}

# The long options of tkt itself (before its list of subcommands), those of each
# command (before its own list of subcommands, if it has one), those of each
# subcommand, and all of them together. A subcommand is named "COMMAND SUBCOMMAND",
# as in "import mbox".
global_options=$(printf '%s\n' "$top_help" | sed '/^Subcommands:/,$d' | long_options)
declare -A command_options=()
subcommands=()
declare -A subcommand_options=()
all_options=$global_options
for command in "${commands[@]}"; do
    if ! help_text=$(run_tkt help "$command" 2>&1); then
        fail "'tkt help $command' failed: $help_text"
        continue
    fi
    command_options[$command]=$(printf '%s\n' "$help_text" | sed '/^Subcommands:/,$d' | long_options)
    all_options+=$'\n'${command_options[$command]}
    mapfile -t names < <(printf '%s\n' "$help_text" | subcommand_names)
    for name in "${names[@]}"; do
        # 'tkt help COMMAND SUBCOMMAND' is not supported; --help after it is.
        if ! sub_help=$(run_tkt "$command" "$name" --help 2>&1); then
            fail "'tkt $command $name --help' failed: $sub_help"
            continue
        fi
        subcommands+=("$command $name")
        subcommand_options[$command $name]=$(printf '%s\n' "$sub_help" | long_options)
        all_options+=$'\n'${subcommand_options[$command $name]}
    done
done
mapfile -t options < <(printf '%s\n' "$all_options" | grep . | sort -u)
if [[ -z $global_options || ${#options[@]} -eq 0 ]]; then
    fail "found no long options in the help of tkt"
    finish
fi
pass

# --- Manual page -------------------------------------------------------------

# Reads the mdoc source of the manual and prints what it documents, one fact a
# line:
#   synopsis-command CMD        a SYNOPSIS line ".Nm" + ".Cm CMD"
#   synopsis OWNER --option     an option in that SYNOPSIS line (OWNER is CMD,
#                               or GLOBAL for the lines without a command)
#   item-command CMD            a list item whose head starts with "Cm CMD"
#   item OWNER --option         a list item "Fl \-option" nested in the item of
#                               CMD, or outside any command's item (GLOBAL)
#   synopsis-command CMD SUB    a SYNOPSIS line ".Nm" + ".Cm CMD SUB" (or ".Cm CMD"
#                               and then ".Cm SUB"); its options are facts
#                               "synopsis CMD SUB --option"
#   item-command CMD SUB        a list item whose head starts with "Cm SUB",
#                               directly in the list nested in the item of CMD;
#                               the items nested in it are facts
#                               "item CMD SUB --option"
# Examples and prose are ignored: an option counts only where it is listed.
read -r -d '' man_facts_awk <<'AWK' || true
function flags_of(line, kind, owner,    n, t, i, in_fl) {
    gsub(/\\-/, "-", line)
    n = split(line, t, /[ \t]+/)
    in_fl = 0
    for (i = 1; i <= n; i++) {
        if (t[i] == "Fl" || t[i] == ".Fl") { in_fl = 1; continue }
        if (t[i] ~ /^\.?[A-Z][a-z]$/) { in_fl = 0; continue }
        if (in_fl && t[i] ~ /^-[[:alnum:]]/) print kind, owner, "-" t[i]
    }
}
BEGIN {
    n = split(cmds, list, " ")
    for (i = 1; i <= n; i++) is_cmd[list[i]] = 1
    n = split(subs, list, ";")
    for (i = 1; i <= n; i++) is_sub[list[i]] = 1
    depth = 0; owner = ""; section = ""; sub_owner = ""
}
/^\.Sh[ \t]/ {
    section = $0; sub(/^\.Sh[ \t]+/, "", section)
    syn_owner = ""; pending = 0; sub_pending = 0; owner = ""; sub_owner = ""
    next
}
section == "SYNOPSIS" {
    if ($1 == ".Nm") { syn_owner = "GLOBAL"; pending = 1; sub_pending = 0; next }
    if (pending) {
        pending = 0
        if ($1 == ".Cm" && ($2 in is_cmd)) {
            syn_owner = $2; print "synopsis-command", $2
            if (($2 " " $3) in is_sub) {
                syn_owner = $2 " " $3; print "synopsis-command", syn_owner
            } else if (NF == 2) {
                sub_pending = 1
            }
            next
        }
    }
    if (sub_pending) {
        sub_pending = 0
        if ($1 == ".Cm" && (syn_owner " " $2) in is_sub) {
            syn_owner = syn_owner " " $2; print "synopsis-command", syn_owner
            next
        }
    }
    if (syn_owner != "") flags_of($0, "synopsis", syn_owner)
    next
}
section == "EXAMPLES" { next }
/^\.Bl/ { depth++; next }
/^\.El/ {
    if (sub_owner != "" && depth <= sub_depth) sub_owner = ""
    if (owner != "" && depth == owner_depth) owner = ""
    depth--
    next
}
/^\.It/ {
    head = $0
    if ($2 == "Xo") {
        while ((getline line) > 0) {
            head = head " " line
            if (line ~ /^\.Xc/) break
        }
    }
    if (owner != "" && depth == owner_depth) owner = ""
    if (owner == "") {
        if (match(head, /(^|[ \t])\.?Cm[ \t]+[^ \t]+/)) {
            word = substr(head, RSTART, RLENGTH)
            sub(/.*Cm[ \t]+/, "", word)
            if (word in is_cmd) {
                owner = word; owner_depth = depth
                print "item-command", word
                next
            }
        }
        flags_of(head, "item", "GLOBAL")
    } else if (depth == owner_depth + 1) {
        # An item of the list nested in the command's item: a subcommand, or an
        # option that its subcommands share.
        sub_owner = ""
        if (match(head, /(^|[ \t])\.?Cm[ \t]+[^ \t]+/)) {
            word = substr(head, RSTART, RLENGTH)
            sub(/.*Cm[ \t]+/, "", word)
            if ((owner " " word) in is_sub) {
                sub_owner = owner " " word; sub_depth = depth
                print "item-command", sub_owner
            }
        }
        flags_of(head, "item", sub_owner != "" ? sub_owner : owner)
    } else if (depth > owner_depth) {
        flags_of(head, "item", sub_owner != "" ? sub_owner : owner)
    }
}
AWK

if ! command -v mandoc >/dev/null 2>&1; then
    fail "mandoc is not installed: cannot lint man/tkt.1"
else
    lint=$(mandoc -T lint -W warning "$man_page" 2>&1 || true)
    if [[ -n $lint ]]; then
        fail "mandoc -T lint -W warning reports problems in man/tkt.1:"
        printf '%s\n' "$lint" | sed 's/^/    /'
    else
        pass
    fi
fi

subs_list=$(IFS=';' && printf '%s' "${subcommands[*]-}")
man_facts=$(awk -v cmds="${commands[*]}" -v subs="$subs_list" "$man_facts_awk" "$man_page")
has_fact() {
    grep -qxF -- "$*" <<<"$man_facts"
}
for option in $global_options; do
    for kind in synopsis item; do
        if has_fact "$kind GLOBAL $option"; then
            pass
        else
            fail "man/tkt.1 lacks the global option $option in its $kind list"
        fi
    done
done
for command in "${commands[@]}"; do
    if has_fact "synopsis-command $command"; then
        pass
    else
        fail "man/tkt.1 lacks a SYNOPSIS line for 'tkt $command'"
    fi
    if has_fact "item-command $command"; then
        pass
    else
        fail "man/tkt.1 does not describe the command '$command' (no list item starting with Cm $command)"
    fi
    # --help is documented once, with the global options.
    for option in ${command_options[$command]-}; do
        [[ $option == --help ]] && continue
        if has_fact "synopsis $command $option"; then
            pass
        else
            fail "man/tkt.1 lacks $option in the SYNOPSIS line of 'tkt $command'"
        fi
        if has_fact "item $command $option"; then
            pass
        else
            fail "man/tkt.1 does not describe $option of 'tkt $command' (no item Fl $option under it)"
        fi
    done
done

for subcommand in "${subcommands[@]}"; do
    command=${subcommand%% *}
    if has_fact "synopsis-command $subcommand"; then
        pass
    else
        fail "man/tkt.1 lacks a SYNOPSIS line for 'tkt $subcommand'"
    fi
    if has_fact "item-command $subcommand"; then
        pass
    else
        fail "man/tkt.1 does not describe '$subcommand' (no item Cm ${subcommand#* } in the item of $command)"
    fi
    for option in ${subcommand_options[$subcommand]-}; do
        [[ $option == --help ]] && continue
        if has_fact "synopsis $subcommand $option"; then
            pass
        else
            fail "man/tkt.1 lacks $option in the SYNOPSIS line of 'tkt $subcommand'"
        fi
        if has_fact "item $subcommand $option" || has_fact "item $command $option"; then
            pass
        else
            fail "man/tkt.1 does not describe $option of 'tkt $subcommand' (no item Fl $option under it or under $command)"
        fi
    done
done

# --- Completions -------------------------------------------------------------

# Succeeds when $2 has a case arm (in sh or zsh syntax) for the word $1.
has_case_arm() {
    local word
    word=$(ere_quote "$1")
    grep -Eq "^[[:space:]]*\(?[[:space:]]*([^|()[:space:]]+[[:space:]]*\|[[:space:]]*)*${word}[[:space:]]*(\|[^)]*)?\)" "$2"
}

has_literal_option() {
    grep -Eq -- "(^|[^-[:alnum:]])$(ere_quote "$1")([^-[:alnum:]_]|$)" "$2"
}

# Prints the text of each case arm for the word $1 in the file $2: from its
# pattern to the ";;" (or ";&", ";|") that ends it, or to the "esac" of its case
# statement; the arms of case statements nested in it are skipped over.
case_arm_text() {
    local word
    word=$(ere_quote "$1")
    ARM_PATTERN="^[[:space:]]*\(?[[:space:]]*([^|()[:space:]]+[[:space:]]*\|[[:space:]]*)*${word}[[:space:]]*(\|[^)]*)?\)" \
        awk '
        BEGIN { pattern = ENVIRON["ARM_PATTERN"] }
        !inside && $0 ~ pattern {
            # The arm starts after its pattern.
            inside = 1; nested = 0; first = 1
            match($0, pattern)
            code = substr($0, RSTART + RLENGTH)
        }
        !inside { next }
        {
            if (!first) code = $0
            first = 0
            sub(/(^|[[:space:]])#.*/, "", code)
            if (code ~ /^[[:space:]]*case[[:space:]].*[[:space:]]in[[:space:]]*$/) nested++
            if (code ~ /(^|[[:space:];])esac([[:space:];]|$)/ && --nested < 0) { inside = 0; next }
            print code
            if (nested == 0 && code ~ /;;|;&|;\|/) inside = 0
        }' "$2"
}

bin_dir=$(cd "$(dirname "$tkt")" && pwd)
# Prints what bash completes for the command line $1 (the cursor at its end), with
# the tkt in the folder $2 (by default the one under test) first on PATH.
bash_offers() {
    PATH=${2:-$bin_dir}:$PATH TKT_DB=$scratch/none.db bash -c \
        'source "$1"; COMP_LINE=$2; COMP_POINT=${#COMP_LINE}; _tkt; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$bash_file" "$1"
}
# Prints what fish completes for the command line $1, names only (PATH as bash_offers).
fish_offers() {
    PATH=${2:-$bin_dir}:$PATH TKT_DB=$scratch/none.db fish -c 'source $argv[1]; complete -C $argv[2]' \
        "$fish_file" "$1" | cut -f1
}
# Prints what zsh completes for the command line $1: _describe is run with a
# stand-in that prints its candidates, so that no terminal is needed.
zsh_offers() {
    PATH=$bin_dir:$PATH zsh -fc '
        autoload -Uz compinit 2>/dev/null
        _describe() { local -a list; list=(${(P)${@[-1]}}); print -rl -- ${list%%:*}; }
        source "$1"
        local topic=${2#tkt}; topic=${topic## }; topic=${topic%% }
        local _tkt_command=tkt
        if [[ -z $topic ]]; then _tkt_commands; else _tkt_${topic}_commands; fi' _ "$zsh_file" "$1"
}
# Prints the options zsh completes a command it has no arm for, $1, with (PATH as
# bash_offers).
zsh_fallback_options() {
    PATH=${2:-$bin_dir}:$PATH zsh -fc 'source "$1"; local _tkt_command=tkt; _tkt_options "$2"' _ "$zsh_file" "$1"
}
# Prints the options the shell $1 offers after 'tkt $2 --' when its file has no arm
# (or no fish rules) for the command $2: the fallback that asks 'tkt help $2'.
fallback_options() {
    case $1 in
    bash) bash_offers "tkt $2 --" "${3-}" ;;
    fish) fish_offers "tkt $2 --" "${3-}" ;;
    zsh) zsh_fallback_options "$2" "${3-}" ;;
    esac 2>/dev/null || true
}

# A command added to tkt is completed before anyone writes completions for it: each
# shell offers it and the options its help lists. Shown with a stand-in tkt that
# knows one command more than the real one.
mkdir -p "$scratch/standin"
cat >"$scratch/standin/tkt" <<STANDIN
#!/bin/sh
if [ "\$*" = "help --commands" ]; then
    "$tkt" help --commands
    printf 'frobnicate\tA command no completion file knows\n'
elif [ "\$*" = "help frobnicate" ]; then
    printf 'A command no completion file knows\nOptions:\n  --frob-level N  How hard\n'
else
    exec "$tkt" "\$@"
fi
STANDIN
chmod +x "$scratch/standin/tkt"
for shell in bash fish zsh; do
    command -v "$shell" >/dev/null 2>&1 || continue
    if [[ $shell != zsh ]] && ! "${shell}_offers" "tkt frob" "$scratch/standin" 2>/dev/null | grep -qx frobnicate; then
        fail "$shell does not offer a command new to tkt (completions/ must ask 'tkt help --commands')"
    elif ! fallback_options "$shell" frobnicate "$scratch/standin" | grep -qx -- --frob-level; then
        fail "$shell does not offer the options of a command new to tkt (no fallback to 'tkt help COMMAND')"
    else
        pass
    fi
done

# A command without an arm of its own is covered when the shell's fallback offers
# every option its help lists; an option only such commands have needs no literal.
declare -A by_fallback=()
for file in "$bash_file" "$zsh_file" "$fish_file"; do
    name=completions/${file##*/}
    shell=bash
    [[ $file == "$zsh_file" ]] && shell=zsh
    [[ $file == "$fish_file" ]] && shell=fish
    command -v "$shell" >/dev/null 2>&1 || continue
    for command in "${commands[@]}"; do
        if [[ $shell == fish ]]; then
            grep -Eq -- "__tkt_using_command [^']*\<$(ere_quote "$command")\>" "$file" && continue
        elif has_case_arm "$command" "$file"; then
            pass
            continue
        fi
        offered=$(fallback_options "$shell" "$command")
        missing=$(comm -23 <(printf '%s\n' ${command_options[$command]} | grep -vx -- --help | sort -u) \
            <(printf '%s\n' "$offered" | sort -u) | tr '\n' ' ')
        if [[ -z $missing ]]; then
            pass
            for option in ${command_options[$command]}; do by_fallback[$name $option]=1; done
        else
            fail "$name does not complete the command '$command' (no arm for it, and its fallback misses $missing)"
        fi
    done
done
for file in "$bash_file" "$zsh_file"; do
    name=completions/${file##*/}
    for option in "${options[@]}"; do
        if has_literal_option "$option" "$file" || [[ -n ${by_fallback[$name $option]-} ]]; then
            pass
        else
            fail "$name does not complete the option $option"
        fi
    done
done

for file in "$bash_file" "$zsh_file"; do
    name=completions/${file##*/}
    for subcommand in "${subcommands[@]}"; do
        word=${subcommand#* }
        if ! has_case_arm "$word" "$file"; then
            fail "$name does not complete '$subcommand' (no case arm for $word)"
            continue
        fi
        pass
        arm=$(case_arm_text "$word" "$file")
        for option in ${subcommand_options[$subcommand]-}; do
            [[ $option == --help ]] && continue
            if grep -Eq -- "(^|[^-[:alnum:]])$(ere_quote "$option")([^-[:alnum:]_]|$)" <<<"$arm"; then
                pass
            else
                fail "$name does not complete $option of '$subcommand' (not in the case arm for $word)"
            fi
        done
    done
done

for option in "${options[@]}"; do
    long=$(ere_quote "${option#--}")
    if grep -Eq -- "[[:space:]](-l|--long-option|--long)[[:space:]=]+['\"]?${long}['\"]?([[:space:]]|$)" "$fish_file" ||
        [[ -n ${by_fallback[completions/tkt.fish $option]-} ]]; then
        pass
    else
        fail "completions/tkt.fish does not complete the option $option (no '-l ${option#--}')"
    fi
done

for subcommand in "${subcommands[@]}"; do
    word=$(ere_quote "${subcommand#* }")
    for option in ${subcommand_options[$subcommand]-}; do
        [[ $option == --help ]] && continue
        long=$(ere_quote "${option#--}")
        declared=$(grep -E -- "[[:space:]](-l|--long-option|--long)[[:space:]=]+['\"]?${long}['\"]?([[:space:]]|$)" "$fish_file" || true)
        if grep -Eq -- "(^|[^-[:alnum:]_])${word}([^-[:alnum:]_]|$)" <<<"$declared"; then
            pass
        else
            fail "completions/tkt.fish does not complete $option of '$subcommand' (no '-l ${option#--}' on a line naming ${subcommand#* })"
        fi
    done
done

# --- Command lists, from the binary ----------------------------------------------

# The completions offer the commands and subcommands that 'tkt help --commands' lists,
# with the summaries it gives: no completion file keeps a list or a summary of its own.
# Each shell is run for real, with the built tkt first on PATH.
if ! listing=$(run_tkt help --commands 2>&1); then
    fail "'tkt help --commands' failed: $listing"
    finish
fi
mapfile -t listed < <(printf '%s\n' "$listing" | cut -f1)
if [[ "${listed[*]}" == "${commands[*]}" ]]; then
    pass
else
    fail "'tkt help --commands' lists '${listed[*]}', 'tkt --help' '${commands[*]}'"
fi
while IFS=$'\t' read -r command summary; do
    for file in "$bash_file" "$zsh_file" "$fish_file"; do
        if grep -qiF -- "$summary" "$file"; then
            fail "completions/${file##*/} repeats the summary of '$command' (offer 'tkt help --commands' instead)"
        else
            pass
        fi
    done
done < <(
    printf '%s\n' "$listing"
    for subcommand in "${subcommands[@]}"; do
        run_tkt help --commands "${subcommand%% *}" | grep -- "^${subcommand#* }"$'\t'
    done
)
declare -A expected_offers=([tkt ]="${commands[*]}")
for subcommand in "${subcommands[@]}"; do
    parent=${subcommand%% *}
    expected_offers[tkt $parent ]+="${expected_offers[tkt $parent ]+ }${subcommand#* }"
done
for line in "${!expected_offers[@]}"; do
    for shell in bash fish zsh; do
        command -v "$shell" >/dev/null 2>&1 || continue
        offered=$("${shell}_offers" "$line" 2>/dev/null || true)
        for word in ${expected_offers[$line]}; do
            if grep -qx -- "$word" <<<"$offered"; then
                pass
            else
                fail "$shell does not offer '$word' after '$line' (completions/, from 'tkt help --commands')"
            fi
        done
    done
done

# --- Syntax ------------------------------------------------------------------

if out=$(bash -n "$bash_file" 2>&1); then
    pass
else
    fail "bash -n completions/tkt.bash: $out"
fi
if out=$(bash -c 'source "$1" && complete -p tkt' _ "$bash_file" 2>&1); then
    pass
else
    fail "completions/tkt.bash does not register a completion for tkt: $out"
fi
if command -v zsh >/dev/null 2>&1; then
    if out=$(zsh -n "$zsh_file" 2>&1); then
        pass
    else
        fail "zsh -n completions/_tkt: $out"
    fi
    if grep -q '^#compdef tkt' <<<"$(head -n 1 "$zsh_file")"; then
        pass
    else
        fail "completions/_tkt does not start with '#compdef tkt'"
    fi
else
    printf 'skip: zsh is not installed; completions/_tkt not syntax-checked\n'
fi
if command -v fish >/dev/null 2>&1; then
    if out=$(fish -n "$fish_file" 2>&1); then
        pass
    else
        fail "fish -n completions/tkt.fish: $out"
    fi
else
    printf 'skip: fish is not installed; completions/tkt.fish not syntax-checked\n'
fi

finish
