"""Nursery admission and child allowance answers from data/childcare.yaml."""

from __future__ import annotations

import calendar
import re
import unicodedata

from bot.dialogue.context import DialogueContext
from bot.dialogue.localized import pick

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                 "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_EN_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})


def _number(text: str) -> int | None:
    text = unicodedata.normalize("NFKC", text).lower()
    if match := re.search(r"\d+", text):
        return int(match.group())
    if match := re.search(r"十[一二]|[〇零一二三四五六七八九十]", text):
        return _KANJI_DIGITS[match.group()]
    return next((n for word, n in _EN_NUMBERS.items() if re.search(rf"\b{word}\b", text)), None)


def parse_age(text: str) -> int | None:
    if re.search(r"赤ちゃん|新生児|baby|newborn|生後", text, re.IGNORECASE) and not re.search(r"\d歳", text):
        return 0
    return _number(text)


def parse_month(text: str) -> int | None:
    lowered = unicodedata.normalize("NFKC", text).lower()
    for name, number in sorted(_MONTHS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{name}\b", lowered):
            return number
    month = _number(lowered)
    return month if month is not None and 1 <= month <= 12 else None


def month_name(ctx: DialogueContext, month: int, lang: str) -> str:
    """The month's name in ``lang`` (bot_messages.yaml ``month_names``: 12 words), else English."""
    names = ctx.catalog.text("month_names", lang).split()
    return names[month - 1] if len(names) == 12 else calendar.month_name[month]


def month_label(ctx: DialogueContext, month: int, lang: str) -> str:
    return ctx.catalog.text("month_label", lang, month=month, month_name=month_name(ctx, month, lang))


def nursery_answer(ctx: DialogueContext, *, age: int, month: int, lang: str) -> str:
    data = ctx.childcare.get("nursery", {})
    schedule = data.get("schedule", {}).get("april" if month == 4 else "other")
    lines = [
        ctx.catalog.text("nursery_header", lang, age=age, month=month,
                         month_name=month_name(ctx, month, lang)),
        ctx.catalog.text("nursery_schedule", lang, schedule=pick(schedule, lang)),
    ]
    note = data.get("age_notes", {}).get(str(age))
    if note:
        lines.append(ctx.catalog.text("nursery_age_note", lang, note=pick(note, lang)))
    documents = pick(data.get("documents"), lang) or []
    sep = "、" if lang in ("ja", "ja-easy") else ", "
    lines.append(ctx.catalog.text("nursery_documents", lang, items=sep.join(documents)))
    lines.extend(_contact(ctx, data, lang))
    return "\n".join(lines)


def allowance_answer(ctx: DialogueContext, lang: str) -> list[str]:
    data = ctx.childcare.get("child_allowance", {})
    return [str(pick(data.get("text"), lang)).strip(), "\n".join(_contact(ctx, data, lang))]


def _contact(ctx: DialogueContext, data: dict[str, object], lang: str) -> list[str]:
    lines = []
    if data.get("url"):
        lines.append(ctx.catalog.text("faq_source", lang, url=data["url"]))
    department = ctx.engine().faq.departments.get(str(data.get("department")))
    if department is not None:
        lines.append(ctx.catalog.text(
            "faq_counter", lang, name=department.localized(lang, "name"),
            place=department.localized(lang, "place"), phone=department.phone,
            hours=department.localized(lang, "hours")))
    return lines
