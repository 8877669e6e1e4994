#!/usr/bin/env bash
# Benchmark of `par rollup` (issue 6): 1,000 and 10,000 generated plan files of
# 30 tasks each. Targets on the 2-core machine: under 500 ms and under 5 s, with
# peak memory (max RSS) about the same at both sizes.
#
#   bench/rollup.sh            # generate (once) into bench/out/rollup/, then measure
#   RUNS=3 bench/rollup.sh     # fewer runs per case (default 5); the median is reported
#
# A benchmark, not a test: it prints figures and exits 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
OUT=bench/out/rollup
TODAY=2025-10-05

cargo build --quiet --release --bin par --example gen_units
PAR=target/release/par
GEN=target/release/examples/gen_units

for n in 1000 10000; do
    dir=$OUT/$n
    # .generated is hidden, so the rollup does not see it.
    if [ ! -f "$dir/.generated" ]; then
        rm -rf "$dir"
        "$GEN" "$dir" "$n" 30
        touch "$dir/.generated"
    fi
done

# Median wall time (ms), median CPU time (user+sys, ms) and the largest peak RSS
# (KiB) of $RUNS runs, after one warm-up run. CPU time says what the work costs
# when other processes share the cores; wall time is what the user waits.
measure() {
    local dir=$1 jobs=$2 times=() cpus=() rss=0 t0 t1 m u s
    "$PAR" rollup "$dir" --today "$TODAY" --jobs "$jobs" --format json >/dev/null
    for _ in $(seq "$RUNS"); do
        t0=$(date +%s%N)
        read -r m u s < <( { /usr/bin/time -f '%M %U %S' "$PAR" rollup "$dir" --today "$TODAY" --jobs "$jobs" --format json >/dev/null; } 2>&1 | tail -1)
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000000 )))
        cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%d", (u + s) * 1000}')")
        (( m > rss )) && rss=$m
    done
    median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    echo "$(median "${times[@]}") $(median "${cpus[@]}") $rss"
}

echo "par rollup, ${RUNS} runs each (median wall time, max peak RSS); $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-5s %10s %10s %12s\n' files jobs 'wall (ms)' 'CPU (ms)' 'peak RSS'
fail=0
declare -A best
for n in 1000 10000; do
    for jobs in 1 2; do
        read -r ms cpu kib < <(measure "$OUT/$n" "$jobs")
        printf '%-8s %-5s %10s %10s %9s KiB\n' "$n" "$jobs" "$ms" "$cpu" "$kib"
        key=$n
        if [ -z "${best[$key]:-}" ] || (( ms < ${best[$key]%% *} )); then best[$key]="$ms $kib"; fi
    done
done

read -r ms1 kib1 <<<"${best[1000]}"
read -r ms10 kib10 <<<"${best[10000]}"
echo
echo "1,000 files:  ${ms1} ms (target < 500 ms)"
echo "10,000 files: ${ms10} ms (target < 5000 ms)"
echo "peak RSS: ${kib1} KiB at 1,000 vs ${kib10} KiB at 10,000 files"
(( ms1 < 500 )) || { echo "MISSED: 1,000 files"; fail=1; }
(( ms10 < 5000 )) || { echo "MISSED: 10,000 files"; fail=1; }
# "Flat": each extra file may cost its unit's row (and its line of output), about
# a kilobyte, never its whole plan (a loaded 30-task plan takes tens of KiB).
per_file=$(( (kib10 - kib1) * 1024 / 9000 ))
echo "growth: ${per_file} bytes of peak RSS per extra file (kept: one summary row per unit)"
(( per_file < 4096 )) || { echo "MISSED: memory grows with the plans, not just the rows"; fail=1; }
exit $fail
