#!/usr/bin/env bash
# Measures `par import`. Builds in release mode; writes into bench/out/ (git-ignored).
#
#   bench/import.sh [PAGES]   a generated plan of PAGES pages (default 50; target: under 100 ms)
#   bench/import.sh stress    the hostile documents of issue #12 (examples/gen_import_stress.rs):
#                             16k/32k/64k items that repeat their number, a .docx of 1.1 M short
#                             paragraphs, a .docx holding one 63 MB paragraph (refused: over the
#                             32 MiB cap), and the worst cases at that cap (the most tasks: 88,000
#                             long items). Prints wall time, CPU
#                             and peak RSS (GNU time) for each; PAR=path measures another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out

if [ "${1:-}" = stress ]; then
    cargo build --release --quiet --bin par --example gen_import_stress
    par=${PAR:-target/release/par}
    gen=target/release/examples/gen_import_stress
    [ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
    for n in 16000 32000 64000; do
        [ -s bench/out/items-$n.md ] || $gen items $n num > bench/out/items-$n.md
    done
    [ -s bench/out/paras-1.1M.docx ] || $gen docx-paras 1100000 > bench/out/paras-1.1M.docx
    [ -s bench/out/para-63MB.docx ] || $gen docx-para 63 > bench/out/para-63MB.docx
    # The worst cases at import's 32 MiB cap: text of one-letter lines, text of one line, a
    # .docx whose document.xml unpacks to just under the cap (one paragraph; 1.4 M short ones).
    cap=$((32 * 1024 * 1024))
    [ -s bench/out/cap-lines.txt ] || { yes x || true; } | head -c $cap > bench/out/cap-lines.txt
    [ -s bench/out/cap-line.md ] || { printf '### I. NHIỆM VỤ\n\n1. Phòng Nội vụ chủ trì '
        head -c $((cap - 100)) /dev/zero | tr '\0' a; } > bench/out/cap-line.md
    [ -s bench/out/cap-para.docx ] || $gen docx-para 33 > bench/out/cap-para.docx
    [ -s bench/out/cap-paras.docx ] || $gen docx-lines 1450000 > bench/out/cap-paras.docx
    # The most tasks at the cap: 88,000 items of a long sentence each, just under 32 MiB.
    [ -s bench/out/cap-items.md ] || $gen items 88000 long > bench/out/cap-items.md
    echo "| document | size | wall s | CPU s | peak RSS MB | exit |"
    echo "|---|---:|---:|---:|---:|---:|"
    for f in items-16000.md items-32000.md items-64000.md paras-1.1M.docx para-63MB.docx \
        cap-lines.txt cap-line.md cap-para.docx cap-paras.docx cap-items.md; do
        doc=bench/out/$f
        set +e
        # A run cut by the timeout (TIMEOUT seconds, default 600) exits 124; one past the
        # address-space limit (ULIMIT_KB, default 4 GB) fails to allocate.
        /usr/bin/time -f '%e %U %M' -o bench/out/time.txt sh -c 'ulimit -v "$0"; exec "$@"' "${ULIMIT_KB:-4000000}" \
            timeout "${TIMEOUT:-600}" "$par" --today 2025-06-15 \
            import "$doc" -o bench/out/stress.toml --force >/dev/null 2>bench/out/stress.err
        rc=$?
        set -e
        read -r secs cpu kb < <(tail -1 bench/out/time.txt)
        printf '| %s | %s KB | %s | %s | %s | %s |\n' "$f" "$(( $(wc -c < "$doc") / 1024 ))" "$secs" "$cpu" "$(( kb / 1024 ))" "$rc"
    done
    exit 0
fi

pages=${1:-50}
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
