import pytest

from knowledge.garbage import GarbageGuide


@pytest.mark.parametrize("text", ["桜台二丁目", "桜台2丁目", "さくらだいにちょうめ", "桜台２丁目",
                                  "桜台2-3-5", "さくらだい2", "Sakuradai 2-chome"])
def test_area_forms_resolve_to_one_area(shipped: GarbageGuide, text: str) -> None:
    (match,) = shipped.find_area(text)
    assert match.exact and match.area.name == "桜台二丁目"


def test_area_without_number_offers_each_chome_as_buttons(shipped: GarbageGuide) -> None:
    names = [m.area.name for m in shipped.find_area("さくらだい")]
    assert names == ["桜台一丁目", "桜台二丁目", "桜台三丁目"]
    assert not any(m.exact for m in shipped.find_area("さくらだい"))


def test_area_typo_puts_the_right_area_first_but_not_as_exact(shipped: GarbageGuide) -> None:
    matches = shipped.find_area("桜代二丁目")
    assert matches[0].area.name == "桜台二丁目" and not matches[0].exact


def test_area_in_a_sentence_is_found(shipped: GarbageGuide) -> None:
    assert shipped.find_area("港町に住んでいます")[0].area.name == "港町"


def test_unknown_area_returns_nothing_confident(shipped: GarbageGuide) -> None:
    assert all(not m.exact for m in shipped.find_area("大阪市北区"))


@pytest.mark.parametrize("text", ["すぷれー缶", "スプレー缶", "ｽﾌﾟﾚｰ缶", "すぷれーかん", "spray can",
                                  "スプレー缶の捨て方", "エアゾール缶"])
def test_item_kana_katakana_width_and_english_match(shipped: GarbageGuide, text: str) -> None:
    best = shipped.lookup_item(text)[0]
    assert best.exact and best.item.name.startswith("スプレー缶")
    assert "穴はあけず" in best.item.notes


def test_longer_item_name_wins_over_the_name_inside_it(shipped: GarbageGuide) -> None:
    cap, bottle = shipped.lookup_item("ペットボトルのキャップ")[:2]
    assert cap.item.category == "燃やすごみ" and cap.exact
    assert bottle.item.name == "ペットボトル" and not bottle.exact


def test_oversized_item_carries_its_fee(shipped: GarbageGuide) -> None:
    best = shipped.lookup_item("たんす（高さ1m以上）")[0]
    assert best.item.category == "粗大ごみ" and best.item.fee == 1500


@pytest.mark.parametrize(("text", "category"), [("れいぞうこ", "家電リサイクル"),
                                                ("エアコン", "家電リサイクル"),
                                                ("パソコン", "メーカー回収"),
                                                ("生ゴミ", "燃やすごみ"), ("tv", "家電リサイクル")])
def test_common_items_land_in_the_right_category(shipped: GarbageGuide, text: str,
                                                 category: str) -> None:
    assert shipped.lookup_item(text)[0].item.category == category


def test_typo_offers_closest_items_without_claiming_a_match(shipped: GarbageGuide) -> None:
    matches = shipped.lookup_item("フライパソ")
    assert matches[0].item.name == "フライパン" and not matches[0].exact


def test_unknown_item_still_returns_choices(shipped: GarbageGuide) -> None:
    matches = shipped.lookup_item("ロケットエンジン")
    assert matches and not any(m.exact for m in matches)


def test_category_aliases_resolve(shipped: GarbageGuide) -> None:
    assert shipped.resolve_category("資源ごみ") == "資源"
    assert shipped.resolve_category("可燃ごみ") == "燃やすごみ"
    assert shipped.resolve_category("燃えないごみ") == "燃やさないごみ"
    assert shipped.resolve_category("宇宙ごみ") is None
