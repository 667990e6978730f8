#!/usr/bin/env bash
# Serve the trained Rasa model on loopback, API token-protected, telemetry off.
# Environment (set by `madoguchi run`): MADOGUCHI_APP_URL (actions + NLG endpoint),
# MADOGUCHI_RASA_URL (where to listen, default http://127.0.0.1:5005), MADOGUCHI_RASA_TOKEN.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${RASA_VENV:-$ROOT/.venv-rasa}"
MODEL="$ROOT/bot/models/madoguchi.tar.gz"
URL="${MADOGUCHI_RASA_URL:-http://127.0.0.1:5005}"
PORT="${URL##*:}"; PORT="${PORT%%/*}"
export RASA_TELEMETRY_ENABLED=false
export MADOGUCHI_APP_URL="${MADOGUCHI_APP_URL:-http://127.0.0.1:8000}"

if [ -z "${MADOGUCHI_RASA_TOKEN:-}" ]; then
  echo "run_rasa: MADOGUCHI_RASA_TOKEN is not set; refusing to start Rasa with an open API" >&2
  exit 2
fi
if [ ! -f "$MODEL" ]; then
  echo "run_rasa: no model at $MODEL (run scripts/train_rasa.sh or make setup)" >&2
  exit 2
fi

mkdir -p "$ROOT/var"  # the log file's folder; the app may not have created it yet
cd "$ROOT/bot"
exec "$VENV/bin/rasa" run --model "$MODEL" --endpoints endpoints.yml \
  --credentials credentials.yml --interface 127.0.0.1 --port "$PORT" \
  --enable-api --auth-token "$MADOGUCHI_RASA_TOKEN" --log-file "$ROOT/var/rasa.log" --quiet
