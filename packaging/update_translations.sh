#!/bin/sh
# Regenerate resources/translations/ipt-workbench.ts (the English source strings for
# translators) from every Python file under ui/. Run from anywhere; needs pyside6-lupdate
# (it comes with PySide6: next to the python that has PySide6, or on PATH).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LUPDATE=${LUPDATE:-}
if [ -z "$LUPDATE" ]; then
    for candidate in "$ROOT/.venv/bin/pyside6-lupdate" "$(dirname "$(command -v python3 || echo /)")/pyside6-lupdate"; do
        if [ -x "$candidate" ]; then LUPDATE=$candidate; break; fi
    done
fi
if [ -z "$LUPDATE" ]; then
    LUPDATE=$(command -v pyside6-lupdate || true)
fi
if [ -z "$LUPDATE" ]; then
    echo "pyside6-lupdate not found: install PySide6 or set LUPDATE=/path/to/pyside6-lupdate" >&2
    exit 1
fi

cd "$ROOT"
mkdir -p resources/translations
LIST=$(mktemp)
trap 'rm -f "$LIST"' EXIT
# Sorted file list so the .ts is stable between runs; -locations relative keeps it diffable.
find ui -name '*.py' | LC_ALL=C sort > "$LIST"
# The English template, then every language file (their existing translations are kept).
"$LUPDATE" -no-obsolete -locations relative -source-language en \
    "@$LIST" -ts resources/translations/ipt-workbench.ts
for ts in resources/translations/ipt-workbench_*.ts; do
    [ -e "$ts" ] || continue
    "$LUPDATE" -no-obsolete -locations relative -source-language en "@$LIST" -ts "$ts"
done
