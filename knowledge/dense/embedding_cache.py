"""Embeddings on disk keyed by model fingerprint and text hash: restarts and edits re-encode only what changed."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class EmbeddingCache:
    def __init__(self, directory: Path | None, fingerprint: str) -> None:
        self._path = directory / f"embeddings-{fingerprint}.npz" if directory else None
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._load()

    def _load(self) -> None:
        if self._path is None or not self._path.exists():
            return
        try:
            with np.load(self._path, allow_pickle=False) as data:
                self._vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        except (OSError, ValueError, KeyError) as exc:
            logger.warning("embedding cache %s unreadable (%s); re-encoding", self._path, exc)
            self._vectors = {}

    def vectors_for(self, texts: list[str], encode: Callable[[list[str]], np.ndarray]) -> tuple[np.ndarray, int]:
        """Vectors for ``texts`` (cached or freshly encoded) and how many were encoded now."""
        keys = [text_key(t) for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._vectors))
        if missing:
            by_key = dict(zip(keys, texts, strict=True))
            fresh = encode([by_key[k] for k in missing])
            with self._lock:
                self._vectors.update(zip(missing, fresh, strict=True))
        with self._lock:
            matrix = np.stack([self._vectors[k] for k in keys]) if keys else np.zeros((0, 0), np.float32)
        return matrix.astype(np.float32), len(missing)

    def save(self, keep: set[str] | None = None) -> None:
        """Write atomically (temporary file + rename); ``keep`` drops vectors no longer used."""
        if self._path is None:
            return
        with self._lock:
            items = [(k, v) for k, v in self._vectors.items() if keep is None or k in keep]
        if not items:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self._path.with_suffix(".tmp.npz")
        np.savez(temporary, keys=np.array([k for k, _ in items]), vectors=np.stack([v for _, v in items]))
        os.replace(temporary, self._path)
