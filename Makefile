# madoguchi — two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
export RASA_TELEMETRY_ENABLED := false
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup setup-app setup-rasa run test test-fast test-rasa lint bench clean

setup: setup-app setup-rasa

setup-app:
	@scripts/setup_app.sh

# Rasa (Python 3.10) in its own venv, and the model trained when bot/ changed.
setup-rasa:
	@if [ -f bot/config.yml ]; then scripts/setup_rasa.sh && scripts/train_rasa.sh; fi

run: setup
	@$(BIN)/madoguchi run

test: setup
	@scripts/ensure_chromium.sh
	@$(BIN)/pytest -q

# The quick tier: no servers, no browser, no model training.
test-fast: setup-app
	@$(BIN)/pytest -q -m "not slow and not integration and not e2e and not rasa"

# Rasa's own checks (pytest -m rasa runs them too): data validation, conversation
# tests with --fail-on-prediction-errors, and intent F1 per language on a held-out split.
test-rasa: setup
	@scripts/test_rasa.sh
	@$(BIN)/python -m bot.nlu_eval --json var/nlu_eval.json

lint: setup-app
	@$(BIN)/ruff check .
	@$(BIN)/mypy app knowledge translation connectors storage benchmarks

bench: setup-app
	@$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) .venv-rasa var bot/models .pytest_cache .mypy_cache .ruff_cache
