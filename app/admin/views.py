"""What the admin pages and API show, computed from the live engine and the stores."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from knowledge.editing.faq_doc import EDITABLE, fields_from_text
from knowledge.editing.revisions import Change
from knowledge.normalize import fold_kana

from .services import AdminServices

JST = timezone(timedelta(hours=9))
FIELD_NAMES = {"id": "id", "question": "質問", "alternatives": "言い換え", "answer": "回答", "department": "担当課",
               "url": "出典 URL", "updated": "更新日", "keywords": "キーワード", "translations": "翻訳"}
ACTIONS = {"create": "追加", "update": "変更", "delete": "削除", "rollback": "元に戻す", "import": "CSV 取り込み"}


def local_time(moment: datetime) -> str:
    return moment.astimezone(JST).strftime("%Y-%m-%d %H:%M")


def _relative(path: str, data_dir: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(data_dir.resolve()))
    except ValueError:
        return path


def status_of(services: AdminServices) -> dict[str, Any]:
    holder = services.holder
    data_dir = services.settings.data_dir
    problems = [{"path": _relative(p.path, data_dir), "line": p.line, "message": p.message, "hint": p.hint}
                for p in holder.last_problems if p.severity == "error"]
    entries = len(holder.current.faq.entries) if holder.ready else 0
    return {"ready": holder.ready, "entries": entries, "problems": problems}


def entry_rows(services: AdminServices, *, q: str = "", category: str = "") -> list[dict[str, Any]]:
    if not services.holder.ready:
        return []
    needle = fold_kana(q.strip())
    rows = []
    for entry in services.holder.current.faq.entries:
        if category and entry.category != category:
            continue
        text = " ".join((entry.id, entry.question, *entry.alternatives, *entry.keywords, entry.answer))
        if needle and needle not in fold_kana(text):
            continue
        rows.append({"id": entry.id, "category": entry.category, "question": entry.question,
                     "department": entry.department.name, "updated": entry.updated.isoformat()})
    return rows


def categories(services: AdminServices) -> list[str]:
    return services.holder.current.faq.categories() if services.holder.ready else []


def history_rows(services: AdminServices, target: str) -> list[dict[str, Any]]:
    return [{"id": r.id, "when": local_time(r.created_at), "author": r.change.author,
             "action": ACTIONS.get(r.change.action, r.change.action), "diff": r.change.diff,
             "fields": field_changes(r.change) if r.change.kind == "faq" else []}
            for r in services.revisions.history(target=target)]


def field_changes(change: Change) -> list[tuple[str, str, str]]:
    """(label, before, after) per FAQ field that changed: easier to read than a diff."""
    before = fields_from_text(change.before) or {}
    after = fields_from_text(change.after) or {}
    return [(FIELD_NAMES.get(key, key), _shown(before.get(key)), _shown(after.get(key)))
            for key in (*EDITABLE, "translations") if before.get(key) != after.get(key)]


def _shown(value: Any) -> str:
    if value is None:
        return "（なし）"
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, dict):
        return "、".join(value)
    return str(value)


def recent_changes(services: AdminServices, limit: int = 20) -> list[dict[str, Any]]:
    return [{"id": r.id, "when": local_time(r.created_at), "author": r.change.author, "target": r.change.target,
             "kind": r.change.kind, "action": ACTIONS.get(r.change.action, r.change.action)}
            for r in services.revisions.history(limit=limit)]
