"""FAQ answers as chat messages: used by action_answer_faq and by the Rasa-down fallback."""

from __future__ import annotations

import json
import logging

from bot.dialogue.context import DialogueContext
from bot.dialogue.messages import BotMessage, Button
from knowledge.engine import SearchResult
from knowledge.faq_schema import Department, FaqEntry

logger = logging.getLogger(__name__)


def choose_payload(entry_id: str) -> str:
    return "/choose_faq" + json.dumps({"faq_id": entry_id})


def feedback_buttons(ctx: DialogueContext, lang: str) -> tuple[Button, ...]:
    return (
        Button(ctx.catalog.text("button_good", lang), '/feedback{"feedback_value": "good"}'),
        Button(ctx.catalog.text("button_bad", lang), '/feedback{"feedback_value": "bad"}'),
    )


def counter_line(ctx: DialogueContext, key: str, department: Department, lang: str) -> str:
    return ctx.catalog.text(
        key, lang, name=department.localized(lang, "name"), place=department.localized(lang, "place"),
        phone=department.phone, hours=department.localized(lang, "hours"),
    )


def localized_answer(ctx: DialogueContext, entry: FaqEntry, lang: str) -> tuple[str, str]:
    """(question, answer) in the resident's language: human, else MT labelled, else ja + note."""
    if ctx.translator is not None and lang != "ja":
        from translation.faq import localise_answer

        translations = {code: {"question": t.question, "answer": t.answer}
                        for code, t in entry.translations.items()}
        result = localise_answer(ctx.translator, question=entry.question, answer=entry.answer,
                                 translations=translations, lang=lang)
        notes = " ".join(part for part in (result.label, result.note) if part)
        return result.question, (result.answer.strip() + ("\n" + notes if notes else ""))
    text = entry.text_in(lang)
    if lang in ("ja", "ja-easy") or lang in entry.translations:
        return text.question, text.answer.strip()
    return text.question, text.answer.strip() + "\n" + ctx.catalog.text("japanese_only_note", lang)


def entry_messages(ctx: DialogueContext, entry: FaqEntry, lang: str) -> list[BotMessage]:
    _, answer = localized_answer(ctx, entry, lang)
    details = "\n".join((
        ctx.catalog.text("faq_source", lang, url=entry.url),
        counter_line(ctx, "faq_counter", entry.department, lang),
    ))
    return [
        BotMessage(answer),
        BotMessage(details),
        BotMessage(ctx.catalog.text("ask_feedback", lang), feedback_buttons(ctx, lang)),
    ]


def search_messages(ctx: DialogueContext, result: SearchResult, lang: str) -> list[BotMessage]:
    if result.decision == "confident" and result.best is not None:
        return entry_messages(ctx, result.best.entry, lang)
    if result.decision == "ambiguous" and result.choices:
        return [choice_message(ctx, [hit.entry for hit in result.choices], lang)]
    return no_answer_messages(ctx, result.suggested_department, lang)


def choice_message(ctx: DialogueContext, entries: list[FaqEntry], lang: str) -> BotMessage:
    buttons = [Button(localized_answer_question(entry, lang), choose_payload(entry.id))
               for entry in entries[:3]]
    buttons.append(Button(ctx.catalog.text("button_none_of_these", lang), "/deny"))
    return BotMessage(ctx.catalog.text("faq_ambiguous", lang), tuple(buttons))


def localized_answer_question(entry: FaqEntry, lang: str) -> str:
    return entry.text_in(lang).question


def no_answer_messages(ctx: DialogueContext, department: Department | None,
                       lang: str) -> list[BotMessage]:
    department = department or ctx.engine().faq.departments.get(ctx.office.default_department)
    lines = [ctx.catalog.text("faq_no_answer", lang)]
    if department is not None:
        lines.append(counter_line(ctx, "faq_no_answer_counter", department, lang))
    human = Button(ctx.catalog.text("button_human", lang), "/request_human")
    return [BotMessage("\n".join(lines), (human,))]
