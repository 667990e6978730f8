"""Handoff to a person: the counter when open, when to call and night numbers when closed."""

from __future__ import annotations

from bot.dialogue.context import DialogueContext
from bot.dialogue.garbage_replies import format_date
from bot.dialogue.localized import pick
from knowledge.faq_schema import Department


def handoff_text(ctx: DialogueContext, *, department: Department | None, lang: str) -> str:
    department = department or ctx.engine().faq.departments.get(ctx.office.default_department)
    status = ctx.office.status(ctx.clock())
    values = {
        "name": department.localized(lang, "name") if department else "",
        "place": department.localized(lang, "place") if department else "",
        "phone": department.phone if department else "",
    }
    if status.open and status.closes is not None:
        return ctx.catalog.text("handoff_open", lang, closes=status.closes.strftime("%H:%M"), **values)
    next_open = f"{format_date(ctx, status.next_open.date(), lang)} {status.next_open:%H:%M}"
    lines = [ctx.catalog.text("handoff_closed", lang, next_open=next_open, **values)]
    contacts = ("、" if lang in ("ja", "ja-easy") else "; ").join(
        f"{pick(c.name, lang)} {c.phone}" for c in ctx.office.night_contacts)
    if contacts:
        lines.append(ctx.catalog.text("handoff_emergency", lang, contacts=contacts))
    return "\n".join(lines)
