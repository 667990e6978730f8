from pathlib import Path

import pytest

from knowledge.garbage import GarbageDataError, GarbageGuide, validate_dir

from .conftest import AREA_DAYS, ITEMS, write_city


def messages(city: Path) -> list[str]:
    return [str(i) for i in validate_dir(city)]


def test_shipped_style_city_has_no_issues(city: Path) -> None:
    assert messages(city) == []


def test_unreadable_day_token_names_file_line_and_fix(tmp_path: Path) -> None:
    bad = AREA_DAYS.replace("水1 水3 *1", "第1水曜 水3 *1")
    found = messages(write_city(tmp_path, area_days=bad))
    assert any(m.startswith(f"{tmp_path}/area_days.csv:3: error:") and "「第1水曜」は読めません" in m
               and "水2" in m for m in found), found


def test_missing_remark_is_an_error_with_line(tmp_path: Path) -> None:
    found = messages(write_city(tmp_path, remarks="ID,注意事項\n"))
    assert any("area_days.csv:3:" in m and "*1 が remarks.csv にありません" in m for m in found)


def test_item_with_unknown_category_and_bad_fee(tmp_path: Path) -> None:
    items = ITEMS + "999991,5,冷蔵庫,家電,,,,,,れいぞうこ,\n999991,6,ソファー,粗大ごみ,,,千円,,,,\n"
    found = messages(write_city(tmp_path, items=items))
    assert any("items.csv:6:" in m and "分別区分「家電」" in m and "description.csv" in m for m in found)
    assert any("items.csv:7:" in m and "料金「千円」が数字ではありません" in m for m in found)


def test_duplicate_item_id_and_area_are_reported(tmp_path: Path) -> None:
    items = ITEMS + "999991,1,新聞紙,資源,,,,,,,\n"
    areas = AREA_DAYS + "若葉町,東センター,月,水1,金\n"
    found = messages(write_city(tmp_path, items=items, area_days=areas))
    assert any("items.csv:6:" in m and "ID「1」が重複" in m and "2行目" in m for m in found)
    assert any("area_days.csv:4:" in m and "「若葉町」が重複" in m for m in found)


def test_exception_rows_are_checked(tmp_path: Path) -> None:
    changes = ("# コメント行は読み飛ばします\n日付,地名,分別区分,変更,振替日,備考\n"
               "2026-12-31,*,燃やすごみ,振替,,\n2026-12-32,*,*,休み,,\n2027-01-02,桜台,*,休み,,\n"
               "2027-01-02,*,*,中止,,\n")
    found = messages(write_city(tmp_path, exceptions=changes))
    assert any("exceptions.csv:3:" in m and "振替日がありません" in m for m in found)
    assert any("exceptions.csv:4:" in m and "日付「2026-12-32」が読めません" in m for m in found)
    assert any("exceptions.csv:5:" in m and "地名「桜台」" in m for m in found)
    assert any("exceptions.csv:6:" in m and "休み・振替・臨時" in m for m in found)


def test_load_refuses_data_with_errors(tmp_path: Path) -> None:
    with pytest.raises(GarbageDataError) as caught:
        GarbageGuide.load(write_city(tmp_path, area_days="地名,センター,燃やすごみ\n若葉町,,毎週月\n"))
    assert "毎週月" in str(caught.value)


def test_missing_area_days_is_reported(tmp_path: Path) -> None:
    assert any("area_days.csv がありません" in m for m in messages(tmp_path))
