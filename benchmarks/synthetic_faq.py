"""Synthetic municipal FAQ corpora of any size, for scaling measurements.

Entries recombine the sample city's real questions and answers with varied
topic words, so token statistics stay close to a real Japanese FAQ set.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from knowledge.faq_loader import load_faq
from knowledge.faq_schema import FaqEntry, FaqSet

TOPICS = ["駐輪場", "公民館", "図書館", "体育館", "児童館", "市営住宅", "下水道", "街路灯", "防犯灯", "公園",
          "補助金", "助成金", "奨学金", "空き家", "農地", "墓地", "霊園", "斎場", "投票所", "期日前投票",
          "自治会", "町内会", "消防団", "献血", "健康診断", "がん検診", "歯科健診", "敬老祝金", "成人式", "表彰"]


def synthetic_faq(data_dir: Path, size: int, *, seed: int = 7) -> FaqSet:
    base = load_faq(data_dir).faq
    if not base.entries:
        raise ValueError(f"no FAQ entries under {data_dir} to build a synthetic corpus from")
    rng = random.Random(seed)
    entries = [_variant(rng.choice(base.entries), index, rng) for index in range(size)]
    return FaqSet(tuple(entries), base.departments)


def _variant(entry: FaqEntry, index: int, rng: random.Random) -> FaqEntry:
    topic, other = rng.sample(TOPICS, 2)
    return replace(
        entry, id=f"syn-{index:06d}",
        question=f"{topic}の{entry.question}",
        alternatives=tuple(f"{a}（{topic}）" for a in entry.alternatives),
        answer=f"{topic}と{other}について。{entry.answer}",
        translations={},
    )
