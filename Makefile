# madoguchi — two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
export RASA_TELEMETRY_ENABLED := false
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup setup-app setup-rasa run test test-fast lint bench clean

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

lint: setup-app
	@$(BIN)/ruff check .
	@$(BIN)/mypy app knowledge translation connectors storage

bench: setup-app
	@$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) .venv-rasa var bot/models .pytest_cache .mypy_cache .ruff_cache
