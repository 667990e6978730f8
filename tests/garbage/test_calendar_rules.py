from datetime import date
from pathlib import Path

from knowledge.garbage import GarbageGuide

from .conftest import write_city


def dates(guide: GarbageGuide, area: str, category: str, start: date, count: int) -> list[date]:
    (found,) = guide.next_collections(area, category=category, start=start, count=count)
    return list(found.dates)


def test_weekly_rule_gives_every_listed_weekday(guide: GarbageGuide) -> None:
    # 2026-11-02 is a Monday: 若葉町 burns on Monday and Thursday.
    got = dates(guide, "若葉町", "燃やすごみ", date(2026, 11, 2), 4)
    assert got == [date(2026, 11, 2), date(2026, 11, 5), date(2026, 11, 9), date(2026, 11, 12)]


def test_nth_weekday_rule_gives_second_and_fourth_wednesday(guide: GarbageGuide) -> None:
    got = dates(guide, "若葉町", "燃やさないごみ", date(2026, 11, 1), 3)
    assert got == [date(2026, 11, 11), date(2026, 11, 25), date(2026, 12, 9)]


def test_fifth_weekday_only_in_months_that_have_one(guide: GarbageGuide) -> None:
    # Fridays: Oct 2026 has five (30th), Nov and Dec have four, Jan 2027 has five (29th).
    got = dates(guide, "若葉町", "資源", date(2026, 10, 1), 2)
    assert got == [date(2026, 10, 30), date(2027, 1, 29)]


def test_specific_date_in_cell_adds_a_collection(guide: GarbageGuide) -> None:
    got = dates(guide, "港町", "燃やすごみ", date(2027, 1, 4), 2)
    assert got == [date(2027, 1, 4), date(2027, 1, 5)]


def test_center_closure_skips_year_end_days(guide: GarbageGuide) -> None:
    # 港町 burns Tue/Fri: 2027-01-01 (Fri) falls in the 12/31-1/3 closure.
    got = dates(guide, "港町", "燃やすごみ", date(2026, 12, 29), 3)
    assert got == [date(2026, 12, 29), date(2027, 1, 4), date(2027, 1, 5)]


def test_exception_moves_year_end_collection_to_substitute_day(tmp_path: Path) -> None:
    changes = "日付,地名,分別区分,変更,振替日,備考\n2026-12-31,*,燃やすごみ,振替,2026-12-30,年末のため30日に収集\n"
    guide = GarbageGuide.load(write_city(tmp_path, exceptions=changes))
    (found,) = guide.next_collections("若葉町", category="燃やすごみ", start=date(2026, 12, 29), count=2)
    assert found.dates == (date(2026, 12, 30), date(2027, 1, 4))
    assert "年末のため30日に収集" in found.remarks


def test_exception_substitute_only_where_the_day_was_planned(tmp_path: Path) -> None:
    changes = "日付,地名,分別区分,変更,振替日,備考\n2026-12-31,*,燃やすごみ,振替,2026-12-30,\n"
    guide = GarbageGuide.load(write_city(tmp_path, exceptions=changes))
    # 港町 does not burn on Thursdays, so nothing moves to 12/30 there.
    assert date(2026, 12, 30) not in dates(guide, "港町", "燃やすごみ", date(2026, 12, 28), 3)


def test_exception_cancel_and_extra_collection(tmp_path: Path) -> None:
    changes = ("日付,地名,分別区分,変更,振替日,備考\n"
               "2026-11-12,若葉町,燃やすごみ,休み,,\n2026-11-14,若葉町,燃やすごみ,臨時,,臨時収集\n")
    guide = GarbageGuide.load(write_city(tmp_path, exceptions=changes))
    got = dates(guide, "若葉町", "燃やすごみ", date(2026, 11, 10), 3)
    assert got == [date(2026, 11, 14), date(2026, 11, 16), date(2026, 11, 19)]


def test_holiday_setting_skips_only_listed_categories(tmp_path: Path) -> None:
    settings = "項目,値\n祝日に休む分別区分,燃やさないごみ\n"
    area_days = "地名,センター,燃やすごみ,燃やさないごみ,資源\n若葉町,東センター,月,月,月\n"
    guide = GarbageGuide.load(write_city(tmp_path, calendar_settings=settings, area_days=area_days))
    holiday = date(2026, 11, 23)  # 勤労感謝の日 (Monday)
    assert guide.collections_on("若葉町", holiday) == ["燃やすごみ", "資源"]
    assert dates(guide, "若葉町", "燃やさないごみ", holiday, 1) == [date(2026, 11, 30)]


def test_holidays_are_collected_without_the_setting(guide: GarbageGuide) -> None:
    assert guide.collections_on("若葉町", date(2026, 11, 23)) == ["燃やすごみ"]


def test_category_alias_and_shared_days(guide: GarbageGuide) -> None:
    (burn,) = guide.next_collections("若葉町", category="燃えるごみ", start=date(2026, 11, 2))
    (hazard,) = guide.next_collections("若葉町", category="有害ごみ", start=date(2026, 11, 1))
    assert burn.category == "燃やすごみ"
    assert hazard.dates == (date(2026, 11, 11),)  # on 燃やさないごみ days


def test_oversized_garbage_is_by_appointment_without_dates(guide: GarbageGuide) -> None:
    (found,) = guide.next_collections("若葉町", category="粗大ごみ", start=date(2026, 11, 1))
    assert found.by_appointment and found.dates == ()
    assert "申し込み" in found.description


def test_all_categories_sorted_soonest_first_with_remarks(guide: GarbageGuide) -> None:
    found = guide.next_collections("港町", start=date(2026, 11, 2))
    assert [c.category for c in found] == ["燃やすごみ", "燃やさないごみ", "資源"]
    assert found[1].remarks == ("港町の燃やさないごみは午前8時までに出してください。",)


def test_collection_carries_the_printed_rule(guide: GarbageGuide) -> None:
    (burn,) = guide.next_collections("若葉町", category="燃やすごみ", start=date(2026, 11, 2))
    (metal,) = guide.next_collections("若葉町", category="燃やさないごみ", start=date(2026, 11, 2))
    assert burn.schedule == "毎週月・木曜日"
    assert metal.schedule == "第2・第4水曜日"
