"""Machine translation with installed Argos packages on CTranslate2 (CPU).

We use Argos' package format and its ``Package`` reader, and run each
package's CTranslate2 model and tokenizer ourselves, so sentence splitting is
our offline splitter (translation.splitter) and no Argos code path that
downloads (MiniSBD, Stanza, the package index) is ever reached.
Pairs without a direct package pivot through English.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any, Protocol

import ctranslate2
import sentencepiece

from translation import languages
from translation.argos_env import argos_package_module
from translation.cache import LRUCache
from translation.model_store import InstalledModel, ModelStore, package_name
from translation.splitter import split_sentences

logger = logging.getLogger(__name__)


class NoModelError(LookupError):
    """No installed package (direct or via English) serves a language pair."""

    def __init__(self, source: str, target: str, missing: list[str]) -> None:
        super().__init__(f"no model for {source}->{target}; install {' or '.join(missing)}")
        self.source, self.target, self.missing = source, target, missing


@dataclass(frozen=True)
class MTOutput:
    text: str
    route: tuple[str, ...]  # languages passed through, e.g. ("ja", "en", "vi")
    models: tuple[str, ...]  # package names used, in order

    @property
    def pivot(self) -> bool:
        return len(self.route) > 2


class MTEngine(Protocol):
    """What the translation service needs from an MT engine (ArgosEngine, or a test double)."""

    def pairs(self) -> dict[tuple[str, str], InstalledModel]: ...

    def route(self, source: str, target: str) -> list[InstalledModel] | None: ...

    def translate(self, text: str, *, source: str, target: str) -> MTOutput: ...


def best_compute_type() -> str:
    """int8 where the CPU supports it: 2-4x faster and smaller than float32."""
    supported = ctranslate2.get_supported_compute_types("cpu")
    return "int8" if "int8" in supported else "default"


class _LoadedModel:
    """One package's translator and tokenizer; translate() is serialized per model."""

    def __init__(self, model: InstalledModel, package: Any, *, compute_type: str, threads: int):
        self.model = model
        self.lock = threading.Lock()
        self.target_prefix: str = getattr(package, "target_prefix", "") or ""
        self.translator = ctranslate2.Translator(
            str(model.path / "model"),
            device="cpu",
            compute_type=compute_type,
            intra_threads=threads,
        )
        sp_path = model.path / "sentencepiece.model"
        self._sp = (
            sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
            if sp_path.is_file()
            else None
        )
        self._argos_tokenizer = package.tokenizer

    def encode(self, sentence: str) -> list[str]:
        if self._sp is not None:
            return list(self._sp.encode(sentence, out_type=str))
        return list(self._argos_tokenizer.encode(sentence))

    def decode(self, tokens: list[str]) -> str:
        # Argos' own decode also turns "_" into spaces, which breaks e-mail addresses and URLs.
        if self._sp is not None:
            return str(self._sp.decode_pieces(tokens)).replace("▁", " ")
        return str(self._argos_tokenizer.decode(tokens))

    def translate(self, sentences: list[str], *, beam_size: int) -> list[str]:
        tokenized = [self.encode(s) for s in sentences]
        longest = max((len(t) for t in tokenized), default=1)
        prefix = [[self.target_prefix]] * len(tokenized) if self.target_prefix else None
        with self.lock:
            results = self.translator.translate_batch(
                tokenized,
                target_prefix=prefix,
                beam_size=beam_size,
                replace_unknowns=True,
                length_penalty=0.2,
                max_decoding_length=min(512, 3 * longest + 16),
            )
        return [self._clean(self.decode(r.hypotheses[0])) for r in results]

    def _clean(self, text: str) -> str:
        if self.target_prefix and text.startswith(self.target_prefix):
            text = text[len(self.target_prefix) :]
        return text.strip()


