"""Garbage knowledge: collection calendar by area and the sorting dictionary.

Pure library (no ``app`` imports). Data lives in ``data/garbage/`` (see its README.md
and docs/DATA_FORMATS.md): the 5374.jp calendar files plus ``items.csv`` in the
Digital Agency ごみの分別方法 layout. Files may be UTF-8, UTF-8 with BOM or CP932.

Public API (what the dialogue layer codes against)::

    from datetime import date
    from knowledge.garbage import GarbageGuide, GarbageDataError

    guide = GarbageGuide.load(Path("data/garbage"))      # GarbageDataError if invalid
    guide.areas                  # tuple[Area, ...] in file order (Area.name, .reading, .romaji)
    guide.categories             # tuple[str, ...] calendar columns: 燃やすごみ, 燃やさないごみ, ...
    guide.category_info("粗大ごみ")  # CategoryInfo | None: description, by_appointment, en name

    guide.find_area("さくらだい", limit=5)  # list[AreaMatch] best first (.area, .score, .exact)
    guide.get_area("桜台二丁目")            # Area | None, exact name (after normalisation)
    guide.resolve_category("資源ごみ")      # "資源" | None (aliases from description.csv)

    guide.next_collections("桜台二丁目", category=None, start=date(2026, 11, 22), count=2)
    # -> list[Collection], one per category, soonest first. Collection has
    #    .category, .dates (tuple[date, ...], empty for 粗大ごみ: by appointment),
    #    .by_appointment, .description, .remarks (tuple[str, ...]: area notes and the
    #    notes of moved/extra dates), .schedule (「毎週火・金曜日」「第2・第4月曜日」).
    guide.collections_on("桜台二丁目", date(2026, 11, 23))   # list[str]: "明日は何ごみ？"

    guide.lookup_item("すぷれー缶", limit=5)  # list[ItemMatch] best first
    # ItemMatch: .item (Item: .name, .reading, .english, .category, .notes, .fee_type,
    #            .fee (int | None), .fee_note, .remarks), .score (0-100), .exact.
    # An unknown item still returns the closest items (low scores, exact=False);
    # callers decide with ``.exact`` / ``.score`` whether to answer or offer choices.

    from knowledge.garbage import validate_dir
    validate_dir(Path("data/garbage"))    # list[Issue]; str(issue) = "file:line: error: ...（hint）"

``area`` arguments accept an ``Area`` or its name; an unknown name raises ``KeyError``.
``category`` accepts a calendar category or an alias (「燃えるごみ」「可燃ごみ」→ 燃やすごみ);
an unknown category raises ``KeyError``.
"""

from .errors import GarbageDataError, Issue
from .guide import GarbageGuide, validate_dir
from .models import Area, AreaMatch, CategoryInfo, Collection, Item, ItemMatch

__all__ = [
    "Area",
    "AreaMatch",
    "CategoryInfo",
    "Collection",
    "GarbageDataError",
    "GarbageGuide",
    "Issue",
    "Item",
    "ItemMatch",
    "validate_dir",
]
