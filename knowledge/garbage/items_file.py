"""Load and check the sorting dictionary: items.csv (Digital Agency layout) or target.csv."""

from __future__ import annotations

import re
import unicodedata

from .calendar_files import require_columns
from .csvfile import CsvTable, Row
from .errors import Issue
from .models import Item
from .textnorm import is_kana

ITEM_COLUMNS = ["全国地方公共団体コード", "ID", "品目", "分別区分", "注意点", "料金種別",
                "料金", "料金備考", "備考", "読み", "英語名"]
REQUIRED = ["全国地方公共団体コード", "ID", "品目", "分別区分"]


def parse_fee(text: str) -> int | None:
    """「1,000」「1000円」「１０００」→ 1000; empty → None; anything else raises ValueError."""
    text = unicodedata.normalize("NFKC", text).replace(",", "").removesuffix("円").strip()
    if not text:
        return None
    if not re.fullmatch(r"\d+", text):
        raise ValueError(text)
    return int(text)


def load_items(table: CsvTable, categories: set[str], issues: list[Issue]) -> list[Item]:
    if not require_columns(table, REQUIRED, issues):
        return []
    items: list[Item] = []
    ids: dict[str, int] = {}
    for row in table.rows:
        item = _item(row, table, categories, issues)
        if item is None:
            continue
        if item.id in ids:
            issues.append(Issue(str(table.path), row.line, f"ID「{item.id}」が重複しています",
                                f"{ids[item.id]}行目と同じです。IDは品目ごとに変えてください"))
            continue
        ids[item.id] = row.line
        items.append(item)
    return items


def _item(row: Row, table: CsvTable, categories: set[str], issues: list[Issue]) -> Item | None:
    def report(message: str, hint: str = "", severity: str = "error") -> None:
        issues.append(Issue(str(table.path), row.line, message, hint, severity))

    name, category, code = row.get("品目"), row.get("分別区分"), row.get("全国地方公共団体コード")
    if not name or not row.get("ID"):
        report("品目または ID が空です", "どちらも必ず書いてください")
        return None
    if not re.fullmatch(r"\d{6}", code):
        report(f"全国地方公共団体コード「{code}」は6桁の数字ではありません", "例: 999991（検査数字を含む6桁）")
    if category not in categories:
        report(f"「{name}」の分別区分「{category}」は description.csv にありません",
               f"{'・'.join(sorted(categories))} のどれかにするか、description.csv に追加してください")
        return None
    try:
        fee = parse_fee(row.get("料金"))
    except ValueError:
        report(f"「{name}」の料金「{row.get('料金')}」が数字ではありません",
               "料金は 500 のように数字だけを書き、説明は料金備考に書いてください")
        fee = None
    if row.get("読み") and not is_kana(row.get("読み")):
        report(f"「{name}」の読み「{row.get('読み')}」にかな以外の文字があります",
               "読みはひらがなかカタカナで書いてください", "warning")
    return Item(id=row.get("ID"), name=name, category=category, notes=row.get("注意点"),
                fee_type=row.get("料金種別"), fee=fee, fee_note=row.get("料金備考"),
                remarks=row.get("備考"), reading=row.get("読み"), english=row.get("英語名"),
                city_code=code)


def load_targets(table: CsvTable, categories: set[str], issues: list[Issue]) -> list[Item]:
    """5374.jp target.csv (type,name,notice,furigana) as items, for cities without items.csv."""
    if not require_columns(table, ["type", "name"], issues):
        return []
    items = []
    for number, row in enumerate(table.rows, start=1):
        if row.get("type") not in categories:
            issues.append(Issue(str(table.path), row.line,
                                f"type「{row.get('type')}」が description.csv にありません",
                                "description.csv の label と同じ名前にしてください"))
            continue
        reading = row.get("furigana")
        items.append(Item(id=f"target-{number}", name=row.get("name"), category=row.get("type"),
                          notes=row.get("notice"), reading=reading if len(reading) > 1 else ""))
    return items
