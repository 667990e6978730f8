"""NLU evaluation on a held-out split, with intent F1 per resident language.

Run with the app's Python (it drives Rasa in .venv-rasa as subprocesses):
    .venv/bin/python -m bot.nlu_eval [--json OUT]
Steps: split bot/data/nlu 80/20 (fixed seed; generated training-only files stay out of the
split), train an NLU-only model on the 80 % plus those files,
predict the 20 %, group the predictions by the language of each example, and
report macro-F1 over intents for each language.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from bot.dialogue.language import Detector, default_detector, han_language, han_only

logger = logging.getLogger(__name__)
BOT = Path(__file__).resolve().parent
RASA = BOT.parent / ".venv-rasa" / "bin" / "rasa"


def _rasa(*args: str) -> None:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    subprocess.run([str(RASA), *args], cwd=BOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# Generated from the city's data (bare names, lookup tables): trained on, never held out, so the
# score measures residents' own phrasings.
TRAINING_ONLY = ("bare_names_generated.yml", "lookups_generated.yml")


def predictions(work: Path, *, config: Path = BOT / "config.yml", seed: int = 42) -> list[dict[str, str]]:
    source, training = work / "source", work / "training"
    source.mkdir(parents=True)
    training.mkdir()
    for path in sorted((BOT / "data" / "nlu").glob("*.yml")):
        shutil.copy(path, (training if path.name in TRAINING_ONLY else source) / path.name)
    _rasa("data", "split", "nlu", "-u", str(source), "--training-fraction", "0.8",
          "--random-seed", str(seed), "--out", str(work / "split"))
    shutil.copy(work / "split" / "training_data.yml", training / "training_data.yml")
    _rasa("train", "nlu", "-c", str(config), "-u", str(training),
          "--out", str(work / "models"), "--fixed-model-name", "nlu-eval")
    _rasa("test", "nlu", "-m", str(work / "models" / "nlu-eval.tar.gz"), "--nlu",
          str(work / "split" / "test_data.yml"), "--out", str(work / "results"), "--successes",
          "--no-plot")
    rows = []
    for name in ("intent_successes.json", "intent_errors.json"):
        path = work / "results" / name
        if path.exists():
            rows += json.loads(path.read_text(encoding="utf-8"))
    return [{"text": r["text"], "intent": r["intent"],
             "predicted": (r.get("intent_prediction") or {}).get("name") or ""} for r in rows]


def macro_f1(rows: list[dict[str, str]]) -> float:
    intents = {r["intent"] for r in rows}
    scores = []
    for intent in intents:
        tp = sum(r["intent"] == intent and r["predicted"] == intent for r in rows)
        fp = sum(r["intent"] != intent and r["predicted"] == intent for r in rows)
        fn = sum(r["intent"] == intent and r["predicted"] != intent for r in rows)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def by_language(rows: list[dict[str, str]], detector: Detector) -> dict[str, dict[str, float]]:
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        groups[_language(row["text"], detector)].append(row)
    groups["all"] = rows
    return {lang: {"macro_f1": round(macro_f1(group), 4), "examples": len(group)}
            for lang, group in sorted(groups.items())}


def _language(text: str, detector: Detector) -> str:
    # The chat service's own rule: kanji-only text (川端町, 5月) is Japanese in a Japanese city.
    detected = detector.detect(text) or ("ja" if han_only(text) else "unknown")
    return han_language(text, detected, None) if detected.startswith("zh") and han_only(text) else detected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the report here")
    parser.add_argument("--errors", type=Path, help="write the misclassified held-out examples here")
    parser.add_argument("--seed", type=int, default=42, help="random seed of the 80/20 split")
    parser.add_argument("--config", type=Path, default=BOT / "config.yml",
                        help="pipeline to evaluate (default: bot/config.yml)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="nlu-eval-") as tmp:
        rows = predictions(Path(tmp), config=args.config.resolve(), seed=args.seed)
        report = by_language(rows, default_detector())
    if args.errors:
        wrong = [r for r in rows if r["predicted"] != r["intent"]]
        args.errors.write_text(json.dumps(wrong, ensure_ascii=False, indent=1) + "\n",
                               encoding="utf-8")
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
