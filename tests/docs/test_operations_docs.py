"""The operators' documentation stays complete: every setting listed, every link resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.settings import Settings

REPO = Path(__file__).resolve().parents[2]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _markdown_files() -> list[Path]:
    return [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]


def test_settings_doc_lists_every_setting_with_its_environment_variable() -> None:
    text = (REPO / "docs" / "operations" / "settings.md").read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"`MADOGUCHI_{name.upper()}`" not in text]
    assert not missing, f"docs/operations/settings.md lacks: {missing}"


@pytest.mark.parametrize("doc", _markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_in_docs_point_to_existing_files(doc: Path) -> None:
    targets = [t for t in LINK.findall(doc.read_text(encoding="utf-8")) if "://" not in t]
    broken = [t for t in targets if not (doc.parent / t).exists()]
    assert not broken, f"{doc.relative_to(REPO)} links to missing files: {broken}"
