"""Fixtures: a small glossary and phrasebook, and tiny real .argosmodel packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from translation.dictionary_engine import DictionaryEngine
from translation.glossary import Glossary
from translation.model_store import ModelStore
from translation.mt_engine import ArgosEngine
from translation.phrasebook import Phrasebook
from translation.service import TranslationService
from translation.tiny_model import build_tiny_package

GLOSSARY_YAML = """\
# テスト用（架空）
terms:
  - id: juminhyo-no-utsushi
    ja: 住民票の写し
    reading: じゅうみんひょうのうつし
    explanation: 住んでいる所と家族を市が証明する書類です。
    translations:
      en: {term: certificate of residence, explanation: "An official paper that shows your address."}
      vi: {term: bản sao phiếu cư trú, explanation: "Giấy tờ chứng minh địa chỉ của bạn."}
  - id: inkan-toroku
    ja: 印鑑登録
    explanation: はんこを市に登録することです。
    translations:
      en: {term: seal registration, explanation: "Registering your personal seal with the city."}
"""

PHRASEBOOK_YAML = """\
# テスト用（架空）
genre: 受付・案内
phrases:
  - id: uketsuke-001
    side: staff
    ja: 本日はどのようなご用件でしょうか。
    translations:
      ja-easy: きょうは なんの ようじ ですか。
      en: How can I help you today?
      vi: Hôm nay tôi có thể giúp gì cho bạn?
  - id: uketsuke-002
    side: staff
    ja: こちらの番号札を持ってお待ちください。
    translations:
      en: Please take this number ticket and wait.
  - id: replies-001
    side: resident
    ja: はい
    translations:
      en: "Yes"
      vi: Vâng
"""

# A few hundred lines of counter language to train the tiny models' SentencePiece.
_BASE_LINES = [
    "住民票の写しを2通ください。",
    "本日はどのようなご用件でしょうか。",
    "こちらの番号札を持ってお待ちください。",
    "手数料は300円です。",
    "印鑑登録をしたいです。",
    "Please give me two copies of the certificate of residence.",
    "How can I help you today?",
    "The fee is 300 yen.",
    "Tôi muốn đăng ký con dấu.",
    "Hôm nay tôi có thể giúp gì cho bạn?",
]
CORPUS = [f"{line} {i}" for i in range(40) for line in _BASE_LINES]


@pytest.fixture(scope="session")
def tiny_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Real .argosmodel files (random weights) for ja<->en and en<->vi, built once."""
    out = tmp_path_factory.mktemp("argosmodels")
    pairs = [("ja", "en"), ("en", "ja"), ("en", "vi"), ("vi", "en")]
    return {
        f"{a}_{b}": build_tiny_package(out, from_code=a, to_code=b, corpus=CORPUS, seed=i)
        for i, (a, b) in enumerate(pairs)
    }


@pytest.fixture
def models_dir(tmp_path: Path) -> Path:
    return tmp_path / "models"


@pytest.fixture
def store(models_dir: Path, tiny_packages: dict[str, Path]) -> ModelStore:
    """A model store with all tiny packages installed through ModelStore.install."""
    store = ModelStore(models_dir=models_dir)
    for archive in tiny_packages.values():
        store.install(archive)
    return store


@pytest.fixture
def engine(store: ModelStore) -> ArgosEngine:
    return ArgosEngine(store=store, threads=1)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "phrasebook").mkdir(parents=True)
    (data / "glossary.yaml").write_text(GLOSSARY_YAML, encoding="utf-8")
    (data / "phrasebook" / "uketsuke.yaml").write_text(PHRASEBOOK_YAML, encoding="utf-8")
    return data


@pytest.fixture
def glossary(data_dir: Path) -> Glossary:
    return Glossary.load(data_dir / "glossary.yaml")


@pytest.fixture
def phrasebook(data_dir: Path) -> Phrasebook:
    return Phrasebook.load_dir(data_dir / "phrasebook")


@pytest.fixture
def service(glossary: Glossary, phrasebook: Phrasebook, engine: ArgosEngine) -> TranslationService:
    """The service with the tiny real models (gibberish output)."""
    return TranslationService(glossary=glossary, phrasebook=phrasebook, engine=engine)


@pytest.fixture
def offline_service(glossary: Glossary, phrasebook: Phrasebook, tmp_path: Path) -> TranslationService:
    """No model installed at all."""
    empty = ArgosEngine(store=ModelStore(models_dir=tmp_path / "no-models"))
    return TranslationService(glossary=glossary, phrasebook=phrasebook, engine=empty)


DICTIONARY = {
    ("ja", "en"): {"を": " ", "通ください": " copies please", "手数料は": "The fee is ", "です": ""},
    ("en", "ja"): {"copies please": "通ください", "The fee is": "手数料は"},
}


@pytest.fixture
def dictionary_service(glossary: Glossary, phrasebook: Phrasebook) -> TranslationService:
    """A deterministic MT double that keeps placeholders and numbers."""
    return TranslationService(glossary=glossary, phrasebook=phrasebook, engine=DictionaryEngine(DICTIONARY))
