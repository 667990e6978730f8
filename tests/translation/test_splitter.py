from translation.splitter import split_sentences


def test_japanese_sentences_split_at_full_stops_and_marks() -> None:
    text = "住民票の写しを2通ください。手数料は300円です！よろしいですか？"
    assert split_sentences(text) == ["住民票の写しを2通ください。", "手数料は300円です！", "よろしいですか？"]


def test_closing_bracket_stays_with_its_sentence() -> None:
    assert split_sentences("「はい。」と言いました。") == ["「はい。」", "と言いました。"]


def test_latin_sentences_split_but_abbreviations_and_decimals_do_not() -> None:
    text = "Go to window No. 3 please. The fee is 1.5 dollars. Thanks!"
    assert split_sentences(text) == ["Go to window No. 3 please.", "The fee is 1.5 dollars.", "Thanks!"]


def test_newlines_always_end_a_sentence_and_blank_lines_vanish() -> None:
    assert split_sentences("一行目\n\n二行目") == ["一行目", "二行目"]


def test_very_long_sentence_is_cut_into_bounded_pieces() -> None:
    pieces = split_sentences("あ、" * 500)
    assert len(pieces) > 1 and all(len(p) <= 400 for p in pieces)