class ArgosEngine:
    """Translate between project languages with the packages in a ModelStore."""

    def __init__(
        self,
        *,
        store: ModelStore,
        compute_type: str | None = None,
        threads: int = 0,
        cache_size: int = 1024,
        beam_size: int = 2,
    ) -> None:
        self.store = store
        self.compute_type = compute_type or best_compute_type()
        self.threads = threads
        self.beam_size = beam_size
        self.cache: LRUCache[MTOutput] = LRUCache(maxsize=cache_size)
        self._loaded: dict[str, _LoadedModel] = {}
        self._load_lock = threading.Lock()
        self._pairs: dict[tuple[str, str], InstalledModel] | None = None
        self._signature: tuple[tuple[str, int], ...] = ()

    def reload(self) -> None:
        """Forget loaded models and re-read the store (after install/remove)."""
        with self._load_lock:
            self._loaded.clear()
            self._pairs = None
        self.cache.clear()

    def pairs(self) -> dict[tuple[str, str], InstalledModel]:
        """Installed pairs; a package installed or removed by the CLI is noticed on the next call."""
        signature = self.store.signature()
        with self._load_lock:
            if self._pairs is None or signature != self._signature:
                self._pairs = {m.pair: m for m in self.store.list()}
                self._signature = signature
                self._loaded.clear()
                self.cache.clear()
            return dict(self._pairs)

    def route(self, source: str, target: str) -> list[InstalledModel] | None:
        """Installed packages that translate source->target: direct first, else via English."""
        pairs = self.pairs()
        if (source, target) in pairs:
            return [pairs[(source, target)]]
        pivot = languages.PIVOT_LANGUAGE
        if (source, pivot) in pairs and (pivot, target) in pairs:
            return [pairs[(source, pivot)], pairs[(pivot, target)]]
        return None

    def missing_packages(self, source: str, target: str) -> list[str]:
        return missing_packages(source, target, installed=set(self.pairs()))

    def translate(self, text: str, *, source: str, target: str) -> MTOutput:
        key = (source, target, text)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        route = self.route(source, target)
        if route is None:
            raise NoModelError(source, target, self.missing_packages(source, target))
        output = self._run(text, route)
        self.cache.put(key, output)
        return output

    def loaded_model(self, model: InstalledModel) -> _LoadedModel:
        with self._load_lock:
            if model.name not in self._loaded:
                package = argos_package_module(self.store.models_dir).Package(model.path)
                logger.info("loading model %s (%s)", model.name, self.compute_type)
                self._loaded[model.name] = _LoadedModel(
                    model, package, compute_type=self.compute_type, threads=self.threads
                )
            return self._loaded[model.name]

    def _run(self, text: str, route: list[InstalledModel]) -> MTOutput:
        current = text
        for model in route:
            current = self._translate_text(current, model)
        path = (route[0].source, *(m.target for m in route))
        return MTOutput(current, path, tuple(m.name for m in route))

    def _translate_text(self, text: str, model: InstalledModel) -> str:
        """Translate sentence by sentence in one batch, keeping the line breaks."""
        lines = [split_sentences(line) for line in text.split("\n")]
        flat = [sentence for line in lines for sentence in line]
        if not flat:
            return ""
        translated = iter(self.loaded_model(model).translate(flat, beam_size=self.beam_size))
        joiner = " " if languages.uses_spaces(model.target) else ""
        return "\n".join(joiner.join(next(translated) for _ in line) for line in lines).strip()


def missing_packages(source: str, target: str, *, installed: set[tuple[str, str]]) -> list[str]:
    """Ways an administrator can serve the pair: the direct package, or the missing pivot legs."""
    if (source, target) in installed:
        return []
    direct = _argos_name(source, target)
    pivot = languages.PIVOT_LANGUAGE
    if pivot in (source, target):
        return [direct]
    legs = [(source, pivot), (pivot, target)]
    needed = [_argos_name(*leg) for leg in legs if leg not in installed]
    return [direct, " + ".join(needed)] if needed else []


def _argos_name(source: str, target: str) -> str:
    return package_name(languages.argos_codes(source)[0], languages.argos_codes(target)[0])
