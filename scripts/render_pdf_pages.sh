#!/usr/bin/env bash
# Render every page of the given PDFs to PNG (poppler's pdftoppm), to look at a report's layout.
#
# Usage: scripts/render_pdf_pages.sh [-r DPI] OUT_DIR FILE.pdf [FILE.pdf ...]
#   Writes OUT_DIR/<pdf name>-<page>.png for every page (default 110 dpi).
#   Example: scripts/render_pdf_pages.sh /tmp/report-shots /tmp/supervisor.pdf
# Needs poppler-utils (Debian: apt-get install poppler-utils).
set -euo pipefail

dpi=110
if [[ "${1:-}" == "-r" ]]; then
    dpi="$2"
    shift 2
fi
if [[ $# -lt 2 ]]; then
    sed -n '4,7p' "$0" >&2
    exit 2
fi
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: install poppler-utils" >&2; exit 1; }

out_dir="$1"
shift
mkdir -p "$out_dir"
for pdf in "$@"; do
    name="$(basename "${pdf%.*}")"
    rm -f "$out_dir/$name"-[0-9]*.png  # no stale pages from an earlier, longer render
    pdftoppm -png -r "$dpi" "$pdf" "$out_dir/$name"
    echo "$pdf -> $out_dir/$name-*.png"
done
