#!/usr/bin/env bash
# Instructions executed (valgrind callgrind) by status, done and report on the
# 10,000-task benchmark plan: a speed figure independent of the machine's load, used to
# check that a refactoring changed no speed path (issue 13: within 5 %).
#
#   bench/callgrind.sh              prints "command instructions" lines
#   bench/callgrind.sh > before.txt; …; bench/callgrind.sh | bench/callgrind.sh --compare before.txt
#
# Environment: N (plan size, default 10000). Needs valgrind; builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
OUT=bench/out
BIN=target/release
export PAR_TODAY=2025-10-15
unset PAR_FILE COLUMNS NO_COLOR

if [[ "${1:-}" == "--compare" ]]; then
    # stdin: this run's figures; $2: the earlier ones. Prints the change per command.
    join <(sort "$2") <(sort) | awk '{ printf "%-8s %14s %14s %+7.2f %%\n", $1, $2, $3, ($3 - $2) * 100 / $2 }'
    exit 0
fi

command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
cargo build --release --quiet --bin par --example bench_plan
mkdir -p "$OUT"
plan="$OUT/plan-$N.toml"
"$BIN/examples/bench_plan" "$N" >"$plan"

instr() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
echo "status $(instr "$BIN/par" -f "$plan" status)"
# done writes the plan: each run gets a fresh copy.
copy="$OUT/callgrind-done.toml"
cp "$plan" "$copy"
rm -f "$OUT/.callgrind-done.toml.journal"
echo "done $(instr "$BIN/par" -f "$copy" done 500)"
echo "report $(instr "$BIN/par" -f "$plan" report --quarter Q3)"
