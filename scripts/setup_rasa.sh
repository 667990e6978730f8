#!/usr/bin/env bash
# Build .venv-rasa: Rasa Open Source 3.6 needs Python 3.10 (TensorFlow 2.12),
# so it lives in its own virtualenv next to the app's .venv (Python 3.11).
# Idempotent: does nothing when the venv already has the pinned requirements.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${RASA_VENV:-$ROOT/.venv-rasa}"
REQS="$ROOT/bot/requirements-rasa.txt"
STAMP="$VENV/.madoguchi-reqs"
export RASA_TELEMETRY_ENABLED=false

# A pyenv shim can exist on PATH without a 3.10 selected, so each candidate is run.
works() { [ -x "$1" ] && "$1" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; }

find_python310() {
  local candidate
  for candidate in "$(command -v python3.10 || true)" \
      "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*/bin/python3.10; do
    if [ -n "$candidate" ] && works "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

if [ -f "$STAMP" ] && cmp -s "$REQS" "$STAMP" && [ -x "$VENV/bin/rasa" ]; then
  echo "setup_rasa: $VENV is up to date"
  exit 0
fi

if ! PY310="$(find_python310)"; then
  echo "setup_rasa: Rasa 3.6 needs Python 3.10, and none was found." >&2
  echo "  Install it (e.g. 'pyenv install 3.10' or your OS package python3.10)" >&2
  echo "  and make sure python3.10 is on PATH or in \$PYENV_ROOT/versions/3.10*/." >&2
  exit 2
fi

echo "setup_rasa: building $VENV with $PY310"
"$PY310" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade "pip<25" "setuptools<70" wheel
"$VENV/bin/python" -m pip install --quiet -r "$REQS"
"$VENV/bin/rasa" telemetry disable >/dev/null 2>&1 || true
cp "$REQS" "$STAMP"
echo "setup_rasa: done"
