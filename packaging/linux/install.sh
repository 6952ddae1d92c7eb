#!/usr/bin/env sh
# Install (or remove, with --uninstall) this IPT Workbench folder for the current user only:
# the app goes to ~/.local/lib/ipt-workbench, the command to ~/.local/bin, and the menu entry,
# icons and AppStream data to ~/.local/share. No root needed. Vaults are never touched.
set -eu

APP_ID="org.iptworkbench.IPTWorkbench"
HERE="$(cd "$(dirname "$0")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
PREFIX="${IPT_WORKBENCH_PREFIX:-$HOME/.local/lib/ipt-workbench}"
BIN="$HOME/.local/bin"

remove() {
    rm -rf "$PREFIX"
    rm -f "$BIN/ipt-workbench" "$DATA/applications/$APP_ID.desktop" \
        "$DATA/metainfo/$APP_ID.metainfo.xml"
    find "$DATA/icons/hicolor" -name "$APP_ID.*" -type f -delete 2>/dev/null || true
}

refresh_caches() {
    command -v update-desktop-database >/dev/null 2>&1 &&
        update-desktop-database -q "$DATA/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 &&
        gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    remove
    refresh_caches
    echo "IPT Workbench was removed. Your vaults are still in $DATA/ipt-workbench."
    exit 0
fi

[ -x "$HERE/ipt-workbench" ] || { echo "Run install.sh from the unpacked ipt-workbench folder." >&2; exit 1; }
if [ "$HERE" != "$PREFIX" ]; then
    rm -rf "$PREFIX"
    mkdir -p "$(dirname "$PREFIX")"
    cp -a "$HERE" "$PREFIX"
fi
mkdir -p "$BIN" "$DATA/applications" "$DATA/metainfo"
ln -sf "$PREFIX/ipt-workbench" "$BIN/ipt-workbench"
# An absolute Exec= path: ~/.local/bin is not on every desktop session's PATH.
sed "s|^Exec=.*|Exec=$PREFIX/ipt-workbench|" "$PREFIX/share/applications/$APP_ID.desktop" \
    >"$DATA/applications/$APP_ID.desktop"
cp "$PREFIX/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
cp -R "$PREFIX/share/icons" "$DATA/"
refresh_caches
echo "IPT Workbench is installed: find it in your applications menu, or run ipt-workbench."
