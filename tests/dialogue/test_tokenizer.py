"""The Rasa tokenizer plugin, run inside .venv-rasa (Python 3.10) where Rasa lives."""

from __future__ import annotations

import json
import subprocess

import pytest
from live_servers import ROOT

PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
SCRIPT = """
import json, sys
from rasa.shared.nlu.training_data.message import Message
from components.sudachi_tokenizer import SudachiTokenizer
tokenizer = SudachiTokenizer(SudachiTokenizer.get_default_config())
out = {}
for text in json.loads(sys.argv[1]):
    tokens = tokenizer.tokenize(Message(data={"text": text}), "text")
    out[text] = [[t.text, t.start, t.lemma] for t in tokens]
print(json.dumps(out, ensure_ascii=False))
"""
pytestmark = [pytest.mark.slow, pytest.mark.rasa]


def _tokens(*texts: str) -> dict[str, list[list[object]]]:
    if not PYTHON.exists():
        pytest.skip("Rasa is not set up: run `make setup` (scripts/setup_rasa.sh)")
    result = subprocess.run([str(PYTHON), "-c", SCRIPT, json.dumps(texts)], cwd=ROOT / "bot",
                            capture_output=True, text=True, check=True, timeout=120)
    parsed: dict[str, list[list[object]]] = json.loads(result.stdout.strip().splitlines()[-1])
    return parsed


def test_japanese_english_and_thai_are_each_split_into_words() -> None:
    out = _tokens("燃えるごみの日は？", "When is garbage day?", "วันเก็บขยะ")
    assert [t[0] for t in out["燃えるごみの日は？"]] == ["燃える", "ごみ", "の", "日", "は"]
    assert [t[0] for t in out["When is garbage day?"]] == ["When", "is", "garbage", "day"]
    assert len(out["วันเก็บขยะ"]) == len("วันเก็บขยะ")


def test_token_offsets_point_into_the_text_and_kana_variants_share_a_lemma() -> None:
    out = _tokens("桜台二丁目のゴミ", "ごみ")
    for text, start, _ in out["桜台二丁目のゴミ"]:
        begin = int(str(start))
        assert "桜台二丁目のゴミ"[begin:begin + len(str(text))] == text
    assert out["桜台二丁目のゴミ"][-1][2] == out["ごみ"][0][2]


def test_nepali_and_decomposed_vietnamese_words_stay_whole() -> None:
    nepali = "नेपाली भाषामा बोल्नुस्"
    vietnamese = "ngày thu gom rác".replace("à", "a\u0300").replace("á", "a\u0301")
    out = _tokens(nepali, vietnamese)
    assert [t[0] for t in out[nepali]] == ["नेपाली", "भाषामा", "बोल्नुस्"]
    assert len(out[vietnamese]) == 4
