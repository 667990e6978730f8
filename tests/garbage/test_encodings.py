from datetime import date
from pathlib import Path

import pytest

from knowledge.garbage import GarbageGuide
from knowledge.garbage.csvfile import read_table

from .conftest import write_city


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_city_files_load_in_every_published_encoding(tmp_path: Path, encoding: str) -> None:
    guide = GarbageGuide.load(write_city(tmp_path, encoding=encoding))
    assert [a.name for a in guide.areas] == ["若葉町", "港町"]
    assert guide.lookup_item("すぷれーかん")[0].item.name == "スプレー缶"
    (burn,) = guide.next_collections("若葉町", category="燃やすごみ", start=date(2026, 11, 2))
    assert burn.dates == (date(2026, 11, 2),)


@pytest.mark.parametrize(("encoding", "expected"),
                         [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp932", "cp932")])
def test_encoding_is_detected_and_bom_is_not_part_of_the_header(
        tmp_path: Path, encoding: str, expected: str) -> None:
    path = tmp_path / "remarks.csv"
    path.write_bytes("ID,注意事項\n1,年末年始は収集しません\n".encode(encoding))
    table = read_table(path)
    assert table.encoding == expected
    assert table.header == ("ID", "注意事項")
    assert table.rows[0].get("注意事項") == "年末年始は収集しません"


def test_unreadable_bytes_are_reported_not_crashing(tmp_path: Path) -> None:
    city = write_city(tmp_path)
    (city / "remarks.csv").write_bytes(b"ID,\x81\n1,\xff\xfe\xfd\n")
    from knowledge.garbage import validate_dir

    issues = validate_dir(city)
    assert any("remarks.csv" in i.path and "読めません" in i.message for i in issues)
