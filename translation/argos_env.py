"""Import Argos Translate without letting it touch the home directory or the network.

``argostranslate.settings`` creates ~/.local/share, ~/.config and ~/.local/cache
directories and reads the package index URL at import time. We point all of
them into the deployment's models directory (via the environment variables it
reads) for the duration of the import only, so other libraries never see them.
Only ``argostranslate.package`` is imported: ``argostranslate.translate`` pulls
in Stanza and MiniSBD, whose splitters download models.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from pathlib import Path
from types import ModuleType

ARGOS_STATE_DIR = ".argos"  # inside models_dir; skipped when listing packages
_import_lock = threading.Lock()


def _private_environment(models_dir: Path) -> dict[str, str]:
    state = models_dir / ARGOS_STATE_DIR
    return {
        "XDG_DATA_HOME": str(state / "data"),
        "XDG_CONFIG_HOME": str(state / "config"),
        "XDG_CACHE_HOME": str(state / "cache"),
        "ARGOS_PACKAGES_DIR": str(models_dir),
        # A non-network index location: even an accidental index call cannot go online.
        "ARGOS_PACKAGE_INDEX": (state / "no-index").as_uri() + "/",
        "ARGOS_DEVICE_TYPE": "cpu",
        "ARGOS_CHUNK_TYPE": "MINISBD",
    }


def argos_package_module(models_dir: Path) -> ModuleType:
    """Return ``argostranslate.package``, importing it with private directories once."""
    with _import_lock:
        if "argostranslate.package" not in sys.modules:
            _import_privately(models_dir)
        return importlib.import_module("argostranslate.package")


def _import_privately(models_dir: Path) -> None:
    models_dir.mkdir(parents=True, exist_ok=True)
    overrides = _private_environment(models_dir)
    saved = {key: os.environ.get(key) for key in overrides}
    os.environ.update(overrides)
    try:
        importlib.import_module("argostranslate.package")
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
