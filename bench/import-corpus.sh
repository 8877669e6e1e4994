#!/usr/bin/env bash
# Times `par import` on each document of the import corpus (tests/fixtures/import/corpus,
# issue #15; target: under 50 ms a document, process start included), then prints the
# corpus's precision/recall table per field (the test import_corpus::…_floors).
#
#   bench/import-corpus.sh          builds the release binary and times it
#   PAR=target/debug/par bench/import-corpus.sh   times another binary (no build)
#   RUNS=50 bench/import-corpus.sh  runs per document (default 20; hyperfine if installed)
#
# Writes only into bench/out/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
if [ -z "${PAR:-}" ]; then
    cargo build --release --quiet --bin par
    PAR=target/release/par
fi
runs=${RUNS:-20}
corpus=tests/fixtures/import/corpus

echo "| document | size KB | mean ms | max ms | under 50 ms |"
echo "|---|---:|---:|---:|:---:|"
slow=0
for doc in "$corpus"/*.docx "$corpus"/*.md "$corpus"/*.txt; do
    name=$(basename "$doc")
    out=bench/out/corpus-$name.toml
    "$PAR" --today 2025-06-15 import "$doc" -o "$out" --force >/dev/null 2>&1
    if command -v hyperfine >/dev/null; then
        hyperfine --warmup 3 --runs "$runs" --export-json bench/out/corpus.json --output=null \
            "$PAR --today 2025-06-15 import $doc -o $out --force" >/dev/null
        read -r mean max < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(round(r["mean"]*1000,1), round(r["max"]*1000,1))' bench/out/corpus.json)
    else
        total=0
        max=0
        for _ in $(seq "$runs"); do
            t0=$(date +%s%N)
            "$PAR" --today 2025-06-15 import "$doc" -o "$out" --force >/dev/null 2>&1
            t=$(( ($(date +%s%N) - t0) / 1000 ))
            total=$((total + t))
            [ "$t" -gt "$max" ] && max=$t
        done
        mean=$(awk -v t="$total" -v n="$runs" 'BEGIN { printf "%.1f", t / n / 1000 }')
        max=$(awk -v t="$max" 'BEGIN { printf "%.1f", t / 1000 }')
    fi
    ok=yes
    if awk -v m="$mean" 'BEGIN { exit !(m >= 50) }'; then ok=NO; slow=$((slow + 1)); fi
    printf '| %s | %s | %s | %s | %s |\n' "$name" "$(( $(wc -c < "$doc") / 1024 ))" "$mean" "$max" "$ok"
done
echo
# The precision/recall table, from the test that guards it (its figures do not depend on
# the binary timed above: the test runs the debug build).
cargo test --quiet --test main import_corpus::corpus_precision_and_recall_per_field_stay_above_their_floors \
    -- --nocapture 2>/dev/null | sed -n '/^Import corpus:/,/^Misses/p' | sed '$d'
[ "$slow" -eq 0 ] || { echo "$slow document(s) took 50 ms or more" >&2; exit 1; }
