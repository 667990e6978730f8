import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from translation.model_store import ModelPackageError, ModelStore


def test_installed_package_is_listed_and_removable(models_dir: Path, tiny_packages: dict[str, Path]) -> None:
    store = ModelStore(models_dir=models_dir)
    model = store.install(tiny_packages["ja_en"])
    assert (model.name, model.source, model.target) == ("translate-ja_en", "ja", "en")
    assert [m.name for m in store.list()] == ["translate-ja_en"]
    store.remove("ja-en")
    assert store.list() == []


def test_reinstalling_a_pair_replaces_it(models_dir: Path, tiny_packages: dict[str, Path]) -> None:
    store = ModelStore(models_dir=models_dir)
    store.install(tiny_packages["ja_en"])
    store.install(tiny_packages["ja_en"])
    assert len(store.list()) == 1


def test_non_zip_file_is_refused(models_dir: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.argosmodel"
    bogus.write_text("not a zip")
    with pytest.raises(ModelPackageError, match=r"not an \.argosmodel"):
        ModelStore(models_dir=models_dir).install(bogus)


def test_archive_escaping_its_folder_is_refused(models_dir: Path, tmp_path: Path) -> None:
    evil = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("pkg/metadata.json", '{"from_code": "ja", "to_code": "en"}')
        zf.writestr("pkg/../../escape.txt", "x")
    with pytest.raises(ModelPackageError, match="unsafe path"):
        ModelStore(models_dir=models_dir).install(evil)
    assert not (tmp_path / "escape.txt").exists()


def test_package_without_model_is_refused_and_leaves_nothing(models_dir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.argosmodel"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("pkg/metadata.json", '{"from_code": "ja", "to_code": "en"}')
    with pytest.raises(ModelPackageError, match=r"model\.bin"):
        ModelStore(models_dir=models_dir).install(empty)
    assert ModelStore(models_dir=models_dir).list() == []


def test_unsupported_language_is_refused(models_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.argosmodel"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("pkg/metadata.json", '{"from_code": "xx", "to_code": "en"}')
    with pytest.raises(ModelPackageError, match="not supported"):
        ModelStore(models_dir=models_dir).install(other)


def test_removing_unknown_package_says_so(models_dir: Path) -> None:
    with pytest.raises(ModelPackageError, match="no installed model package"):
        ModelStore(models_dir=models_dir).remove("ja-xx")


@pytest.mark.slow
def test_install_and_translate_write_nothing_to_the_home_directory(
    tmp_path: Path, tiny_packages: dict[str, Path]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    script = (
        "import sys; from pathlib import Path\n"
        "from translation.model_store import ModelStore\n"
        "from translation.mt_engine import ArgosEngine\n"
        "store = ModelStore(models_dir=Path(sys.argv[1]))\n"
        "store.install(Path(sys.argv[2]))\n"
        "print(ArgosEngine(store=store).translate('はい', source='ja', target='en').route)\n"
    )
    env = {**os.environ, "HOME": str(home)}
    for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env.pop(key, None)
    args = [sys.executable, "-c", script, str(tmp_path / "models"), str(tiny_packages["ja_en"])]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "('ja', 'en')" in done.stdout
    assert list(home.iterdir()) == []
