#!/usr/bin/env bash
# Installs everything the tests need (idempotent, as root on a fresh Debian-like machine,
# no prompt), then runs ruff, mypy and the whole pytest suite inside a D-Bus session.
# Extra arguments go to pytest, e.g. `bash tests/run.sh -k store`.
# `bash tests/run.sh --fast` is the quick loop: unit and widget tests only (no X, no bundle).
set -euo pipefail
FAST=0
if [ "${1:-}" = "--fast" ]; then
  FAST=1
  shift
fi
cd "$(dirname "$0")/.."
ROOT=$PWD
export DEBIAN_FRONTEND=noninteractive

APT_PACKAGES=(
  # a real X server for end-to-end tests, and a tray host for the tray tests
  xvfb xauth x11-utils trayer
  # desktop-file-validate for the launcher entry
  desktop-file-utils
  # `import` for root-window screenshots in the end-to-end tests
  imagemagick
  # a session bus and notify-send
  dbus dbus-x11 libnotify-bin
  # pdffonts, pdftotext, pdftoppm for printed notes
  poppler-utils
  # a real calendar client that reads the exported calendar file
  khal
  # what Qt's xcb platform plugin loads
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core
  # the rest of what the .deb depends on, so that test_deb's apt-get install finds it here
  libwayland-client0 libwayland-cursor0 libwayland-egl1
  # building dbus-python from source when no wheel fits
  gcc libc6-dev libdbus-1-dev libglib2.0-dev pkg-config
  # the bundle and .deb builds (PyInstaller and build-deb.sh need objdump from binutils;
  # dpkg-deb comes with dpkg)
  binutils
)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.followthrough-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "== installing the project with its test and package extras"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".[test,package]"
  touch "$stamp"
fi
export PATH="$ROOT/.venv/bin:$PATH"

echo "== ruff"
ruff check desktop tests
ruff format --check desktop tests
echo "== mypy"
mypy
echo "== pytest"
export QT_QPA_PLATFORM=offscreen
set +e
if [ "$FAST" -eq 1 ]; then
  python -m pytest -q tests/unit tests/gui "$@"
else
  dbus-run-session -- python -m pytest "$@"
fi
status=$?
set -e
exit $status
