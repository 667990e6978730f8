"""The retention purge also cleans LINE state and rate-limit counters (SQLite)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from storage.db import Database
from storage.dialogue import ChatTurn, DialogueStore
from storage.line_events import LineMessageTurn, LineResident, LineStore
from storage.rate_limits import RateCounter, RateCounterStore
from storage.retention import purge_older_than


@pytest.fixture
def database(tmp_path: Path) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'madoguchi.db'}")
    database.create_all()
    return database


def _turn(database: Database, session_id: str, *, age_days: float = 0) -> None:
    DialogueStore(database).record_turn(session_id=session_id, channel="line", lang="en", source="fallback",
                                        user_text="garbage day?", bot_text="…")
    with database.session() as session:
        session.execute(update(ChatTurn).where(ChatTurn.session_id == session_id)
                        .values(created_at=datetime.now(UTC) - timedelta(days=age_days)))


def test_line_events_and_rate_counters_are_purged_after_days_not_after_the_retention_year(
        database: Database) -> None:
    line, rates = LineStore(database), RateCounterStore(database)
    line.claim("01HANDLED")
    rates.hit("ip:0123abcd", window_start=int(time.time()))

    soon = purge_older_than(database, days=365, now=datetime.now(UTC) + timedelta(hours=1))
    later = purge_older_than(database, days=365, now=datetime.now(UTC) + timedelta(days=8))

    assert (soon["line_webhook_events"], soon["rate_limit_counters"]) == (0, 0)  # still in use
    assert (later["line_webhook_events"], later["rate_limit_counters"]) == (1, 1)
    with database.session() as session:
        assert session.scalars(select(RateCounter.key)).all() == []


def test_line_message_links_and_languages_of_residents_gone_quiet_are_purged_with_their_turns(
        database: Database) -> None:
    line = LineStore(database)
    for resident in ("U-quiet", "U-active"):
        line.set_language(resident, "en")
        _turn(database, resident, age_days=0)
        line.link_latest_turn(message_id=f"m-{resident}", session_id=resident)
    a_year_on = datetime.now(UTC) + timedelta(days=400)
    _turn(database, "U-active", age_days=-300)  # wrote again 100 days before the purge

    counts = purge_older_than(database, days=365, now=a_year_on)

    assert counts["line_message_turns"] == 2 and counts["line_residents"] == 1
    with database.session() as session:
        assert session.scalars(select(LineResident.session_id)).all() == ["U-active"]
        assert session.scalars(select(LineMessageTurn.message_id)).all() == []
    assert line.language("U-active") == "en"


def test_a_resident_who_chose_a_language_recently_keeps_it_without_any_turn(database: Database) -> None:
    LineStore(database).set_language("U-new", "vi")
    purge_older_than(database, days=30)
    assert LineStore(database).language("U-new") == "vi"


def test_a_database_from_before_the_language_date_gets_it_and_purges(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE line_residents (session_id VARCHAR(128) PRIMARY KEY, lang VARCHAR(16))")
        old.execute("INSERT INTO line_residents VALUES ('U-old', 'ko')")
    database = Database(f"sqlite:///{path}")

    assert purge_older_than(database, days=30)["line_residents"] == 1  # no date, no turn: gone quiet
    LineStore(database).set_language("U-new", "ko")
    assert LineStore(database).language("U-new") == "ko"
