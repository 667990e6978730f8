import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from translation.model_store import ModelStore
from translation.mt_engine import ArgosEngine, NoModelError


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Any attempt to open a connection or resolve a name raises and is recorded."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> None:
        attempts.append(args)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts


def test_translation_opens_no_network_connection(store: ModelStore, no_network: list[Any]) -> None:
    engine = ArgosEngine(store=store, threads=1)  # fresh: model loading happens under the patch too
    output = engine.translate("住民票の写しを2通ください。よろしいですか？", source="ja", target="en")
    assert output.route == ("ja", "en") and output.text
    assert no_network == []


def test_tiny_model_translates_directly(engine: ArgosEngine) -> None:
    output = engine.translate("住民票の写しを2通ください", source="ja", target="en")
    assert output.models == ("translate-ja_en",) and not output.pivot
    assert output.text and output.text != "住民票の写しを2通ください"


def test_pair_without_direct_model_pivots_through_english(engine: ArgosEngine) -> None:
    output = engine.translate("住民票の写しを2通ください", source="ja", target="vi")
    assert output.route == ("ja", "en", "vi") and output.pivot
    assert output.models == ("translate-ja_en", "translate-en_vi")


def test_missing_pair_names_the_packages_to_install(engine: ArgosEngine) -> None:
    with pytest.raises(NoModelError) as raised:
        engine.translate("こんにちは", source="ja", target="ko")
    assert raised.value.missing == ["translate-ja_ko", "translate-en_ko"]


def test_concurrent_translations_match_sequential_ones(store: ModelStore) -> None:
    texts = [f"手数料は{n}円です。" for n in range(12)]
    expected = {t: ArgosEngine(store=store, cache_size=0).translate(t, source="ja", target="en").text for t in texts}
    shared = ArgosEngine(store=store, cache_size=0)
    results: dict[str, set[str]] = {t: set() for t in texts}
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for i in range(len(texts)):
                text = texts[(i + offset) % len(texts)]
                results[text].add(shared.translate(text, source="ja", target="vi" if i % 3 else "en").text)
        except BaseException as exc:  # collected so the test fails with the thread's error
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    for text in texts:
        assert expected[text] in results[text]


def test_translation_cache_is_bounded_and_reused(store: ModelStore) -> None:
    engine = ArgosEngine(store=store, cache_size=2)
    for n in range(5):
        engine.translate(f"{n}番の窓口です", source="ja", target="en")
    assert len(engine.cache) == 2
    first = engine.translate("4番の窓口です", source="ja", target="en")
    assert engine.cache.hits == 1 and engine.translate("4番の窓口です", source="ja", target="en") is first


def test_removed_model_is_no_longer_used_after_reload(engine: ArgosEngine) -> None:
    engine.store.remove("translate-en_vi")
    engine.reload()
    assert engine.route("ja", "vi") is None


def test_line_breaks_survive_translation(engine: ArgosEngine) -> None:
    output = engine.translate("一行目です。\n二行目です。", source="ja", target="en")
    assert output.text.count("\n") == 1


def test_package_installed_while_running_is_picked_up(
    tmp_path: Path, tiny_packages: dict[str, Path]
) -> None:
    store = ModelStore(models_dir=tmp_path / "live")
    engine = ArgosEngine(store=store)
    assert engine.route("ja", "en") is None
    ModelStore(models_dir=tmp_path / "live").install(tiny_packages["ja_en"])  # e.g. by the CLI
    assert engine.translate("はい", source="ja", target="en").route == ("ja", "en")
