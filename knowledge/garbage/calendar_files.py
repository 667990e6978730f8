"""Load and check the 5374.jp calendar files: area_days, center, remarks, description."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .csvfile import CsvReadError, CsvTable, read_table
from .errors import Issue
from .models import Area, CategoryInfo, Closure, DayRule
from .rules import CELL_HINT, parse_cell, parse_date


def read_optional(path: Path, issues: list[Issue]) -> CsvTable | None:
    if not path.exists():
        return None
    try:
        return read_table(path)
    except CsvReadError as exc:
        issues.append(exc.issue)
        return None


def require_columns(table: CsvTable, columns: list[str], issues: list[Issue]) -> bool:
    missing = [c for c in columns if c not in table.header]
    if missing:
        issues.append(Issue(str(table.path), 1, f"列 {'・'.join(missing)} がありません",
                            f"1行目を「{','.join(columns)}」で始めてください"))
    return not missing


def area_columns(table: CsvTable) -> tuple[str, str, list[str]]:
    """(area column, center column, category columns) of an area_days.csv header.

    Published variants prefix a number column or spell the center column
    「センター（center.csvを使わない場合は空白化）」, so columns are found by name.
    """
    header = list(table.header)
    area = next((h for h in header if h == "地名"), header[0])
    center = next((h for h in header if "センター" in h), "")
    start = header.index(center) + 1 if center else header.index(area) + 1
    return area, center, [h for h in header[start:] if h]


def load_areas(table: CsvTable, remarks: dict[str, str], issues: list[Issue]) -> list[Area]:
    area_col, center_col, categories = area_columns(table)
    areas: list[Area] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        name = row.get(area_col)
        where = f"{table.path.name}:{row.line}"
        if not name:
            issues.append(Issue(str(table.path), row.line, "地名が空です", "1列目に地名を書いてください"))
            continue
        if name in seen:
            issues.append(Issue(str(table.path), row.line, f"地名「{name}」が重複しています",
                                f"{seen[name]}行目と同じです。どちらかを直してください"))
            continue
        seen[name] = row.line
        rules: dict[str, tuple[DayRule, ...]] = {}
        notes: dict[str, tuple[str, ...]] = {}
        for category in categories:
            parsed = parse_cell(row.get(category))
            for token in parsed.bad_tokens:
                issues.append(Issue(str(table.path), row.line,
                                    f"「{name}」の{category}「{token}」は読めません", CELL_HINT))
            for rid in parsed.remark_ids:
                if rid not in remarks:
                    issues.append(Issue(str(table.path), row.line,
                                        f"注意事項 *{rid} が remarks.csv にありません",
                                        f"remarks.csv に ID {rid} の行を追加してください（{where}）"))
            rules[category] = parsed.rules
            notes[category] = tuple(remarks[r] for r in parsed.remark_ids if r in remarks)
        areas.append(Area(name=name, center=row.get(center_col) if center_col else "",
                          rules=rules, remarks=notes))
    return areas


def load_closures(table: CsvTable | None, issues: list[Issue]) -> list[Closure]:
    if table is None or not require_columns(table, ["名称", "休止開始日", "休止終了日"], issues):
        return []
    closures: list[Closure] = []
    for row in table.rows:
        first, last = parse_date(row.get("休止開始日")), parse_date(row.get("休止終了日"))
        if not row.get("名称"):
            issues.append(Issue(str(table.path), row.line, "センターの名称が空です"))
        elif first is None or last is None:
            issues.append(Issue(str(table.path), row.line, "休止開始日・休止終了日が日付として読めません",
                                "2026/12/31 のように 年/月/日 で書いてください"))
        elif first > last:
            issues.append(Issue(str(table.path), row.line, "休止開始日が休止終了日より後です",
                                "開始日と終了日を入れ替えてください"))
        else:
            closures.append(Closure(row.get("名称"), first, last))
    return closures


def load_remarks(table: CsvTable | None, issues: list[Issue]) -> dict[str, str]:
    if table is None or not require_columns(table, ["ID", "注意事項"], issues):
        return {}
    remarks: dict[str, str] = {}
    for row in table.rows:
        rid = row.get("ID")
        if rid in remarks:
            issues.append(Issue(str(table.path), row.line, f"ID {rid} が重複しています"))
        remarks[rid] = row.get("注意事項")
    return remarks


def load_descriptions(table: CsvTable | None, categories: list[str],
                      issues: list[Issue]) -> dict[str, CategoryInfo]:
    infos: dict[str, CategoryInfo] = {}
    if table is not None and require_columns(table, ["label"], issues):
        for row in table.rows:
            label = row.get("label")
            with_day = row.get("収集日")
            if with_day and with_day not in categories:
                issues.append(Issue(str(table.path), row.line,
                                    f"「{label}」の収集日「{with_day}」が area_days.csv の列にありません",
                                    f"{'・'.join(categories)} のどれかにしてください"))
                with_day = ""
            infos[label] = CategoryInfo(
                label=label, sublabel=row.get("sublabel"), description=row.get("description"),
                aliases=tuple(row.get("別名").split()), english=row.get("英語名"),
                on_calendar=label in categories, collected_with=with_day)
    for category in categories:
        if category not in infos:
            infos[category] = CategoryInfo(label=category)
        infos[category] = replace(infos[category], on_calendar=True)
    return infos
