"""Bring a city's own published CSV into data/garbage: detect kind and encoding, normalise."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from .csvfile import CsvTable, read_table, write_table
from .items_file import ITEM_COLUMNS

logger = logging.getLogger(__name__)

# Column names seen in published sorting dictionaries (Digital Agency versions, 5374 target.csv).
ITEM_ALIASES: dict[str, tuple[str, ...]] = {
    "全国地方公共団体コード": ("全国地方公共団体コード", "地方公共団体コード", "自治体コード"),
    "ID": ("ID", "No", "NO", "番号"),
    "品目": ("品目", "ごみの品目", "品名", "name", "ごみの名前"),
    "分別区分": ("分別区分", "区分", "分類", "ごみの種類", "出し方", "type"),
    "注意点": ("注意点", "出し方のポイント", "ポイント", "notice"),
    "料金種別": ("料金種別",),
    "料金": ("料金", "手数料"),
    "料金備考": ("料金備考",),
    "備考": ("備考",),
    "読み": ("読み", "よみ", "ふりがな", "フリガナ", "品目_カナ", "ごみの品目_カナ", "カナ", "furigana"),
    "英語名": ("英語名", "英語", "品目_英字", "ごみの品目_英字", "english"),
}
KINDS = ("area_days", "center", "remarks", "description", "target", "items", "exceptions")


@dataclass
class ImportResult:
    source: Path
    kind: str
    encoding: str
    rows: int
    target: Path
    columns: dict[str, str] = field(default_factory=dict)  # source column → our column
    notes: list[str] = field(default_factory=list)


def detect_kind(header: tuple[str, ...]) -> str | None:
    names = set(header)
    if "地名" in names and any("センター" in h for h in header):
        return "area_days"
    if {"名称", "休止開始日"} <= names:
        return "center"
    if {"ID", "注意事項"} <= names:
        return "remarks"
    if "label" in names:
        return "description"
    if {"日付", "変更"} <= names:
        return "exceptions"
    if any(alias in names for alias in ITEM_ALIASES["品目"] if alias != "name"):
        return "items"
    if {"type", "name"} <= names:
        return "target"
    return None


def import_file(source: Path, *, to_dir: Path, city_code: str = "", kind: str | None = None,
                dry_run: bool = False) -> ImportResult:
    """Normalise ``source`` into ``to_dir/<kind>.csv`` (UTF-8). Raises ValueError if unusable."""
    table = read_table(source)
    found = kind or detect_kind(table.header)
    if found not in KINDS:
        raise ValueError(f"{source.name}: どの種類のファイルか分かりません（列: {','.join(table.header)}）。"
                         f" --kind で {'/'.join(KINDS)} を指定してください")
    result = ImportResult(source, found, table.encoding, len(table.rows), to_dir / f"{found}.csv")
    if found == "items":
        header, rows = _items(table, city_code, result)
    else:
        header, rows = list(table.header), [[r.cells.get(h, "") for h in table.header]
                                            for r in table.rows]
    if not dry_run:
        to_dir.mkdir(parents=True, exist_ok=True)
        write_table(result.target, header, rows)
    logger.info("imported %s as %s (%s, %d rows)", source, found, table.encoding, len(rows))
    return result


def _items(table: CsvTable, city_code: str, result: ImportResult) -> tuple[list[str], list[list[str]]]:
    mapping = {ours: next((a for a in aliases if a in table.header), "")
               for ours, aliases in ITEM_ALIASES.items()}
    result.columns = {src: ours for ours, src in mapping.items() if src}
    if not mapping["全国地方公共団体コード"]:
        if not city_code:
            raise ValueError("全国地方公共団体コードの列がありません。--code 123456 のように指定してください")
        result.notes.append(f"全国地方公共団体コードは {city_code} を入れました")
    if not mapping["ID"]:
        result.notes.append("ID の列がないため、行の順に 0001 から番号を付けました")
    if not mapping["読み"]:
        result.notes.append("読みの列がありません。かなで探せるよう、読みを追加すると便利です")
    rows = []
    for number, row in enumerate(table.rows, start=1):
        values = {ours: row.get(src) if src else "" for ours, src in mapping.items()}
        values["全国地方公共団体コード"] = values["全国地方公共団体コード"] or city_code
        values["ID"] = values["ID"] or f"{number:04d}"
        if len(values["読み"]) <= 1:  # 5374's furigana is only the index letter (あ, い...)
            values["読み"] = ""
        rows.append([values[c] for c in ITEM_COLUMNS])
    return ITEM_COLUMNS, rows
