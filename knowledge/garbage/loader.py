"""Read a data/garbage folder into checked objects, collecting every issue on the way."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .calendar_extras import Settings, load_area_names, load_changes, load_settings
from .calendar_files import (
    area_columns,
    load_areas,
    load_closures,
    load_descriptions,
    load_remarks,
    read_optional,
)
from .csvfile import CsvTable
from .errors import Issue
from .items_file import load_items, load_targets
from .models import Area, CalendarChange, CategoryInfo, Closure, Item

logger = logging.getLogger(__name__)

FILES = ("area_days.csv", "center.csv", "remarks.csv", "description.csv", "target.csv",
         "items.csv", "exceptions.csv", "calendar_settings.csv", "area_names.csv")


@dataclass
class GarbageData:
    areas: list[Area] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    infos: dict[str, CategoryInfo] = field(default_factory=dict)
    closures: list[Closure] = field(default_factory=list)
    changes: list[CalendarChange] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    items: list[Item] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def load_data(data_dir: Path) -> GarbageData:
    data = GarbageData()
    issues = data.issues
    area_table = read_optional(data_dir / "area_days.csv", issues)
    if area_table is None:
        if not (data_dir / "area_days.csv").exists():
            issues.append(Issue(str(data_dir / "area_days.csv"), 1, "area_days.csv がありません",
                                "5374.jp 形式の収集日ファイルを置いてください"))
        return data
    remarks = load_remarks(read_optional(data_dir / "remarks.csv", issues), issues)
    data.areas = load_areas(area_table, remarks, issues)
    data.categories = area_columns(area_table)[2]
    description = read_optional(data_dir / "description.csv", issues)
    data.infos = load_descriptions(description, data.categories, issues)
    _warn_undescribed(description, data, issues)
    data.closures = load_closures(read_optional(data_dir / "center.csv", issues), issues)
    _check_centers(area_table.path, data, issues)
    names, cats = {a.name for a in data.areas}, set(data.categories)
    data.changes = load_changes(read_optional(data_dir / "exceptions.csv", issues), names, cats, issues)
    data.settings = load_settings(read_optional(data_dir / "calendar_settings.csv", issues), cats, issues)
    readings = load_area_names(read_optional(data_dir / "area_names.csv", issues), names, issues)
    data.areas = [replace(a, reading=readings.get(a.name, ("", ""))[0],
                          romaji=readings.get(a.name, ("", ""))[1]) for a in data.areas]
    data.items = _items(data_dir, set(data.infos), issues)
    _check_explicit_dates(area_table.path, data, issues)
    logger.debug("garbage data: %d areas, %d items, %d issues", len(data.areas), len(data.items),
                len(issues))
    return data


def _items(data_dir: Path, categories: set[str], issues: list[Issue]) -> list[Item]:
    items_table = read_optional(data_dir / "items.csv", issues)
    if items_table is not None:
        return load_items(items_table, categories, issues)
    targets = read_optional(data_dir / "target.csv", issues)
    return load_targets(targets, categories, issues) if targets is not None else []


def _warn_undescribed(table: CsvTable | None, data: GarbageData, issues: list[Issue]) -> None:
    for category in data.categories:
        if not data.infos[category].description and table is not None:
            issues.append(Issue(str(table.path), 1,
                                f"分別区分「{category}」の説明がありません",
                                "description.csv に label が同じ行を追加してください", "warning"))


def _check_centers(path: Path, data: GarbageData, issues: list[Issue]) -> None:
    known = {c.center for c in data.closures}
    for center in sorted({a.center for a in data.areas if a.center} - known):
        if known:
            issues.append(Issue(str(path), 1, f"センター「{center}」が center.csv にありません",
                                "年末年始の休止期間を center.csv に書いてください", "warning"))


def _check_explicit_dates(path: Path, data: GarbageData, issues: list[Issue]) -> None:
    for area in data.areas:
        for category, rules in area.rules.items():
            for day in (r.on for r in rules if r.on is not None):
                if any(c.center == area.center and c.first <= day <= c.last for c in data.closures):
                    issues.append(Issue(str(path), 1, _closed_message(area, category, day),
                                        "center.csv の休止期間か、この日付を見直してください",
                                        "warning"))


def _closed_message(area: Area, category: str, day: date) -> str:
    return f"「{area.name}」の{category} {day:%Y%m%d} はセンターの休止期間中です（収集しません）"
