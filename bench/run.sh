#!/usr/bin/env bash
# Benchmark of `par` against two references on the same data: parsing the same file
# into a generic toml::Table (the floor any TOML-based tool pays) and Taskwarrior 2.6.
#
#   bench/run.sh            full run: writes the figures into BENCHMARKS.md
#   bench/run.sh --quick    fewer runs, no callgrind, BENCHMARKS.md untouched
#
# Environment: SIZES (default "100 1000 10000"), RUNS (per command, default 30),
# ROUNDS (default 5), WARMUP (per round), CALLGRIND=0 to skip the instruction counts.
# Generated files and Taskwarrior data go to bench/out/ (git-ignored). Installs
# hyperfine, taskwarrior, time and jq with apt-get if missing.
#
# The runs of each command are spread over ROUNDS rounds that each time every command
# in turn, so a burst of load on a shared machine falls on all of them alike; the
# figures are taken over all runs, and the verdicts use the medians.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1
SIZES=${SIZES:-"100 1000 10000"}
if ((QUICK)); then RUNS=${RUNS:-6} ROUNDS=${ROUNDS:-2} WARMUP=${WARMUP:-1} CALLGRIND=${CALLGRIND:-0}; fi
RUNS=${RUNS:-30}
ROUNDS=${ROUNDS:-5}
WARMUP=${WARMUP:-2}
CALLGRIND=${CALLGRIND:-1}
PER_ROUND=$(((RUNS + ROUNDS - 1) / ROUNDS))
# Start-up figures are a few milliseconds: many runs to see through the noise.
OUT=bench/out
BIN=target/release
# The generator's as-of date: every done mark is on or before it.
export PAR_TODAY=2025-10-15
unset PAR_FILE COLUMNS NO_COLOR
LARGEST=${SIZES##* }

# --- tools --------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v task >/dev/null || missing+=(taskwarrior)
[[ -x /usr/bin/time ]] || missing+=(time)
command -v jq >/dev/null || missing+=(jq)
if ((${#missing[@]})); then
    echo "installing ${missing[*]}…" >&2
    SUDO=""
    ((EUID)) && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ((CALLGRIND)) && ! command -v valgrind >/dev/null; then
    echo "valgrind not found: skipping instruction counts" >&2
    CALLGRIND=0
fi

# --- build and data -----------------------------------------------------------------
cargo build --release --quiet --bin par --example bench_plan --example parse_generic
mkdir -p "$OUT"
for n in $SIZES; do
    "$BIN/examples/bench_plan" "$n" >"$OUT/plan-$n.toml"
    "$BIN/examples/bench_plan" "$n" --format taskwarrior >"$OUT/tw-$n.json"
done

# Taskwarrior with its own rc file and data folder per size, under bench/out.
tw_env() {
    export TASKRC="$PWD/$OUT/tw-$1/taskrc" TASKDATA="$PWD/$OUT/tw-$1/data"
}
for n in $SIZES; do
    rm -rf "$OUT/tw-$n"
    mkdir -p "$OUT/tw-$n/data"
    cat >"$OUT/tw-$n/taskrc" <<EOF
data.location=$PWD/$OUT/tw-$n/data
confirmation=off
verbose=nothing
color=off
hooks=off
recurrence=off
news.version=$(task --version)
defaultwidth=120
EOF
    tw_env "$n"
    task import "$OUT/tw-$n.json" >/dev/null 2>&1
    imported=$(task count 2>/dev/null)
    if [[ "$imported" != "$(jq -s length "$OUT/tw-$n.json")" ]]; then
        echo "Taskwarrior imported $imported tasks out of $(jq -s length "$OUT/tw-$n.json") for $n" >&2
        exit 1
    fi
    # The first report moves completed tasks out of pending.data (gc): do it before timing.
    task list >/dev/null 2>&1 || true
done

# --- timing -------------------------------------------------------------------------
# hyperfine -N: no shell in between, so the figures are the programs' own.
hf() { # name, runs, warmup, commands...
    local name=$1 runs=$2 warmup=$3
    shift 3
    hyperfine -N --style basic --runs "$runs" --warmup "$warmup" --export-json "$OUT/hf-$name.json" "$@" >&2
}
rm -f "$OUT"/hf-*.json
for round in $(seq "$ROUNDS"); do
    echo "--- round $round of $ROUNDS" >&2
    hf "start-$round" "$((PER_ROUND * 15))" 20 \
        -n true /bin/true \
        -n version "$BIN/par --version" \
        -n status "$BIN/par -f plan.toml status" \
        -n overdue "$BIN/par -f plan.toml list --status overdue"
    for n in $SIZES; do
        tw_env "$n"
        hf "$n-$round" "$PER_ROUND" "$WARMUP" \
            -n status "$BIN/par -f $OUT/plan-$n.toml status" \
            -n overdue "$BIN/par -f $OUT/plan-$n.toml list --status overdue" \
            -n generic "$BIN/examples/parse_generic $OUT/plan-$n.toml" \
            -n twlist "task list" \
            -n twsummary "task summary"
    done
done

# Statistics of one command over all rounds of a group, in ms: hstat GROUP COMMAND FIELD
# (FIELD: median, mean, sd, min, max, cpu = mean user + system time).
hstat() {
    jq -s -r --arg c "$2" --arg f "$3" '
        [.[].results[] | select(.command == $c)] as $r
        | ([$r[].times[]] | sort) as $t | ($t | length) as $n | ($t | add / $n) as $mean
        | {
            median: (if $n % 2 == 1 then $t[($n - 1) / 2] else ($t[$n / 2 - 1] + $t[$n / 2]) / 2 end),
            mean: $mean,
            sd: (if $n > 1 then (($t | map((. - $mean) * (. - $mean)) | add) / ($n - 1) | sqrt) else 0 end),
            min: $t[0],
            max: $t[-1],
            cpu: ([$r[] | (.user + .system) * (.times | length)] | add / $n)
          }[$f] * 1000' "$OUT"/hf-"$1"-*.json
}
ms() { hstat "$1" "$2" median; }
r1() { awk "BEGIN { printf \"%.1f\", $1 }"; }
cell() { echo "$(r1 "$(hstat "$1" "$2" median)") ($(r1 "$(hstat "$1" "$2" mean)") ± $(r1 "$(hstat "$1" "$2" sd)"))"; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
verdict() { awk "BEGIN { exit !($1) }" && echo "**met**" || echo "**missed**"; }

# --- peak memory --------------------------------------------------------------------
# Maximum resident set size (KiB) from GNU time; the median of 5 runs.
peak() {
    for _ in 1 2 3 4 5; do /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 3p
}
big="$OUT/plan-$LARGEST.toml"
mem_status=$(peak "$BIN/par" -f "$big" status)
mem_overdue=$(peak "$BIN/par" -f "$big" list --status overdue)
mem_generic=$(peak "$BIN/examples/parse_generic" "$big")
tw_env "$LARGEST"
mem_twlist=$(peak task list)
mem_true=$(peak /bin/true)

# --- instruction counts (stable under load, unlike wall time) -----------------------
instr() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
if ((CALLGRIND)); then
    ir_bundled=$(instr "$BIN/par" -f plan.toml status)
    ir_status=$(instr "$BIN/par" -f "$big" status)
    ir_overdue=$(instr "$BIN/par" -f "$big" list --status overdue)
    ir_generic=$(instr "$BIN/examples/parse_generic" "$big")
fi

# --- report -------------------------------------------------------------------------
items() { jq -s length "$OUT/tw-$1.json"; }
size_kb() { echo $(($(stat -c %s "$1") / 1024)); }
start_true=$(ms start true)
start_status=$(ms start status)
big_status=$(ms "$LARGEST" status)
big_generic=$(ms "$LARGEST" generic)
big_twlist=$(ms "$LARGEST" twlist)
commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- src Cargo.toml examples || commit="$commit (with uncommitted changes)"

label() {
    case $1 in
        true) echo "/bin/true (bare process start)" ;;
        version) echo "par --version (start-up, argument parsing)" ;;
        status) echo "par status" ;;
        overdue) echo "par list --status overdue" ;;
        generic) echo "generic toml::Table parse" ;;
        twlist) echo "task list" ;;
        twsummary) echo "task summary" ;;
    esac
}

