#!/usr/bin/env bash
# Records what `par import` prints and writes for a set of documents, to show that a speed
# change changed no output: run it with the binary before and the binary after, then
# `diff -r` the two folders.
#
#   bench/import-same.sh PAR OUTDIR [GEN_DIR]
#
# PAR: the par binary; OUTDIR: where the outputs go (created; emptied first); GEN_DIR: the
# folder holding the gen_import_stress and gen_document examples (default
# target/release/examples). The documents: every file under tests/fixtures/import and its folders, and
# generated ones (bench/out/same/, made once and kept): items 300 in each numbering style,
# items 3000 and 16000, docx-paras 2000, docx-lines 3000, docx-para 1, gen_document 5/50/120
# pages as .md and .txt. For each document and language (vi, en): the draft written with
# `-o`, stdout, stderr and exit code of that run, and of a run printing the draft to stdout.
# (The fixtures' names must hold no white space.)
set -euo pipefail
cd "$(dirname "$0")/.."
par=$(realpath "$1")
out=$2
gen=${3:-target/release/examples}
docs=bench/out/same
mkdir -p "$docs"
[ -s "$docs/items-300-num.md" ] || {
    for style in num dotted letter nested roman; do
        "$gen/gen_import_stress" items 300 "$style" > "$docs/items-300-$style.md"
    done
    "$gen/gen_import_stress" items 3000 num > "$docs/items-3000.md"
    "$gen/gen_import_stress" items 16000 num > "$docs/items-16000.md"
    "$gen/gen_import_stress" docx-paras 2000 > "$docs/paras-2000.docx"
    "$gen/gen_import_stress" docx-lines 3000 > "$docs/lines-3000.docx"
    "$gen/gen_import_stress" docx-para 1 > "$docs/para-1MB.docx"
    for pages in 5 50 120; do
        "$gen/gen_document" "$pages" > "$docs/plan-${pages}p.md"
        cp "$docs/plan-${pages}p.md" "$docs/plan-${pages}p.txt"
    done
}
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every document under tests/fixtures/import, its folders too (not their scripts nor the
# corpus's expected drafts), then the generated ones.
fixtures=$(find tests/fixtures/import -type f ! -name '*.sh' ! -name '*.py' ! -name '*.expected.toml' | sort)
for doc in $fixtures "$docs"/*; do
    # The path below the fixtures' folder, its slashes as "_": two folders may hold one name.
    name=$(echo "${doc#tests/fixtures/import/}" | tr / _)
    name=${name#bench_out_same_}
    cp "$doc" "$work/$name"
    for lang in vi en; do
        o="$out/$name.$lang"
        mkdir -p "$o"
        set +e
        (cd "$work" && "$par" --today 2025-06-15 --lang "$lang" import "$name" -o draft.toml --force \
            >"$o/stdout" 2>"$o/stderr")
        echo $? > "$o/exit"
        [ -f "$work/draft.toml" ] && mv "$work/draft.toml" "$o/draft.toml"
        (cd "$work" && "$par" --today 2025-06-15 --lang "$lang" import "$name" \
            >"$o/stdout-draft" 2>"$o/stderr-draft")
        echo $? > "$o/exit-draft"
        set -e
    done
    rm -f "$work/$name"
done
echo "$(find "$out" -type f | wc -l) files in $out"
