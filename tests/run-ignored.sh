#!/usr/bin/env bash
# Runs the ignored tests whose outside tool is installed, and says which it skipped and why.
#
# A test that needs an outside tool is marked `#[ignore = "needs TOOL …"]` (tests/*.rs):
# it runs here when TOOL is on PATH. Other ignored tests (the 100,000-task plan, meant
# for a release build) are listed as skipped with their reason. Extra arguments go to
# cargo: `tests/run-ignored.sh --release`.
set -euo pipefail
cd "$(dirname "$0")/.."

# module::test_name <TAB> reason, for every #[ignore = "…"] in the test modules.
ignored() {
    awk '
        FNR == 1 { module = FILENAME; sub(/^tests\//, "", module); sub(/\.rs$/, "", module); reason = "" }
        /^[ \t]*#\[ignore = ".*"\]/ { reason = $0; sub(/^[ \t]*#\[ignore = "/, "", reason); sub(/"\].*$/, "", reason); next }
        reason != "" && match($0, /fn [a-z0-9_]+/) {
            print module "::" substr($0, RSTART + 3, RLENGTH - 3) "\t" reason
            reason = ""
        }
    ' tests/*.rs
}

run=()
while IFS=$'\t' read -r name reason; do
    if [[ $reason == needs\ * ]]; then
        tool=${reason#needs }
        tool=${tool%% *}
        tool=${tool%%:*}
        if command -v "$tool" >/dev/null 2>&1; then
            run+=("$name")
            continue
        fi
        echo "skipped $name: $reason, and $tool is not on PATH"
    else
        echo "skipped $name: $reason"
    fi
done < <(ignored)

if [[ ${#run[@]} -eq 0 ]]; then
    echo "no ignored test has its tool here: nothing to run"
    exit 0
fi
echo "running: ${run[*]}"
exec cargo test "$@" --test main -- --ignored --exact "${run[@]}"
