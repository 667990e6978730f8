"""Lookup tables and bare-name examples generated from the city's data for the Rasa NLU."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.tools import nlu_lookups

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def city() -> nlu_lookups.CityNames:
    return nlu_lookups.CityNames.load(ROOT / "data")


def _latin_pattern(city: nlu_lookups.CityNames, name: str) -> re.Pattern[str]:
    blocks = yaml.safe_load(nlu_lookups.render(nlu_lookups.tables(city)))["nlu"]
    block = next(b for b in blocks if b.get("regex") == f"{name}_latin")
    return re.compile(block["examples"].strip()[2:])


def test_known_items_areas_and_certificates_are_in_the_tables(city: nlu_lookups.CityNames) -> None:
    tables = nlu_lookups.tables(city)
    assert "フライパン" in tables["garbage_item"] and "frying pan" in tables["garbage_item"]
    assert "桜台二丁目" in tables["area"]
    assert "印鑑証明" in tables["certificate"]
    assert all(len(name) >= 2 for values in tables.values() for name in values)


def test_latin_names_match_whole_words_only(city: nlu_lookups.CityNames) -> None:
    items = _latin_pattern(city, "garbage_item")
    assert items.search("How do I throw away a Frying Pan?")
    assert not items.search("environment")  # "iron" is an item; inside a word it is not


def test_bare_names_leave_out_what_hand_written_examples_have(city: nlu_lookups.CityNames) -> None:
    bare = nlu_lookups.bare_examples(city, known={"フライパン"})
    assert "[フライパン](garbage_item)" not in bare["garbage_sorting"]
    assert '[住民票]{"entity": "certificate", "value": "juminhyo"}' in bare["certificate_guide"]
    assert any(text.startswith("[桜台二丁目]") for text in bare["inform"])


def test_committed_files_match_the_data(city: nlu_lookups.CityNames) -> None:
    # scripts/train_rasa.sh regenerates them; the committed copies serve Docker builds and reviews.
    assert nlu_lookups.OUT.read_text(encoding="utf-8") == nlu_lookups.render(nlu_lookups.tables(city))
    expected = nlu_lookups.render_bare(nlu_lookups.bare_examples(city, known=nlu_lookups.hand_written_texts()))
    assert nlu_lookups.BARE.read_text(encoding="utf-8") == expected, "run: python -m bot.tools.nlu_lookups"
