"""The glossary read backwards: a resident's word in their language -> the city's Japanese term.

With no translation model installed, this is how a Vietnamese "rác cháy được" meets the
Japanese FAQ about 燃やすごみ: the approved translations in data/glossary.yaml (and their
variants) are matched in the question and the Japanese terms are searched as well.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from .normalize import normalize
from .yaml_io import YamlFileError, read_yaml

logger = logging.getLogger(__name__)
_LATIN = re.compile(r"^[0-9a-z\u00c0-\u024f\u1e00-\u1eff' .\-/]+$")
_JAPANESE_CODES = {"ja", "ja-easy"}


class TermBridge:
    def __init__(self, surfaces: dict[str, str]) -> None:
        self._japanese = dict(surfaces)
        ordered = sorted(self._japanese, key=len, reverse=True)
        self._pattern = re.compile("|".join(_alternative(s) for s in ordered)) if ordered else None

    def __len__(self) -> int:
        return len(self._japanese)

    def japanese_terms(self, text: str) -> list[str]:
        """Japanese terms whose approved translation occurs in ``text`` (each once, in order)."""
        if self._pattern is None:
            return []
        found = (self._japanese[m.group(0)] for m in self._pattern.finditer(normalize(text)))
        return list(dict.fromkeys(found))


def _alternative(surface: str) -> str:
    # Spaced scripts match whole words; Hangul, Chinese, Thai and Devanagari attach
    # particles and suffixes to the term, so there it may sit inside a longer run.
    escaped = re.escape(surface)
    return rf"(?<!\w){escaped}(?!\w)" if _LATIN.match(surface) else escaped


def load_term_bridge(path: Path) -> TermBridge:
    if not path.exists():
        return TermBridge({})
    try:
        doc = read_yaml(path) or {}
    except YamlFileError as exc:
        logger.warning("glossary unreadable, no cross-language terms: %s", exc)
        return TermBridge({})
    surfaces: dict[str, str] = {}
    for term in doc.get("terms") or []:
        japanese = str(term.get("ja") or "").strip()
        for lang, translation in (term.get("translations") or {}).items():
            if japanese and lang not in _JAPANESE_CODES and isinstance(translation, dict):
                for surface in _surfaces(translation):
                    surfaces.setdefault(surface, japanese)
    return TermBridge(surfaces)


def _surfaces(translation: dict[str, Any]) -> list[str]:
    values = [translation.get("term"), *(translation.get("variants") or [])]
    # Very short surfaces ("ID", "PIN") match too much inside other text.
    return [normalize(str(v)) for v in values if v and len(normalize(str(v))) >= 3]
