"""Build a TranslationService from a deployment's folders."""

from __future__ import annotations

from pathlib import Path

from translation.glossary import Glossary
from translation.model_store import ModelStore
from translation.mt_engine import ArgosEngine
from translation.phrasebook import Phrasebook
from translation.service import TranslationService


def build_service(
    *,
    data_dir: Path,
    models_dir: Path,
    compute_type: str | None = None,
    threads: int = 0,
    cache_size: int = 1024,
) -> TranslationService:
    """Glossary from data/glossary.yaml, phrases from data/phrasebook/, models from models_dir."""
    engine = ArgosEngine(
        store=ModelStore(models_dir=models_dir),
        compute_type=compute_type,
        threads=threads,
        cache_size=cache_size,
    )
    return TranslationService(
        glossary=Glossary.load(Path(data_dir) / "glossary.yaml"),
        phrasebook=Phrasebook.load_dir(Path(data_dir) / "phrasebook"),
        engine=engine,
    )


def reload_data(service: TranslationService, *, data_dir: Path) -> None:
    """Swap in data/glossary.yaml and data/phrasebook/ as they are now; loaded models stay.

    Changed in place, so everyone holding this service (routes, the dialogue layer, the
    counter) sees the edit. Both are loaded before either is swapped: a broken file raises
    and leaves the service as it was.
    """
    glossary = Glossary.load(Path(data_dir) / "glossary.yaml")
    phrasebook = Phrasebook.load_dir(Path(data_dir) / "phrasebook")
    service.glossary, service.phrasebook = glossary, phrasebook
