"""The counter tablet's API: languages, set phrases, staff phrases, interpreter, anonymous counts."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import text

from app.settings import Settings
from storage.counter import CounterStore
from storage.db import Database


def test_config_lists_every_resident_language_in_its_own_script(client: TestClient) -> None:
    languages = {item["code"]: item for item in client.get("/api/counter/config").json()["languages"]}
    assert languages["vi"]["endonym"] == "Tiếng Việt" and languages["vi"]["name_ja"] == "ベトナム語"
    assert languages["ne"]["endonym"] == "नेपाली" and languages["th"]["endonym"] == "ไทย"
    assert languages["ja-easy"]["endonym"] == "やさしい日本語"
    assert "ja" not in languages  # the staff's language is not a resident choice


def test_without_a_model_the_grid_says_which_package_is_missing(client: TestClient) -> None:
    languages = {item["code"]: item for item in client.get("/api/counter/config").json()["languages"]}
    assert languages["vi"]["mt_to"] is None and languages["vi"]["phrases"] > 100
    assert "translate-ja_vi" in languages["vi"]["missing_packages"]


def test_language_pack_has_quick_replies_and_strings_in_the_residents_language(client: TestClient) -> None:
    pack = client.get("/api/counter/languages/vi").json()
    replies = {r["ja"]: r["text"] for r in pack["replies"]}
    assert replies["はい。"] == "Vâng." and replies["わかりません。"] == "Tôi không hiểu."
    assert pack["strings"]["send"] == "Gửi" and pack["speech"] == "vi-VN"
    genres = {g["slug"]: g for g in pack["genres"]}
    assert "replies" not in genres and genres["uketsuke"]["name"] == "受付・案内"


def test_traditional_chinese_reader_sees_set_phrases_in_traditional_characters(client: TestClient) -> None:
    pack = client.get("/api/counter/languages/zh-Hant").json()
    uketsuke = next(g for g in pack["genres"] if g["slug"] == "uketsuke")
    ticket = next(p for p in uketsuke["phrases"] if p["ja"] == "番号札をお取りになって、お待ちください。")
    assert ticket["text_lang"] == "zh-Hant" and "號" in ticket["text"] and "号" not in ticket["text"]
    replies = {r["ja"]: (r["text"], r["text_lang"]) for r in pack["replies"]}
    assert replies["ありがとうございます。"] == ("謝謝。", "zh-Hant")
    assert {lang for _, lang in replies.values()} == {"zh-Hant"}
    assert all(g["phrases"] and all(p["text_lang"] == "zh-Hant" for p in g["phrases"]) for g in pack["genres"])


def test_set_phrase_said_to_a_traditional_chinese_reader_is_the_traditional_human_translation(
    client: TestClient,
) -> None:
    body = client.post("/api/counter/translate", json={
        "text": "本人確認書類をお持ちですか。", "source": "ja", "target": "zh-Hant", "kind": "staff_phrase"}).json()
    assert body["origin"] == "phrasebook" and "身分證明文件" in body["translation"] and "证" not in body["translation"]


def test_set_phrase_is_a_human_translation_with_term_explanations_for_both(client: TestClient) -> None:
    body = client.post("/api/counter/translate", json={
        "text": "住民票の写しは1通300円です。", "source": "ja", "target": "vi", "kind": "staff_phrase"}).json()
    assert body["origin"] == "phrasebook" and body["label"] == "Bản dịch của người"
    term = next(t for t in body["terms"] if t["id"] == "juminhyo-no-utsushi")
    assert term["explanation_ja"].startswith("住んでいる") and term["reading"] == "じゅうみんひょうのうつし"
    assert term["term"].lower() in body["translation"].lower()


def test_free_text_without_a_model_falls_back_with_notes_for_both_sides(client: TestClient) -> None:
    body = client.post("/api/counter/translate", json={
        "text": "来週の月曜日にもう一度来てください。", "source": "ja", "target": "pt-BR"}).json()
    assert body["fallback"] and body["translation"] == "来週の月曜日にもう一度来てください。"
    assert "japonês" in body["note"] and "translate-ja_pb" in body["staff_notes"][0]


def test_staff_phrases_are_kept_per_counter(client: TestClient) -> None:
    added = client.post("/api/counter/phrases", json={"counter": "shimin", "ja": "2階の5番窓口へどうぞ。"})
    assert added.status_code == 201
    assert [p["ja"] for p in client.get("/api/counter/phrases?counter=shimin").json()["phrases"]] == [
        "2階の5番窓口へどうぞ。"]
    assert client.get("/api/counter/phrases?counter=koseki").json()["phrases"] == []
    assert client.delete(f"/api/counter/phrases/{added.json()['id']}?counter=koseki").status_code == 404
    assert client.delete(f"/api/counter/phrases/{added.json()['id']}?counter=shimin").status_code == 204
    assert client.get("/api/counter/phrases?counter=shimin").json()["phrases"] == []


def test_registering_the_same_phrase_twice_keeps_one(client: TestClient) -> None:
    for _ in range(2):
        client.post("/api/counter/phrases", json={"counter": "shimin", "ja": "少々お待ちください。"})
    assert len(client.get("/api/counter/phrases?counter=shimin").json()["phrases"]) == 1


def test_unknown_counter_is_refused_naming_the_value(client: TestClient) -> None:
    response = client.post("/api/counter/phrases", json={"counter": "nowhere", "ja": "こんにちは"})
    assert response.status_code == 422 and "'nowhere'" in response.json()["detail"]


def test_usage_is_counted_without_any_text(client: TestClient, settings: Settings) -> None:
    client.post("/api/counter/translate", json={
        "text": "電話番号は090-1234-5678ですね。", "source": "ja", "target": "vi", "counter": "shimin"})
    client.post("/api/counter/events", json={"event": "interpreter", "lang": "vi", "counter": "shimin"})
    usage = CounterStore(database=Database(settings.sqlalchemy_url)).usage()  # the API is for signed-in admins
    counts = {(c.event, c.lang): c.count for c in usage}
    assert counts[("staff_text", "vi")] == 1 and counts[("interpreter", "vi")] == 1
    assert counts[("no_model", "vi")] == 1
    with Database(settings.sqlalchemy_url).engine.connect() as db:
        dump = " ".join(str(row) for table in ("counter_usage", "counter_phrases")
                        for row in db.execute(text(f"SELECT * FROM {table}")))
    assert "5678" not in dump and "電話" not in dump


def test_an_event_that_is_not_a_known_count_is_refused(client: TestClient) -> None:
    response = client.post("/api/counter/events", json={"event": "my name is Tanaka", "lang": "vi"})
    assert response.status_code == 422


def test_interpreter_hours_are_given_per_language_for_resident_and_staff(client: TestClient) -> None:
    vi = client.get("/api/counter/languages/vi").json()["interpreter"]
    assert vi["available"] and vi["phone"] == "012-345-6790"
    assert vi["hours"] == "Ngày thường 8:30-17:15" and vi["hours_ja"] == "平日 8:30〜17:15"
    easy = client.get("/api/counter/languages/ja-easy").json()["interpreter"]
    assert not easy["available"] and easy["phone"] == "012-345-6790"


def test_counter_page_and_assets_are_served_from_the_app_only(client: TestClient) -> None:
    page = client.get("/counter")
    assert page.status_code == 200 and "窓口通訳" in page.text
    for name in ("main.js", "render.js", "counter.css"):
        asset = client.get(f"/counter/static/{name}")
        assert asset.status_code == 200
        assert "https://" not in asset.text and "http://" not in asset.text  # no CDN, no web fonts


def test_asset_route_serves_nothing_outside_the_counter_folder(client: TestClient) -> None:
    assert client.get("/counter/static/..%2Fconfig.py").status_code == 404
    assert client.get("/counter/static/strings.yaml").status_code == 404
