from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.main import create_app
from app.rate_limit_deps import limit_translation
from app.routes_translate import router
from app.settings import Settings
from app.translation_deps import get_translation_service
from translation.model_store import ModelStore
from translation.service import TranslationService


def _client(service: TranslationService) -> TestClient:
    app = FastAPI()
    app.include_router(router)
    app.dependency_overrides[get_translation_service] = lambda: service
    app.dependency_overrides[limit_translation] = lambda: None  # the router alone: no app state to count in
    return TestClient(app)


def test_phrasebook_translation_through_the_api(offline_service: TranslationService) -> None:
    response = _client(offline_service).post(
        "/api/translate", json={"text": "本日はどのようなご用件でしょうか。", "target": "en"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["translation"] == body["text"] == "How can I help you today?"
    assert body["origin"] == "phrasebook" and body["detected_language"] == "ja"


def test_unknown_language_is_a_422_naming_the_value(offline_service: TranslationService) -> None:
    response = _client(offline_service).post("/api/translate", json={"text": "はい", "target": "xx"})
    assert response.status_code == 422 and "'xx'" in response.json()["detail"]


def test_languages_say_how_each_pair_works_and_what_is_missing(service: TranslationService) -> None:
    body = _client(service).get("/api/translate/languages").json()
    pairs = {(p["source"], p["target"]): p for p in body["pairs"]}
    assert pairs[("ja", "en")]["mt"] == "direct"
    assert pairs[("ja", "vi")]["mt"] == "pivot" and pairs[("ja", "vi")]["phrasebook_phrases"] == 2
    assert pairs[("ja", "ko")]["mt"] is None
    assert pairs[("ja", "ko")]["missing_packages"] == ["translate-ja_ko", "translate-en_ko"]
    assert {m["name"] for m in body["models"]} == {
        "translate-ja_en", "translate-en_ja", "translate-en_vi", "translate-vi_en"
    }


@pytest.fixture
def app_client(tmp_path: Path, data_dir: Path, tiny_packages: dict[str, Path]) -> TestClient:
    """The real app (as `make run` builds it) with a tiny model installed via the model store."""
    settings = Settings(data_dir=data_dir, var_dir=tmp_path / "var", models_dir=tmp_path / "models")
    ModelStore(models_dir=settings.models_dir).install(tiny_packages["ja_en"])
    return TestClient(create_app(settings))  # no lifespan: the FAQ index is not needed here


def test_installed_tiny_model_translates_through_the_app(app_client: TestClient) -> None:
    response = app_client.post(
        "/api/translate", json={"text": "窓口は2階です。", "source": "ja", "target": "en"}
    )
    body = response.json()
    assert response.status_code == 200 and body["route"] == ["ja", "en"]
    assert body["rejected_translation"] or body["label"] == "Machine translation"
    assert {g["name"] for g in body["guards"]} >= {"numbers", "repetition", "length"}
    assert body["ok"] is False or body["back_translation"] is None


def test_phrasebook_lists_genres_with_human_translations(offline_service: TranslationService) -> None:
    body = _client(offline_service).get("/api/translate/phrasebook", params={"lang": "vi"}).json()
    genre = body["genres"][0]
    assert (genre["slug"], genre["name"]) == ("uketsuke", "受付・案内")
    assert genre["phrases"][0]["translations"] == {"vi": "Hôm nay tôi có thể giúp gì cho bạn?"}
