"""Find sorting-dictionary items from free text: kana/katakana, width, English, typos."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from .models import Item, ItemMatch
from .textnorm import normalize

CONTAINED = 92.0  # the query mentions the item: 「スプレー缶の捨て方」
PREFIX = 86.0  # the query is part of the item name: 「すぷれー」
COVERED = 80.0  # mentioned only as part of a longer mentioned name
FUZZY_CEILING = 84.0  # typo-level similarity: a choice to offer, not an answer
MIN_SCORE = 40.0


def item_keys(item: Item) -> set[str]:
    """Every form of the name a resident might type, normalised."""
    names = [item.name, re.sub(r"[（(].*?[）)]", "", item.name)]
    names += re.findall(r"[（(](.*?)[）)]", item.name)
    names += re.split(r"[・、/／]", names[1])
    names += [*re.split(r"[・、/／\s]+", item.reading), item.reading]
    names += [n.strip() for n in re.split(r"[;/]", item.english)]
    keys = {normalize(n) for n in names if n.strip()}
    return {k for k in keys if len(k) >= 2}


class ItemIndex:
    def __init__(self, items: list[Item] | tuple[Item, ...]) -> None:
        self.items = tuple(items)
        self._owner: list[int] = []
        self._keys: list[str] = []
        for number, item in enumerate(self.items):
            for key in sorted(item_keys(item)):
                self._owner.append(number)
                self._keys.append(key)

    def lookup(self, text: str, *, limit: int = 5) -> list[ItemMatch]:
        query = normalize(text)
        if not query:
            return []
        scores: dict[int, tuple[float, bool]] = {}
        mentioned: dict[int, str] = {}
        for key, owner in zip(self._keys, self._owner, strict=True):
            score = self._direct(query, key)
            if score is not None and score[0] > scores.get(owner, (0.0, False))[0]:
                scores[owner] = score
                if score[1]:
                    mentioned[owner] = key
        self._demote_covered(mentioned, scores)
        self._add_fuzzy(query, scores, limit)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], len(self.items[kv[0]].name)))
        return [ItemMatch(self.items[i], s, exact) for i, (s, exact) in ranked[:limit]
                if s >= MIN_SCORE]

    @staticmethod
    def _direct(query: str, key: str) -> tuple[float, bool] | None:
        if query == key:
            return 100.0, True
        ascii_key = key.isascii()
        if key in query and (len(key) >= 4 or not ascii_key):
            # Longer mentioned names win: 「ペットボトルのキャップ」 over 「ペットボトル」.
            return CONTAINED + min(len(key), 7) / 2 - len(query.replace(key, "", 1)) / 100, True
        if query in key and len(query) >= 2:
            return PREFIX - (len(key) - len(query)) / 10, False
        return None

    @staticmethod
    def _demote_covered(mentioned: dict[int, str], scores: dict[int, tuple[float, bool]]) -> None:
        """「段ボール」mentions ボール too: a name inside a longer mentioned name is no answer."""
        for owner, key in mentioned.items():
            if any(key in other and len(other) > len(key) for other in mentioned.values()):
                scores[owner] = (min(scores[owner][0], COVERED), False)

    def _add_fuzzy(self, query: str, scores: dict[int, tuple[float, bool]], limit: int) -> None:
        hits = process.extract(query, self._keys, scorer=fuzz.WRatio, limit=limit * 8)
        for _, score, position in hits:
            owner = self._owner[position]
            capped = min(float(score), FUZZY_CEILING)
            if capped > scores.get(owner, (0.0, False))[0]:
                scores[owner] = (capped, False)
