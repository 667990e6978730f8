"""Webhook de-duplication survives restarts and recovers events a dead worker left half done."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage.db import Database
from storage.line_events import LineStore, LineWebhookEvent


def store_at(path: Path) -> LineStore:
    return LineStore(Database(f"sqlite:///{path / 'line.db'}"))


def age_claim(path: Path, event_id: str, minutes: int) -> None:
    database = Database(f"sqlite:///{path / 'line.db'}")
    with database.session() as session:
        row = session.get(LineWebhookEvent, event_id)
        assert row is not None
        row.claimed_at = datetime.now(UTC) - timedelta(minutes=minutes)


def test_an_event_is_claimed_once_also_by_a_restarted_app(tmp_path: Path) -> None:
    assert store_at(tmp_path).claim("01EVENT") is True
    assert store_at(tmp_path).claim("01EVENT") is False


def test_a_claim_abandoned_by_a_dead_worker_can_be_retaken(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    store.claim("01CRASHED")
    age_claim(tmp_path, "01CRASHED", minutes=5)
    assert store.claim("01CRASHED") is True
    assert store.claim("01CRASHED") is False  # the retake is a fresh claim


def test_a_finished_event_is_never_handled_again(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    store.claim("01DONE")
    store.finish("01DONE")
    age_claim(tmp_path, "01DONE", minutes=60)
    assert store.claim("01DONE") is False
