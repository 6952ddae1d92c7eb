#!/usr/bin/env bash
# Build dist/ipt-workbench_VERSION_ARCH.deb from the one-folder bundle (packaging/build.sh first)
# and check it with lintian. The app goes to /opt/ipt-workbench; the command to /usr/bin; the menu
# entry, icons and AppStream data to /usr/share. Depends lists the package of every system library
# the bundle loads but does not carry (found with dpkg -S on this machine, like dpkg-shlibdeps).
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE="${BUNDLE:-dist/ipt-workbench}"
APP_ID="org.iptworkbench.IPTWorkbench"
[ -x "$BUNDLE/ipt-workbench" ] || { echo "no bundle at $BUNDLE: run packaging/build.sh" >&2; exit 1; }

version=$(awk -F'"' '/^version = / { print $2; exit }' pyproject.toml)  # no pipe: head closing it early is SIGPIPE (141) under pipefail
arch=$(dpkg --print-architecture)
deb="dist/ipt-workbench_${version}_${arch}.deb"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/root"

# ----- files -----
install -d "$root/opt/ipt-workbench" "$root/usr/bin" "$root/usr/share/doc/ipt-workbench" \
    "$root/usr/share/lintian/overrides"
cp -a "$BUNDLE/." "$root/opt/ipt-workbench/"
rm -rf "$root/opt/ipt-workbench/share" "$root/opt/ipt-workbench/install.sh"  # per-user install only
cp -a "$BUNDLE/share/." "$root/usr/share/"
ln -s /opt/ipt-workbench/ipt-workbench "$root/usr/bin/ipt-workbench"
install -m 0644 packaging/linux/deb/copyright "$root/usr/share/doc/ipt-workbench/copyright"
install -m 0644 packaging/linux/deb/lintian-overrides "$root/usr/share/lintian/overrides/ipt-workbench"
date=$(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}")
printf 'ipt-workbench (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- IPT Workbench <packages@iptworkbench.org>  %s\n' \
    "$version" "$version" "$date" | gzip -9n >"$root/usr/share/doc/ipt-workbench/changelog.gz"
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -exec chmod go-w {} +
find "$root/opt" -type f -name '*.so*' -exec chmod 0644 {} +  # loaded, never executed

# ----- Depends: the packages of the system libraries the bundle needs but does not carry -----
carried=$(find "$root/opt/ipt-workbench" -name '*.so*' -printf '%f\n' | sort -u)
needed=$(find "$root/opt/ipt-workbench" -type f \( -name '*.so*' -o -name ipt-workbench \) \
    -exec sh -c 'readelf -d "$1" 2>/dev/null' _ {} \; |
    sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
depends=()
for soname in $needed; do
    grep -qxF "$soname" <<<"$carried" && continue
    [ "$soname" = libcups.so.2 ] && continue  # printing is optional: Recommends, below
    path=$(ldconfig -p | awk -v s="$soname" '$1 == s && /x86-64|64bit|AArch64/ && !found {print $NF; found = 1}')  # reads all: an early exit was SIGPIPE (141) under pipefail
    [ -n "$path" ] || { echo "build_deb: $soname is needed but not on this machine" >&2; exit 1; }
    real=$(readlink -f "$path")
    package=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$real" 2>/dev/null || dpkg -S "/usr$real" 2>/dev/null)
    depends+=("${package%%:*}")
done
glibc=$(find "$root/opt/ipt-workbench" -type f \( -name '*.so*' -o -name ipt-workbench \) \
    -exec sh -c 'objdump -T "$1" 2>/dev/null' _ {} \; |
    grep -o 'GLIBC_2\.[0-9]*' | sort -t. -k2 -n -u | tail -n 1 | sed 's/GLIBC_//')
deps=$(printf '%s\n' "${depends[@]}" | grep -v '^libc6$' | sort -u | paste -sd, - | sed 's/,/, /g')
installed_kb=$(du -sk "$root" | cut -f1)

install -d "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<EOF
Package: ipt-workbench
Version: $version
Architecture: $arch
Maintainer: IPT Workbench <packages@iptworkbench.org>
Installed-Size: $installed_kb
Depends: libc6 (>= $glibc), $deps
Recommends: libcups2
Section: science
Priority: optional
Homepage: https://iptworkbench.org/
Description: offline, encrypted workbench for Interpersonal Psychotherapy
 IPT Workbench keeps a clinician's whole caseload on this computer in one
 encrypted vault, with the IPT frame (phases, interpersonal inventory,
 closeness circle, timeline, formulation), PHQ-9 and GAD-7 measures, risk
 flags, PDF exports, verified backups, and a practice mode with fictional
 cases for trainees. It carries its own Python, Qt and SQLCipher.
EOF

# xz at its fastest level: the default took minutes of CI for a few MiB less.
dpkg-deb --root-owner-group -Zxz -z1 --build "$root" "$deb" >/dev/null
echo "Package: $deb, $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes); Depends: libc6 (>= $glibc), $deps"

# lintian: errors and warnings fail the build; the overrides file says why each one left is fine.
if ! command -v lintian >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lintian >/dev/null
fi
lintian --fail-on error,warning "$deb"
echo "lintian: no errors or warnings"
"${PYTHON:-python3}" packaging/write_checksums.py dist >/dev/null
