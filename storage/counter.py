"""What the counter tablet keeps on the server: staff phrases per counter, and anonymous counts.

Conversations are never stored here (they live in the tablet's sessionStorage).
Usage is counted per day, counter, language and event, with no text, no
session id and no time of day, so a count cannot be traced back to a resident.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Date, DateTime, Integer, String, Text, UniqueConstraint, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from storage.db import Base, Database

logger = logging.getLogger(__name__)

# What a count may be about; anything else is refused, so nothing free-form is ever stored.
USAGE_EVENTS = frozenset({
    "start", "end", "staff_phrase", "staff_text", "resident_reply", "resident_text",
    "mt", "guard_warning", "no_model", "interpreter", "summary_print", "read_aloud", "voice_input",
})
MAX_PHRASE_CHARS = 300


def _utcnow() -> datetime:
    return datetime.now(UTC)


class CounterPhraseRow(Base):
    __tablename__ = "counter_phrases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    counter: Mapped[str] = mapped_column(String(64), index=True)
    ja: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow)


class CounterUsageRow(Base):
    __tablename__ = "counter_usage"
    __table_args__ = (UniqueConstraint("day", "counter", "lang", "event"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    counter: Mapped[str] = mapped_column(String(64))
    lang: Mapped[str] = mapped_column(String(16))
    event: Mapped[str] = mapped_column(String(32))
    count: Mapped[int] = mapped_column(Integer, default=0)


@dataclass(frozen=True)
class StaffPhrase:
    id: int
    counter: str
    ja: str


@dataclass(frozen=True)
class UsageCount:
    day: date
    counter: str
    lang: str
    event: str
    count: int


class CounterStore:
    def __init__(self, *, database: Database) -> None:
        self.database = database

    def phrases(self, counter: str) -> list[StaffPhrase]:
        query = select(CounterPhraseRow).where(CounterPhraseRow.counter == counter)
        with self.database.session() as session:
            rows = session.scalars(query.order_by(CounterPhraseRow.id)).all()
            return [StaffPhrase(r.id, r.counter, r.ja) for r in rows]

    def add_phrase(self, counter: str, ja: str) -> StaffPhrase:
        """Register a phrase for a counter; registering the same text twice keeps one."""
        text = " ".join(ja.split())
        if not text or len(text) > MAX_PHRASE_CHARS:
            raise ValueError(f"a phrase must have 1-{MAX_PHRASE_CHARS} characters, got {len(text)}")
        existing = next((p for p in self.phrases(counter) if p.ja == text), None)
        if existing:
            return existing
        with self.database.session() as session:
            row = CounterPhraseRow(counter=counter, ja=text)
            session.add(row)
            session.flush()
            return StaffPhrase(row.id, counter, text)

    def remove_phrase(self, counter: str, phrase_id: int) -> bool:
        with self.database.session() as session:
            row = session.get(CounterPhraseRow, phrase_id)
            if row is None or row.counter != counter:
                return False
            session.delete(row)
            return True

    def count(self, *, counter: str, lang: str, event: str, day: date | None = None) -> None:
        """Add one to today's count; a concurrent first insert is retried as an update."""
        if event not in USAGE_EVENTS:
            raise ValueError(f"unknown usage event {event!r}")
        key = {"day": day or _utcnow().date(), "counter": counter, "lang": lang, "event": event}
        for _ in range(2):
            if self._increment(key) or self._insert(key):
                return
        logger.warning("usage count for %s was not recorded", event)

    def usage(self, *, days: int = 30) -> list[UsageCount]:
        since = _utcnow().date() - timedelta(days=days)
        query = select(CounterUsageRow).where(CounterUsageRow.day >= since)
        with self.database.session() as session:
            rows = session.scalars(query.order_by(CounterUsageRow.day, CounterUsageRow.event)).all()
            return [UsageCount(r.day, r.counter, r.lang, r.event, r.count) for r in rows]

    def per_language(self, *, days: int = 30) -> dict[str, dict[str, int]]:
        """Each resident language's count of every event, all counters and days together."""
        totals: dict[str, dict[str, int]] = {}
        for row in self.usage(days=days):
            events = totals.setdefault(row.lang, {})
            events[row.event] = events.get(row.event, 0) + row.count
        return totals

    def _increment(self, key: dict[str, object]) -> bool:
        statement = update(CounterUsageRow).values(count=CounterUsageRow.count + 1)
        for column, value in key.items():
            statement = statement.where(getattr(CounterUsageRow, column) == value)
        with self.database.session() as session:
            return bool(session.execute(statement).rowcount)  # type: ignore[attr-defined]

    def _insert(self, key: dict[str, object]) -> bool:
        try:
            with self.database.session() as session:
                session.add(CounterUsageRow(count=1, **key))
            return True
        except IntegrityError:
            return False
