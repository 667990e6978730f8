"""The one writer: stale saves get 409, crashes never leave a broken file, comments survive."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from knowledge.editing.errors import Rejected, StaleVersion
from knowledge.editing.writer import KnowledgeWriter
from knowledge.faq_loader import load_faq
from knowledge.yaml_io import parse_yaml

REPO = Path(__file__).resolve().parents[2]


def test_second_editor_with_a_stale_version_gets_409_and_nothing_is_overwritten(
        client: TestClient, editor: dict[str, str]) -> None:
    opened = client.get("/api/admin/faq/gomi-moyasu").json()  # both editors open the same entry
    first = {**opened["fields"], "answer": "編集者Aの回答です。"}
    second = {**opened["fields"], "answer": "編集者Bの回答です。"}
    ok = client.put("/api/admin/faq/gomi-moyasu", headers=editor, json={"fields": first, "version": opened["version"]})
    assert ok.status_code == 200
    stale = client.put("/api/admin/faq/gomi-moyasu", headers=editor,
                       json={"fields": second, "version": opened["version"]})
    assert stale.status_code == 409
    assert "先に保存" in stale.json()["detail"]
    assert client.get("/api/admin/faq/gomi-moyasu").json()["fields"]["answer"] == "編集者Aの回答です。"


def test_saved_answer_is_used_by_search_at_once(client: TestClient, editor: dict[str, str]) -> None:
    entry = client.get("/api/admin/faq/gomi-moyasu").json()
    fields = {**entry["fields"], "answer": "燃やすごみは月曜と木曜です。"}
    started = time.monotonic()
    client.put("/api/admin/faq/gomi-moyasu", headers=editor, json={"fields": fields, "version": entry["version"]})
    top = client.get("/api/faq/search", params={"q": "燃えるごみは何曜日？"}).json()["hits"][0]
    assert top["answer"] == "燃やすごみは月曜と木曜です。"
    assert time.monotonic() - started < 2.0


def test_invalid_entry_is_shown_per_field_and_not_written(client: TestClient, editor: dict[str, str],
                                                         city: Path) -> None:
    before = (city / "faq" / "gomi.yaml").read_text(encoding="utf-8")
    entry = client.get("/api/admin/faq/gomi-moyasu").json()
    bad = {**entry["fields"], "url": "www.example.jp", "updated": "2026/4/1", "department": "gomii"}
    check = client.post("/api/admin/faq/check", params={"entry_id": "gomi-moyasu"}, headers=editor,
                        json={"fields": bad}).json()
    assert {p["field"] for p in check["problems"]} >= {"url", "updated", "department"}
    assert any("'gomi' ではありませんか" in p["hint"] for p in check["problems"])
    response = client.put("/api/admin/faq/gomi-moyasu", headers=editor,
                          json={"fields": bad, "version": entry["version"]})
    assert response.status_code == 422
    assert (city / "faq" / "gomi.yaml").read_text(encoding="utf-8") == before


def test_edit_keeps_the_admins_comments_and_translations(city: Path) -> None:
    path = city / "faq" / "gomi.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - id: gomi-spray", "  # 4月に料金改定の予定（担当: 山田）\n  - id: gomi-spray"), encoding="utf-8")
    writer = KnowledgeWriter(data_dir=city)
    view = writer.entry("gomi-moyasu")
    assert view is not None
    writer.save("gomi-moyasu", {**view.fields, "answer": "新しい回答"}, version=view.version, author="t")
    text = path.read_text(encoding="utf-8")
    assert "# 4月に料金改定の予定（担当: 山田）" in text
    assert "When is burnable garbage collected?" in text  # translations were not in the form
    assert not load_faq(city).errors


def test_create_refuses_an_id_that_exists(city: Path) -> None:
    writer = KnowledgeWriter(data_dir=city)
    view = writer.entry("gomi-moyasu")
    assert view is not None
    with pytest.raises(Rejected) as refused:
        writer.create(dict(view.fields), file=city / "faq" / "juminhyo.yaml", author="t")
    assert any(p.field == "id" for p in refused.value.problems)


def test_stale_version_on_delete_is_refused(city: Path) -> None:
    writer = KnowledgeWriter(data_dir=city)
    with pytest.raises(StaleVersion):
        writer.delete("gomi-moyasu", version="0000", author="t")
    assert writer.entry("gomi-moyasu") is not None


def test_history_shows_the_diff_and_rollback_restores_the_answer(client: TestClient, editor: dict[str, str]) -> None:
    entry = client.get("/api/admin/faq/gomi-moyasu").json()
    original = entry["fields"]["answer"]
    client.put("/api/admin/faq/gomi-moyasu", headers=editor,
               json={"fields": {**entry["fields"], "answer": "まちがった回答"}, "version": entry["version"]})
    history = client.get("/api/admin/history", params={"target": "gomi-moyasu"}).json()
    assert history[0]["author"] == "editor1" and "+answer: まちがった回答" in history[0]["diff"]
    assert client.post(f"/api/admin/revisions/{history[0]['id']}/rollback", headers=editor).status_code == 200
    assert client.get("/api/admin/faq/gomi-moyasu").json()["fields"]["answer"] == original
    top = client.get("/api/faq/search", params={"q": "燃えるごみは何曜日？"}).json()["hits"][0]
    assert top["answer"] == original


def test_deleted_entry_comes_back_with_rollback(client: TestClient, editor: dict[str, str]) -> None:
    entry = client.get("/api/admin/faq/gomi-spray").json()
    assert client.delete("/api/admin/faq/gomi-spray", params={"version": entry["version"]},
                         headers=editor).status_code == 200
    assert client.get("/api/admin/faq/gomi-spray").status_code == 404
    assert "削除されています" in client.get("/admin/faq/gomi-spray").text  # its history stays reachable
    revision = client.get("/api/admin/history", params={"target": "gomi-spray"}).json()[0]
    client.post(f"/api/admin/revisions/{revision['id']}/rollback", headers=editor)
    assert client.get("/api/admin/faq/gomi-spray").json()["fields"] == entry["fields"]


def test_crash_between_write_and_rename_leaves_the_old_file(city: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = city / "faq" / "gomi.yaml"
    before = path.read_text(encoding="utf-8")
    writer = KnowledgeWriter(data_dir=city)
    view = writer.entry("gomi-moyasu")
    assert view is not None

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        writer.save("gomi-moyasu", {**view.fields, "answer": "x" * 10}, version=view.version, author="t")
    assert path.read_text(encoding="utf-8") == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


SAVE_LOOP = textwrap.dedent("""
    import sys
    from pathlib import Path
    from knowledge.editing.writer import KnowledgeWriter
    writer = KnowledgeWriter(data_dir=Path(sys.argv[1]))
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        view = writer.entry("gomi-moyasu")
        writer.save("gomi-moyasu", {**view.fields, "answer": f"回答 {n} " + "長い文章。" * 4000},
                    version=view.version, author="crash-test")
""")


@pytest.mark.slow
def test_process_killed_during_saves_leaves_a_file_that_parses(city: Path) -> None:
    path = city / "faq" / "gomi.yaml"
    for delay in (0.3, 0.55, 0.8, 1.1):
        child = subprocess.Popen([sys.executable, "-c", SAVE_LOOP, str(city)], cwd=REPO, stdout=subprocess.PIPE)
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        doc = parse_yaml(path.read_text(encoding="utf-8"), str(path))  # never half a file
        assert [e["id"] for e in doc["entries"]] == ["gomi-moyasu", "gomi-spray"]
        assert not load_faq(city).errors
