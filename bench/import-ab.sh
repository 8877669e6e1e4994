#!/usr/bin/env bash
# Wall time, CPU time and peak memory of two `par import` binaries on one document, their
# runs interleaved (A, B, A, B, …) so that a shared machine's load falls on both alike.
#
#   bench/import-ab.sh BEFORE AFTER DOCUMENT [RUNS]
#
# Prints each run ("before|after wall user sys maxRSS-KB") and, per binary, the median wall
# and user time and the largest peak RSS, with the load average at the start and the end.
# Needs GNU time (/usr/bin/time).
set -euo pipefail
before=$(realpath "$1")
after=$(realpath "$2")
doc=$(realpath "$3")
runs=${4:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
    for which in before after; do
        bin=$before
        [ "$which" = after ] && bin=$after
        /usr/bin/time -f "$which %e %U %S %M" -o "$work/t" \
            "$bin" --today 2025-06-15 import "$doc" -o "$work/o.toml" --force >/dev/null 2>&1
        cat "$work/t" | tee -a "$work/all"
    done
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
med() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f (%.2f-%.2f)", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
for which in before after; do
    wall=$(grep "^$which " "$work/all" | cut -d' ' -f2 | med)
    user=$(grep "^$which " "$work/all" | cut -d' ' -f3 | med)
    rss=$(grep "^$which " "$work/all" | cut -d' ' -f5 | sort -n | tail -1)
    echo "$which: wall $wall s, user $user s, peak RSS $((rss / 1024)) MB"
done
