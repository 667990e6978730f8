"""The app as `make run` builds it, with the shipped data and no MT model, without a browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from translation import TranslationService, build_service


@pytest.fixture(scope="session")
def shipped_service(repo_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> TranslationService:
    """Shipped phrasebook and glossary, no model installed (built once: loading takes seconds)."""
    return build_service(data_dir=repo_data_dir, models_dir=tmp_path_factory.mktemp("no-models"))


@pytest.fixture
def settings(tmp_path: Path, repo_data_dir: Path) -> Settings:
    return Settings(data_dir=repo_data_dir, var_dir=tmp_path / "var", models_dir=tmp_path / "models")


@pytest.fixture
def client(settings: Settings, shipped_service: TranslationService) -> TestClient:
    app = create_app(settings)
    app.state.database.create_all()  # no lifespan: the FAQ index is not needed here
    app.state.translation_service = shipped_service
    return TestClient(app)
