#!/usr/bin/env bash
# Measures `par import` on a generated plan of N pages (default 50; target: under 100 ms).
# Usage: bench/import.sh [PAGES]. Builds in release mode; writes into bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-50}
mkdir -p bench/out
cargo build --release --quiet --bin par --example gen_document
doc=bench/out/plan-${pages}p.md
target/release/examples/gen_document "$pages" > "$doc"
echo "$doc: $(wc -c < "$doc") bytes, $(grep -c 'chủ trì, phối hợp' "$doc") tasks"
cmd="target/release/par import $doc -o bench/out/plan-${pages}p.toml --force"
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --min-runs 20 --output=null "$cmd"
else
    $cmd >/dev/null
    time (for _ in 1 2 3 4 5 6 7 8 9 10; do $cmd >/dev/null; done)
    echo "(ten runs)"
fi
