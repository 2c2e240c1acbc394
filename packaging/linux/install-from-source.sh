#!/usr/bin/env bash
# Installs Follow-Through from this source tree and starts it (Debian-like systems).
#
#   bash packaging/linux/install-from-source.sh [--no-launch] [APP ARGUMENTS...]
#
# Safe to run again: each step is skipped when already done, and nothing asks a question.
#  1. the system libraries Qt and D-Bus need (apt-get, through sudo unless run as root),
#     only the ones not installed yet;
#  2. a virtualenv in .venv at the top of the source tree, with the app installed into it
#     (`pip install -e .`, runtime dependencies only);
#  3. an application-menu entry and icon for the current user (~/.local/share), so the app
#     starts from the menu or with a double-click;
#  4. then it starts the app with the remaining arguments, unless --no-launch is given.
# PYTHON picks the interpreter for the virtualenv (default python3, at least 3.11).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

launch=1
app_args=()
for arg in "$@"; do
  if [ "$arg" = "--no-launch" ]; then
    launch=0
  else
    app_args+=("$arg")
  fi
done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_updated=0

# Installs those of the given Debian packages that are not installed yet.
apt_install_missing() {
  if ! command -v dpkg-query >/dev/null; then
    echo "== not a Debian-like system: make sure these are installed: $*" >&2
    return 0
  fi
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "== installing Debian packages: ${missing[*]}"
  if [ "$apt_updated" -eq 0 ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

PYTHON=${PYTHON:-python3}
APT_PACKAGES=(
  # what Qt's xcb platform plugin and its text rendering load
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
  libegl1 libgl1 libfontconfig1 fonts-dejavu-core
  # desktop notifications go over D-Bus
  libdbus-1-3
  # dbus-python has no wheels on PyPI: pip builds it
  gcc libc6-dev pkg-config libdbus-1-dev libglib2.0-dev
)
if [ "$PYTHON" = "python3" ] && ! command -v python3 >/dev/null; then
  APT_PACKAGES+=(python3)
fi
apt_install_missing "${APT_PACKAGES[@]}"

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Follow-Through needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
  echo "Point PYTHON at a newer one, e.g. PYTHON=python3.11 bash $0" >&2
  exit 1
fi
py_version=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')

if [ ! -x .venv/bin/python ]; then
  # Debian keeps ensurepip (which venv needs) in pythonX.Y-venv.
  if ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
    apt_install_missing "python${py_version}-venv"
  fi
  echo "== creating .venv with $PYTHON ($py_version)"
  "$PYTHON" -m venv .venv
fi

stamp=.venv/.followthrough-runtime
full_stamp=.venv/.followthrough-installed # written by tests/run.sh, a superset of this
if [ -x .venv/bin/followthrough ] \
  && { [ "$stamp" -nt pyproject.toml ] || [ "$full_stamp" -nt pyproject.toml ]; }; then
  echo "== .venv is up to date"
else
  # Building dbus-python needs the interpreter's C headers.
  has_headers=$(.venv/bin/python -c 'import pathlib, sysconfig
print(int(pathlib.Path(sysconfig.get_paths()["include"], "Python.h").exists()))')
  if [ "$has_headers" != 1 ]; then
    apt_install_missing "python${py_version}-dev"
  fi
  echo "== installing Follow-Through into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e .
  touch "$stamp"
fi

# The application-menu entry, pointing at this checkout.
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
executable=$ROOT/.venv/bin/followthrough
# Desktop Entry quoting: inside the quotes escape " ` $ \, then escape every backslash
# once more for the string value, and double % for the field-code rule.
quoted=$(printf '%s' "$executable" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
mkdir -p "$DATA_HOME/applications" "$DATA_HOME/icons/hicolor/scalable/apps"
while IFS= read -r line; do
  case $line in
    Exec=*) printf 'Exec="%s"\nTryExec=%s\n' "$quoted" "${executable//\\/\\\\}" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <packaging/linux/followthrough.desktop >"$DATA_HOME/applications/followthrough.desktop"
install -m 0644 resources/icons/followthrough.svg \
  "$DATA_HOME/icons/hicolor/scalable/apps/followthrough.svg"
if [ -f packaging/linux/followthrough.png ]; then
  mkdir -p "$DATA_HOME/icons/hicolor/256x256/apps"
  install -m 0644 packaging/linux/followthrough.png \
    "$DATA_HOME/icons/hicolor/256x256/apps/followthrough.png"
fi
if command -v update-desktop-database >/dev/null; then
  update-desktop-database -q "$DATA_HOME/applications" 2>/dev/null || true
fi
if command -v gtk-update-icon-cache >/dev/null && [ -f "$DATA_HOME/icons/hicolor/index.theme" ]; then
  gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" 2>/dev/null || true
fi
echo "== menu entry: $DATA_HOME/applications/followthrough.desktop"
echo "== Follow-Through is installed; run it with: $executable"

[ "$launch" -eq 1 ] || exit 0
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "== no display here (DISPLAY and WAYLAND_DISPLAY are unset), so not starting it now"
  exit 0
fi
exec "$executable" "${app_args[@]}"
