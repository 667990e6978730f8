"""Text encoders: a sentence-transformers folder, or a deterministic hash double for tests."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from pathlib import Path
from typing import Any, Protocol

import numpy as np

logger = logging.getLogger(__name__)


class Embedder(Protocol):
    fingerprint: str
    dimension: int

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_passages(self, texts: list[str]) -> np.ndarray: ...


class ModelFolderError(ValueError):
    """The configured embedding model folder is missing or is not a sentence-transformers model."""


def check_model_folder(path: Path) -> None:
    if not path.is_dir():
        raise ModelFolderError(f"embedding model folder not found: {path} (install one with "
                               "`madoguchi models install-embedding PATH`)")
    if not (path / "modules.json").exists() and not (path / "config.json").exists():
        raise ModelFolderError(f"{path} is not a sentence-transformers model folder "
                               "(expected modules.json or config.json)")


def folder_fingerprint(path: Path, extra: str = "") -> str:
    """Changes when the model's files change: names, sizes, and the content of config files."""
    digest = hashlib.sha256(extra.encode())
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(f"{file.relative_to(path)}:{file.stat().st_size}".encode())
        if file.suffix in (".json", ".txt") and file.stat().st_size < 2_000_000:
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def model_prompts(path: Path) -> dict[str, str]:
    """The model's own prompts (e.g. e5's "query: " / "passage: ") from its ST config."""
    config = path / "config_sentence_transformers.json"
    if not config.exists():
        return {}
    prompts = json.loads(config.read_text("utf-8")).get("prompts") or {}
    return {str(k): str(v) for k, v in prompts.items()}


class SentenceTransformerEmbedder:
    """Loads a local sentence-transformers folder on ``warm_up`` (never at import, never from a hub)."""

    def __init__(self, model_dir: Path, *, query_prompt: str | None = None, passage_prompt: str | None = None,
                 batch_size: int = 32) -> None:
        check_model_folder(model_dir)
        prompts = model_prompts(model_dir)
        self.model_dir = model_dir
        self.query_prompt = prompts.get("query", "") if query_prompt is None else query_prompt
        self.passage_prompt = (prompts.get("passage", prompts.get("document", ""))
                               if passage_prompt is None else passage_prompt)
        self.batch_size = batch_size
        self.fingerprint = folder_fingerprint(model_dir, f"{self.query_prompt}|{self.passage_prompt}")
        self._model: Any = None
        self._lock = threading.Lock()
        self.dimension = 0

    def warm_up(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(self.model_dir), device="cpu", local_files_only=True)
            # sentence-transformers 6 renamed the method; accept both.
            dimension = (getattr(self._model, "get_embedding_dimension", None)
                         or self._model.get_sentence_embedding_dimension)
            self.dimension = int(dimension() or 0)
            logger.info("embedding model loaded from %s (dimension %d)", self.model_dir, self.dimension)

    def _encode(self, texts: list[str], prompt: str) -> np.ndarray:
        self.warm_up()
        vectors = self._model.encode([prompt + t for t in texts], batch_size=self.batch_size,
                                     normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.query_prompt)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.passage_prompt)


class HashEmbedder:
    """Deterministic bag-of-character-bigrams vectors: a test double that needs no model."""

    def __init__(self, dimension: int = 256) -> None:
        if dimension <= 0:
            raise ValueError(f"dimension must be > 0, got {dimension}")
        self.dimension = dimension
        self.fingerprint = f"hash-{dimension}"

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dimension, dtype=np.float32)
        for i in range(max(len(text) - 1, 1)):
            gram = text[i:i + 2].encode()
            vector[int.from_bytes(hashlib.blake2b(gram, digest_size=4).digest(), "big") % self.dimension] += 1
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dimension), np.float32)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self.encode_queries(texts)
