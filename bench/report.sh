#!/usr/bin/env bash
# Measures `par report` on the 10,000-task benchmark plan (issue 4's target: under 100 ms),
# beside `par status` and the generic toml::Table parse of the same file.
#
#   bench/report.sh            RUNS=30 ROUNDS=5 by default; prints a Markdown table
#   N=1000 bench/report.sh     another plan size
#
# The plan is `examples/bench_plan.rs N` (the same file bench/run.sh times), the report
# period Q3 2025 as of 15/10/2025, output to /dev/null (hyperfine -N). Runs are spread
# over ROUNDS rounds that each time every command in turn, so a burst of load on the
# shared machine falls on all of them alike. Needs hyperfine and jq (apt-get installs
# them if missing); valgrind, when present, adds instruction counts, which load does not
# move. In-process stage timings: `target/release/examples/phase_times bench/out/plan-N.toml`.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
RUNS=${RUNS:-30}
ROUNDS=${ROUNDS:-5}
PER_ROUND=$(((RUNS + ROUNDS - 1) / ROUNDS))
OUT=bench/out
BIN=target/release
export PAR_TODAY=2025-10-15
unset PAR_FILE COLUMNS NO_COLOR

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v jq >/dev/null || missing+=(jq)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
    SUDO=""
    ((EUID)) && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo build --release --quiet --bin par --example bench_plan --example parse_generic --example phase_times
mkdir -p "$OUT"
plan="$OUT/plan-$N.toml"
"$BIN/examples/bench_plan" "$N" >"$plan"

rm -f "$OUT"/hf-report-*.json
for round in $(seq "$ROUNDS"); do
    echo "--- round $round of $ROUNDS" >&2
    hyperfine -N --style basic --runs "$PER_ROUND" --warmup 2 --export-json "$OUT/hf-report-$round.json" \
        -n md "$BIN/par -f $plan report --quarter Q3" \
        -n txt "$BIN/par -f $plan report --quarter Q3 --format txt" \
        -n json "$BIN/par -f $plan report --quarter Q3 --format json" \
        -n html "$BIN/par -f $plan report --quarter Q3 --format html" \
        -n status "$BIN/par -f $plan status" \
        -n generic "$BIN/examples/parse_generic $plan" >&2
done

# hstat COMMAND FIELD, in ms over all rounds (FIELD: median, mean, sd, min, cpu).
hstat() {
    jq -s -r --arg c "$1" --arg f "$2" '
        [.[].results[] | select(.command == $c)] as $r
        | ([$r[].times[]] | sort) as $t | ($t | length) as $n | ($t | add / $n) as $mean
        | {
            median: (if $n % 2 == 1 then $t[($n - 1) / 2] else ($t[$n / 2 - 1] + $t[$n / 2]) / 2 end),
            mean: $mean,
            sd: (if $n > 1 then (($t | map((. - $mean) * (. - $mean)) | add) / ($n - 1) | sqrt) else 0 end),
            min: $t[0],
            cpu: ([$r[] | (.user + .system) * (.times | length)] | add / $n)
          }[$f] * 1000 * 10 | round / 10' "$OUT"/hf-report-*.json
}
peak() { # median peak RSS in MiB of 5 runs
    for _ in 1 2 3 4 5; do /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; done |
        sort -n | sed -n 3p | awk '{ printf "%.1f", $1 / 1024 }'
}
instr() {
    command -v valgrind >/dev/null || { echo "–"; return; }
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | awk '{ printf "%.0fM", $1 / 1e6 }'
}

label() {
    case $1 in
        md) echo "par report --quarter Q3 (Markdown)" ;;
        txt) echo "par report … --format txt" ;;
        json) echo "par report … --format json" ;;
        html) echo "par report … --format html" ;;
        status) echo "par status" ;;
        generic) echo "generic toml::Table parse" ;;
    esac
}
args() {
    case $1 in
        md) echo "-f $plan report --quarter Q3" ;;
        txt | json | html) echo "-f $plan report --quarter Q3 --format $1" ;;
        status) echo "-f $plan status" ;;
    esac
}

echo "Run on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), \`RUNS=$RUNS ROUNDS=$ROUNDS N=$N bench/report.sh\`;"
echo "plan $(($(stat -c %s "$plan") / 1024)) KiB, $N tasks; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| command | median ms | mean ± σ ms | min ms | CPU ms | peak RSS MiB | instructions |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for c in md txt json html status generic; do
    if [[ $c == generic ]]; then
        cmd=("$BIN/examples/parse_generic" "$plan")
    else
        read -r -a a <<<"$(args "$c")"
        cmd=("$BIN/par" "${a[@]}")
    fi
    echo "| $(label "$c") | $(hstat "$c" median) | $(hstat "$c" mean) ± $(hstat "$c" sd) | $(hstat "$c" min) |" \
        "$(hstat "$c" cpu) | $(peak "${cmd[@]}") | $(instr "${cmd[@]}") |"
done
echo
md=$(hstat md median)
if awk "BEGIN { exit !($md < 100) }"; then verdict=met; else verdict=missed; fi
echo "Target: the report for the $N-task plan under 100 ms: median $md ms, **$verdict**."
