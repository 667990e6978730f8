"""What every edit leaves behind: who changed what, when, and the diff (stored by storage/)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class Change:
    kind: str  # faq | synonyms | glossary | phrasebook
    target: str  # FAQ id, or the file's path inside data/
    action: str  # create | update | delete | rollback | import
    file: str  # path inside data/
    before: str  # YAML of the entry (or the whole file) before; "" when it did not exist
    after: str  # ... and after; "" when deleted
    author: str

    @property
    def diff(self) -> str:
        return unified_diff(self.before, self.after, self.file)


@dataclass(frozen=True)
class Revision:
    id: int
    created_at: datetime
    change: Change


class RevisionLog(Protocol):
    def add(self, change: Change) -> int: ...

    def get(self, revision_id: int) -> Revision | None: ...


def unified_diff(before: str, after: str, name: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"{name}（変更前）", tofile=f"{name}（変更後）", n=2)
    return "".join(lines)
