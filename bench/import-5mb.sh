#!/usr/bin/env bash
# Issue 15's "a 5 MB document in under 2 s and 300 MB": times the release build importing
# the two 5 MB documents of tests/import_forms.rs (a PDF of 16,200 tasks wrapped over four
# lines each; a pasted web text hard-wrapped, its heading flattened).
#
#   bench/import-5mb.sh            # writes the documents once into bench/out/import-5mb/, then measures
#   RUNS=9 bench/import-5mb.sh     # runs per document (default 5); medians are printed
#
# The documents are made by the ignored tests themselves (PAR_KEEP_DIR keeps a copy), so
# the bench measures exactly what they check. A benchmark, not a test: it prints figures
# and exits 1 when a median misses 2 s or the peak memory 300 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
OUT=bench/out/import-5mb
mkdir -p "$OUT"
if [ ! -f "$OUT/big.pdf" ] || [ ! -f "$OUT/web.txt" ]; then
    PAR_KEEP_DIR="$PWD/$OUT" cargo test --quiet --test main a_five_megabyte -- --ignored >/dev/null
fi
[ -n "${PAR:-}" ] || { cargo build --quiet --release --bin par; PAR=target/release/par; }
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
echo "par import, 5 MB documents, $RUNS runs each; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg); $PAR"
printf '%-10s %10s %10s %10s %10s   %s\n' document size 'wall ms' 'user ms' 'RSS KiB' 'walls (sorted)'
missed=0
for doc in big.pdf web.txt; do
    walls=() users=() rss=0
    for _ in $(seq "$RUNS"); do
        t0=$(date +%s%N)
        /usr/bin/time -o "$TIMES" -f '%M %U' "$PAR" --today 2025-06-15 import "$OUT/$doc" -o "$OUT/$doc.toml" --force >/dev/null 2>&1
        t1=$(date +%s%N)
        read -r m u < "$TIMES"
        walls+=($(( (t1 - t0) / 1000000 )))
        users+=("$(awk -v x="$u" 'BEGIN {printf "%d", x * 1000}')")
        (( m > rss )) && rss=$m
    done
    sorted=$(printf '%s\n' "${walls[@]}" | sort -n | tr '\n' ' ')
    median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    user=$(printf '%s\n' "${users[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-10s %10s %10s %10s %10s   %s\n' "$doc" "$(stat -c %s "$OUT/$doc")" "$median" "$user" "$rss" "${sorted% }"
    if (( median >= 2000 || rss >= 300 * 1024 )); then missed=1; fi
done
(( missed == 0 )) || { echo "MISSED: a 5 MB document in under 2 s and 300 MB"; exit 1; }
echo "both 5 MB documents in under 2 s and 300 MB"
