"""CSV for Excel users: UTF-8 BOM out, UTF-8 BOM and CP932 in, a preview first, formulas defused."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from knowledge.editing.writer import KnowledgeWriter
from knowledge.faq_csv import apply_import, escape_cell, export_csv, plan_import, unescape_cell


def _edited(csv_text: str) -> str:
    return csv_text.replace("朝8時30分までに集積所へ出してください。", "朝8時までに出してください（CSVで修正）。")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932"])
def test_csv_round_trip_in_both_encodings(city: Path, encoding: str) -> None:
    exported = export_csv(city)
    assert exported.startswith(b"\xef\xbb\xbf")
    writer = KnowledgeWriter(data_dir=city)
    unchanged = plan_import(writer, exported)
    assert unchanged.ok and unchanged.counts()["same"] == len(unchanged.rows) == 5
    edited = _edited(exported.decode("utf-8-sig")).encode(encoding)
    plan = plan_import(writer, edited)
    assert plan.counts() == {"create": 0, "update": 1, "same": 4, "error": 0}
    assert [row.changed for row in plan.rows if row.action == "update"] == [["answer"]]
    assert apply_import(writer, plan, author="t") == 1
    view = writer.entry("gomi-moyasu")
    assert view is not None and "CSVで修正" in view.fields["answer"]
    assert view.fields["alternatives"] == ["燃えるごみって何曜日？", "生ごみはいつ出す"]  # lists survive the cell
    assert plan_import(writer, edited).counts()["same"] == 5


def test_preview_writes_nothing_and_shows_errors(city: Path) -> None:
    before = (city / "faq" / "gomi.yaml").read_bytes()
    text = export_csv(city).decode("utf-8-sig").replace("2026-04-01", "2026年4月1日", 1)
    plan = plan_import(KnowledgeWriter(data_dir=city), text.encode("utf-8-sig"))
    assert not plan.ok
    assert any("日付" in p.message for row in plan.rows for p in row.problems)
    assert (city / "faq" / "gomi.yaml").read_bytes() == before


def test_new_row_goes_into_its_categorys_file(city: Path) -> None:
    row = ('gomi-kaden,ごみ,テレビはどう捨てますか？,"テレビの捨て方\nテレビ 処分",家電リサイクル法の対象です。,'
           "gomi,https://www.city.test.example.jp/kaden.html,2026-05-01,テレビ")
    data = (export_csv(city).decode("utf-8-sig") + row + "\r\n").encode("cp932")
    writer = KnowledgeWriter(data_dir=city)
    plan = plan_import(writer, data)
    assert plan.counts()["create"] == 1
    apply_import(writer, plan, author="t")
    view = writer.entry("gomi-kaden")
    assert view is not None and view.file == "faq/gomi.yaml" and view.fields["keywords"] == ["テレビ"]


def test_cp932_round_trip_keeps_the_wave_dash(city: Path) -> None:
    path = city / "faq" / "gomi.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("朝8時30分までに", "朝8時〜8時30分に"), encoding="utf-8")
    exported = export_csv(city).decode("utf-8-sig")
    edited = exported.replace("有害ごみ", "危険ごみ").encode("cp932")  # Excel's 〜 comes back as ～
    writer = KnowledgeWriter(data_dir=city)
    plan = plan_import(writer, edited)
    assert [row.entry_id for row in plan.rows if row.action == "update"] == ["gomi-spray"]
    apply_import(writer, plan, author="t")
    assert "朝8時〜8時30分に" in path.read_text(encoding="utf-8")


def test_characters_excel_cannot_save_in_cp932_are_kept(city: Path) -> None:
    path = city / "faq" / "gomi.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("透明な袋", "10㎥までの透明な袋"), encoding="utf-8")
    exported = export_csv(city).decode("utf-8-sig")
    plan = plan_import(KnowledgeWriter(data_dir=city), exported.encode("cp932", errors="replace"))
    assert plan.ok and plan.counts()["update"] == 0
    assert any("?" in p.message and p.severity == "warning" for row in plan.rows for p in row.problems)


def test_preview_shows_each_changed_cell_before_and_after(city: Path) -> None:
    exported = export_csv(city).decode("utf-8-sig")
    plan = plan_import(KnowledgeWriter(data_dir=city), _edited(exported).encode("utf-8-sig"))
    row = next(row for row in plan.rows if row.action == "update")
    details = row.to_dict()["before_after"]
    assert details[0]["column"] == "回答" and "CSVで修正" in details[0]["after"]
    assert "CSVで修正" not in details[0]["before"]


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://evil\")", "+1", "-2+3", "@SUM(A1)"])
def test_formula_cells_are_escaped_on_export_and_restored_on_import(cell: str) -> None:
    assert escape_cell(cell).startswith("'")
    assert unescape_cell(escape_cell(cell)) == cell


def test_exported_csv_escapes_a_formula_in_an_answer(city: Path) -> None:
    path = city / "faq" / "gomi.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "answer: 中身を使い切り", "answer: =中身を使い切り"), encoding="utf-8")
    assert ",'=中身を使い切り" in export_csv(city).decode("utf-8-sig")


def test_import_through_the_admin_api_previews_then_applies(client: TestClient, editor: dict[str, str],
                                                            city: Path) -> None:
    exported = client.get("/api/admin/export.csv").content
    edited = _edited(exported.decode("utf-8-sig")).encode("cp932")
    files = {"file": ("faq.csv", edited, "text/csv")}
    preview = client.post("/api/admin/import/preview", headers=editor, files=files).json()
    assert preview["counts"]["update"] == 1
    assert "CSVで修正" not in (city / "faq" / "gomi.yaml").read_text(encoding="utf-8")
    applied = client.post("/api/admin/import/apply", headers=editor, files=files)
    assert applied.status_code == 200 and applied.json()["changed"] == 1
    top = client.get("/api/faq/search", params={"q": "燃えるごみは何曜日？"}).json()["hits"][0]
    assert "CSVで修正" in top["answer"]
