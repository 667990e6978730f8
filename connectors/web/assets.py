"""The widget's files as the app serves them: widget.js with its strings and CSS inlined."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from connectors.ui_strings import ChannelStrings, default_strings

ASSETS = Path(__file__).parent
CONFIG_MARK = "/*__MADOGUCHI_CONFIG__*/ null"
CSS_MARK = '/*__MADOGUCHI_CSS__*/ ""'


def _read(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def widget_css() -> str:
    return _read("widget.css")


def widget_config(*, max_text: int, strings: ChannelStrings) -> dict[str, object]:
    return {"max_text": max_text, "languages": strings.languages, "strings": strings.strings}


def _script_json(value: object) -> str:
    # "</" must not end the script early when the file is inlined into a page.
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


@lru_cache(maxsize=4)
def widget_script(*, max_text: int) -> str:
    """widget.js, self-contained: one request gives the city page everything it needs."""
    source = _read("widget.js")
    if CONFIG_MARK not in source or CSS_MARK not in source:
        raise RuntimeError("widget.js lost its config/CSS placeholders")
    config = widget_config(max_text=max_text, strings=default_strings())
    return source.replace(CONFIG_MARK, _script_json(config)).replace(CSS_MARK, _script_json(widget_css()))


def demo_page() -> str:
    return _read("demo.html")
