"""Shared fixtures: a small, hand-written city for fast tests."""

from __future__ import annotations

import shutil
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

# What the chat needs beside the FAQ: wording, office hours and the flows' data.
DIALOGUE_FILES = ("bot_messages.yaml", "office.yaml", "certificates.yaml", "childcare.yaml", "garbage")


@pytest.fixture
def small_city(tmp_path: Path) -> Path:
    """The mini test city plus the repo's dialogue files, in a temporary folder (data/ is never written)."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "mini_city", data)
    for name in DIALOGUE_FILES:
        source = REPO / "data" / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, data / name)
    return data
