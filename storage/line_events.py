"""LINE connector state: webhook events already handled, residents' languages, message → turn links."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import DateTime, Integer, String, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from storage.db import Base, Database
from storage.dialogue import ChatTurn

# A claim older than this belongs to a worker that died mid-event: a redelivery may retake it.
STALE_CLAIM = timedelta(minutes=2)
# LINE redelivers for a limited time only; older claims are dropped now and then.
KEEP_EVENTS = timedelta(days=7)
PRUNE_EVERY = 500


def _utcnow() -> datetime:
    return datetime.now(UTC)


class LineWebhookEvent(Base):
    __tablename__ = "line_webhook_events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)  # webhookEventId (ULID)
    claimed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow, index=True)
    status: Mapped[str] = mapped_column(String(16), default="processing")  # processing | done


class LineResident(Base):
    __tablename__ = "line_residents"

    session_id: Mapped[str] = mapped_column(String(128), primary_key=True)  # hashed LINE source id
    lang: Mapped[str] = mapped_column(String(16))
    # When the language was chosen; the retention purge drops it once the resident has gone quiet.
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=_utcnow, nullable=True)


class LineMessageTurn(Base):
    __tablename__ = "line_message_turns"

    message_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[str] = mapped_column(String(128), index=True)
    turn_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_utcnow, index=True)


TABLES = [LineWebhookEvent.__table__, LineResident.__table__, LineMessageTurn.__table__, ChatTurn.__table__]


class LineStore:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._claims = 0
        create_tables(database)

    def claim(self, event_id: str) -> bool:
        """True for the first delivery of an event (or a retake of a stale claim), else False."""
        self._claims += 1
        if self._claims % PRUNE_EVERY == 0:
            self.prune()
        try:
            with self._db.session() as session:
                session.add(LineWebhookEvent(event_id=event_id))
            return True
        except IntegrityError:
            return self._retake_stale(event_id)

    def _retake_stale(self, event_id: str) -> bool:
        with self._db.session() as session:
            row = session.get(LineWebhookEvent, event_id, with_for_update=True)
            if row is None or row.status == "done" or _aware(row.claimed_at) > _utcnow() - STALE_CLAIM:
                return False
            row.claimed_at = _utcnow()
            return True

    def prune(self) -> None:
        with self._db.session() as session:
            session.execute(delete(LineWebhookEvent).where(LineWebhookEvent.claimed_at < _utcnow() - KEEP_EVENTS))

    def finish(self, event_id: str) -> None:
        with self._db.session() as session:
            row = session.get(LineWebhookEvent, event_id)
            if row is not None:
                row.status = "done"

    def language(self, session_id: str) -> str | None:
        with self._db.session() as session:
            row = session.get(LineResident, session_id)
            return row.lang if row else None

    def set_language(self, session_id: str, lang: str) -> None:
        with self._db.session() as session:
            row = session.get(LineResident, session_id)
            if row is None:
                session.add(LineResident(session_id=session_id, lang=lang, updated_at=_utcnow()))
            else:
                row.lang, row.updated_at = lang, _utcnow()

    def link_latest_turn(self, *, message_id: str, session_id: str) -> None:
        """Remembers which logged turn holds this LINE message, so that unsend can delete it."""
        with self._db.session() as session:
            turn_id = session.scalar(select(func.max(ChatTurn.id)).where(ChatTurn.session_id == session_id))
            session.merge(LineMessageTurn(message_id=message_id, session_id=session_id, turn_id=turn_id))

    def forget_message(self, message_id: str) -> bool:
        """Deletes the logged turn of an unsent message; True when something was deleted."""
        with self._db.session() as session:
            link = session.get(LineMessageTurn, message_id)
            if link is None:
                return False
            if link.turn_id is not None:
                session.execute(delete(ChatTurn).where(ChatTurn.id == link.turn_id))
            session.delete(link)
            return True


def create_tables(database: Database) -> None:
    """The LINE tables; a database from before ``line_residents.updated_at`` gets the column."""
    Base.metadata.create_all(database.engine, tables=TABLES)  # type: ignore[arg-type]
    column_type = LineResident.__table__.c.updated_at.type.compile(dialect=database.engine.dialect)
    database.add_missing_columns("line_residents", {"updated_at": str(column_type)})


def _aware(moment: datetime) -> datetime:
    # SQLite returns naive datetimes even for timezone-aware columns.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
