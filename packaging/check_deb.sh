#!/usr/bin/env bash
# Install the .deb with apt (as a user would), start the app offscreen from the installed command,
# check the menu entry and AppStream data, then remove it and check nothing is left behind.
set -euo pipefail
cd "$(dirname "$0")/.."
APP_ID="org.iptworkbench.IPTWorkbench"
version=$(awk -F'"' '/^version = / { print $2; exit }' pyproject.toml)  # no pipe: head closing it early is SIGPIPE (141) under pipefail
deb="dist/ipt-workbench_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { echo "no $deb: run packaging/build.sh and packaging/build_deb.sh" >&2; exit 1; }
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
fail() { echo "check_deb: $*" >&2; exit 1; }

$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
dpkg -s ipt-workbench | grep '^Status: install ok installed' >/dev/null || fail "not installed"  # grep reads it all: no SIGPIPE

[ "$(ipt-workbench --version)" = "ipt-workbench $version" ] || fail "--version"
entry="/usr/share/applications/$APP_ID.desktop"
command -v "$(sed -n 's/^Exec=//p' "$entry")" >/dev/null || fail "the menu entry's Exec is not a command"
desktop-file-validate "$entry"
appstreamcli validate --no-net "/usr/share/metainfo/$APP_ID.metainfo.xml" >/dev/null
[ -f "/usr/share/icons/hicolor/256x256/apps/$APP_ID.png" ] || fail "no icon"

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
started=$(date +%s%N)
page=$(env -i PATH="$PATH" LANG=C.UTF-8 HOME="$home" XDG_DATA_HOME="$home/data" QT_QPA_PLATFORM=offscreen \
    IPT_WORKBENCH_FIRST_PAGE_EXIT=1 timeout 120 ipt-workbench)
[ "$page" = "first page: FirstRunPage" ] || fail "the app showed: $page"
echo "installed .deb: the app opened offscreen in $(( ($(date +%s%N) - started) / 1000000 )) ms"
[ -z "$(ls -A /opt/ipt-workbench | grep -v '^_internal$\|^ipt-workbench$')" ] || fail "extra files in /opt"

$sudo env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ipt-workbench >/dev/null
! dpkg -s ipt-workbench >/dev/null 2>&1 || fail "still installed"
for path in /opt/ipt-workbench /usr/bin/ipt-workbench "$entry" "/usr/share/metainfo/$APP_ID.metainfo.xml" \
    "/usr/share/icons/hicolor/256x256/apps/$APP_ID.png" /usr/share/doc/ipt-workbench; do
    [ ! -e "$path" ] || fail "$path is left after removal"
done
echo "installed .deb: launched, then removed cleanly"
