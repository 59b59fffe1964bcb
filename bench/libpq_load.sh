#!/bin/sh
# What linking libpq costs a process that never connects: a C program that does
# nothing, built twice (alone, and linked with libpq), timed with hyperfine in one run.
# This is why the PostgreSQL backend stays out of tkt_core (docs/DESIGN-NOTES.md).
# Usage: bench/libpq_load.sh [RUNS]
set -eu
runs=${1:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'int main(void) { return 0; }\n' >"$work/empty.c"
cc -O2 "$work/empty.c" -o "$work/alone"
cc -O2 "$work/empty.c" -o "$work/with-libpq" -Wl,--no-as-needed $(pkg-config --libs libpq)
hyperfine -N -w 20 -r "$runs" --export-markdown "$work/result.md" \
    -n 'empty program' "$work/alone" -n 'empty program + libpq' "$work/with-libpq" >/dev/null
cat "$work/result.md"
