#!/usr/bin/env bash
# Build the one-folder desktop app into dist/ipt-workbench from this checkout; prints its size.
# Uses the venv in $VENV (default .venv, created when missing) with the `package` extra.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
start=$(date +%s)

# PyInstaller needs Python's shared library (Debian: the libpython3.X package).
shared='import sys, sysconfig; sys.exit(not sysconfig.get_config_var("Py_ENABLE_SHARED"))'
if ! "$PYTHON" -c "$shared" && command -v dpkg >/dev/null 2>&1; then
    lib="libpython$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    if ! dpkg -s "$lib" >/dev/null 2>&1; then
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -qq
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$lib" >/dev/null
    fi
fi

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -e '.[package]'

rm -rf dist/ipt-workbench build/pyinstaller
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/ipt-workbench.spec

echo "Bundle: dist/ipt-workbench, $(du -sh dist/ipt-workbench | cut -f1)" \
    "($(du -sb dist/ipt-workbench | cut -f1) bytes)"
if [ "$(uname -s)" = Linux ]; then
    # The download for users: unpack anywhere and run it, or ./install.sh for the menu entry.
    version=$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml | head -n 1)
    archive="dist/ipt-workbench-$version-linux-$(uname -m).tar.gz"
    tar -C dist -czf "$archive" ipt-workbench
    echo "Archive: $archive, $(du -sh "$archive" | cut -f1)" \
        "($(stat -c %s "$archive") bytes)"
fi
"$VENV/bin/python" packaging/write_checksums.py dist
echo "Build finished in $(( $(date +%s) - start )) s"
