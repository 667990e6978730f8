"""FAQ entries as a CSV that Excel opens and saves: export, and import with a preview first.

In: UTF-8 (with or without BOM) or CP932 (Excel's "CSV (カンマ区切り)"). Out: UTF-8 with BOM.
Lists (言い換え, キーワード) are one item per line inside the cell. Cells that Excel would run
as a formula (= + - @ at the start) are exported with a leading ' and read back without it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.editing.faq_check import FieldProblem, faq_files
from knowledge.editing.faq_doc import EDITABLE, FaqDocument, plain
from knowledge.editing.writer import EntryEdit, KnowledgeWriter
from knowledge.yaml_io import read_yaml

COLUMNS = {"id": "id", "category": "カテゴリ", "question": "質問", "alternatives": "言い換え", "answer": "回答",
           "department": "担当課", "url": "URL", "updated": "更新日", "keywords": "キーワード"}
LISTS = ("alternatives", "keywords")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def unescape_cell(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


# Windows' CP932 reads 〜 ‖ − ¢ £ ¬ back as their full-width cousins; Japanese text (and
# this city's files) use the JIS ones, so a CP932 round trip must not turn every 〜 into ～.
CP932_BACK = str.maketrans({"\uff5e": "\u301c", "\u2225": "\u2016", "\uff0d": "\u2212",
                            "\uffe0": "\u00a2", "\uffe1": "\u00a3", "\uffe2": "\u00ac"})


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp932").translate(CP932_BACK)


def export_csv(data_dir: Path) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS.values())
    for path in faq_files(data_dir):
        doc = FaqDocument(path, read_yaml(path))
        for item in doc.entries:
            fields = plain(item) if isinstance(item, dict) else {}
            writer.writerow(escape_cell(_cell(fields.get(key) if key != "category" else doc.category))
                            for key in COLUMNS)
    return buffer.getvalue().encode("utf-8-sig")


def _same_text(a: Any, b: Any) -> bool:
    return _cell(a).translate(CP932_BACK) == _cell(b).translate(CP932_BACK)


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value).strip()


@dataclass
class RowPlan:
    row: int  # line number in the CSV as Excel shows it (header = 1)
    entry_id: str
    action: str  # create | update | same | error
    fields: dict[str, Any]
    category: str
    changed: list[str] = field(default_factory=list)
    problems: list[FieldProblem] = field(default_factory=list)
    before_after: list[tuple[str, str, str]] = field(default_factory=list)  # (column, before, after)

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "id": self.entry_id, "action": self.action, "category": self.category,
                "changed": [COLUMNS[key] for key in self.changed],
                "problems": [p.to_dict() for p in self.problems],
                "before_after": [{"column": c, "before": b, "after": a} for c, b, a in self.before_after]}


@dataclass
class ImportPlan:
    rows: list[RowPlan]

    @property
    def ok(self) -> bool:
        return not any(row.action == "error" for row in self.rows)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("create", "update", "same", "error"), 0)
        for row in self.rows:
            counts[row.action] += 1
        return counts


def plan_import(writer: KnowledgeWriter, data: bytes) -> ImportPlan:
    """What importing ``data`` would change; nothing is written."""
    reader = csv.DictReader(io.StringIO(decode(data), newline=""))
    keys = _header_keys(list(reader.fieldnames or []))
    files = writer.category_files()
    current = _current_entries(writer.data_dir)
    return ImportPlan([_plan_row(writer, files, current, number, _row_fields(raw, keys))
                       for number, raw in enumerate(reader, start=2)])


def apply_import(writer: KnowledgeWriter, plan: ImportPlan, *, author: str) -> int:
    """Write every create/update of a checked plan in one go; returns how many entries changed."""
    files = writer.category_files()
    edits = [EntryEdit(row.entry_id if row.action == "update" else None, row.fields, files.get(row.category))
             for row in plan.rows if row.action in ("create", "update")]
    if edits:
        writer.apply(edits, author=author, action="import")
    return len(edits)


def _header_keys(names: list[str]) -> dict[str, str]:
    by_label = {label: key for key, label in COLUMNS.items()} | {key: key for key in COLUMNS}
    keys = {name: by_label[name.strip()] for name in names if name and name.strip() in by_label}
    missing = [COLUMNS[key] for key in ("id", "question", "answer") if key not in keys.values()]
    if missing:
        raise ValueError(f"CSV の1行目に列 {', '.join(missing)} がありません（書き出した CSV の形で作ってください）")
    return keys


def _row_fields(raw: dict[str, Any], keys: dict[str, str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, key in keys.items():
        text = unescape_cell(str(raw.get(name) or "")).strip()
        fields[key] = [line.strip() for line in text.splitlines() if line.strip()] if key in LISTS else text
    return fields


def _current_entries(data_dir: Path) -> dict[str, tuple[str, dict[str, Any]]]:
    """id -> (category, fields) of every entry, read once for the whole CSV."""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for path in faq_files(data_dir):
        doc = FaqDocument(path, read_yaml(path))
        for item in doc.entries:
            fields = plain(item) if isinstance(item, dict) else {}
            found.setdefault(str(fields.get("id", "")), (doc.category, fields))
    return found


def _plan_row(writer: KnowledgeWriter, files: dict[str, Path], current_entries: dict[str, Any], number: int,
              fields: dict[str, Any]) -> RowPlan:
    category = str(fields.pop("category", "") or "")
    entry_id = str(fields.get("id", ""))
    current = current_entries.get(entry_id) if entry_id else None
    if current is not None:
        plan = _plan_update(number, entry_id, fields, *current)
        plan.problems += writer.check(fields, entry_id=entry_id) if plan.changed else []
    else:
        plan = RowPlan(number, entry_id, "create", fields, category, [k for k in EDITABLE if fields.get(k)])
        if category not in files:
            plan.problems = [FieldProblem("category", f"カテゴリ '{category}' がありません",
                                          f"使えるカテゴリ: {'、'.join(files)}", "error")]
        else:
            plan.problems = writer.check(fields, file=files[category])
    if any(p.severity == "error" for p in plan.problems):
        plan.action = "error"
    return plan


def _plan_update(number: int, entry_id: str, fields: dict[str, Any], category: str,
                 current: dict[str, Any]) -> RowPlan:
    plan = RowPlan(number, entry_id, "same", fields, category)
    for key in EDITABLE:
        if key not in fields or _same_text(fields[key], current.get(key)):
            continue
        if _lost_in_cp932(_cell(current.get(key)), _cell(fields[key])):
            fields[key] = current.get(key)  # keep ㎥ rather than the ? Excel wrote for it
            plan.problems.append(FieldProblem(key, f"{COLUMNS[key]}: ㎥ など Excel の CSV（カンマ区切り）で保存できない"
                                              "文字が「?」になっていたため、この項目は今のままにします",
                                 "「CSV UTF-8」で保存すると、このような文字も直せます", "warning"))
            continue
        plan.changed.append(key)
        plan.before_after.append((COLUMNS[key], _cell(current.get(key)), _cell(fields[key])))
    plan.action = "update" if plan.changed else "same"
    return plan


def _lost_in_cp932(old: str, new: str) -> bool:
    lossy = old.encode("cp932", errors="replace").decode("cp932").translate(CP932_BACK)
    return lossy != old and lossy == new.translate(CP932_BACK)
