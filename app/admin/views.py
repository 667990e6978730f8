"""What the admin pages and API show, computed from the live engine and the stores."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from knowledge.normalize import fold_kana

from .services import AdminServices

JST = timezone(timedelta(hours=9))
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
             "action": ACTIONS.get(r.change.action, r.change.action), "diff": r.change.diff}
            for r in services.revisions.history(target=target)]


def recent_changes(services: AdminServices, limit: int = 20) -> list[dict[str, Any]]:
    return [{"id": r.id, "when": local_time(r.created_at), "author": r.change.author, "target": r.change.target,
             "kind": r.change.kind, "action": ACTIONS.get(r.change.action, r.change.action)}
            for r in services.revisions.history(limit=limit)]
