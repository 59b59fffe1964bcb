#!/usr/bin/env bash
# Checks that the manual page and the shell completions cover every command and
# long option that tkt itself lists, and that they are well-formed.
#
# Usage: check_docs.sh TKT_BINARY REPO_ROOT
#
# What counts as covered:
#   man/tkt.1             each command has a SYNOPSIS line (.Nm, .Cm COMMAND) and a
#                         list item (.It Cm COMMAND); each option of a command is
#                         in that SYNOPSIS line and has an item (.It Fl \-option)
#                         nested in the command's item; the global options, in
#                         the SYNOPSIS lines without a command and in items
#                         outside any command's item. Examples do not count.
#   completions/tkt.bash  each command has its own case arm ("show | history)"),
#   completions/_tkt      and every --option appears literally.
#   completions/tkt.fish  each command is offered with "-a COMMAND", and every
#                         option is declared with "-l option".
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
mapfile -t commands < <(printf '%s\n' "$top_help" |
    awk '/^Subcommands:/ { inside = 1; next } inside && NF == 0 { inside = 0 } inside { print $1 }')
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
# command, and all of them together.
global_options=$(printf '%s\n' "$top_help" | sed '/^Subcommands:/,$d' | long_options)
declare -A command_options=()
all_options=$global_options
for command in "${commands[@]}"; do
    if ! help_text=$(run_tkt help "$command" 2>&1); then
        fail "'tkt help $command' failed: $help_text"
        continue
    fi
    command_options[$command]=$(printf '%s\n' "$help_text" | long_options)
    all_options+=$'\n'${command_options[$command]}
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
    depth = 0; owner = ""; section = ""
}
/^\.Sh[ \t]/ {
    section = $0; sub(/^\.Sh[ \t]+/, "", section)
    syn_owner = ""; pending = 0; owner = ""
    next
}
section == "SYNOPSIS" {
    if ($1 == ".Nm") { syn_owner = "GLOBAL"; pending = 1; next }
    if (pending) {
        pending = 0
        if ($1 == ".Cm" && ($2 in is_cmd)) { syn_owner = $2; print "synopsis-command", $2; next }
    }
    if (syn_owner != "") flags_of($0, "synopsis", syn_owner)
    next
}
section == "EXAMPLES" { next }
/^\.Bl/ { depth++; next }
/^\.El/ {
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
    } else if (depth > owner_depth) {
        flags_of(head, "item", owner)
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

man_facts=$(awk -v cmds="${commands[*]}" "$man_facts_awk" "$man_page")
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

for file in "$bash_file" "$zsh_file"; do
    name=completions/${file##*/}
    for command in "${commands[@]}"; do
        if has_case_arm "$command" "$file"; then
            pass
        else
            fail "$name does not complete the command '$command' (no case arm for it)"
        fi
    done
    for option in "${options[@]}"; do
        if has_literal_option "$option" "$file"; then
            pass
        else
            fail "$name does not complete the option $option"
        fi
    done
done

for command in "${commands[@]}"; do
    if grep -Eq -- "[[:space:]]-a[[:space:]]+['\"]?$(ere_quote "$command")['\"]?([[:space:]]|$)" "$fish_file"; then
        pass
    else
        fail "completions/tkt.fish does not complete the command '$command' (no '-a $command')"
    fi
done
for option in "${options[@]}"; do
    long=$(ere_quote "${option#--}")
    if grep -Eq -- "[[:space:]](-l|--long-option|--long)[[:space:]=]+['\"]?${long}['\"]?([[:space:]]|$)" "$fish_file"; then
        pass
    else
        fail "completions/tkt.fish does not complete the option $option (no '-l ${option#--}')"
    fi
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
