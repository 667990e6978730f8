"""Load and check this project's additions to 5374.jp: exceptions, settings, area names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .calendar_files import require_columns
from .csvfile import CsvTable
from .errors import Issue
from .models import CalendarChange
from .rules import parse_date

KINDS = ("休み", "振替", "臨時")
SETTING_KEYS = ("全国地方公共団体コード", "市区町村名", "祝日に休む分別区分", "問い合わせ先")


@dataclass(frozen=True)
class Settings:
    values: dict[str, str] = field(default_factory=dict)

    def holiday_skip(self, category: str) -> bool:
        """Whether collection of ``category`` is skipped on national holidays."""
        skipped = self.values.get("祝日に休む分別区分", "").split()
        return "*" in skipped or category in skipped


def load_changes(table: CsvTable | None, areas: set[str], categories: set[str],
                 issues: list[Issue]) -> list[CalendarChange]:
    columns = ["日付", "地名", "分別区分", "変更", "振替日", "備考"]
    if table is None or not require_columns(table, columns, issues):
        return []
    changes = []
    for row in table.rows:
        change = _change(row.get, areas, categories, lambda m, h="", r=row: issues.append(
            Issue(str(table.path), r.line, m, h)))
        if change is not None:
            changes.append(change)
    return changes


def _change(get: Callable[[str], str], areas: set[str], categories: set[str],
            report: Callable[..., None]) -> CalendarChange | None:
    day, moved = parse_date(get("日付")), parse_date(get("振替日"))
    kind = get("変更")
    names, cats = tuple(get("地名").split() or ["*"]), tuple(get("分別区分").split() or ["*"])
    if day is None:
        report(f"日付「{get('日付')}」が読めません", "2026-12-31 の形で書いてください")
    elif kind not in KINDS:
        report(f"変更「{kind}」は使えません", "休み・振替・臨時 のどれかを書いてください")
    elif kind == "振替" and moved is None:
        report("振替なのに振替日がありません", "振替日の列に 2026-12-30 の形で日付を書いてください")
    elif unknown := [n for n in names if n != "*" and n not in areas]:
        report(f"地名「{'・'.join(unknown)}」が area_days.csv にありません", "全地区なら * と書いてください")
    elif unknown := [c for c in cats if c != "*" and c not in categories]:
        report(f"分別区分「{'・'.join(unknown)}」が area_days.csv の列にありません",
               f"{'・'.join(sorted(categories))} または * と書いてください")
    else:
        return CalendarChange(day, names, cats, kind, moved if kind == "振替" else None, get("備考"))
    return None


def load_settings(table: CsvTable | None, categories: set[str], issues: list[Issue]) -> Settings:
    if table is None or not require_columns(table, ["項目", "値"], issues):
        return Settings()
    values: dict[str, str] = {}
    for row in table.rows:
        key, value = row.get("項目"), row.get("値")
        if key not in SETTING_KEYS:
            issues.append(Issue(str(table.path), row.line, f"項目「{key}」は使われません",
                                f"使える項目: {'・'.join(SETTING_KEYS)}", "warning"))
        values[key] = value
    skipped = values.get("祝日に休む分別区分", "").split()
    for name in skipped:
        if name != "*" and name not in categories:
            issues.append(Issue(str(table.path), 1, f"祝日に休む分別区分「{name}」が area_days.csv の列にありません",
                                "* （すべて）か、area_days.csv の列名を空白区切りで書いてください"))
    return Settings(values)


def load_area_names(table: CsvTable | None, areas: set[str],
                    issues: list[Issue]) -> dict[str, tuple[str, str]]:
    if table is None or not require_columns(table, ["地名", "読み"], issues):
        return {}
    names: dict[str, tuple[str, str]] = {}
    for row in table.rows:
        name = row.get("地名")
        if name not in areas:
            issues.append(Issue(str(table.path), row.line, f"地名「{name}」が area_days.csv にありません",
                                "area_days.csv と同じ書き方にしてください"))
            continue
        names[name] = (row.get("読み"), row.get("ローマ字"))
    return names
