"""The one writer for data/: admin UI, CLI and CSV import all edit through it.

validate -> atomic write (temp file, fsync, rename) -> revision record -> live reload.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from knowledge.yaml_io import read_yaml

from . import data_files
from .atomic import atomic_write_text
from .errors import NotFound, Rejected, StaleVersion
from .faq_check import FieldProblem, entry_problems, faq_files
from .faq_doc import FaqDocument, entry_text, fields_from_text, plain, set_fields, version_of
from .revisions import Change, RevisionLog

logger = logging.getLogger(__name__)
_process_lock = threading.Lock()


@dataclass(frozen=True)
class EntryView:
    id: str
    file: str  # path inside data/
    category: str
    fields: dict[str, Any]
    version: str


@dataclass(frozen=True)
class EntryEdit:
    """One entry to create (entry_id None) or update, for batch edits such as a CSV import."""

    entry_id: str | None
    fields: dict[str, Any]
    file: Path | None = None  # where a new entry goes
    version: str | None = None  # None: do not compare (the import preview already showed it)


class KnowledgeWriter:
    def __init__(self, *, data_dir: Path, revisions: RevisionLog | None = None,
                 on_change: Callable[[str], object] | None = None) -> None:
        self.data_dir = data_dir
        self._revisions = revisions
        self._on_change = on_change

    # -- reading ---------------------------------------------------------------------------
    def entry(self, entry_id: str) -> EntryView | None:
        for path in faq_files(self.data_dir):
            doc = FaqDocument(path, read_yaml(path))
            index = doc.index_of(entry_id)
            if index is not None:
                return self._view(doc, index)
        return None

    def category_files(self) -> dict[str, Path]:
        """Category name -> its file, for choosing where a new entry goes."""
        return {FaqDocument(path, read_yaml(path)).category: path for path in faq_files(self.data_dir)}

    # -- FAQ entries -----------------------------------------------------------------------
    def check(self, fields: dict[str, Any], *, entry_id: str | None = None,
              file: Path | None = None) -> list[FieldProblem]:
        """What saving ``fields`` would report, without writing anything."""
        doc, new_id = self._candidate(EntryEdit(entry_id, fields, file))
        return self._problems(doc, new_id, creating=entry_id is None)

    def save(self, entry_id: str, fields: dict[str, Any], *, version: str, author: str) -> EntryView:
        return self.apply([EntryEdit(entry_id, fields, version=version)], author=author, action="update")[0]

    def create(self, fields: dict[str, Any], *, file: Path, author: str) -> EntryView:
        return self.apply([EntryEdit(None, fields, file)], author=author, action="create")[0]

    def delete(self, entry_id: str, *, version: str, author: str) -> None:
        with self._locked():
            doc, index = self._locate(entry_id)
            before = plain(doc.entries[index])
            self._compare(before, version)
            del doc.entries[index]
            self._commit({doc.path: doc}, [self._change("faq", entry_id, "delete", doc.path, before, None, author)])

    def apply(self, edits: list[EntryEdit], *, author: str, action: str) -> list[EntryView]:
        """Apply several entry edits; if any is invalid or stale, nothing is written."""
        with self._locked():
            docs: dict[Path, FaqDocument] = {}
            changes, problems, ids = [], [], []
            for edit in edits:
                doc, new_id, before = self._apply_one(edit, docs)
                found = self._problems(doc, new_id, creating=edit.entry_id is None)
                problems += [FieldProblem(p.field, f"{new_id}: {p.message}", p.hint, p.severity) for p in found]
                after = plain(doc.entries[doc.index_of(new_id) or 0])
                if before != after:
                    changes.append(self._change("faq", new_id, action, doc.path, before, after, author))
                ids.append(new_id)
            if any(p.severity == "error" for p in problems):
                raise Rejected(problems)
            self._commit(docs, changes)
            return [self._view_by_id(docs, entry_id) for entry_id in ids]

    def rollback(self, change: Change, *, author: str) -> None:
        """Put the entry or file back the way it was before ``change``."""
        if change.kind != "faq":
            _, version = self.read_file(change.file)
            self.save_file(change.file, change.before, version=version, author=author, action="rollback")
            return
        wanted = fields_from_text(change.before)
        current = self.entry(change.target)
        if wanted is None and current is not None:
            self.delete(change.target, version=current.version, author=author)
        elif wanted is not None:
            edit = EntryEdit(change.target if current else None, wanted, self.data_dir / change.file,
                             current.version if current else None)
            self.apply([edit], author=author, action="rollback")

    # -- synonyms, glossary, phrasebook ------------------------------------------------------
    def read_file(self, name: str) -> tuple[str, str]:
        """(text, version) of an editable data file such as ``synonyms.yaml``."""
        path = data_files.resolve(self.data_dir, name)
        text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
        return text, _text_version(text)

    def check_file(self, name: str, text: str) -> list[data_files.Problem]:
        return data_files.check(self.data_dir, name, text)

    def save_file(self, name: str, text: str, *, version: str, author: str, action: str = "update") -> str:
        path = data_files.resolve(self.data_dir, name)
        with self._locked():
            before, current = self.read_file(name)
            if current != version:
                raise StaleVersion(current)
            errors = [p for p in self.check_file(name, text) if p.severity == "error"]
            if errors:
                raise Rejected([FieldProblem("", f"{p.line}行目: {p.message}", p.hint, p.severity) for p in errors])
            atomic_write_text(path, text)
            self._record(Change(data_files.kind_of(name), name, action, name, before, text, author))
        self._notify(data_files.kind_of(name))
        return _text_version(text)

    # -- internals ---------------------------------------------------------------------------
    def _apply_one(self, edit: EntryEdit, docs: dict[Path, FaqDocument]
                   ) -> tuple[FaqDocument, str, dict[str, Any] | None]:
        if edit.entry_id is None:
            doc, new_id = self._candidate(edit, docs)
            return doc, new_id, None
        doc, index = self._locate(edit.entry_id, docs)
        before = plain(doc.entries[index])
        if edit.version is not None:
            self._compare(before, edit.version)
        doc, new_id = self._candidate(edit, docs)
        return doc, new_id, before

    def _candidate(self, edit: EntryEdit, docs: dict[Path, FaqDocument] | None = None
                   ) -> tuple[FaqDocument, str]:
        docs = {} if docs is None else docs
        if edit.entry_id is not None:
            doc, index = self._locate(edit.entry_id, docs)
            set_fields(doc.entries[index], {**edit.fields, "id": edit.entry_id})  # ids never change
            return doc, edit.entry_id
        path = edit.file or next(iter(faq_files(self.data_dir)), self.data_dir / "faq" / "other.yaml")
        if path not in docs:
            docs[path] = FaqDocument.read(path)
        doc = docs[path]
        if not isinstance(doc.doc.get("entries"), list):
            doc.doc["entries"] = CommentedSeq()
        node = CommentedMap()
        set_fields(node, edit.fields)
        doc.doc["entries"].append(node)
        return doc, str(edit.fields.get("id", "")).strip()

    def _locate(self, entry_id: str, docs: dict[Path, FaqDocument] | None = None) -> tuple[FaqDocument, int]:
        docs = {} if docs is None else docs
        for doc in docs.values():
            index = doc.index_of(entry_id)
            if index is not None:
                return doc, index
        for path in faq_files(self.data_dir):
            if path not in docs and FaqDocument(path, read_yaml(path)).index_of(entry_id) is not None:
                docs[path] = FaqDocument.read(path)  # a fresh copy to change (read_yaml's is shared)
                return docs[path], docs[path].index_of(entry_id) or 0
        raise NotFound(f"FAQ '{entry_id}' が見つかりません")

    def _problems(self, doc: FaqDocument, new_id: str, *, creating: bool) -> list[FieldProblem]:
        problems = entry_problems(self.data_dir, doc, new_id)
        duplicate_reported = any(p.field == "id" and "重複" in p.message for p in problems)
        if creating and new_id and not duplicate_reported and self._exists_elsewhere(new_id, doc.path):
            problems.append(FieldProblem("id", f"id '{new_id}' はすでに使われています",
                                         "ほかの FAQ と違う id にしてください", "error"))
        return problems

    def _exists_elsewhere(self, entry_id: str, path: Path) -> bool:
        others = [p for p in faq_files(self.data_dir) if p != path]
        in_own = sum(1 for item in FaqDocument(path, read_yaml(path)).entries
                     if isinstance(item, dict) and str(item.get("id", "")).strip() == entry_id) if path.exists() else 0
        return in_own > 0 or any(FaqDocument(p, read_yaml(p)).index_of(entry_id) is not None for p in others)

    def _compare(self, current: Any, version: str) -> None:
        if version_of(current) != version:
            raise StaleVersion(version_of(current))

    def _commit(self, docs: dict[Path, FaqDocument], changes: list[Change]) -> None:
        for doc in docs.values():
            atomic_write_text(doc.path, doc.text())
        for change in changes:
            self._record(change)
        if docs:
            self._notify("faq")

    def _change(self, kind: str, target: str, action: str, path: Path, before: dict[str, Any] | None,
                after: dict[str, Any] | None, author: str) -> Change:
        relative = str(path.relative_to(self.data_dir))
        return Change(kind, target, action, relative, entry_text(before), entry_text(after), author)

    def _record(self, change: Change) -> None:
        if self._revisions is not None:
            self._revisions.add(change)
        logger.info("%s %s %s by %s", change.kind, change.action, change.target, change.author)

    def _notify(self, kind: str) -> None:
        if self._on_change is not None:
            self._on_change(kind)

    def _view(self, doc: FaqDocument, index: int) -> EntryView:
        fields = plain(doc.entries[index])
        return EntryView(str(fields.get("id", "")), str(doc.path.relative_to(self.data_dir)), doc.category,
                         fields, version_of(fields))

    def _view_by_id(self, docs: dict[Path, FaqDocument], entry_id: str) -> EntryView:
        doc, index = self._locate(entry_id, docs)
        return self._view(doc, index)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        # One writer at a time: threads of the app, and the CLI in another process.
        digest = hashlib.sha256(str(self.data_dir.resolve()).encode()).hexdigest()[:12]
        lock_path = Path(tempfile.gettempdir()) / f"madoguchi-write-{digest}.lock"
        with _process_lock, open(lock_path, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _text_version(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
