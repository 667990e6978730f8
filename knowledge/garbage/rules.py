"""Parse 5374.jp day cells (「月 木」「水2 水4」「20270105」「*1」) and dates."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .models import DayRule

WEEKDAYS = "月火水木金土日"  # index = datetime.weekday()
CELL_HINT = (
    "毎週は「月」、第n曜日は「水2」、特定の日は「20270105」、注意事項は「*1」の形で、"
    "半角スペースで区切って書いてください"
)


@dataclass(frozen=True)
class ParsedCell:
    rules: tuple[DayRule, ...]
    remark_ids: tuple[str, ...]
    bad_tokens: tuple[str, ...]


def parse_cell(cell: str) -> ParsedCell:
    rules: list[DayRule] = []
    remarks: list[str] = []
    bad: list[str] = []
    for token in unicodedata.normalize("NFKC", cell).split():
        if token.startswith("*") and token[1:]:
            remarks.append(token[1:])
            continue
        rule = parse_token(token)
        if rule is None:
            bad.append(token)
        else:
            rules.append(rule)
    return ParsedCell(tuple(rules), tuple(remarks), tuple(bad))


def parse_token(token: str) -> DayRule | None:
    if len(token) == 1 and token in WEEKDAYS:
        return DayRule(weekday=WEEKDAYS.index(token))
    match = re.fullmatch(rf"([{WEEKDAYS}])([1-5])|([1-5])([{WEEKDAYS}])", token)
    if match:
        day = match.group(1) or match.group(4)
        nth = match.group(2) or match.group(3)
        return DayRule(weekday=WEEKDAYS.index(day), nth=int(nth))
    day = parse_date(token)
    return DayRule(on=day) if day else None


def parse_date(text: str) -> date | None:
    """yyyymmdd, yyyy/m/d or yyyy-mm-dd; None when it is not a valid date."""
    text = unicodedata.normalize("NFKC", text).strip()
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})|(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})", text)
    if not match:
        return None
    parts = [int(p) for p in match.groups() if p is not None]
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def describe(rules: tuple[DayRule, ...]) -> str:
    """Japanese label as on a printed calendar: 「毎週月・木曜日」「第2・第4水曜日」."""
    weekly = [WEEKDAYS[r.weekday] for r in rules if r.weekday is not None and r.nth is None]
    parts = ["毎週" + "・".join(weekly) + "曜日"] if weekly else []
    for day in range(7):
        nths = [f"第{r.nth}" for r in rules if r.weekday == day and r.nth]
        if nths:
            parts.append("・".join(nths) + WEEKDAYS[day] + "曜日")
    return "、".join(parts)
