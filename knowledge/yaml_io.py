"""Safe YAML reading that remembers line numbers, so errors can point at file:line."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, said so that a non-programmer can fix it."""

    path: str
    line: int
    message: str
    hint: str = ""
    severity: str = "error"  # "error" stops loading the file's entry; "warning" does not

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.severity}: {self.message}"
        return f"{text}（{self.hint}）" if self.hint else text


class YamlFileError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _yaml() -> YAML:
    # The round-trip loader builds only plain mappings, lists and scalars (no Python
    # objects), keeps line numbers for messages and comments for the admin writer.
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


_PARSED: dict[tuple[str, str], Any] = {}
_PARSED_MAX = 512


def read_yaml(path: Path) -> Any:
    """Parse ``path``; raise YamlFileError with the line of a syntax error.

    Parsed documents are cached by content hash: the pure-Python parser dominates a reload,
    and a live reload after one edit should re-parse only the file that changed. The result
    is shared, so callers must not change it (the admin writer parses its own copy).
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlFileError(
            Problem(str(path), 1, "文字コードが UTF-8 ではありません", "UTF-8 で保存し直してください")
        ) from exc
    key = (str(path), hashlib.sha256(text.encode("utf-8")).hexdigest())
    if key not in _PARSED:
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        _PARSED[key] = parse_yaml(text, str(path))
    return _PARSED[key]


def remember_parsed(path: Path, text: str, doc: Any) -> None:
    """Let the next read_yaml of ``path`` reuse ``doc`` (parsed from ``text`` by a writer)."""
    _PARSED[(str(path), hashlib.sha256(text.encode("utf-8")).hexdigest())] = doc


def parse_yaml(text: str, name: str) -> Any:
    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = exc.problem or exc.context or "YAML の書き方に誤りがあります"
        raise YamlFileError(
            Problem(name, line, f"YAML の書き方に誤りがあります: {what}", _yaml_hint(str(what)))
        ) from exc
    except YAMLError as exc:
        raise YamlFileError(Problem(name, 1, f"YAML を読めません: {exc}")) from exc


def _yaml_hint(what: str) -> str:
    if "duplicate" in what:
        return "同じ項目名が2回書かれています。1つにまとめてください"
    if "tab" in what:
        return "字下げにタブは使えません。半角スペースにしてください"
    return "字下げ（半角スペース）と「項目名: 値」の形を確認してください"


def line_of(node: Any, key: str | int | None = None) -> int:
    """1-based line of ``node`` (or of ``key`` inside it); 1 when unknown."""
    try:
        if key is not None and isinstance(node, CommentedMap) and key in node:
            return int(node.lc.key(key)[0]) + 1
        if key is not None and isinstance(node, CommentedSeq):
            return int(node.lc.item(key)[0]) + 1
        return int(node.lc.line) + 1
    except (AttributeError, KeyError, IndexError, TypeError):
        return 1
