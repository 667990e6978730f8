"""Reports: turns recorded with their decision, unanswered questions grouped, charts and CSV."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import cli
from knowledge.question_groups import group_questions
from storage.dialogue import AnswerFeedback, ChatTurn, DialogueStore
from storage.retention import purge_older_than

from .conftest import add_user, sign_in


def chat(client: TestClient, text: str, session: str = "r1", channel: str = "web") -> None:
    assert client.post("/api/chat", json={"session_id": session, "text": text, "channel": channel}).status_code == 200


def test_similar_unanswered_questions_form_one_group() -> None:
    groups = group_questions(["粗大ごみの申し込み方法", "粗大ゴミの申込み方法は？", "粗大ごみ 申し込み方法",
                              "犬の登録はどこで", "犬の登録どこでする"])
    assert [g.count for g in groups] == [3, 2]
    assert groups[0].representative.startswith("粗大")


def test_chat_turns_are_recorded_with_decision_category_and_faq(app: FastAPI, client: TestClient) -> None:
    chat(client, "燃えるごみは何曜日？")
    chat(client, "宇宙旅行の補助金はありますか", channel="line")
    with app.state.database.session() as session:
        turns = {t.user_text: t for t in session.query(ChatTurn).all()}
    answered = turns["燃えるごみは何曜日？"]
    assert (answered.decision, answered.category, answered.faq_id) == ("answered", "ごみ", "gomi-moyasu")
    assert turns["宇宙旅行の補助金はありますか"].decision == "no_answer"
    assert turns["宇宙旅行の補助金はありますか"].channel == "line"


def test_report_page_groups_unanswered_questions_with_a_chart_and_csv(app: FastAPI, client: TestClient) -> None:
    for text in ("宇宙旅行の補助金はありますか", "宇宙旅行の補助金は？", "宇宙旅行 補助金", "燃えるごみは何曜日？"):
        chat(client, text)
    add_user(app, "editor9", "editor")
    sign_in(client, "editor9")
    page = client.get("/admin/reports").text
    assert "<svg" in page and "回答できなかった質問" in page
    assert "宇宙旅行の補助金" in page
    csv_text = client.get("/admin/reports/unanswered.csv").content
    assert csv_text.startswith(b"\xef\xbb\xbf")
    first_row = csv_text.decode("utf-8-sig").splitlines()[1]
    assert first_row.split(",")[1] == "3"  # three wordings, one group
    assert "alt=" in page  # "create an FAQ from this" carries the other wordings as alternatives
    assert ",4,1,25.0%" in client.get("/admin/reports/answer_rate.csv").content.decode("utf-8-sig")


def test_bad_feedback_is_attributed_to_the_answer_before_it(app: FastAPI, client: TestClient) -> None:
    chat(client, "燃えるごみは何曜日？", session="fb1")
    chat(client, '/feedback{"feedback_value": "bad"}', session="fb1")
    add_user(app, "viewer8", "viewer")
    sign_in(client, "viewer8")
    rows = client.get("/admin/reports/bad_answers.csv").content.decode("utf-8-sig").splitlines()
    assert rows[1].startswith("gomi-moyasu,燃やすごみの収集日はいつですか？,1")


def test_retention_deletes_only_old_records(app: FastAPI, client: TestClient) -> None:
    store = DialogueStore(app.state.database)
    store.record_turn(session_id="old", channel="web", lang="ja", source="fallback", user_text="古い", bot_text="")
    store.record_turn(session_id="new", channel="web", lang="ja", source="fallback", user_text="新しい", bot_text="")
    store.record(session_id="old", faq_id=None, helpful=False, comment=None, lang="ja")
    with app.state.database.session() as session:
        long_ago = datetime.now(UTC) - timedelta(days=400)
        session.query(ChatTurn).filter(ChatTurn.session_id == "old").update({"created_at": long_ago})
        session.query(AnswerFeedback).update({"created_at": long_ago})
    counts = purge_older_than(app.state.database, days=365)
    assert counts["chat_turns"] == 1 and counts["answer_feedback"] == 1
    with app.state.database.session() as session:
        assert [t.user_text for t in session.query(ChatTurn).all()] == ["新しい"]


def test_cli_creates_the_first_admin_who_can_sign_in(app: FastAPI, client: TestClient, city: Path,
                                                    monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setenv("MADOGUCHI_DATA_DIR", str(city))
    monkeypatch.setenv("MADOGUCHI_VAR_DIR", str(city.parent / "var"))
    result = CliRunner().invoke(cli, ["admin", "create-user", "chief", "--role", "admin", "--password-stdin"],
                                input="correct-horse-battery\n")
    assert result.exit_code == 0, result.output
    assert sign_in(client, "chief")
    assert client.get("/admin/users").status_code == 200
    purge = CliRunner().invoke(cli, ["admin", "purge", "--days", "30"])
    assert purge.exit_code == 0 and "chat_turns=" in purge.output


def test_a_database_from_before_the_report_columns_gets_them(tmp_path: Path) -> None:
    import sqlite3

    from storage.db import Database

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE chat_turns (id INTEGER PRIMARY KEY, created_at DATETIME, session_id VARCHAR(128),"
                    " channel VARCHAR(32), lang VARCHAR(16), source VARCHAR(16), user_text TEXT, bot_text TEXT)")
    store = DialogueStore(Database(f"sqlite:///{path}"))
    store.record_turn(session_id="a", channel="web", lang="ja", source="fallback", user_text="t", bot_text="b",
                      decision="no_answer", category=None, faq_id=None)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT decision FROM chat_turns").fetchall() == [("no_answer",)]
