"""The whole app on PostgreSQL: MADOGUCHI_DATABASE_URL=postgresql://... is all an operator sets."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, select

from app.main import create_app
from app.settings import Settings
from storage.db import Database
from storage.dialogue import ChatTurn

pytestmark = pytest.mark.integration


def test_a_chat_turn_through_the_app_is_stored_masked_in_postgresql(pg_url: str, tmp_path: Path,
                                                                     small_city: Path) -> None:
    plain_url = pg_url.replace("postgresql+psycopg://", "postgresql://")  # what an operator writes
    var = tmp_path / "var"
    settings = Settings(data_dir=small_city, var_dir=var, models_dir=var / "models", database_url=plain_url,
                        rasa_url="http://127.0.0.1:9", admin_retention_interval_h=0, admin_watch_data=False)
    with TestClient(create_app(settings)) as client:
        reply = client.post("/api/chat", json={"session_id": "pg-1", "text": "燃えるごみは何曜日？ 電話 012-345-6789"})
        assert reply.status_code == 200, reply.text
        assert reply.json()["source"] == "fallback"  # Rasa is not running; the FAQ index answers
    assert not (var / "madoguchi.db").exists()  # nothing went to the SQLite default
    database = Database(pg_url)
    with database.session() as session:
        turn = session.scalars(select(ChatTurn).where(ChatTurn.session_id == "pg-1")).one()
    tables = set(inspect(database.engine).get_table_names())
    database.dispose()
    assert {"chat_turns", "admin_users", "line_webhook_events", "rate_limit_counters", "counter_usage"} <= tables
    assert "燃えるごみ" in turn.user_text and "012-345-6789" not in turn.user_text
    assert turn.decision == "answered" and turn.faq_id == "gomi-moyasu"
