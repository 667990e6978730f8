"""The storage layer behaves the same on SQLite (the default) and PostgreSQL (several app workers).

Every test runs on both backends; the PostgreSQL runs start a throwaway server (conftest.py) and
are marked ``integration``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from threading import Barrier
from typing import TypeVar

import pytest
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text, func, inspect, select

from knowledge.editing.revisions import Change
from storage.admin import AdminStore, RevisionStore
from storage.admin_reports import ReportStore, since_days
from storage.counter import CounterStore, CounterUsageRow
from storage.db import Database
from storage.dialogue import ChatTurn, DialogueStore
from storage.line_events import LineStore, LineWebhookEvent
from storage.rate_limits import RateCounterStore
from storage.retention import purge_older_than

T = TypeVar("T")
WORKERS = 8
EVERY_TABLE = {"chat_turns", "answer_feedback", "line_webhook_events", "line_residents", "line_message_turns",
               "rate_limit_counters", "admin_users", "admin_sessions", "data_revisions",
               "counter_phrases", "counter_usage"}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'madoguchi.db'}"
    pg_url: str = request.getfixturevalue("pg_url")
    return pg_url


@pytest.fixture
def database(url: str) -> Iterator[Database]:
    database = Database(url)
    database.create_all()
    yield database
    database.dispose()


def at_once(calls: list[Callable[[], T]]) -> list[T]:
    """Runs the calls in threads released together, like app workers (each with its own engine)."""
    barrier = Barrier(len(calls))

    def run(call: Callable[[], T]) -> T:
        barrier.wait(timeout=30)
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls, timeout=60))


def test_app_start_creates_every_table(database: Database) -> None:
    assert set(inspect(database.engine).get_table_names()) >= EVERY_TABLE


def test_workers_starting_together_create_the_tables_once(url: str) -> None:
    at_once([Database(url).create_all for _ in range(4)])
    assert set(inspect(Database(url).engine).get_table_names()) >= EVERY_TABLE


def test_masked_chat_turns_and_feedback_are_kept_for_the_report(database: Database) -> None:
    store = DialogueStore(database)
    store.record_turn(session_id="s1", channel="line", lang="ja", source="fallback", user_text="電話は[電話番号]",
                      bot_text="はい", decision="answered", category="ごみ", faq_id="gomi-moyasu")
    for helpful in (True, True, False):
        store.record(session_id="s1", faq_id="gomi-petbottle", helpful=helpful, comment=None, lang="ja")
    store.record(session_id="s1", faq_id=None, helpful=False, comment="情報が古い", lang="en")
    assert store.feedback_summary()["gomi-petbottle"] == {"helpful": 2, "not_helpful": 1}
    assert store.feedback(limit=1)[0].comment == "情報が古い"
    with database.session() as session:
        turn = session.scalars(select(ChatTurn)).one()
    assert (turn.channel, turn.user_text, turn.faq_id) == ("line", "電話は[電話番号]", "gomi-moyasu")


def test_a_chat_log_from_an_early_version_gets_the_report_columns(url: str) -> None:
    database, early = Database(url), MetaData()
    Table("chat_turns", early, Column("id", Integer, primary_key=True), Column("created_at", DateTime(timezone=True)),
          *(Column(name, String(64)) for name in ("session_id", "channel", "lang", "source")),
          Column("user_text", Text), Column("bot_text", Text))
    early.create_all(database.engine)
    DialogueStore(database).record_turn(session_id="s", channel="web", lang="ja", source="fallback",
                                        user_text="燃えるごみ", bot_text="…", decision="answered")
    assert ReportStore(database).decisions(since=since_days(1)) == {"answered": 1}


def test_a_nul_character_in_a_question_does_not_lose_the_turn(database: Database) -> None:
    # PostgreSQL refuses U+0000 in text; a crafted request must not cost the turn (or a 500).
    DialogueStore(database).record_turn(session_id="s", channel="web", lang="ja", source="fallback",
                                        user_text="ごみ\x00の日", bot_text="月曜日です")
    with database.session() as session:
        assert session.scalars(select(ChatTurn.user_text)).one() == "ごみの日"


def test_reports_count_answers_per_city_day(database: Database) -> None:
    store = DialogueStore(database)
    for text, decision in (("燃えるごみ", "answered"), ("宇宙旅行", "no_answer"), ("粗大ごみ", "answered")):
        store.record_turn(session_id="s", channel="web", lang="ja", source="fallback", user_text=text,
                          bot_text="…", decision=decision, faq_id="gomi" if decision == "answered" else None)
    reports = ReportStore(database)
    [day] = reports.answer_rate_by_day(since=since_days(1))
    assert (day.answered, day.asked) == (2, 3)
    assert reports.unanswered_texts(since=since_days(1)) == ["宇宙旅行"]
    assert reports.top_answers(since=since_days(1)) == [("gomi", 2)]


def test_retention_deletes_only_old_turns(database: Database) -> None:
    DialogueStore(database).record_turn(session_id="s", channel="web", lang="ja", source="fallback",
                                        user_text="古い質問", bot_text="…")
    later = datetime.now(UTC) + timedelta(days=10)
    assert purge_older_than(database, days=30, now=later)["chat_turns"] == 0
    assert purge_older_than(database, days=5, now=later)["chat_turns"] == 1


def test_a_line_event_is_claimed_once_also_by_a_restarted_app(database: Database, url: str) -> None:
    assert LineStore(database).claim("01EVENT") is True
    assert LineStore(Database(url)).claim("01EVENT") is False


def test_a_line_event_delivered_to_many_workers_at_once_has_exactly_one_winner(url: str) -> None:
    Database(url).create_all()
    wins = at_once([partial(LineStore(Database(url)).claim, "01RACE") for _ in range(WORKERS)])
    assert wins.count(True) == 1


def test_a_claim_abandoned_by_a_dead_worker_is_retaken_but_a_finished_one_is_not(database: Database) -> None:
    store = LineStore(database)
    store.claim("01CRASHED")
    store.claim("01DONE")
    store.finish("01DONE")
    with database.session() as session:
        for event_id in ("01CRASHED", "01DONE"):
            row = session.get(LineWebhookEvent, event_id)
            assert row is not None
            row.claimed_at = datetime.now(UTC) - timedelta(minutes=60)
    assert store.claim("01CRASHED") is True
    assert store.claim("01CRASHED") is False
    assert store.claim("01DONE") is False


def test_an_unsent_line_message_deletes_its_logged_turn(database: Database) -> None:
    store, dialogue = LineStore(database), DialogueStore(database)
    store.set_language("line-s", "en")
    store.set_language("line-s", "vi")
    dialogue.record_turn(session_id="line-s", channel="line", lang="vi", source="fallback", user_text="xin chào",
                         bot_text="…")
    store.link_latest_turn(message_id="m1", session_id="line-s")
    assert store.language("line-s") == "vi"
    assert store.forget_message("m1") is True
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(ChatTurn)) == 0


def test_rate_limit_counts_per_window(database: Database) -> None:
    store = RateCounterStore(database)
    assert [store.hit("ip:a", window_start=60) for _ in range(3)] == [1, 2, 3]
    assert store.hit("ip:a", window_start=120) == 1
    assert store.hit("ip:b", window_start=120) == 1


def test_rate_limit_counts_every_hit_from_workers_at_once(url: str) -> None:
    Database(url).create_all()
    counts = at_once([partial(RateCounterStore(Database(url)).hit, "ip:x", window_start=60) for _ in range(WORKERS)])
    assert sorted(counts) == list(range(1, WORKERS + 1))


def test_admin_users_sign_in_and_keep_their_session(database: Database) -> None:
    store = AdminStore(database)
    user = store.create_user(username="suzuki", password="correct-horse-battery", role="editor")
    with pytest.raises(ValueError, match="すでに"):
        store.create_user(username="suzuki", password="another-password", role="viewer")
    assert store.authenticate("suzuki", "wrong-password") is None
    assert store.authenticate("suzuki", "correct-horse-battery") == user
    token, csrf = store.start_session(user)
    signed_in = store.session_user(token)
    assert signed_in is not None and (signed_in.user, signed_in.csrf_token) == (user, csrf)
    store.update_user("suzuki", active=False)
    assert store.session_user(token) is None


def test_revisions_keep_who_changed_what_newest_first(database: Database) -> None:
    store = RevisionStore(database)
    first = store.add(Change("faq", "gomi-moyasu", "create", "faq/gomi.yaml", "", "question: 燃えるごみ\n", "suzuki"))
    store.add(Change("faq", "gomi-moyasu", "update", "faq/gomi.yaml", "question: 燃えるごみ\n", "question: 可燃ごみ\n",
                     "tanaka"))
    history = store.history(target="gomi-moyasu")
    assert [r.change.author for r in history] == ["tanaka", "suzuki"]
    revision = store.get(first)
    assert revision is not None and revision.change.after == "question: 燃えるごみ\n"
    assert abs(revision.created_at - datetime.now(UTC)) < timedelta(minutes=1)


def test_counter_phrases_are_kept_once_per_counter(database: Database) -> None:
    store = CounterStore(database=database)
    phrase = store.add_phrase("shimin", "番号札を  お取りください")
    assert store.add_phrase("shimin", "番号札を お取りください") == phrase
    assert store.phrases("kosodate") == []
    assert store.remove_phrase("kosodate", phrase.id) is False
    assert store.remove_phrase("shimin", phrase.id) is True


def test_counter_usage_counts_every_event_from_workers_at_once(url: str) -> None:
    Database(url).create_all()
    at_once([partial(CounterStore(database=Database(url)).count, counter="shimin", lang="vi", event="start")
             for _ in range(WORKERS)])
    with Database(url).session() as session:
        assert session.scalar(select(CounterUsageRow.count)) == WORKERS
    assert [u.count for u in CounterStore(database=Database(url)).usage(days=1)] == [WORKERS]
