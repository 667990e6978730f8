"""Read and write evaluation sets in the BEIR layout (corpus.jsonl, queries.jsonl, qrels/test.tsv)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .faq_schema import Department, FaqEntry, FaqSet, Translation


@dataclass(frozen=True)
class Query:
    id: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return str(self.metadata.get("lang", "ja"))


class BeirFormatError(ValueError):
    pass


def _jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BeirFormatError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(record, dict) or "_id" not in record:
                raise BeirFormatError(f"{path}:{number}: each line needs an \"_id\"")
            yield number, record


_EVAL_DEPARTMENT = Department(id="eval", name="", place="", phone="", hours="")


def read_corpus(directory: Path) -> FaqSet:
    """The corpus as FAQ entries: title = question, text = answer."""
    path = directory / "corpus.jsonl"
    if not path.exists():
        raise BeirFormatError(f"{path} not found (a BEIR directory needs corpus.jsonl)")
    entries = []
    for number, record in _jsonl(path):
        entries.append(_entry(record, str(path), number))
    if not entries:
        raise BeirFormatError(f"{path} has no documents")
    return FaqSet(tuple(entries), {"eval": _EVAL_DEPARTMENT})


def _entry(record: dict[str, Any], path: str, number: int) -> FaqEntry:
    title, text = str(record.get("title") or ""), str(record.get("text") or "")
    meta = record.get("metadata") or {}
    translations = {str(lang): Translation(str(t.get("question", "")), str(t.get("answer", "")))
                    for lang, t in (meta.get("translations") or {}).items() if isinstance(t, dict)}
    return FaqEntry(
        id=str(record["_id"]), category=str(meta.get("category", "")), question=title or text[:80],
        alternatives=tuple(str(a) for a in meta.get("alternatives") or []), answer=text,
        department=_EVAL_DEPARTMENT, url="", updated=date(1970, 1, 1),
        keywords=tuple(str(k) for k in meta.get("keywords") or []), translations=translations,
        source_file=path, line=number)


def read_queries(path: Path) -> list[Query]:
    if not path.exists():
        return []
    return [Query(str(r["_id"]), str(r.get("text", "")), dict(r.get("metadata") or {})) for _, r in _jsonl(path)]


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    if not path.exists():
        raise BeirFormatError(f"{path} not found (a BEIR directory needs qrels/test.tsv)")
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t"), start=1):
            if not row or (number == 1 and not row[-1].strip().lstrip("-").isdigit()):
                continue  # blank line or header
            if len(row) < 3:
                raise BeirFormatError(f"{path}:{number}: expected query-id, corpus-id, score")
            qrels.setdefault(row[0], {})[row[1]] = int(row[2])
    return qrels


def write_corpus(faq: FaqSet, path: Path) -> int:
    """Export FAQ entries as corpus.jsonl (alternatives and category kept in metadata)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for entry in faq.entries:
            record = {"_id": entry.id, "title": entry.question, "text": entry.answer,
                      "metadata": {"category": entry.category, "alternatives": list(entry.alternatives),
                                   "keywords": list(entry.keywords),
                                   "translations": {lang: {"question": t.question, "answer": t.answer}
                                                    for lang, t in entry.translations.items()}}}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(faq.entries)
