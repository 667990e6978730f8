"""A tiny city written into tmp_path, so each rule can be tested on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.garbage import GarbageGuide

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "garbage"

AREA_DAYS = """地名,センター,燃やすごみ,燃やさないごみ,資源
若葉町,東センター,月 木,水2 水4,金5
港町,西センター,火 金 20270104,水1 水3 *1,金
"""
CENTER = """名称,休止開始日,休止終了日
東センター,2026/12/31,2027/1/3
西センター,2026/12/31,2027/1/3
"""
REMARKS = "ID,注意事項\n1,港町の燃やさないごみは午前8時までに出してください。\n"
DESCRIPTION = """label,sublabel,description,styles,bgcolor,別名,英語名,収集日
燃やすごみ,,生ごみなど,,,燃えるごみ 可燃ごみ,Burnable waste,
燃やさないごみ,,金属など,,,燃えないごみ 不燃ごみ,Non-burnable waste,
資源,,古紙・布,,,資源ごみ 古紙,Recyclables,
粗大ごみ,申込制,電話で申し込みます,,,,Oversized waste,
有害ごみ,,乾電池など,,,,Hazardous waste,燃やさないごみ
"""
ITEMS = """全国地方公共団体コード,ID,品目,分別区分,注意点,料金種別,料金,料金備考,備考,読み,英語名
999991,1,スプレー缶,燃やさないごみ,穴はあけないでください,指定袋,,,,すぷれーかん,spray can
999991,2,たんす,粗大ごみ,,粗大ごみ処理手数料,800,,,たんす,chest of drawers
999991,3,新聞,資源,ひもでしばる,無料,0,,,しんぶん,newspaper
999991,4,乾電池,有害ごみ,,無料,0,,,かんでんち,battery
"""


def write_city(directory: Path, *, encoding: str = "utf-8", **overrides: str) -> Path:
    """Write the tiny city; ``overrides`` replace a file (``exceptions="..."``) by its stem."""
    files = {"area_days": AREA_DAYS, "center": CENTER, "remarks": REMARKS,
             "description": DESCRIPTION, "items": ITEMS, **overrides}
    directory.mkdir(parents=True, exist_ok=True)
    for stem, text in files.items():
        (directory / f"{stem}.csv").write_bytes(text.encode(encoding))
    return directory


@pytest.fixture
def city(tmp_path: Path) -> Path:
    return write_city(tmp_path / "city")


@pytest.fixture
def guide(city: Path) -> GarbageGuide:
    return GarbageGuide.load(city)


@pytest.fixture(scope="session")
def shipped() -> GarbageGuide:
    return GarbageGuide.load(SHIPPED)
