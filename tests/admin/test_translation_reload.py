"""Glossary and phrasebook edits reach translation at once: API, counter, chat and search."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

NEW_PHRASE = """
  - id: uketsuke-900
    side: staff
    ja: 三番の窓口で番号をお呼びします。
    translations:
      en: We will call your number at counter three.
      vi: Chúng tôi sẽ gọi số của anh/chị ở quầy số ba.
"""
NEW_TERM = """
  - id: spray-can-test
    ja: スプレー缶
    reading: すぷれーかん
    explanation: ガスの入った缶です。
    translations:
      en: {term: zorbleflux can, explanation: "A can with gas in it, such as hair spray."}
"""


def _append(client: TestClient, editor: dict[str, str], name: str, addition: str) -> None:
    current = client.get(f"/api/admin/files/{name}").json()
    saved = client.put(f"/api/admin/files/{name}", headers=editor,
                       json={"text": current["text"].rstrip("\n") + "\n" + addition, "version": current["version"]})
    assert saved.status_code == 200, saved.text


def _translate(client: TestClient, path: str, text: str, target: str) -> dict[str, Any]:
    response = client.post(path, json={"text": text, "source": "ja", "target": target})
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def test_saved_phrase_is_translated_by_api_counter_and_chat_without_restart(
        app: FastAPI, client: TestClient, editor: dict[str, str]) -> None:
    phrase = "三番の窓口で番号をお呼びします。"
    assert _translate(client, "/api/translate", phrase, "en")["origin"] != "phrasebook"  # service now built
    client.post("/api/chat", json={"session_id": "s1", "text": "こんにちは"})  # the dialogue's translator too

    _append(client, editor, "phrasebook/uketsuke.yaml", NEW_PHRASE)

    api = _translate(client, "/api/translate", phrase, "en")
    counter = _translate(client, "/api/counter/translate", phrase, "vi")
    chat = app.state.dialogue_context.translator.translate(phrase, target="en", source="ja")
    assert (api["origin"], api["text"]) == ("phrasebook", "We will call your number at counter three.")
    assert (counter["origin"], counter["text"]) == ("phrasebook", "Chúng tôi sẽ gọi số của anh/chị ở quầy số ba.")
    assert chat.origin == "phrasebook" and chat.text == "We will call your number at counter three."


def test_saved_glossary_term_reaches_translation_and_the_cross_language_search(
        client: TestClient, editor: dict[str, str]) -> None:
    def top_hit() -> str | None:
        hits = client.get("/api/faq/search", params={"q": "zorbleflux can", "lang": "en"}).json()["hits"]
        return hits[0]["id"] if hits else None

    assert _translate(client, "/api/translate", "スプレー缶", "en")["text"] != "zorbleflux can"
    before = top_hit()

    _append(client, editor, "glossary.yaml", NEW_TERM)

    term = _translate(client, "/api/translate", "スプレー缶", "en")
    assert (term["origin"], term["text"]) == ("glossary", "zorbleflux can")
    assert top_hit() == "gomi-spray" != before
