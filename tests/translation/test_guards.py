from translation.guards import check_output


def _failed(source: str, output: str, **kwargs: object) -> dict[str, tuple[str, ...]]:
    return {r.name: r.items for r in check_output(source, output, **kwargs).failed}  # type: ignore[arg-type]


def test_dropped_number_fails_the_number_guard() -> None:
    assert _failed("住民票の写しを2通ください", "Please give me copies")["numbers"] == ("2",)


def test_number_written_as_english_word_survives() -> None:
    assert _failed("住民票の写しを2通ください", "Please give me two copies") == {}


def test_dates_amounts_phones_urls_and_emails_that_survive_pass() -> None:
    source = (
        "4月1日までに1,000円を払ってください。電話012-345-6710、"
        "https://www.city.hikarino.example.jp/a.html または shimin@city.hikarino.example.jp"
    )
    output = (
        "Pay 1000 yen by April 1. Phone 012-345-6710, "
        "https://www.city.hikarino.example.jp/a.html or shimin@city.hikarino.example.jp"
    )
    assert _failed(source, output) == {}


def test_each_kind_of_lost_entity_is_named() -> None:
    source = "4月1日に300円。012-345-6710 https://www.city.hikarino.example.jp/ a@city.hikarino.example.jp"
    failed = _failed(source, "Something else entirely.")
    assert set(failed) >= {"dates", "amounts", "phones", "urls", "emails"}
    assert failed["phones"] == ("012-345-6710",)


def test_runaway_repetition_is_rejected() -> None:
    assert "repetition" in _failed("住民票を3通", "74 74 74 74 74 74 3")


def test_repetition_already_in_the_source_is_not_blamed_on_mt() -> None:
    assert "repetition" not in _failed("はいはいはいはい", "yes yes yes yes")


def test_output_far_longer_than_source_or_empty_is_rejected() -> None:
    assert "length" in _failed("はい", "yes " * 50)
    assert "length" in _failed("はい", "")


def test_missing_approved_glossary_term_fails() -> None:
    failed = _failed("住民票の写し", "resident card", approved_terms=["certificate of residence"])
    assert failed["glossary"] == ("certificate of residence",)
