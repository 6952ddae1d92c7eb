#!/usr/bin/env bash
# Quick start: `./quickstart.sh app` installs and opens the app (first run: demo vault, new vault,
# restore from a backup, practice; afterwards the unlock page of your own vault);
# `./quickstart.sh test` installs the test dependencies and runs the whole suite.
# It installs what a fresh Debian/Ubuntu machine lacks (Qt's system libraries, python3-venv).
set -euo pipefail
cd "$(dirname "$0")"

QT_LIBS="libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core"
DESKTOP_LIBS="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
libxcb-shape0 libxkbcommon-x11-0"
# Tools the tests call: PDF checks, and the desktop-entry / AppStream validators.
CHECK_TOOLS="poppler-utils qpdf desktop-file-utils appstream"
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"

apt_install() {
    command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || return 0
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing system packages: ${missing[*]}" >&2
    # `env` inside sudo: `VAR=... sudo cmd` would drop the variable.
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

make_venv() {
    if ! "$PYTHON" -m venv --help >/dev/null 2>&1 || ! "$PYTHON" -c "import ensurepip" 2>/dev/null; then
        apt_install python3-venv
    fi
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
}

case "${1:-}" in
    app)
        # shellcheck disable=SC2086
        apt_install $QT_LIBS $DESKTOP_LIBS
        make_venv
        "$VENV/bin/python" -m pip install -q -e .
        exec "$VENV/bin/ipt-workbench"  # first run: demo, new vault, restore or practice
        ;;
    test)
        # shellcheck disable=SC2086
        apt_install $QT_LIBS $CHECK_TOOLS
        make_venv
        "$VENV/bin/python" -m pip install -q -e '.[test]'
        shift
        QT_QPA_PLATFORM=offscreen exec "$VENV/bin/python" -m pytest "$@"
        ;;
    *)
        echo "usage: ./quickstart.sh app | test [pytest arguments]" >&2
        exit 2
        ;;
esac
