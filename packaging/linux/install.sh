#!/usr/bin/env sh
# Install (or remove, with --uninstall) this IPT Workbench folder for the current user only:
# the app goes to ~/.local/lib/ipt-workbench, the command to ~/.local/bin, and the menu entry,
# icons and AppStream data to ~/.local/share. No root needed. Vaults are never touched.
#
# Only what this script wrote is ever removed: every installed file is listed in a manifest
# inside the prefix, and a prefix that holds anything not in that manifest is refused.
set -eu

APP_ID="org.iptworkbench.IPTWorkbench"
HERE="$(cd "$(dirname "$0")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
PREFIX="${IPT_WORKBENCH_PREFIX:-$HOME/.local/lib/ipt-workbench}"
BIN="$HOME/.local/bin"
MANIFEST_NAME=".ipt-workbench-install-manifest"
MANIFEST="$PREFIX/$MANIFEST_NAME"

fail() {
    echo "$1" >&2
    exit 1
}

# Files under the prefix (relative, one a line, sorted), the manifest itself excluded.
prefix_files() {
    (cd "$PREFIX" && find . \( -type f -o -type l \) ! -path "./$MANIFEST_NAME" | sed 's|^\./||' | LC_ALL=C sort)
}

# Refuses a prefix that holds anything this script did not put there.
check_prefix_is_ours() {
    [ -e "$PREFIX" ] || return 0
    [ -d "$PREFIX" ] || fail "$PREFIX exists and is not a folder: nothing was changed."
    if [ -z "$(ls -A "$PREFIX")" ]; then
        return 0
    fi
    [ -f "$MANIFEST" ] || fail "$PREFIX is not empty and holds no IPT Workbench install record: nothing was changed. Choose an empty or new folder (IPT_WORKBENCH_PREFIX), or empty this one yourself."
    listed="$(mktemp)"
    sed -n 's|^app/||p' "$MANIFEST" | LC_ALL=C sort >"$listed"
    others="$(prefix_files | LC_ALL=C comm -23 - "$listed")"
    rm -f "$listed"
    [ -z "$others" ] || fail "$PREFIX holds files that IPT Workbench did not install: nothing was changed."
}

# Removes exactly the files the manifest lists, then the folders that are left empty.
remove_listed() {
    [ -f "$MANIFEST" ] || return 0
    while IFS= read -r entry; do
        case "$entry" in
        app/*) rm -f "$PREFIX/${entry#app/}" ;;
        bin/*) rm -f "$BIN/${entry#bin/}" ;;
        data/*) rm -f "$DATA/${entry#data/}" ;;
        esac
    done <"$MANIFEST"
    rm -f "$MANIFEST"
    if [ -d "$PREFIX" ]; then
        find "$PREFIX" -depth -type d -empty -exec rmdir {} \; 2>/dev/null || true
    fi
}

# The Exec= value for a path, quoted as the Desktop Entry specification asks.
exec_value() {
    printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g'
}

refresh_caches() {
    command -v update-desktop-database >/dev/null 2>&1 &&
        update-desktop-database -q "$DATA/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 &&
        gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    [ -f "$MANIFEST" ] || fail "No IPT Workbench install record in $PREFIX: nothing was removed."
    remove_listed
    refresh_caches
    [ -d "$PREFIX" ] && echo "Files IPT Workbench did not install were left in $PREFIX."
    echo "IPT Workbench was removed. Your vaults are still in $DATA/ipt-workbench."
    exit 0
fi

[ -x "$HERE/ipt-workbench" ] || fail "Run install.sh from the unpacked ipt-workbench folder."
# Run from the prefix itself (unpacked there): nothing in it is removed or copied.
[ "$HERE" = "$PREFIX" ] || check_prefix_is_ours
new_manifest="$(mktemp)"
trap 'rm -f "$new_manifest"' EXIT
if [ "$HERE" != "$PREFIX" ]; then
    remove_listed
    mkdir -p "$PREFIX"
    cp -a "$HERE/." "$PREFIX/"
fi
prefix_files | sed 's|^|app/|' >"$new_manifest"

mkdir -p "$BIN" "$DATA/applications" "$DATA/metainfo"
ln -sf "$PREFIX/ipt-workbench" "$BIN/ipt-workbench"
echo "bin/ipt-workbench" >>"$new_manifest"
# An absolute, quoted Exec= path: ~/.local/bin is not on every desktop session's PATH, and the
# home folder may hold spaces or other characters the desktop would split on.
EXEC_LINE="Exec=\"$(exec_value "$PREFIX/ipt-workbench")\"" awk \
    '/^Exec=/ { print ENVIRON["EXEC_LINE"]; next } { print }' \
    "$PREFIX/share/applications/$APP_ID.desktop" >"$DATA/applications/$APP_ID.desktop"
echo "data/applications/$APP_ID.desktop" >>"$new_manifest"
cp "$PREFIX/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
echo "data/metainfo/$APP_ID.metainfo.xml" >>"$new_manifest"
(cd "$PREFIX/share" && find icons -type f) | while IFS= read -r icon; do
    mkdir -p "$DATA/$(dirname "$icon")"
    cp "$PREFIX/share/$icon" "$DATA/$icon"
    echo "data/$icon" >>"$new_manifest"
done
cp "$new_manifest" "$MANIFEST"
refresh_caches
echo "IPT Workbench is installed: find it in your applications menu, or run ipt-workbench."
