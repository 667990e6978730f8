"""Shared fixtures: a small, hand-written city for fast tests."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def mini_data_dir() -> Path:
    return FIXTURES / "mini_city"


@pytest.fixture(scope="session")
def repo_data_dir() -> Path:
    return REPO / "data"
