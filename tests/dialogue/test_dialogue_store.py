from __future__ import annotations

from pathlib import Path

from storage.db import Database
from storage.dialogue import DialogueStore


def test_feedback_is_summarised_per_faq_for_the_admin_report(tmp_path: Path) -> None:
    store = DialogueStore(Database(f"sqlite:///{tmp_path / 'db.sqlite'}"))
    for helpful in (True, True, False):
        store.record(session_id="s", faq_id="gomi-petbottle", helpful=helpful, comment=None, lang="ja")
    store.record(session_id="s", faq_id=None, helpful=False, comment="情報が古い", lang="en")
    summary = store.feedback_summary()
    assert summary["gomi-petbottle"] == {"helpful": 2, "not_helpful": 1}
    assert store.feedback(limit=1)[0].comment == "情報が古い"


def test_chat_turns_are_stored(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store = DialogueStore(database)
    store.record_turn(session_id="s", channel="line", lang="ja", source="fallback",
                      user_text="電話は[電話番号]", bot_text="はい")
    with database.session() as session:
        from storage.dialogue import ChatTurn

        turn = session.query(ChatTurn).one()
    assert (turn.channel, turn.source, turn.user_text) == ("line", "fallback", "電話は[電話番号]")
