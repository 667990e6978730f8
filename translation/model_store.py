"""Installed Argos model packages (.argosmodel files) in the deployment's models directory.

An administrator installs packages from local files; nothing is ever
downloaded. A package is a zip archive of one directory holding
``metadata.json``, a CTranslate2 ``model/`` and ``sentencepiece.model`` (or
``bpe.model``). Installed packages live in ``<models_dir>/translate-<from>_<to>``.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from translation import languages
from translation.argos_env import ARGOS_STATE_DIR

logger = logging.getLogger(__name__)


class ModelPackageError(ValueError):
    """A package file that cannot be installed, or a package that is not installed."""


@dataclass(frozen=True)
class InstalledModel:
    name: str  # directory name, e.g. "translate-ja_en"
    source: str  # project language code
    target: str
    version: str
    path: Path
    size_bytes: int

    @property
    def pair(self) -> tuple[str, str]:
        return (self.source, self.target)


def package_name(argos_from: str, argos_to: str) -> str:
    """Argos' own name for a translate package (argospm naming)."""
    return f"translate-{argos_from}_{argos_to}"


class ModelStore:
    """Install, list and remove model packages under ``models_dir``."""

    def __init__(self, *, models_dir: Path) -> None:
        self.models_dir = Path(models_dir)
        self._lock = threading.Lock()

    def install(self, archive: Path) -> InstalledModel:
        """Install one .argosmodel file, replacing an installed package for the same pair."""
        archive = Path(archive)
        with zipfile.ZipFile(_open_zip(archive)) as zf:
            root = _single_root(zf, archive)
            metadata = _read_metadata(zf, root, archive)
            name = package_name(metadata["from_code"], metadata["to_code"])
            with self._lock:
                self._extract_and_swap(zf, root, name)
        logger.info("installed model package %s from %s", name, archive.name)
        return self._describe(self.models_dir / name)

    def list(self) -> list[InstalledModel]:
        if not self.models_dir.is_dir():
            return []
        found = []
        for path in sorted(self.models_dir.iterdir()):
            if path.name.startswith(".") or not (path / "metadata.json").is_file():
                continue
            try:
                found.append(self._describe(path))
            except ModelPackageError:
                logger.warning("skipping unusable model package in %s", path.name)
        return found

    def signature(self) -> tuple[tuple[str, int], ...]:
        """Changes whenever a package is installed, replaced or removed."""
        if not self.models_dir.is_dir():
            return ()
        return tuple(
            sorted((p.name, p.stat().st_mtime_ns) for p in self.models_dir.iterdir()
                   if not p.name.startswith("."))
        )

    def remove(self, name: str) -> InstalledModel:
        """Remove by package name ("translate-ja_en") or pair ("ja-en", "ja_en")."""
        model = self.find(name)
        with self._lock:
            shutil.rmtree(model.path)
        logger.info("removed model package %s", model.name)
        return model

    def find(self, name: str) -> InstalledModel:
        for model in self.list():
            if name in {
                model.name,
                f"{model.source}-{model.target}",
                f"{model.source}_{model.target}",
            }:
                return model
        raise ModelPackageError(f"no installed model package {name!r}")

    def _extract_and_swap(self, zf: zipfile.ZipFile, root: str, name: str) -> None:
        self.models_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=self.models_dir))
        try:
            zf.extractall(staging)
            _check_contents(staging / root)
            target = self.models_dir / name
            if target.exists():
                shutil.rmtree(target)
            (staging / root).rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _describe(self, path: Path) -> InstalledModel:
        metadata = _load_json(path / "metadata.json")
        source = languages.from_argos(metadata["from_code"])
        target = languages.from_argos(metadata["to_code"])
        if source is None or target is None:
            raise ModelPackageError(f"{path.name}: languages not supported by madoguchi")
        size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        version = str(metadata.get("package_version", ""))
        return InstalledModel(path.name, source, target, version, path, size)


def _open_zip(archive: Path) -> Path:
    if not archive.is_file():
        raise ModelPackageError(f"no such file: {archive}")
    if not zipfile.is_zipfile(archive):
        raise ModelPackageError(f"{archive.name} is not an .argosmodel (zip) file")
    return archive


def _single_root(zf: zipfile.ZipFile, archive: Path) -> str:
    roots = set()
    for member in zf.namelist():
        parts = PurePosixPath(member).parts
        if member.startswith("/") or ".." in parts or not parts:
            raise ModelPackageError(f"{archive.name}: unsafe path {member!r} in archive")
        roots.add(parts[0])
    if len(roots) != 1 or roots == {ARGOS_STATE_DIR}:
        raise ModelPackageError(
            f"{archive.name}: expected one top-level folder, got {sorted(roots)}"
        )
    return roots.pop()


def _read_metadata(zf: zipfile.ZipFile, root: str, archive: Path) -> dict[str, str]:
    try:
        metadata = json.loads(zf.read(f"{root}/metadata.json"))
    except (KeyError, ValueError) as exc:
        raise ModelPackageError(f"{archive.name}: missing or invalid metadata.json") from exc
    if metadata.get("type", "translate") != "translate":
        raise ModelPackageError(f"{archive.name}: not a translation package")
    for key in ("from_code", "to_code"):
        if not isinstance(metadata.get(key), str):
            raise ModelPackageError(f"{archive.name}: metadata.json has no {key}")
    for code in (metadata["from_code"], metadata["to_code"]):
        if languages.from_argos(code) is None:
            raise ModelPackageError(f"{archive.name}: language {code!r} is not supported")
    return metadata


def _check_contents(root: Path) -> None:
    if not (root / "model" / "model.bin").is_file():
        raise ModelPackageError("package has no model/model.bin (CTranslate2 model)")
    if not ((root / "sentencepiece.model").is_file() or (root / "bpe.model").is_file()):
        raise ModelPackageError("package has no sentencepiece.model or bpe.model")


def _load_json(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelPackageError(f"cannot read {path}") from exc
    if not isinstance(data, dict) or "from_code" not in data or "to_code" not in data:
        raise ModelPackageError(f"{path} lacks from_code/to_code")
    return data
