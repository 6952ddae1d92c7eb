#!/usr/bin/env bash
# Build the one-folder desktop app into dist/ipt-workbench from this checkout; prints its size.
# Uses the venv in $VENV (default .venv, created when missing) with the `package` extra.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
start=$(date +%s)

apt_install() {
    command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# PyInstaller needs Python's shared library (Debian: the libpython3.X package).
shared='import sys, sysconfig; sys.exit(not sysconfig.get_config_var("Py_ENABLE_SHARED"))'
if ! "$PYTHON" -c "$shared"; then
    apt_install "libpython$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
fi
# The X11 libraries Qt's xcb plugin needs that a desktop may lack: present at build time, the
# bundle carries them (PyInstaller cannot collect a library this machine does not have).
# patchelf: to drop the build machine's library paths (e.g. pyenv's) from the bundled binaries.
apt_install patchelf
apt_install libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
    libxcb-shape0 libxkbcommon-x11-0 libwayland-client0 libwayland-cursor0 libwayland-egl1

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -e '.[package]'

rm -rf dist/ipt-workbench build/pyinstaller
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/ipt-workbench.spec

if [ "$(uname -s)" = Linux ] && command -v patchelf >/dev/null 2>&1; then
    # A RUNPATH into the build machine (pyenv's lib folder) means nothing on a user's machine and
    # names the build account; the bundle's own $ORIGIN-relative paths stay.
    find dist/ipt-workbench -type f -name '*.so*' -print0 |
        while IFS= read -r -d '' lib; do
            path=$(patchelf --print-rpath "$lib" 2>/dev/null) || continue
            if [ -n "$path" ] && [[ "$path" != *'$ORIGIN'* ]]; then
                patchelf --remove-rpath "$lib"
            fi
        done
fi

echo "Bundle: dist/ipt-workbench, $(du -sh dist/ipt-workbench | cut -f1)" \
    "($(du -sb dist/ipt-workbench | cut -f1) bytes)"
if [ "$(uname -s)" = Linux ]; then
    # The download for users: unpack anywhere and run it, or ./install.sh for the menu entry.
    version=$(awk -F'"' '/^version = / { print $2; exit }' pyproject.toml)  # no pipe: head closing it early is SIGPIPE (141) under pipefail
    archive="dist/ipt-workbench-$version-linux-$(uname -m).tar.gz"
    tar -C dist -cf - ipt-workbench | gzip -9n >"$archive"
    echo "Archive: $archive, $(du -sh "$archive" | cut -f1)" \
        "($(stat -c %s "$archive") bytes)"
fi
# The wheel and sdist (pip / pipx on Windows, macOS and Linux) beside the bundle.
rm -f dist/ipt_workbench-*.whl dist/ipt_workbench-*.tar.gz
"$VENV/bin/python" -m build --outdir dist . >/dev/null
for artifact in dist/ipt_workbench-*; do
    echo "Python package: $artifact, $(du -h "$artifact" | cut -f1)"
done
"$VENV/bin/python" packaging/write_checksums.py dist
echo "Build finished in $(( $(date +%s) - start )) s"
