from datetime import date

from knowledge.garbage import GarbageGuide, validate_dir
from knowledge.garbage.csvfile import read_table

from .conftest import SHIPPED

CALENDAR = ["燃やすごみ", "燃やさないごみ", "資源", "びん・缶", "ペットボトル"]


def test_every_shipped_file_loads_as_csv() -> None:
    files = sorted(SHIPPED.glob("*.csv"))
    assert {f.name for f in files} >= {"area_days.csv", "center.csv", "remarks.csv", "target.csv",
                                       "description.csv", "items.csv", "exceptions.csv",
                                       "calendar_settings.csv", "area_names.csv"}
    for path in files:
        assert read_table(path).rows, path


def test_shipped_data_has_no_errors_or_warnings() -> None:
    assert [str(i) for i in validate_dir(SHIPPED)] == []


def test_shipped_counts_meet_the_issue(shipped: GarbageGuide) -> None:
    assert len(shipped.areas) >= 20
    assert len(shipped.items) >= 400
    assert list(shipped.categories) == CALENDAR
    assert all(a.reading and a.romaji for a in shipped.areas)
    assert all(i.reading and i.english and i.city_code == "999991" for i in shipped.items)


def test_every_item_category_is_described(shipped: GarbageGuide) -> None:
    for item in shipped.items:
        info = shipped.category_info(item.category)
        assert info is not None and info.description, item


def test_oversized_fees_are_within_the_city_range(shipped: GarbageGuide) -> None:
    fees = [i.fee for i in shipped.items if i.category == "粗大ごみ"]
    assert all(fee is not None and 300 <= fee <= 1500 for fee in fees)


def test_year_end_closure_and_substitutes_in_shipped_calendar(shipped: GarbageGuide) -> None:
    for area in shipped.areas:
        for day in (date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 2), date(2027, 1, 3)):
            assert shipped.collections_on(area, day) == [], (area.name, day)
    # 中央一丁目 burns Mon/Thu: 12/31 (Thu) is moved to 12/30.
    assert "燃やすごみ" in shipped.collections_on("中央一丁目", date(2026, 12, 30))
    # 山手町 burns Wed/Sat: 1/2 (Sat) is closed, 1/4 is listed in area_days.csv.
    assert "燃やすごみ" in shipped.collections_on("山手町", date(2027, 1, 4))


def test_national_holiday_keeps_only_burnable_collection(shipped: GarbageGuide) -> None:
    # 2026-11-23 勤労感謝の日 (Mon): 山手町 has 資源 on Mondays, skipped on holidays.
    assert shipped.collections_on("山手町", date(2026, 11, 23)) == []
    assert shipped.collections_on("中央一丁目", date(2026, 11, 23)) == ["燃やすごみ"]


def test_five_thursday_month_has_a_fifth_pet_bottle_day(shipped: GarbageGuide) -> None:
    # Oct 2026 has five Thursdays; 山手町 collects PET bottles on 木1 木3 木5.
    assert "ペットボトル" in shipped.collections_on("山手町", date(2026, 10, 29))
