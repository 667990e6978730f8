"""Everything the actions and the fallback need, injected once by the app.

rasa-sdk instantiates actions without arguments, so the app configures one
``DialogueContext`` at start-up (``configure``) and actions read it via ``current``.
Tests configure their own with fakes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from ruamel.yaml import YAML

from bot.dialogue.catalog import MessageCatalog
from bot.dialogue.office_hours import OfficeCalendar
from knowledge.engine import KnowledgeEngine


class FeedbackSink(Protocol):
    def record(self, *, session_id: str, faq_id: str | None, helpful: bool | None,
               comment: str | None, lang: str) -> None: ...


def _now() -> datetime:
    return datetime.now(ZoneInfo("Asia/Tokyo"))


@dataclass
class DialogueContext:
    engine: Callable[[], KnowledgeEngine]
    catalog: MessageCatalog
    office: OfficeCalendar
    certificates: dict[str, Any]
    childcare: dict[str, Any]
    garbage: Callable[[], Any] | None = None  # -> knowledge.garbage.GarbageGuide
    translator: Any = None  # translation.TranslationService when installed
    feedback: FeedbackSink | None = None
    clock: Callable[[], datetime] = field(default=_now)


def load_yaml(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    return YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}


def build_context(*, data_dir: Path, engine: Callable[[], KnowledgeEngine],
                  garbage: Callable[[], Any] | None = None, translator: Any = None,
                  feedback: FeedbackSink | None = None) -> DialogueContext:
    return DialogueContext(
        engine=engine,
        catalog=MessageCatalog.load(data_dir / "bot_messages.yaml"),
        office=OfficeCalendar.load(data_dir / "office.yaml"),
        certificates=load_yaml(data_dir / "certificates.yaml"),
        childcare=load_yaml(data_dir / "childcare.yaml"),
        garbage=garbage,
        translator=translator,
        feedback=feedback,
    )


_current: DialogueContext | None = None


def configure(context: DialogueContext) -> None:
    global _current
    _current = context


def current() -> DialogueContext:
    if _current is None:
        raise RuntimeError("the dialogue context is not configured (bot.dialogue.context.configure)")
    return _current
