#!/usr/bin/env bash
# Benchmark of `par rollup` at 10,000 plans with a roster (issue 17: "10,000 plans with
# a roster still under 1 s").
#
#   bench/rollup-roster.sh                 # generate (once) into bench/out/rollup-roster/, then measure
#   RUNS=9 bench/rollup-roster.sh          # runs per case (default 5); medians are printed
#   PAR=/tmp/par-before bench/rollup-roster.sh   # measure another binary on the same files
#   N=1000 bench/rollup-roster.sh          # another number of plans
#
# The files: `gen_units DIR N 30` (N plans of 30 tasks, deterministic), each plan given
# `code = "U00000"`… after its `unit = ` line, and a `units.toml` listing every unit
# (code, name, kind) under an `[office]`. Measured: `par rollup DIR --today 2025-10-10`
# as a table (to /dev/null: no terminal), as json and with no roster (`--roster` of an
# empty roster is not the same thing, so the roster is moved aside for that case).
# Wall, user and system time of each run; the medians; the machine's load before.
# A benchmark, not a test: it prints figures and exits 1 when the table misses 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
N=${N:-10000}
OUT=bench/out/rollup-roster/$N
TODAY=2025-10-10

if [ -z "${PAR:-}" ]; then
    cargo build --quiet --release --bin par --example gen_units
    PAR=target/release/par
fi
GEN=${GEN:-target/release/examples/gen_units}
[ -x "$GEN" ] || cargo build --quiet --release --example gen_units

# .generated is hidden, so the rollup does not see it.
if [ ! -f "$OUT/.generated" ]; then
    rm -rf "$OUT"
    "$GEN" "$OUT" "$N" 30
    # Number the plans in path order (the walk's order) and give each its code.
    # Not units.toml: awk creates it while find still walks.
    find "$OUT" -name '*.toml' ! -name units.toml | LC_ALL=C sort | awk -v roster="$OUT/units.toml" '
        BEGIN {
            print "[office]\nunit = \"Ủy ban nhân dân Thành phố\"" > roster
        }
        {
            file = $0; code = sprintf("U%05d", NR - 1); text = ""; name = ""
            while ((getline line < file) > 0) {
                text = text line "\n"
                if (name == "" && line ~ /^unit = /) {
                    name = substr(line, 8)
                    text = text "code = \"" code "\"\n"
                }
            }
            close(file)
            printf "%s", text > file
            close(file)
            print "\n[[unit]]\ncode = \"" code "\"\nname = " name "\nkind = \"ward\"" > roster
        }'
    touch "$OUT/.generated"
fi

TIMES=$(mktemp)
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Prints: median wall (ms), median user (ms), median sys (ms), max peak RSS (KiB),
# min and max wall, after one warm-up run.
measure() {
    local walls=() users=() syss=() rss=0 t0 t1 m u s
    "$PAR" rollup "$OUT" --today "$TODAY" "$@" >/dev/null 2>&1 || true
    for _ in $(seq "$RUNS"); do
        t0=$(date +%s%N)
        /usr/bin/time -o "$TIMES" -f '%M %U %S' "$PAR" rollup "$OUT" --today "$TODAY" "$@" >/dev/null 2>&1 || true
        read -r m u s < <(tail -1 "$TIMES")
        t1=$(date +%s%N)
        walls+=($(( (t1 - t0) / 1000000 )))
        users+=("$(awk -v x="$u" 'BEGIN {printf "%d", x * 1000}')")
        syss+=("$(awk -v x="$s" 'BEGIN {printf "%d", x * 1000}')")
        (( m > rss )) && rss=$m
    done
    local sorted
    sorted=$(printf '%s\n' "${walls[@]}" | sort -n | tr '\n' ' ')
    echo "$(median "${walls[@]}") $(median "${users[@]}") $(median "${syss[@]}") $rss ${sorted% }"
}

echo "par rollup, $N plans with a roster, $RUNS runs each; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg); $PAR"
printf '%-10s %10s %10s %10s %10s   %s\n' case 'wall ms' 'user ms' 'sys ms' 'RSS KiB' 'walls (sorted)'
row() {
    local name=$1
    shift
    read -r w u s m all < <(measure "$@")
    printf '%-10s %10s %10s %10s %10s   %s\n' "$name" "$w" "$u" "$s" "$m" "$all"
    last_wall=$w
}
row table --format table
table_wall=$last_wall
row json --format json
mv "$OUT/units.toml" "$OUT/.units.toml"
trap 'mv "$OUT/.units.toml" "$OUT/units.toml"; rm -f "$TIMES"' EXIT
row no-roster --format table
echo
(( table_wall < 1000 )) || { echo "MISSED: the table of $N plans with a roster takes ${table_wall} ms (target < 1000 ms)"; exit 1; }
echo "table of $N plans with a roster: ${table_wall} ms (target < 1000 ms)"
