#!/bin/bash
# Writes an mbox of N messages (default 10,000) made from the SpamAssassin corpus in
# ../shared/corpora, each copy given its own Message-ID so that none is a duplicate.
# Deterministic: the same N gives the same file. Usage: bench/make_mbox.sh OUT [N]
set -euo pipefail
out=$1
count=${2:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$root/../shared/corpora/spamassassin
mapfile -t files < <(find "$corpus" -name '*.eml' | sort)
: > "$out"
for ((i = 0; i < count; i++)); do
    file=${files[i % ${#files[@]}]}
    echo "From bench@example.com Sun Nov 22 10:00:00 2026"
    # Drop the corpus's own From_ line, give the copy a fresh Message-ID, and quote
    # body lines that would read as a new message.
    awk -v id="<bench-$i@tkt.invalid>" '
        NR == 1 && /^From / { next }
        !done && /^[Mm]essage-[Ii][Dd]:/ { print "Message-ID: " id; done = 1; skip = 1; next }
        skip && /^[ \t]/ { next }
        { skip = 0 }
        !done && /^$/ { print "Message-ID: " id; done = 1 }
        /^From / { print ">" $0; next }
        { print }
    ' "$file"
    echo
done >> "$out"
