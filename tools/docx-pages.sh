#!/usr/bin/env bash
# Looks at a Word report as the officer will: converts a .docx with LibreOffice to PDF,
# then to one PNG per page, and prints the paths (open them to look).
#
#   tools/docx-pages.sh report.docx [OUTDIR]     OUTDIR: a new temporary folder by default
#
# Needs soffice (LibreOffice) and pdftoppm (poppler). On Debian/Ubuntu:
#   apt-get install -y libreoffice-writer-nogui poppler-utils
# Exit codes: 0 pages written, 1 conversion failed, 2 usage, 3 a tool is missing.
set -euo pipefail
f=${1:-}
if [[ -z $f || ! -f $f ]]; then
    echo "usage: tools/docx-pages.sh FILE.docx [OUTDIR]" >&2
    exit 2
fi
for tool in soffice pdftoppm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "docx-pages.sh: $tool is not installed (apt-get install -y libreoffice-writer-nogui poppler-utils)" >&2
        exit 3
    fi
done
out=${2:-$(mktemp -d /tmp/docx-pages.XXXXXX)}
mkdir -p "$out"
# A profile of its own, so a LibreOffice already running (or another conversion) does not
# take the job.
profile=$(mktemp -d /tmp/docx-pages-profile.XXXXXX)
trap 'rm -rf "$profile"' EXIT
soffice "-env:UserInstallation=file://$profile" --headless --convert-to pdf --outdir "$out" "$f" >/dev/null 2>&1 || true
pdf="$out/$(basename "${f%.*}").pdf"
if [[ ! -s $pdf ]]; then
    echo "docx-pages.sh: LibreOffice could not convert $f" >&2
    exit 1
fi
pdftoppm -r 80 -png "$pdf" "$out/page"
echo "$pdf"
ls "$out"/page*.png
