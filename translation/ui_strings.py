"""UI strings of the translation module, from ui_strings.yaml (data, not code)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from translation.normalize import load_yaml

DEFAULT_PATH = Path(__file__).with_name("ui_strings.yaml")


class UIStrings:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self._resident: Mapping[str, Mapping[str, str]] = data.get("resident") or {}
        self._staff: Mapping[str, Any] = data.get("staff") or {}

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> UIStrings:
        return cls(load_yaml(path) or {})  # type: ignore[arg-type]

    def resident(self, key: str, lang: str) -> str:
        """A resident-facing string in ``lang`` (falling back to English, then Japanese)."""
        texts = self._resident.get(key)
        if not texts:
            raise KeyError(f"no UI string {key!r} in ui_strings.yaml")
        return texts.get(lang) or texts.get("en") or texts["ja"]

    def staff(self, key: str, lang: str = "ja", **params: str) -> str:
        """A staff-facing string; ``guard.numbers`` style keys reach nested entries."""
        node: Any = self._staff
        for part in key.split("."):
            node = node[part]
        return str(node.get(lang) or node["ja"]).format(**params)


@lru_cache(maxsize=1)
def default_ui_strings() -> UIStrings:
    return UIStrings.load()