report() {
    echo "Run on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit, with:"
    echo
    echo '```'
    echo "RUNS=$RUNS ROUNDS=$ROUNDS WARMUP=$WARMUP SIZES=\"$SIZES\" bench/run.sh$( ((QUICK)) && echo ' --quick')"
    echo '```'
    echo
    echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores," \
        "$(free -g | awk '/Mem:/ {print $2}') GiB RAM; $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r);" \
        "$(rustc --version | cut -d' ' -f1-2); $(hyperfine --version); Taskwarrior $(task --version)." \
        "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; see the σ)."
    echo
    echo "Wall-clock times in ms: median (mean ± σ) of $((PER_ROUND * ROUNDS)) runs per command, taken in" \
        "$ROUNDS rounds that each time every command in turn ($WARMUP warm-up runs per round), \`hyperfine -N\`," \
        "\`PAR_TODAY=$PAR_TODAY\`. Items: one-off tasks plus one per period of quarterly tasks" \
        "(what \`par status\` counts, and what Taskwarrior holds: one task each)."
    echo
    echo "| tasks | items | file | par status | par list --status overdue | generic toml::Table parse | task list | task summary |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
    for n in $SIZES; do
        echo "| $n | $(items "$n") | $(size_kb "$OUT/plan-$n.toml") KiB | $(cell "$n" status) | $(cell "$n" overdue)" \
            "| $(cell "$n" generic) | $(cell "$n" twlist) | $(cell "$n" twsummary) |"
    done
    echo
    echo "Ratios of the medians:"
    echo
    echo "| tasks | par status / generic parse | task list / par status | task summary / par status |"
    echo "|---:|---:|---:|---:|"
    for n in $SIZES; do
        echo "| $n | $(calc "$(ms "$n" status) / $(ms "$n" generic)") | $(calc "$(ms "$n" twlist) / $(ms "$n" status)" 1)×" \
            "| $(calc "$(ms "$n" twsummary) / $(ms "$n" status)" 1)× |"
    done
    echo
    echo "CPU time at $LARGEST tasks (user + system, mean per run; par parses pieces on up to" \
        "$(nproc) threads, so its CPU time can exceed its wall-clock time):"
    echo
    echo "| command | CPU time (ms) | wall-clock median (ms) |"
    echo "|---|---:|---:|"
    for c in status overdue generic twlist twsummary; do
        echo "| $(label "$c") | $(r1 "$(hstat "$LARGEST" "$c" cpu)") | $(r1 "$(ms "$LARGEST" "$c")") |"
    done
    echo
    echo "Start-up, bundled plan.toml ($((PER_ROUND * 15 * ROUNDS)) runs per command in $ROUNDS rounds," \
        "20 warm-up runs per round):"
    echo
    echo "| command | median (mean ± σ), ms | median minus /bin/true (ms) |"
    echo "|---|---:|---:|"
    for c in true version status overdue; do
        echo "| $(label "$c") | $(cell start "$c") | $(calc "$(ms start "$c") - $start_true") |"
    done
    echo
    echo "Peak memory at $LARGEST tasks (maximum resident set, GNU time \`%M\`, median of 5):"
    echo
    echo "| command | peak RSS (MiB) |"
    echo "|---|---:|"
    echo "| par status | $(calc "$mem_status / 1024" 1) |"
    echo "| par list --status overdue | $(calc "$mem_overdue / 1024" 1) |"
    echo "| generic toml::Table parse | $(calc "$mem_generic / 1024" 1) |"
    echo "| task list | $(calc "$mem_twlist / 1024" 1) |"
    echo "| /bin/true | $(calc "$mem_true / 1024" 1) |"
    if ((CALLGRIND)); then
        echo
        echo "Instructions executed (valgrind callgrind; independent of load):"
        echo
        echo "| command | instructions |"
        echo "|---|---:|"
        echo "| par status, bundled plan | $(printf "%'d" "$ir_bundled") |"
        echo "| par status, $LARGEST tasks | $(printf "%'d" "$ir_status") |"
        echo "| par list --status overdue, $LARGEST tasks | $(printf "%'d" "$ir_overdue") |"
        echo "| generic toml::Table parse, $LARGEST tasks | $(printf "%'d" "$ir_generic") |"
    fi
    echo
    echo "Targets (wall-clock medians):"
    echo
    echo "| target | measured | |"
    echo "|---|---|---|"
    echo "| bundled plan answers within 2 ms of a bare process start | $(calc "$start_status - $start_true") ms |" \
        "$(verdict "$start_status - $start_true <= 2") |"
    echo "| at $LARGEST tasks, par status ≤ generic parse | $(calc "$big_status" 1) vs $(calc "$big_generic" 1) ms" \
        "| $(verdict "$big_status <= $big_generic") |"
    echo "| at $LARGEST tasks, task list ≥ 4 × par status | $(calc "$big_twlist / $big_status" 1)× |" \
        "$(verdict "$big_twlist >= 4 * $big_status") |"
    echo "| at $LARGEST tasks, par status peak memory ≤ generic parse | $(calc "$mem_status / 1024" 1) vs" \
        "$(calc "$mem_generic / 1024" 1) MiB | $(verdict "$mem_status <= $mem_generic") |"
}

table=$(report)
echo "$table"
if ((QUICK)); then
    exit 0
fi
# The figures go between the markers of BENCHMARKS.md; the text around them is kept.
begin='<!-- figures: begin (written by the benchmark script) -->'
end='<!-- figures: end -->'
if [[ -f BENCHMARKS.md ]] && grep -qF "$begin" BENCHMARKS.md; then
    TABLE="$table" awk -v b="$begin" -v e="$end" '
        $0 == b { print; print ENVIRON["TABLE"]; skip = 1; next }
        $0 == e { skip = 0 }
        !skip' BENCHMARKS.md >"$OUT/BENCHMARKS.md.new"
else
    { echo "# Benchmarks"; echo; echo "$begin"; echo "$table"; echo "$end"; } >"$OUT/BENCHMARKS.md.new"
fi
mv "$OUT/BENCHMARKS.md.new" BENCHMARKS.md
echo "written to BENCHMARKS.md" >&2
