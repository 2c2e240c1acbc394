#!/usr/bin/env bash
# Builds the one-folder bundle into dist/followthrough/ (PyInstaller's work files in
# build/) with .venv's PyInstaller, then checks it with its own headless self-test.
# Exits with the self-test's code. Extra arguments go to the self-test, e.g. --keep DIR.
# Needs `pip install -e ".[package]"` in .venv (tests/run.sh does that).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=.venv/bin/python
if ! "$PYTHON" -c 'import PyInstaller' 2>/dev/null; then
  echo "PyInstaller is not in .venv: run .venv/bin/python -m pip install -e '.[package]'" >&2
  exit 1
fi

echo "== building dist/followthrough/"
started=$SECONDS
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build packaging/followthrough.spec
echo "== built in $((SECONDS - started)) s: $(du -sh dist/followthrough | cut -f1)"

echo "== dist/followthrough/followthrough --self-test"
set +e
QT_QPA_PLATFORM=offscreen dist/followthrough/followthrough --self-test "$@"
status=$?
set -e
exit $status
