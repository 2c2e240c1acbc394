#!/usr/bin/env bash
# Packages the one-folder PyInstaller bundle as a Debian package:
#
#   bash packaging/linux/build-deb.sh [--build] [--bundle DIR] [--out DIR] [--compression TYPE]
#
# writes OUT/followthrough_<version>_<arch>.deb (OUT defaults to dist/) from the bundle in
# DIR (default dist/followthrough/, built first with packaging/build-bundle.sh when it is
# missing or --build is given). TYPE is dpkg-deb's: xz (the default and the smallest,
# about 2 CPU-minutes) or gzip (40% bigger, 20 CPU-seconds; the tests use it).
# Install it with `sudo apt install ./dist/followthrough_*.deb`.
#
# The package holds the bundle under /opt/followthrough, /usr/bin/followthrough (a
# symbolic link to it), the menu entry, the hicolor icons and the AppStream metainfo. Its
# Depends are the system libraries the bundle's files load but do not carry (libc, libxcb,
# EGL/GL, Wayland), found with objdump and dpkg -S on this machine, plus libfontconfig1
# for the font configuration the bundled fontconfig reads. Needs dpkg-deb, dpkg and
# objdump (binutils). DEB_MAINTAINER="Name <address>" sets the Maintainer field.
set -euo pipefail
# Never a silent stop: say where it failed.
trap 'echo "build-deb.sh: failed at line $LINENO (exit $?)" >&2' ERR
cd "$(dirname "$0")/../.."
ROOT=$PWD

build=0
bundle=$ROOT/dist/followthrough
out=$ROOT/dist
compression=xz
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=1 ;;
    --bundle) bundle=$(realpath -m "$2"); shift ;;
    --out) out=$(realpath -m "$2"); shift ;;
    --compression) compression=$2; shift ;;
    -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

for tool in dpkg-deb dpkg objdump; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool is missing (dpkg-deb and dpkg come with dpkg, objdump with binutils)" >&2
    exit 1
  fi
done

if [ "$build" -eq 1 ] || [ ! -x "$bundle/followthrough" ]; then
  if [ "$bundle" != "$ROOT/dist/followthrough" ]; then
    echo "no bundle in $bundle (packaging/build-bundle.sh builds dist/followthrough)" >&2
    exit 1
  fi
  bash packaging/build-bundle.sh
fi

NAME=followthrough
# Who answers for the package: set DEB_MAINTAINER="Name <address>" when handing it out.
maintainer=${DEB_MAINTAINER:-"The Follow-Through authors <maintainers@followthrough.invalid>"}
APP_ID=followthrough # followthrough.APP_ID: the desktop file name Qt reports to the desktop
METAINFO_ID=io.github.followthrough.FollowThrough
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/followthrough/__init__.py)
arch=$(dpkg --print-architecture)
if [ -z "$version" ]; then
  echo "no __version__ in desktop/followthrough/__init__.py" >&2
  exit 1
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
root=$staging/root
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin"

echo "== staging $NAME $version ($arch) from $bundle"
cp -a "$bundle" "$root/opt/$NAME"
ln -s "/opt/$NAME/$NAME" "$root/usr/bin/$NAME"
install -D -m 0644 packaging/linux/followthrough.desktop \
  "$root/usr/share/applications/$APP_ID.desktop"
install -D -m 0644 "packaging/linux/$METAINFO_ID.metainfo.xml" \
  "$root/usr/share/metainfo/$METAINFO_ID.metainfo.xml"
install -D -m 0644 resources/icons/followthrough.svg \
  "$root/usr/share/icons/hicolor/scalable/apps/followthrough.svg"
install -D -m 0644 packaging/linux/followthrough.png \
  "$root/usr/share/icons/hicolor/256x256/apps/followthrough.png"
doc=$root/usr/share/doc/$NAME
mkdir -p "$doc"
cat >"$doc/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Follow-Through

