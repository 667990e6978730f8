#!/usr/bin/env bash
# Build .venv (Python 3.11, the app) when missing or when pyproject.toml changed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.madoguchi-pyproject"

works() { [ -x "$1" ] && "$1" -c 'import sys; assert sys.version_info[:2] == (3, 11)' 2>/dev/null; }

find_python311() {
  local candidate
  for candidate in "$(command -v python3.11 || true)" "$(command -v python3 || true)" \
      "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.11*/bin/python3.11; do
    if [ -n "$candidate" ] && works "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

if [ -f "$STAMP" ] && cmp -s "$ROOT/pyproject.toml" "$STAMP" && [ -x "$VENV/bin/madoguchi" ]; then
  exit 0
fi
if ! PY311="$(find_python311)"; then
  echo "setup: madoguchi needs Python 3.11 and none was found on PATH or in pyenv's versions folder." >&2
  echo "  Install Python 3.11 (e.g. 'pyenv install 3.11') and run the command again." >&2
  exit 2
fi
echo "setup: building $VENV with $PY311 (first time takes a few minutes)"
[ -x "$VENV/bin/python" ] || "$PY311" -m venv "$VENV"
# The CPU build of torch first: an unpinned torch would pull several GB of CUDA packages.
"$VENV/bin/pip" install --quiet --disable-pip-version-check "torch==2.13.0"
"$VENV/bin/pip" install --quiet --disable-pip-version-check -e "$ROOT[dense,dev]"
cp "$ROOT/pyproject.toml" "$STAMP"
echo "setup: $VENV ready"
