"""Garbage answers as text, in the resident's language (names from the garbage data)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from bot.dialogue.context import DialogueContext

JAPANESE = ("ja", "ja-easy")


def format_date(ctx: DialogueContext, day: date, lang: str) -> str:
    weekdays = ctx.catalog.text("weekdays", lang).split()
    return ctx.catalog.text("date_format", lang, month=day.month, day=day.day,
                            weekday=weekdays[day.weekday()] if len(weekdays) == 7 else "")


def area_label(guide: Any, name: str, lang: str) -> str:
    area = guide.get_area(name) if guide is not None else None
    if area is None or lang in JAPANESE or not area.romaji:
        return name
    return f"{area.romaji} ({name})"


def category_label(guide: Any, category: str, lang: str) -> str:
    info = guide.category_info(category)
    if lang in JAPANESE or info is None or not info.english:
        return category
    return f"{info.english} ({category})"


def next_days(ctx: DialogueContext, guide: Any, *, area: str, category: str | None,
              start: date, lang: str) -> str:
    lines = [ctx.catalog.text("garbage_next_header", lang, area=area_label(guide, area, lang))]
    for collection in guide.next_collections(area, category=category, start=start, count=2):
        label = category_label(guide, collection.category, lang)
        if collection.by_appointment or not collection.dates:
            lines.append(ctx.catalog.text("garbage_by_appointment", lang, category=label))
            continue
        dates = "、".join(format_date(ctx, d, lang) for d in collection.dates) if lang in JAPANESE \
            else ", ".join(format_date(ctx, d, lang) for d in collection.dates)
        lines.append(ctx.catalog.text("garbage_next_line", lang, category=label, dates=dates))
    return "\n".join(lines)


def on_day(ctx: DialogueContext, guide: Any, *, area: str, day: date, lang: str) -> str:
    categories = guide.collections_on(area, day)
    values = {"area": area_label(guide, area, lang), "date": format_date(ctx, day, lang)}
    if not categories:
        return ctx.catalog.text("garbage_none_on_day", lang, **values)
    names = "、".join(category_label(guide, c, lang) for c in categories)
    return ctx.catalog.text("garbage_on_day", lang, categories=names, **values)


def item_label(item: Any, lang: str) -> str:
    if lang in JAPANESE or not item.english:
        return str(item.name)
    return f"{item.english} ({item.name})"


def item_json(name: str) -> str:
    return json.dumps({"garbage_item": name}, ensure_ascii=False)


def item_answer(ctx: DialogueContext, guide: Any, item: Any, lang: str) -> str:
    category = category_label(guide, item.category, lang)
    lines = [ctx.catalog.text("sorting_answer", lang, item=item_label(item, lang), category=category)]
    if item.notes:
        lines.append(ctx.catalog.text("sorting_notes", lang, notes=item.notes))
    if item.fee:
        lines.append(ctx.catalog.text("sorting_fee", lang, fee=item.fee))
    if lang not in JAPANESE and item.notes:
        lines.append(ctx.catalog.text("japanese_only_note", lang))
    return "\n".join(lines)
