"""Validate a changed FAQ file exactly as `madoguchi faq validate` would, before it is written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.faq_fields import EntryChecker
from knowledge.faq_loader import _entries_of, load_departments
from knowledge.yaml_io import Problem, YamlFileError, line_of, parse_yaml, read_yaml, remember_parsed

from .faq_doc import EDITABLE, FaqDocument, entry_span


@dataclass(frozen=True)
class FieldProblem:
    """A problem of one entry, attached to the form field it is about ('' = the whole entry)."""

    field: str
    message: str
    hint: str
    severity: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message, "hint": self.hint, "severity": self.severity}


def faq_files(data_dir: Path) -> list[Path]:
    folder = data_dir / "faq"
    return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))


def check_all(data_dir: Path, overrides: dict[Path, Any]) -> list[Problem]:
    """Every problem of the FAQ set as it would be with ``overrides`` (path -> parsed new text) written."""
    departments, _, problems = load_departments(data_dir / "departments.yaml")
    checker = EntryChecker(departments=departments)
    paths = faq_files(data_dir)
    paths += [p for p in overrides if p not in paths]
    for path in paths:
        try:
            doc = overrides[path] if path in overrides else read_yaml(path)
        except YamlFileError as exc:
            problems.append(exc.problem)
            continue
        _entries_of(doc, str(path), checker, problems)
    return problems + checker.duplicate_problems()


def entry_problems(data_dir: Path, candidate: FaqDocument, entry_id: str) -> list[FieldProblem]:
    """Problems inside the entry ``entry_id`` of the not-yet-written ``candidate`` file."""
    text = candidate.text()
    reparsed = FaqDocument(candidate.path, parse_yaml(text, str(candidate.path)))
    remember_parsed(candidate.path, text, reparsed.doc)  # the reload after saving reuses this parse
    index = reparsed.index_of(entry_id)
    if index is None:
        return [FieldProblem("id", "id が読み取れません", "半角の英小文字・数字・ハイフンで書いてください", "error")]
    start, end = entry_span(reparsed, index)
    node = reparsed.entries[index]
    found = []
    for problem in check_all(data_dir, {candidate.path: reparsed.doc}):
        if problem.path == str(candidate.path) and start <= problem.line <= end:
            field = _field_named(problem.message) or _field_at(node, problem.line)
            found.append(FieldProblem(field, problem.message, problem.hint, problem.severity))
    return found


def _field_named(message: str) -> str:
    # "question（質問） がありません": missing fields are reported at the entry's first line.
    return next((key for key in EDITABLE if message.startswith(key)), "")


def _field_at(node: object, line: int) -> str:
    best, best_line = "", 0
    for key in node if isinstance(node, dict) else ():
        key_line = line_of(node, key)
        if best_line < key_line <= line:
            best, best_line = str(key), key_line
    return best
