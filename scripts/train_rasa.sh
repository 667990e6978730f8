#!/usr/bin/env bash
# Train the Rasa model unless bot/ is unchanged since the last training.
# The content hash covers everything that shapes the model: config, domain,
# training data (including the tables generated from data/), the tokenizer plugin and the
# Rasa requirements.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BOT="$ROOT/bot"
VENV="${RASA_VENV:-$ROOT/.venv-rasa}"
MODELS="$BOT/models"
MODEL="$MODELS/madoguchi.tar.gz"
STAMP="$MODELS/.content-hash"
export RASA_TELEMETRY_ENABLED=false

content_hash() {
  (cd "$BOT" && find config.yml domain data components requirements-rasa.txt \
      -type f \( -name '*.yml' -o -name '*.yaml' -o -name '*.py' -o -name '*.txt' \) \
      -not -path '*/__pycache__/*' | LC_ALL=C sort | xargs sha256sum) | sha256sum | cut -d' ' -f1
}

# Lookup tables and bare-name examples follow the city's data (data/garbage, certificates.yaml).
if [ -x "$ROOT/.venv/bin/python" ]; then
  (cd "$ROOT" && "$ROOT/.venv/bin/python" -m bot.tools.nlu_lookups)
fi

HASH="$(content_hash)"
if [ "${1:-}" != "--force" ] && [ -f "$MODEL" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$HASH" ]; then
  echo "train_rasa: model is up to date ($MODEL)"
  exit 0
fi

"$ROOT/scripts/setup_rasa.sh"
mkdir -p "$MODELS"
echo "train_rasa: training (bot/ changed)"
cd "$BOT"
"$VENV/bin/rasa" train --config config.yml --domain domain --data data \
  --out models --fixed-model-name madoguchi --quiet
echo "$HASH" > "$STAMP"
echo "train_rasa: done ($MODEL)"
