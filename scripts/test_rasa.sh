#!/usr/bin/env bash
# Rasa's own checks: training data validation and conversation tests (bot/tests/).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${RASA_VENV:-$ROOT/.venv-rasa}"
export RASA_TELEMETRY_ENABLED=false
"$ROOT/scripts/train_rasa.sh"
cd "$ROOT/bot"
"$VENV/bin/rasa" data validate --domain domain --data data --quiet
"$VENV/bin/rasa" test core --model models/madoguchi.tar.gz --stories tests \
  --fail-on-prediction-errors --out "${RASA_RESULTS:-$ROOT/var/rasa-results}" --no-plot --quiet
