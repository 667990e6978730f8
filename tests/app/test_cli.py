"""The `madoguchi` command line as an administrator uses it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli

runner = CliRunner()


@pytest.fixture()
def city(tmp_path: Path, mini_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(mini_data_dir, tmp_path / "data")
    monkeypatch.setenv("MADOGUCHI_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_help_lists_the_commands() -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("ask", "faq", "eval", "run"):
        assert command in result.output


def test_ask_prints_decision_answer_and_counter(city: Path) -> None:
    result = runner.invoke(cli, ["ask", "燃えるごみの日はいつ？"])
    assert result.exit_code == 0, result.output
    assert "confident" in result.output and "ごみ減量課" in result.output and "012-000-0002" in result.output


def test_ask_json(city: Path) -> None:
    result = runner.invoke(cli, ["ask", "住民票がほしい", "--json"])
    assert json.loads(result.output)["hits"][0]["id"] == "juminhyo-utsushi"


def test_validate_passes_clean_data_and_fails_broken(city: Path) -> None:
    assert runner.invoke(cli, ["faq", "validate"]).exit_code == 0
    (city / "faq" / "gomi.yaml").write_text("category: ごみ\nentries:\n  - id: x\n", "utf-8")
    result = runner.invoke(cli, ["faq", "validate", str(city / "faq")])
    assert result.exit_code == 1
    assert "gomi.yaml:3" in result.output


def test_validate_reports_a_missing_path(city: Path) -> None:
    result = runner.invoke(cli, ["faq", "validate", str(city / "nope")])
    assert result.exit_code == 2 and "見つかりません" in result.output


def test_stats_json_counts_entries_categories_and_translations(city: Path) -> None:
    data = json.loads(runner.invoke(cli, ["faq", "stats", "--json"]).output)
    assert data["entries"] == 5 and data["category_count"] == 3
    assert data["translations"]["en"] == 2 and data["translations"]["vi"] == 1
