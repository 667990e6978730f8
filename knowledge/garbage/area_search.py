"""Find an area from what a resident typed: 「さくらだい」「桜台2丁目」「桜台2-3-5」「桜代二丁目」."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from .models import Area, AreaMatch
from .textnorm import chome_digits, strip_chome

FUZZY_CEILING = 85.0  # a fuzzy hit is a candidate to confirm, never an exact answer
MIN_SCORE = 55.0
STRONG = 90.0  # the base name was typed: fuzzy look-alikes would only clutter the buttons


@dataclass(frozen=True)
class _Keys:
    area: Area
    full: tuple[str, ...]  # whole name in every form: 桜台2丁目, さくらだい2丁目, sakuradai2chome
    base: tuple[str, ...]  # without the 丁目: 桜台, さくらだい, sakuradai
    chome: int | None


def _keys(area: Area) -> _Keys:
    forms = [chome_digits(area.name)]
    if area.reading:
        forms.append(chome_digits(area.reading))
    if area.romaji:
        forms.append(chome_digits(area.romaji))
    split = [strip_chome(f) for f in forms]
    return _Keys(area, tuple(forms), tuple(b for b, _ in split if b), split[0][1])


class AreaIndex:
    def __init__(self, areas: list[Area] | tuple[Area, ...]) -> None:
        self._keys = [_keys(a) for a in areas]

    def get(self, text: str) -> Area | None:
        query = chome_digits(text)
        return next((k.area for k in self._keys if query in k.full), None)

    def find(self, text: str, *, limit: int = 5) -> list[AreaMatch]:
        query = chome_digits(text)
        if not query:
            return []
        _, number = strip_chome(query)
        matches = [AreaMatch(k.area, *self._score(k, query, number)) for k in self._keys]
        matches = [m for m in matches if m.score >= MIN_SCORE]
        matches.sort(key=lambda m: (-m.score, self._order(m.area)))
        exact = [m for m in matches if m.exact]
        if len(exact) == 1:
            return exact
        strong = [m for m in matches if m.score >= STRONG]
        return (strong or matches)[:limit]

    def _order(self, area: Area) -> int:
        return next(i for i, k in enumerate(self._keys) if k.area is area)

    @staticmethod
    def _score(keys: _Keys, query: str, number: int | None) -> tuple[float, bool]:
        if any(form in query for form in keys.full):
            return 100.0, True
        if any(base in query for base in keys.base if len(base) >= 2):
            if number is None or keys.chome is None:
                return (90.0, False) if keys.chome is not None else (100.0, True)
            return (100.0, True) if number == keys.chome else (60.0, False)
        best = max(fuzz.WRatio(query, form) for form in keys.full + keys.base)
        return min(best, FUZZY_CEILING), False
