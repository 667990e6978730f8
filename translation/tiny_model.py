"""Build a tiny but real .argosmodel package, for tests, benchmarks and demos.

The package has everything an Argos package has: metadata.json, a
SentencePiece model trained on the given lines, and a CTranslate2 Transformer
(one layer, random weights) written with CTranslate2's own spec writer. Its
output is gibberish by design; it exercises the whole MT path (install, load,
tokenize, decode, guards) without any download.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sentencepiece
from ctranslate2.specs import transformer_spec


@dataclass(frozen=True)
class ModelSize:
    layers: int = 1
    heads: int = 2
    dim: int = 16
    ffn: int = 32
    vocab_padding: int = 0  # extra dummy tokens, to reach a real model's vocabulary size


TINY = ModelSize()
# Roughly the shape of an Argos (OpenNMT Transformer base) model, for memory/speed estimates.
ARGOS_LIKE = ModelSize(layers=6, heads=8, dim=512, ffn=2048, vocab_padding=32000)


def build_tiny_package(
    out_dir: Path, *, from_code: str, to_code: str, corpus: Sequence[str], seed: int = 0,
    size: ModelSize = TINY,
) -> Path:
    """Write ``translate-<from>_<to>.argosmodel`` into ``out_dir`` and return its path."""
    name = f"translate-{from_code}_{to_code}"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        (root / "model").mkdir(parents=True)
        vocab = _train_sentencepiece(root, corpus)
        vocab += [f"<pad{i}>" for i in range(size.vocab_padding)]
        _write_model(root / "model", vocab, seed=seed, size=size)
        _write_metadata(root, from_code, to_code)
        archive = Path(out_dir) / f"{name}.argosmodel"
        _zip_dir(root, archive)
    return archive


def _train_sentencepiece(root: Path, corpus: Sequence[str]) -> list[str]:
    corpus_file = root.parent / "corpus.txt"
    corpus_file.write_text("\n".join(corpus), encoding="utf-8")
    sentencepiece.SentencePieceTrainer.train(
        input=str(corpus_file),
        model_prefix=str(root / "sentencepiece"),
        vocab_size=400,
        hard_vocab_limit=False,
        character_coverage=1.0,
        minloglevel=2,
    )
    (root / "sentencepiece.vocab").unlink()
    sp = sentencepiece.SentencePieceProcessor(model_file=str(root / "sentencepiece.model"))
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def _write_model(model_dir: Path, vocab: list[str], *, seed: int, size: ModelSize) -> None:
    spec = transformer_spec.TransformerSpec.from_config(size.layers, size.heads)
    rng = np.random.default_rng(seed)

    def fill(layer: object, name: str, value: object) -> None:
        if value is None:
            attr = name.split("/")[-1]
            setattr(layer, attr, _weight(name, attr, len(vocab), rng, size))

    spec._visit(fill)  # the spec API offers no public visitor; converters use the same hook
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization=None)
    spec.save(str(model_dir))


def _weight(
    name: str, attr: str, vocab_size: int, rng: np.random.Generator, size: ModelSize
) -> np.ndarray:
    shape = _shape(name, vocab_size, size.dim, size.ffn)
    if attr == "gamma":
        return np.ones(shape, np.float32)
    if attr == "beta":
        return np.zeros(shape, np.float32)
    return rng.normal(0.0, 0.3 if size.dim <= 64 else 0.05, shape).astype(np.float32)


def _shape(name: str, vocab_size: int, dim: int, ffn: int) -> tuple[int, ...]:
    if "embeddings" in name or "projection" in name:
        return (vocab_size, dim)
    if "layer_norm" in name:
        return (dim,)
    if "ffn/linear_0" in name:
        return (ffn, dim)
    if "ffn/linear_1" in name:
        return (dim, ffn)
    if "self_attention/linear_0" in name:
        return (3 * dim, dim)  # fused query/key/value
    if "/attention/linear_1" in name:
        return (2 * dim, dim)  # fused key/value of the encoder-decoder attention
    return (dim, dim)


def _write_metadata(root: Path, from_code: str, to_code: str) -> None:
    metadata = {
        "package_version": "0.1",
        "argos_version": "1.11",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
        "links": [],
    }
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (root / "README.md").write_text("Tiny random test model (madoguchi). Output is gibberish.\n")


def _zip_dir(root: Path, archive: Path) -> None:
    archive.parent.mkdir(parents=True, exist_ok=True)
    tmp = archive.with_suffix(".partial")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(root.rglob("*")):
            zf.write(path, path.relative_to(root.parent).as_posix())
    shutil.move(tmp, archive)
