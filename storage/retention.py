"""Delete what residents said once it is older than the city's retention period.

Working state goes sooner, whether or not traffic prunes it as it goes: LINE webhook event ids
after a week (redeliveries stop long before), rate-limit counters after a day (their windows
are minutes).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from storage import line_events
from storage.admin import AdminSession
from storage.db import Database
from storage.dialogue import AnswerFeedback, ChatTurn
from storage.line_events import KEEP_EVENTS, LineMessageTurn, LineResident, LineWebhookEvent
from storage.rate_limits import KEEP_S, RateCounter

logger = logging.getLogger(__name__)


def purge_older_than(database: Database, *, days: int, now: datetime | None = None) -> dict[str, int]:
    """Delete chat turns, feedback and LINE message links older than ``days``, the languages of LINE
    residents with no turn left, expired admin sessions, old LINE event ids and rate counters."""
    if days < 1:
        raise ValueError(f"days must be at least 1, got {days}")
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=days)
    database.create_tables()  # a purge from the CLI may come before the app ever started
    line_events.create_tables(database)
    with database.session() as session:
        counts = {name: _deleted(session, delete(model).where(model.created_at < cutoff))
                  for name, model in (("chat_turns", ChatTurn), ("answer_feedback", AnswerFeedback))}
        counts["admin_sessions"] = _deleted(session, delete(AdminSession).where(AdminSession.expires_at < now))
        counts |= _line_state(session, cutoff=cutoff, now=now)
        counts["rate_limit_counters"] = _deleted(
            session, delete(RateCounter).where(RateCounter.window_start < now.timestamp() - KEEP_S))
    logger.info("retention: deleted %s (older than %d days)", counts, days)
    return counts


def _line_state(session: Session, *, cutoff: datetime, now: datetime) -> dict[str, int]:
    # Runs after the old turns are gone: a language is kept while the resident has a turn left.
    quiet = or_(LineResident.updated_at.is_(None), LineResident.updated_at < cutoff)
    talking = select(ChatTurn.session_id).where(ChatTurn.session_id == LineResident.session_id).exists()
    events_cutoff = max(cutoff, now - KEEP_EVENTS)
    return {
        "line_message_turns": _deleted(session, delete(LineMessageTurn).where(LineMessageTurn.created_at < cutoff)),
        "line_residents": _deleted(session, delete(LineResident).where(quiet, ~talking)),
        "line_webhook_events": _deleted(
            session, delete(LineWebhookEvent).where(LineWebhookEvent.claimed_at < events_cutoff)),
    }


def _deleted(session: Session, statement: Any) -> int:
    return int(getattr(session.execute(statement), "rowcount", 0) or 0)