Files: *
Copyright: 2026 the Follow-Through authors
License: GPL-3.0-or-later
 On Debian systems the full text of the GNU General Public License version 3 is in
 /usr/share/common-licenses/GPL-3.

Files: opt/followthrough/_internal/resources/fonts/*
Copyright: the fonts' authors (see the *-OFL.txt file beside each font)
License: OFL-1.1
 The SIL Open Font License 1.1; its text is beside each font.
EOF
printf '%s (%s) unstable; urgency=low\n\n  * Built from the PyInstaller bundle.\n\n -- %s  %s\n' \
  "$NAME" "$version" "$maintainer" \
  "$(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")" | gzip -9n >"$doc/changelog.gz"

# 0755 folders and the executable, 0644 for everything else (shared libraries too).
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -exec chmod 0644 {} +
chmod 0755 "$root/opt/$NAME/$NAME"

# The Debian packages holding each library the bundle loads but does not carry.
package_of() {
  local path=$1 resolved candidate owner
  resolved=$(readlink -f "$path")
  # /lib is /usr/lib on a merged-/usr system; dpkg knows the file under one of the names.
  for candidate in "$path" "$resolved" "${path#/usr}" "/usr${path}" "${resolved#/usr}"; do
    owner=$(dpkg -S "$candidate" 2>/dev/null) || continue
    owner=${owner%%$'\n'*}
    echo "${owner%%:*}"
    return 0
  done
  return 1
}
declare -A carried=()
while IFS= read -r soname; do
  carried[$soname]=1
done < <(find "$root/opt/$NAME" -name '*.so*' -printf '%f\n')
mapfile -t needed < <(
  find "$root/opt/$NAME" -type f \( -name '*.so*' -o -path "*/opt/$NAME/$NAME" \) \
    -exec objdump -p {} + 2>/dev/null | awk '$1 == "NEEDED" {print $2}' | sort -u
)
declare -A packages=([libfontconfig1]=1)
for soname in "${needed[@]}"; do
  [ -z "${carried[$soname]:-}" ] || continue
  # awk reads to the end: leaving early would stop ldconfig with SIGPIPE, which pipefail
  # turns into a silent exit of the whole script.
  path=$(ldconfig -p | awk -v s="$soname" '$1 == s && !found {print $NF; found = 1}')
  if [ -z "$path" ]; then
    echo "the bundle needs $soname, which is not installed here: install it and build again" >&2
    exit 1
  fi
  if ! package=$(package_of "$path") || [ -z "$package" ]; then
    echo "no Debian package holds $path (needed as $soname)" >&2
    exit 1
  fi
  packages[$package]=1
done
depends=$(printf '%s\n' "${!packages[@]}" | sort | paste -sd, - | sed 's/,/, /g')

installed_size=$(du -sk --apparent-size --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<EOF
Package: $NAME
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_size
Depends: $depends
Section: misc
Priority: optional
Description: keep up with everything after a job interview
 Follow-Through keeps the rest of an interview on schedule: the thank-you
 note that should go out the same day, the polite check-in when a promised
 answer is late, and the heads-up your references deserve before a recruiter
 phones them. It reminds you from the system tray and keeps all data in a
 private local database, with no account and no cloud.
 .
 This package carries its own Python and Qt under /opt/followthrough.
EOF

# The menu and the icon cache learn about the entry; never a reason to fail.
for script in postinst postrm; do
  cat >"$root/DEBIAN/$script" <<'EOF'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q /usr/share/applications || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f /usr/share/icons/hicolor/index.theme ]; then
  gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
exit 0
EOF
  chmod 0755 "$root/DEBIAN/$script"
done

mkdir -p "$out"
deb=$out/${NAME}_${version}_${arch}.deb
rm -f "$deb"  # a failed build must not leave an older .deb looking like this one
dpkg-deb --root-owner-group "-Z$compression" --build "$root" "$deb" >/dev/null
echo "== $deb: $(du -h "$deb" | cut -f1), installs $installed_size KiB"
echo "== Depends: $depends"
