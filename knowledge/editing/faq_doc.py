"""FAQ files as round-trip YAML documents: find, change and insert entries, keeping comments."""

from __future__ import annotations

import copy
import hashlib
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from knowledge.yaml_io import line_of, parse_yaml, read_yaml

EDITABLE = ("id", "question", "alternatives", "answer", "department", "url", "updated", "keywords")
ORDER = (*EDITABLE, "translations")
OPTIONAL = ("keywords",)


def plain(node: Any) -> Any:
    """Plain dicts, lists and strings (dates as YYYY-MM-DD) of a loaded YAML node."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, date):
        return node.isoformat()
    return node if node is None or isinstance(node, bool | int | float) else str(node)


def version_of(value: Any) -> str:
    """The content hash two editors compare: any change to the entry changes it."""
    text = json.dumps(plain(value), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def dump_yaml(doc: Any) -> str:
    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 4096  # never fold a long Japanese answer onto several lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(doc, buffer)
    return buffer.getvalue()


def entry_text(fields: dict[str, Any] | None) -> str:
    """One entry as readable YAML, for revisions and diffs ('' when there is none)."""
    if not fields:
        return ""
    node = CommentedMap()
    set_fields(node, fields)
    return dump_yaml(node)


def fields_from_text(text: str) -> dict[str, Any] | None:
    if not text.strip():
        return None
    value = plain(parse_yaml(text, "revision"))
    return value if isinstance(value, dict) else None


@dataclass
class FaqDocument:
    path: Path
    doc: Any

    @classmethod
    def read(cls, path: Path) -> FaqDocument:
        """A private copy to change (a deep copy of the cached parse is much faster than parsing)."""
        return cls(path, copy.deepcopy(read_yaml(path)))

    @property
    def entries(self) -> list[Any]:
        items = self.doc.get("entries") if isinstance(self.doc, dict) else None
        return items if isinstance(items, list) else []

    @property
    def category(self) -> str:
        value = self.doc.get("category") if isinstance(self.doc, dict) else None
        return str(value).strip() if value else self.path.stem

    def index_of(self, entry_id: str) -> int | None:
        for index, item in enumerate(self.entries):
            if isinstance(item, dict) and str(item.get("id", "")).strip() == entry_id:
                return index
        return None

    def text(self) -> str:
        return dump_yaml(self.doc)


def entry_span(doc: FaqDocument, index: int) -> tuple[int, int]:
    """First and last line (1-based) of the entry at ``index``."""
    entries = doc.entries
    start = line_of(entries, index)
    end = line_of(entries, index + 1) - 1 if index + 1 < len(entries) else 10**9
    return start, end


def set_fields(node: CommentedMap, fields: dict[str, Any]) -> None:
    """Write the editable fields into ``node`` in the documented order; other keys stay."""
    for key in ORDER:
        if key not in fields or (key in node and plain(node[key]) == plain(_yaml_value(key, fields[key]))):
            continue  # unchanged values keep their formatting and the comments attached to them
        value = _yaml_value(key, fields[key])
        if value in (None, "", []) and key in OPTIONAL:
            node.pop(key, None)
        elif key in node:
            node[key] = value
        else:
            node.insert(_position(node, key), key, value)


def _position(node: CommentedMap, key: str) -> int:
    later = set(ORDER[ORDER.index(key) + 1:])
    for position, existing in enumerate(node):
        if existing in later:
            return position
    return len(node)


def _yaml_value(key: str, value: Any) -> Any:
    if isinstance(value, list):
        seq = CommentedSeq(_yaml_value(key, v) for v in value)
        if key == "keywords":
            seq.fa.set_flow_style()  # keywords: [a, b] as in the documented example
        return seq
    if isinstance(value, dict):
        return CommentedMap((k, _yaml_value(k, v)) for k, v in value.items())
    if key == "updated" and isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return value  # the validator explains the bad date
    if isinstance(value, str) and "\n" in value.strip():
        return LiteralScalarString(value.strip() + "\n")
    return value.strip() if isinstance(value, str) else value
