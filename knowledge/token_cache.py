"""Analysed tokens per FAQ entry, kept across index rebuilds.

An admin's edit or a file change rebuilds the whole index; with this cache only the
changed entries go through SudachiPy again, so the edit is live in well under a second.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from .faq_schema import FaqEntry

LIMIT = 50_000  # entries; a few KB each


@dataclass(frozen=True)
class EntryTokens:
    streams: dict[str, list[str]]       # channel name -> tokens
    by_language: dict[str, list[str]]   # translation language -> tokens


_cache: OrderedDict[str, EntryTokens] = OrderedDict()
_lock = threading.Lock()


def entry_key(entry: FaqEntry, analysis: str) -> str:
    """Changes when anything the index reads from the entry changes (or the analysis does)."""
    translations = sorted((lang, t.question, t.answer) for lang, t in entry.translations.items())
    content = repr((analysis, entry.question, entry.alternatives, entry.keywords, entry.category,
                    entry.answer, translations))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def cached_tokens(key: str, analyse: Callable[[], EntryTokens]) -> EntryTokens:
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    tokens = analyse()
    with _lock:
        _cache[key] = tokens
        while len(_cache) > LIMIT:
            _cache.popitem(last=False)
    return tokens
