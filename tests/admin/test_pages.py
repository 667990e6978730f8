"""What editors do on the admin pages: find, create, try a question, edit the other data files."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

NEW_ENTRY = {
    "id": "gomi-sodai", "question": "粗大ごみはどう出しますか？",
    "alternatives": ["粗大ごみの出し方", "大きいごみ 捨て方"],
    "answer": "粗大ごみは電話で申し込んでください。", "department": "gomi",
    "url": "https://www.city.test.example.jp/sodai.html", "updated": "2026-05-01", "keywords": ["粗大ごみ"],
}


def test_faq_list_searches_words_and_filters_by_category(client: TestClient, editor: dict[str, str]) -> None:
    found = client.get("/admin/faq", params={"q": "すぷれー"}).text  # kana-folded search
    assert "スプレー缶はどう捨てますか？" in found and "住民票の写しを取りたい" not in found
    only = client.get("/admin/faq", params={"category": "住民票"}).text
    assert "住民票の写しを取りたい" in only and "スプレー缶" not in only


def test_new_entry_is_created_in_its_category_and_answers_at_once(client: TestClient, editor: dict[str, str],
                                                                  city: Path) -> None:
    missing = {**NEW_ENTRY, "answer": ""}
    check = client.post("/api/admin/faq/check", headers=editor, json={"fields": missing, "file": "faq/gomi.yaml"})
    assert any(p["field"] == "answer" for p in check.json()["problems"])
    created = client.post("/api/admin/faq", headers=editor, json={"fields": NEW_ENTRY, "file": "faq/gomi.yaml"})
    assert created.status_code == 201
    assert "id: gomi-sodai" in (city / "faq" / "gomi.yaml").read_text(encoding="utf-8")
    body = client.get("/api/faq/search", params={"q": "粗大ごみの出し方を教えて"}).json()
    assert body["hits"][0]["id"] == "gomi-sodai"


def test_try_a_question_shows_the_ranking_with_scores_signals_and_decision(
        client: TestClient, editor: dict[str, str]) -> None:
    body = client.get("/api/admin/try", params={"q": "燃えるごみは何曜日？"}).json()
    assert body["decision"] == "confident"
    assert body["hits"][0]["id"] == "gomi-moyasu" and body["hits"][0]["score"] > body["hits"][1]["score"]
    assert "q_words" in body["hits"][0]["signals"]


def test_synonyms_are_edited_safely_and_used_by_search(client: TestClient, editor: dict[str, str],
                                                       city: Path) -> None:
    opened = client.get("/api/admin/files/synonyms.yaml").json()
    assert client.get("/api/faq/search", params={"q": "ちり"}).json()["decision"] == "no_answer"
    broken = client.put("/api/admin/files/synonyms.yaml", headers=editor,
                        json={"text": "synonyms:\n  - [ごみ, ちり\n", "version": opened["version"]})
    assert broken.status_code == 422 and "行目" in broken.json()["problems"][0]["message"]
    text = opened["text"].replace("  - [ごみ, ゴミ]", "  - [ごみ, ゴミ, ちり]")
    saved = client.put("/api/admin/files/synonyms.yaml", headers=editor,
                       json={"text": text, "version": opened["version"]})
    assert saved.status_code == 200
    assert client.get("/api/faq/search", params={"q": "燃えるちりは何曜日"}).json()["hits"][0]["id"] == "gomi-moyasu"
    stale = client.put("/api/admin/files/synonyms.yaml", headers=editor,
                       json={"text": opened["text"], "version": opened["version"]})
    assert stale.status_code == 409
    assert "ちり" in (city / "synonyms.yaml").read_text(encoding="utf-8")


def test_glossary_and_phrasebook_are_checked_before_saving(client: TestClient, editor: dict[str, str]) -> None:
    glossary = client.get("/api/admin/files/glossary.yaml").json()
    bad = glossary["text"].replace("reading:", "yomi:", 1)
    problems = client.post("/api/admin/files-check/glossary.yaml", headers=editor, json={"text": bad}).json()
    assert any("reading がありません" in p["message"] for p in problems["problems"])
    assert client.post("/api/admin/files-check/glossary.yaml", headers=editor,
                       json={"text": glossary["text"]}).json()["problems"] == []
    phrases = client.get("/api/admin/files/phrasebook/uketsuke.yaml").json()
    assert client.post("/api/admin/files-check/phrasebook/uketsuke.yaml", headers=editor,
                       json={"text": phrases["text"]}).json()["problems"] == []
    assert client.get("/api/admin/files/departments.yaml").status_code == 404  # only the editable files


def test_file_history_rolls_back(client: TestClient, editor: dict[str, str], city: Path) -> None:
    opened = client.get("/api/admin/files/synonyms.yaml").json()
    client.put("/api/admin/files/synonyms.yaml", headers=editor,
               json={"text": opened["text"] + "  - [転居, 引っ越し]\n", "version": opened["version"]})
    revision = client.get("/api/admin/history", params={"target": "synonyms.yaml"}).json()[0]
    assert "+  - [転居, 引っ越し]" in revision["diff"]
    assert client.post(f"/api/admin/revisions/{revision['id']}/rollback", headers=editor).status_code == 200
    assert (city / "synonyms.yaml").read_text(encoding="utf-8") == opened["text"]


def test_faq_from_a_report_starts_with_the_residents_wordings(client: TestClient, editor: dict[str, str]) -> None:
    page = client.get("/admin/faq-new", params={"question": "宇宙旅行の補助金", "alt": ["宇宙旅行 補助"]}).text
    assert 'value="宇宙旅行の補助金"' in page
    assert "宇宙旅行の補助金\n宇宙旅行 補助</textarea>" in page
