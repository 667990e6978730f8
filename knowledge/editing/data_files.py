"""The other admin-editable files: synonyms, glossary and phrasebook, each with its checks."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from knowledge.synonyms import load_synonyms
from knowledge.yaml_io import Problem, YamlFileError, line_of, parse_yaml

__all__ = ["Problem", "check", "editable_files", "kind_of", "resolve"]
PHRASEBOOK = re.compile(r"^phrasebook/[a-z0-9-]+\.yaml$")
SIDES = ("staff", "resident")
LABELS = {"synonyms": "言い換え（同じ意味の語）", "glossary": "用語集（翻訳で守る言葉）", "phrasebook": "会話集"}


def kind_of(name: str) -> str:
    return "phrasebook" if name.startswith("phrasebook/") else Path(name).stem


def resolve(data_dir: Path, name: str) -> Path:
    """The file for ``name``; only the known editable files, never a path outside data/."""
    if name in ("synonyms.yaml", "glossary.yaml") or PHRASEBOOK.match(name):
        return data_dir / name
    raise ValueError(f"編集できないファイルです: {name}")


def editable_files(data_dir: Path) -> list[tuple[str, str]]:
    """(name inside data/, label) of every editable file that exists."""
    names = ["synonyms.yaml", "glossary.yaml"]
    names += [f"phrasebook/{p.name}" for p in sorted((data_dir / "phrasebook").glob("*.yaml"))]
    return [(n, LABELS[kind_of(n)]) for n in names if (data_dir / n).exists() or not n.startswith("phrase")]


def check(data_dir: Path, name: str, text: str) -> list[Problem]:
    try:
        doc = parse_yaml(text, name)
    except YamlFileError as exc:
        return [exc.problem]
    checker = _CHECKS[kind_of(name)]
    return checker(data_dir, name, text, doc)


def _synonyms(_data_dir: Path, name: str, text: str, _doc: Any) -> list[Problem]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synonyms.yaml"
        path.write_text(text, encoding="utf-8")
        _, problems = load_synonyms(path)
    return [Problem(name, p.line, p.message, p.hint, p.severity) for p in problems]


def _glossary(_data_dir: Path, name: str, _text: str, doc: Any) -> list[Problem]:
    terms = doc.get("terms") if isinstance(doc, dict) else None
    if not isinstance(terms, list):
        return [Problem(name, 1, "terms: の下に用語の一覧を書いてください")]
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for index, term in enumerate(terms):
        line = line_of(terms, index)
        if not isinstance(term, dict):
            problems.append(Problem(name, line, "用語は「- id: ...」の形で書いてください"))
            continue
        problems += _missing(term, ("id", "ja", "reading", "explanation", "translations"), name, line)
        for key in ("id", "ja"):
            value = str(term.get(key, ""))
            if value and (key, value) in seen:
                problems.append(Problem(name, line, f"{key} '{value}' が重複しています", "1つにまとめてください"))
            seen.add((key, value))
        problems += _translations(term, ("term", "explanation"), name)
    return problems


def _phrasebook(_data_dir: Path, name: str, _text: str, doc: Any) -> list[Problem]:
    phrases = doc.get("phrases") if isinstance(doc, dict) else None
    if not isinstance(doc, dict) or not str(doc.get("genre") or "").strip() or not isinstance(phrases, list):
        return [Problem(name, 1, "genre:（ジャンル名）と phrases:（文の一覧）を書いてください")]
    problems: list[Problem] = []
    ids: set[str] = set()
    for index, phrase in enumerate(phrases):
        line = line_of(phrases, index)
        if not isinstance(phrase, dict):
            problems.append(Problem(name, line, "文は「- id: ...」の形で書いてください"))
            continue
        problems += _missing(phrase, ("id", "side", "ja", "translations"), name, line)
        if phrase.get("side") not in SIDES:
            problems.append(Problem(name, line_of(phrase, "side"), "side は staff か resident です"))
        if str(phrase.get("id")) in ids:
            problems.append(Problem(name, line, f"id '{phrase.get('id')}' が重複しています"))
        ids.add(str(phrase.get("id")))
    return problems


def _missing(item: dict[str, Any], keys: tuple[str, ...], name: str, line: int) -> list[Problem]:
    return [Problem(name, line, f"{key} がありません", "この項目は必須です") for key in keys
            if item.get(key) in (None, "", [], {})]


def _translations(item: dict[str, Any], keys: tuple[str, ...], name: str) -> list[Problem]:
    block = item.get("translations")
    if not isinstance(block, dict):
        return []
    problems = []
    for lang, fields in block.items():
        if not isinstance(fields, dict) or any(not str(fields.get(k) or "").strip() for k in keys):
            message = f"翻訳 '{lang}' に {' と '.join(keys)} を書いてください"
            problems.append(Problem(name, line_of(block, lang), message))
    return problems


_CHECKS: dict[str, Callable[[Path, str, str, Any], list[Problem]]] = {
    "synonyms": _synonyms, "glossary": _glossary, "phrasebook": _phrasebook,
}
