"""The chat channels' UI strings, from ui_strings.json (data, not code)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

DEFAULT_PATH = Path(__file__).with_name("ui_strings.json")
DEFAULT_LANG = "ja"


class ChannelStrings:
    def __init__(self, data: dict[str, Any]) -> None:
        self.languages: list[dict[str, str]] = list(data["languages"])
        self.strings: dict[str, dict[str, str]] = dict(data["strings"])
        missing = [lang["code"] for lang in self.languages if lang["code"] not in self.strings]
        if missing:
            raise ValueError(f"ui_strings.json has no strings for languages {missing}")

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> ChannelStrings:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    @property
    def codes(self) -> list[str]:
        return [lang["code"] for lang in self.languages]

    def supports(self, lang: str | None) -> bool:
        return lang in self.strings

    def text(self, key: str, lang: str | None, **values: object) -> str:
        """A string in ``lang``, else Japanese (every key exists in Japanese)."""
        table = self.strings.get(lang or DEFAULT_LANG) or self.strings[DEFAULT_LANG]
        template = table.get(key) or self.strings[DEFAULT_LANG][key]
        return template.format(**values) if values else template

    def name(self, lang: str) -> str:
        return next((item["name"] for item in self.languages if item["code"] == lang), lang)


@lru_cache(maxsize=1)
def default_strings() -> ChannelStrings:
    return ChannelStrings.load()
