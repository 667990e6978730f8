"""Offline translation for madoguchi: phrasebook, glossary, guarded Argos MT, language id.

Public API (used by the counter screen, the dialogue layer and the admin):

- ``build_service(data_dir=..., models_dir=...)`` -> ``TranslationService``
- ``reload_data(service, data_dir=...)``: glossary and phrasebook edits, live
- ``TranslationService.translate(text, target=..., source=None)`` -> ``TranslationResult``
- ``TranslationService.detect(text)`` -> ``Detection``
- ``localise_answer(service, question=..., answer=..., translations=..., lang=...)``
- ``all_pairs(service)`` / ``pair_status(service, source, target)``
- ``ModelStore(models_dir=...)``: ``install(path)``, ``list()``, ``remove(name)``
"""

from translation.availability import PairStatus, all_pairs, pair_status
from translation.detect import Detection, LanguageDetector
from translation.factory import build_service, reload_data
from translation.faq import LocalisedAnswer, localise_answer
from translation.glossary import Glossary, GlossaryTerm
from translation.guards import GuardResult
from translation.languages import ENDONYMS, SUPPORTED
from translation.model_store import InstalledModel, ModelPackageError, ModelStore
from translation.mt_engine import ArgosEngine, NoModelError
from translation.phrasebook import Phrase, Phrasebook, PhraseMatch
from translation.results import TermNote, TranslationResult
from translation.service import TranslationService

__all__ = [
    "ENDONYMS",
    "SUPPORTED",
    "ArgosEngine",
    "Detection",
    "Glossary",
    "GlossaryTerm",
    "GuardResult",
    "InstalledModel",
    "LanguageDetector",
    "LocalisedAnswer",
    "ModelPackageError",
    "ModelStore",
    "NoModelError",
    "PairStatus",
    "Phrase",
    "PhraseMatch",
    "Phrasebook",
    "TermNote",
    "TranslationResult",
    "TranslationService",
    "all_pairs",
    "build_service",
    "localise_answer",
    "pair_status",
    "reload_data",
]
