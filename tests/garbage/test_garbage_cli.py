from pathlib import Path

from typer.testing import CliRunner

from app.cli_garbage import garbage_app

from .conftest import SHIPPED, write_city

runner = CliRunner()


def test_validate_shipped_data_passes() -> None:
    result = runner.invoke(garbage_app, ["validate", str(SHIPPED)])
    assert result.exit_code == 0, result.output
    assert "エラー 0 件" in result.output


def test_validate_fails_with_file_and_line(tmp_path: Path) -> None:
    city = write_city(tmp_path, area_days="地名,センター,燃やすごみ\n若葉町,,毎週月\n")
    result = runner.invoke(garbage_app, ["validate", str(city)])
    assert result.exit_code == 1
    assert "area_days.csv:2: error:" in result.output


def test_next_prints_dates_for_a_kana_area() -> None:
    result = runner.invoke(garbage_app, ["next", "さくらだい2", "--date", "2026-11-22",
                                         "--category", "資源ごみ", "--data", str(SHIPPED)])
    assert result.exit_code == 0, result.output
    assert "桜台二丁目" in result.output and "資源（毎週木曜日）: 11月26日（木）" in result.output


def test_next_with_ambiguous_area_lists_candidates() -> None:
    result = runner.invoke(garbage_app, ["next", "さくらだい", "--data", str(SHIPPED)])
    assert result.exit_code == 2
    assert "桜台一丁目" in result.output and "桜台三丁目" in result.output


def test_item_prints_category_and_notes() -> None:
    result = runner.invoke(garbage_app, ["item", "すぷれー缶", "--data", str(SHIPPED)])
    assert result.exit_code == 0
    assert "スプレー缶（エアゾール缶）" in result.output and "びん・缶" in result.output


def test_import_normalises_a_cp932_sorting_list_with_other_column_names(tmp_path: Path) -> None:
    city = write_city(tmp_path / "city")
    (city / "items.csv").unlink()
    source = tmp_path / "gomi_bunbetsu.csv"
    source.write_bytes("ごみの品目,ごみの品目_カナ,分別区分,出し方のポイント\n"
                       "新聞,シンブン,資源,ひもでしばる\nたんす,タンス,粗大ごみ,\n".encode("cp932"))
    result = runner.invoke(garbage_app, ["import", str(source), "--to", str(city),
                                         "--code", "999991"])
    assert result.exit_code == 0, result.output
    assert "items（文字コード cp932、2 行）" in result.output
    written = (city / "items.csv").read_text(encoding="utf-8")
    assert written.splitlines()[0].startswith("全国地方公共団体コード,ID,品目,分別区分,注意点")
    assert "999991,0001,新聞,資源,ひもでしばる" in written


def test_import_without_city_code_explains_what_to_add(tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text("品目,分別区分\n新聞,資源\n", encoding="utf-8-sig")
    result = runner.invoke(garbage_app, ["import", str(source), "--to", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "--code" in result.output


def test_import_bom_area_days_keeps_the_calendar_working(tmp_path: Path) -> None:
    city = write_city(tmp_path / "city")
    source = tmp_path / "area_days_2027.csv"
    source.write_bytes("地名,センター,燃やすごみ,燃やさないごみ,資源\n若葉町,東センター,火 金,水1,金\n"
                       .encode("utf-8-sig"))
    result = runner.invoke(garbage_app, ["import", str(source), "--to", str(city)])
    assert result.exit_code == 0, result.output
    assert (city / "area_days.csv").read_bytes().startswith("地名".encode())
