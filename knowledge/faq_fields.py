"""Field-by-field checks of FAQ entries and departments, with fix-it hints."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlparse

from .faq_schema import Department, FaqEntry, Translation
from .languages import LANGUAGES, canonical_language
from .yaml_io import Problem, line_of

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,79}$")
ENTRY_FIELDS = ("id", "question", "alternatives", "answer", "department", "url", "updated",
                "keywords", "translations")
REQUIRED = ("id", "question", "alternatives", "answer", "department", "url", "updated")
DEPARTMENT_FIELDS = ("id", "name", "division", "place", "phone", "hours", "email", "translations")
FIELD_LABELS = {
    "id": "id（固定の識別子）", "question": "question（質問）", "alternatives": "alternatives（言い換え）",
    "answer": "answer（回答）", "department": "department（担当課の id）", "url": "url（出典ページ）",
    "updated": "updated（更新日）",
}


def _unknown_field(key: str, allowed: tuple[str, ...], path: str, line: int) -> Problem:
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"'{close[0]}' の書き間違いではありませんか" if close else f"使える項目: {', '.join(allowed)}"
    return Problem(path, line, f"知らない項目 '{key}' があります", hint)


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def check_department(item: Any, path: str, problems: list[Problem]) -> Department | None:
    line = line_of(item)
    if not isinstance(item, dict):
        problems.append(Problem(path, line, "担当課は「- id: ...」の形で書いてください"))
        return None
    for key in item:
        if key not in DEPARTMENT_FIELDS:
            problems.append(_unknown_field(str(key), DEPARTMENT_FIELDS, path, line_of(item, key)))
    values = {key: _text(item.get(key)) for key in ("id", "name", "place", "phone", "hours")}
    missing = [key for key, value in values.items() if value is None]
    if missing:
        problems.append(Problem(path, line, f"担当課に {', '.join(missing)} がありません"))
        return None
    translations = {
        str(lang): {str(k): str(v) for k, v in (fields or {}).items()}
        for lang, fields in (item.get("translations") or {}).items()
    }
    return Department(
        id=str(values["id"]), name=str(values["name"]), place=str(values["place"]),
        phone=str(values["phone"]), hours=str(values["hours"]),
        division=_text(item.get("division")) or "", email=_text(item.get("email")) or "",
        translations=translations,
    )


@dataclass
class EntryChecker:
    """Checks entries one by one and remembers ids to find duplicates across files."""

    departments: dict[str, Department]
    seen: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def check(self, item: Any, *, category: str, path: str, problems: list[Problem]) -> FaqEntry | None:
        line = line_of(item)
        if not isinstance(item, dict):
            problems.append(Problem(path, line, "FAQ は「- id: ...」で始まる形で書いてください"))
            return None
        before = len(problems)
        self._check_keys(item, path, problems)
        values = self._required_values(item, path, problems)
        if len(problems) > before and any(p.severity == "error" for p in problems[before:]):
            return None
        entry_id = str(values["id"])
        self.seen.setdefault(entry_id, []).append((path, line))
        return FaqEntry(
            id=entry_id, category=category, question=str(values["question"]),
            alternatives=tuple(values["alternatives"]), answer=str(values["answer"]),
            department=values["department"], url=str(values["url"]), updated=values["updated"],
            keywords=tuple(self._strings(item, "keywords", path, problems)),
            translations=self._translations(item, path, problems), source_file=path, line=line,
        )

    def duplicate_problems(self) -> list[Problem]:
        problems = []
        for entry_id, places in self.seen.items():
            for path, line in places[1:]:
                first = f"{places[0][0]}:{places[0][1]}"
                problems.append(Problem(path, line, f"id '{entry_id}' が重複しています（最初は {first}）",
                                        "id は全ファイルで1つだけにしてください"))
        return problems

    def _check_keys(self, item: dict[str, Any], path: str, problems: list[Problem]) -> None:
        for key in item:
            if key not in ENTRY_FIELDS:
                problems.append(_unknown_field(str(key), ENTRY_FIELDS, path, line_of(item, key)))
        for key in REQUIRED:
            if item.get(key) in (None, "", []):
                problems.append(Problem(path, line_of(item), f"{FIELD_LABELS[key]} がありません",
                                        "この項目は必須です"))

    def _required_values(self, item: dict[str, Any], path: str, problems: list[Problem]) -> dict[str, Any]:
        checks = {"id": self._id, "question": self._plain, "answer": self._plain,
                  "alternatives": self._alternatives, "department": self._department,
                  "url": self._url, "updated": self._date}
        return {key: check(item, key, path, problems) for key, check in checks.items()
                if item.get(key) not in (None, "", [])}

    def _plain(self, item: dict[str, Any], key: str, path: str, problems: list[Problem]) -> str | None:
        value = _text(item[key])
        if value is None:
            problems.append(Problem(path, line_of(item, key), f"{FIELD_LABELS[key]} は文章で書いてください"))
        return value

    def _id(self, item: dict[str, Any], key: str, path: str, problems: list[Problem]) -> str | None:
        value = str(item[key]).strip()
        if not ID_PATTERN.match(value):
            problems.append(Problem(path, line_of(item, key), f"id '{value}' の形が正しくありません",
                                    "半角の英小文字・数字・ハイフンで2〜80文字（例: gomi-shushubi）"))
        return value

    def _alternatives(self, item: dict[str, Any], key: str, path: str, problems: list[Problem]) -> list[str]:
        values = self._strings(item, key, path, problems)
        if values and not 2 <= len(values) <= 5:
            problems.append(Problem(path, line_of(item, key), f"言い換えが {len(values)} 個です",
                                    "住民の聞き方を2〜5個書くと見つかりやすくなります", "warning"))
        return values

    def _department(self, item: dict[str, Any], key: str, path: str, problems: list[Problem]) -> Any:
        value = str(item[key]).strip()
        if value in self.departments:
            return self.departments[value]
        close = difflib.get_close_matches(value, list(self.departments), n=1)
        hint = f"'{close[0]}' ではありませんか" if close else "departments.yaml の id を書いてください"
        problems.append(Problem(path, line_of(item, key), f"担当課 '{value}' が departments.yaml にありません", hint))
        return None

    def _url(self, item: dict[str, Any], key: str, path: str, problems: list[Problem]) -> str | None:
        value = str(item[key]).strip()
        parsed = urlparse(value)
        if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in value:
            problems.append(Problem(path, line_of(item, key), f"URL '{value}' が正しくありません",
                                    "https:// から始まるページのアドレスを書いてください"))
            return None
        return value

    def _date(self, item: dict[str, Any], key: str, path: str, problems: list[Problem]) -> date | None:
        value = item[key]
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            problems.append(Problem(path, line_of(item, key), f"日付 '{value}' が読めません",
                                    "YYYY-MM-DD の形で書いてください（例: 2026-04-01）"))
            return None

    def _strings(self, item: dict[str, Any], key: str, path: str, problems: list[Problem]) -> list[str]:
        value = item.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(_text(v) for v in value):
            problems.append(Problem(path, line_of(item, key), f"{key} は「- 文章」の一覧で書いてください"))
            return []
        return [str(v).strip() for v in value]

    def _translations(self, item: dict[str, Any], path: str, problems: list[Problem]) -> dict[str, Translation]:
        result: dict[str, Translation] = {}
        block = item.get("translations") or {}
        if not isinstance(block, dict):
            message = "translations は言語コードごとに書いてください"
            problems.append(Problem(path, line_of(item, "translations"), message))
            return result
        for lang, fields in block.items():
            translation = self._translation(block, str(lang), fields, path, problems)
            if translation is not None:
                result[canonical_language(str(lang)) or str(lang)] = translation
        return result

    def _translation(self, block: dict[str, Any], lang: str, fields: Any, path: str,
                     problems: list[Problem]) -> Translation | None:
        line = line_of(block, lang)
        code = canonical_language(lang)
        if code is None or code == "ja":
            problems.append(Problem(path, line, f"言語コード '{lang}' は使えません",
                                    f"使える言語コード: {', '.join(c for c in LANGUAGES if c != 'ja')}"))
            return None
        if not isinstance(fields, dict) or not _text(fields.get("question")) or not _text(fields.get("answer")):
            problems.append(Problem(path, line, f"翻訳 '{lang}' に question と answer の両方を書いてください"))
            return None
        return Translation(str(fields["question"]).strip(), str(fields["answer"]).strip())
