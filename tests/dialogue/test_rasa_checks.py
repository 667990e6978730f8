"""Rasa's own checks, run in .venv-rasa: data validation, conversation tests, NLU quality."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from live_servers import RASA, ROOT

from bot.dialogue.language import default_detector
from bot.nlu_eval import by_language, predictions

pytestmark = [pytest.mark.slow, pytest.mark.rasa, pytest.mark.timeout(1200)]


@pytest.fixture(autouse=True)
def _rasa_installed() -> None:
    if not RASA.exists():
        pytest.skip("Rasa is not set up: run `make setup` (scripts/setup_rasa.sh)")


def test_training_data_validates_and_conversation_tests_pass(tmp_path: Path) -> None:
    result = subprocess.run([str(ROOT / "scripts" / "test_rasa.sh")], capture_output=True,
                            text=True, env={**os.environ, "RASA_RESULTS": str(tmp_path)})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    failed = (tmp_path / "failed_test_stories.yml").read_text(encoding="utf-8")
    assert "None of the test stories failed" in failed


# The target: intent macro-F1 >= 0.90 for ja and en on the held-out split
# (measured 0.90 / 0.91 with seed 42; 0.91-0.92 / 0.91-0.93 with other seeds: docs/benchmarks/dialogue.md).
F1_TARGET = 0.90


def test_intent_macro_f1_on_held_out_split_is_at_least_090_for_ja_and_en(tmp_path: Path) -> None:
    report = by_language(predictions(tmp_path), default_detector())
    assert report["ja"]["macro_f1"] >= F1_TARGET, report
    assert report["en"]["macro_f1"] >= F1_TARGET, report
