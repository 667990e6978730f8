"""What residents asked and how it went: the queries behind the admin reports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.db import Database
from storage.dialogue import AnswerFeedback, ChatTurn

FAQ_DECISIONS = ("answered", "ambiguous", "no_answer")
JST = timezone(timedelta(hours=9))


@dataclass(frozen=True)
class DayRate:
    day: date
    answered: int
    asked: int  # turns that were FAQ questions

    @property
    def rate(self) -> float:
        return self.answered / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class BadAnswer:
    faq_id: str
    count: int
    comments: tuple[str, ...]


def since_days(days: int) -> datetime:
    return datetime.now(UTC) - timedelta(days=days)


class ReportStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    def volumes(self, column: str, *, since: datetime) -> list[tuple[str, int]]:
        """Turns per language (``lang``) or per channel (``channel``)."""
        field = getattr(ChatTurn, column)
        query = (select(field, func.count()).where(ChatTurn.created_at >= since)
                 .group_by(field).order_by(func.count().desc()))
        with self._db.session() as session:
            return [(str(label), int(count)) for label, count in session.execute(query)]

    def decisions(self, *, since: datetime) -> dict[str, int]:
        query = (select(ChatTurn.decision, func.count()).where(ChatTurn.created_at >= since)
                 .group_by(ChatTurn.decision))
        with self._db.session() as session:
            return {str(label or "other"): int(count) for label, count in session.execute(query)}

    def answer_rate_by_day(self, *, since: datetime) -> list[DayRate]:
        query = select(ChatTurn.created_at, ChatTurn.decision).where(
            ChatTurn.created_at >= since, ChatTurn.decision.in_(FAQ_DECISIONS))
        asked: Counter[date] = Counter()
        answered: Counter[date] = Counter()
        with self._db.session() as session:
            for created_at, decision in session.execute(query):
                moment = created_at if created_at.tzinfo else created_at.replace(tzinfo=UTC)
                day = moment.astimezone(JST).date()  # the city's days, not UTC's
                asked[day] += 1
                answered[day] += decision == "answered"
        return [DayRate(day, answered[day], asked[day]) for day in sorted(asked)]

    def unanswered_texts(self, *, since: datetime, limit: int = 5000) -> list[str]:
        query = (select(ChatTurn.user_text).where(ChatTurn.created_at >= since, ChatTurn.decision == "no_answer")
                 .order_by(ChatTurn.id.desc()).limit(limit))
        with self._db.session() as session:
            return [str(text) for text in session.scalars(query)]

    def top_answers(self, *, since: datetime, limit: int = 10) -> list[tuple[str, int]]:
        query = (select(ChatTurn.faq_id, func.count()).where(
            ChatTurn.created_at >= since, ChatTurn.faq_id.is_not(None), ChatTurn.decision == "answered")
            .group_by(ChatTurn.faq_id).order_by(func.count().desc()).limit(limit))
        with self._db.session() as session:
            return [(str(faq_id), int(count)) for faq_id, count in session.execute(query)]

    def top_questions(self, *, since: datetime, limit: int = 10) -> list[tuple[str, int]]:
        query = (select(ChatTurn.user_text, func.count()).where(
            ChatTurn.created_at >= since, ChatTurn.decision.in_(FAQ_DECISIONS))
            .group_by(ChatTurn.user_text).order_by(func.count().desc()).limit(limit))
        with self._db.session() as session:
            return [(str(text), int(count)) for text, count in session.execute(query)]

    def bad_answers(self, *, since: datetime, limit: int = 20) -> list[BadAnswer]:
        """FAQ answers residents marked "not helpful", most complained-about first."""
        counts: Counter[str] = Counter()
        comments: dict[str, list[str]] = {}
        with self._db.session() as session:
            rows = session.scalars(select(AnswerFeedback).where(
                AnswerFeedback.created_at >= since, AnswerFeedback.helpful.is_(False)))
            for row in rows:
                faq_id = row.faq_id or self._answered_before(session, row) or "（不明）"
                counts[faq_id] += 1
                if row.comment:
                    comments.setdefault(faq_id, []).append(row.comment)
        return [BadAnswer(faq_id, count, tuple(comments.get(faq_id, [])[:5]))
                for faq_id, count in counts.most_common(limit)]

    @staticmethod
    def _answered_before(session: Session, feedback: AnswerFeedback) -> str | None:
        # Feedback buttons follow an answer: the FAQ is the last one answered in that conversation.
        query = (select(ChatTurn.faq_id).where(ChatTurn.session_id == feedback.session_id,
                                               ChatTurn.faq_id.is_not(None),
                                               ChatTurn.created_at <= feedback.created_at)
                 .order_by(ChatTurn.id.desc()).limit(1))
        return session.scalar(query)
