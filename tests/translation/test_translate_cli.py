import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli

RUNNER = CliRunner()


@pytest.fixture
def env(tmp_path: Path, data_dir: Path) -> dict[str, str]:
    return {"MADOGUCHI_MODELS_DIR": str(tmp_path / "models"), "MADOGUCHI_DATA_DIR": str(data_dir)}


def test_models_install_list_remove(env: dict[str, str], tiny_packages: dict[str, Path]) -> None:
    files = [str(tiny_packages["ja_en"]), str(tiny_packages["en_ja"])]
    installed = RUNNER.invoke(cli, ["models", "install", *files], env=env)
    assert installed.exit_code == 0, installed.output
    listed = RUNNER.invoke(cli, ["models", "list", "--json"], env=env)
    assert [m["name"] for m in json.loads(listed.output)] == ["translate-en_ja", "translate-ja_en"]
    removed = RUNNER.invoke(cli, ["models", "remove", "ja-en"], env=env)
    assert removed.exit_code == 0 and "translate-ja_en" in removed.output
    assert "translate-ja_en" not in RUNNER.invoke(cli, ["models", "list"], env=env).output


def test_installing_a_bad_file_fails_with_a_message(env: dict[str, str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.argosmodel"
    bad.write_text("x")
    result = RUNNER.invoke(cli, ["models", "install", str(bad)], env=env)
    assert result.exit_code == 1 and "インストールできません" in result.output


def test_translate_command_uses_phrasebook_without_models(env: dict[str, str]) -> None:
    result = RUNNER.invoke(cli, ["translate", "--to", "en", "本日はどのようなご用件でしょうか"], env=env)
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "How can I help you today?"
    assert "定型文" in result.output


def test_translate_command_with_tiny_model_shows_guard_reasons(
    env: dict[str, str], tiny_packages: dict[str, Path]
) -> None:
    RUNNER.invoke(cli, ["models", "install", str(tiny_packages["ja_en"])], env=env)
    result = RUNNER.invoke(cli, ["translate", "--to", "en", "--json", "受付番号4821の住民票の写しをください"], env=env)
    body = json.loads(result.output)
    assert body["route"] == ["ja", "en"] and body["fallback"] is True
    assert "certificate of residence" in body["rejected_translation"]
    assert any(g["name"] == "numbers" and g["items"] == ["4821"] for g in body["guards"])
