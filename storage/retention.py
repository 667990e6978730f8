"""Delete what residents said once it is older than the city's retention period."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete

from storage.admin import AdminSession
from storage.db import Base, Database
from storage.dialogue import AnswerFeedback, ChatTurn

logger = logging.getLogger(__name__)


def purge_older_than(database: Database, *, days: int, now: datetime | None = None) -> dict[str, int]:
    """Delete chat turns and feedback older than ``days`` (and expired admin sessions)."""
    if days < 1:
        raise ValueError(f"days must be at least 1, got {days}")
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=days)
    tables = [ChatTurn.__table__, AnswerFeedback.__table__, AdminSession.__table__]
    Base.metadata.create_all(database.engine, tables=tables)  # type: ignore[arg-type]
    counts = {}
    with database.session() as session:
        for name, model in (("chat_turns", ChatTurn), ("answer_feedback", AnswerFeedback)):
            result = session.execute(delete(model).where(model.created_at < cutoff))
            counts[name] = int(getattr(result, "rowcount", 0) or 0)
        result = session.execute(delete(AdminSession).where(AdminSession.expires_at < now))
        counts["admin_sessions"] = int(getattr(result, "rowcount", 0) or 0)
    logger.info("retention: deleted %s (older than %d days)", counts, days)
    return counts
