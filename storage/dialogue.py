"""Chat turns and answer feedback, for the admin report. Text is stored masked only."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column

from storage.db import Base, Database


def _utcnow() -> datetime:
    return datetime.now(UTC)


class ChatTurn(Base):
    __tablename__ = "chat_turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow, index=True)
    session_id: Mapped[str] = mapped_column(String(128), index=True)
    channel: Mapped[str] = mapped_column(String(32))
    lang: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))  # rasa | fallback
    user_text: Mapped[str] = mapped_column(Text)  # masked
    bot_text: Mapped[str] = mapped_column(Text)
    # For the admin reports (None: not an FAQ question, e.g. a greeting or the garbage guide).
    decision: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)  # answered|ambiguous|no_answer
    category: Mapped[str | None] = mapped_column(String(64), nullable=True)
    faq_id: Mapped[str | None] = mapped_column(String(128), nullable=True)


class AnswerFeedback(Base):
    __tablename__ = "answer_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow, index=True)
    session_id: Mapped[str] = mapped_column(String(128), index=True)
    faq_id: Mapped[str | None] = mapped_column(String(128), index=True, nullable=True)
    helpful: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)  # masked
    lang: Mapped[str] = mapped_column(String(16))


class DialogueStore:
    """Implements the dialogue layer's FeedbackSink and TurnSink on the app database."""

    def __init__(self, database: Database) -> None:
        self._db = database
        Base.metadata.create_all(database.engine, tables=[ChatTurn.__table__, AnswerFeedback.__table__])  # type: ignore[list-item]
        _add_report_columns(database)

    def record_turn(self, *, session_id: str, channel: str, lang: str, source: str,
                    user_text: str, bot_text: str, decision: str | None = None,
                    category: str | None = None, faq_id: str | None = None) -> None:
        with self._db.session() as session:
            session.add(ChatTurn(session_id=session_id, channel=channel, lang=lang, source=source,
                                 user_text=user_text, bot_text=bot_text, decision=decision,
                                 category=category, faq_id=faq_id))

    def record(self, *, session_id: str, faq_id: str | None, helpful: bool | None,
               comment: str | None, lang: str) -> None:
        with self._db.session() as session:
            session.add(AnswerFeedback(session_id=session_id, faq_id=faq_id, helpful=helpful,
                                       comment=comment, lang=lang))

    def feedback_summary(self) -> dict[str, dict[str, int]]:
        """Per FAQ id: how many residents found the answer helpful or not."""
        query = (select(AnswerFeedback.faq_id, AnswerFeedback.helpful, func.count())
                 .group_by(AnswerFeedback.faq_id, AnswerFeedback.helpful))
        summary: dict[str, dict[str, int]] = {}
        with self._db.session() as session:
            for faq_id, helpful, count in session.execute(query):
                label = "comment" if helpful is None else ("helpful" if helpful else "not_helpful")
                summary.setdefault(faq_id or "", {})[label] = count
        return summary

    def feedback(self, *, limit: int = 100) -> list[AnswerFeedback]:
        with self._db.session() as session:
            rows = session.scalars(select(AnswerFeedback).order_by(AnswerFeedback.id.desc()).limit(limit))
            return list(rows)


def _add_report_columns(database: Database) -> None:
    """Databases created before the report columns existed get them (all nullable)."""
    database.add_missing_columns("chat_turns", {"decision": "VARCHAR(16)", "category": "VARCHAR(64)",
                                                "faq_id": "VARCHAR(128)"})
