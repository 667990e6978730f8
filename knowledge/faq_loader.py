"""Read and validate data/departments.yaml and data/faq/*.yaml."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .faq_fields import EntryChecker, check_department
from .faq_schema import Department, FaqEntry, FaqSet
from .yaml_io import Problem, YamlFileError, line_of, read_yaml

logger = logging.getLogger(__name__)


@dataclass
class LoadReport:
    faq: FaqSet
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def load_departments(path: Path) -> tuple[dict[str, Department], dict[str, str], list[Problem]]:
    """Departments by id, the city's own details, and the problems found."""
    if not path.exists():
        problem = Problem(str(path), 1, "担当課の一覧ファイルがありません", "departments.yaml を作成してください")
        return {}, {}, [problem]
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        return {}, {}, [exc.problem]
    problems: list[Problem] = []
    departments: dict[str, Department] = {}
    for item in (doc or {}).get("departments") or []:
        department = check_department(item, str(path), problems)
        if department is None:
            continue
        if department.id in departments:
            problems.append(Problem(str(path), line_of(item), f"担当課 id '{department.id}' が重複しています"))
        departments[department.id] = department
    city = {str(k): str(v) for k, v in ((doc or {}).get("city") or {}).items()}
    return departments, city, problems


def load_faq(data_dir: Path) -> LoadReport:
    """Load every FAQ file under ``data_dir/faq`` with departments from ``data_dir``."""
    departments, city, problems = load_departments(data_dir / "departments.yaml")
    checker = EntryChecker(departments=departments)
    entries: list[FaqEntry] = []
    files = sorted((data_dir / "faq").glob("*.yaml")) + sorted((data_dir / "faq").glob("*.yml"))
    if not files:
        problems.append(Problem(str(data_dir / "faq"), 1, "FAQ ファイルが1つもありません"))
    for path in files:
        entries.extend(_load_file(path, checker, problems))
    problems.extend(checker.duplicate_problems())
    return LoadReport(FaqSet(tuple(entries), departments, city), problems)


def validate_paths(paths: list[Path], *, data_dir: Path) -> list[Problem]:
    """Problems in the given FAQ files or folders (departments from ``data_dir``)."""
    departments, _, problems = load_departments(data_dir / "departments.yaml")
    checker = EntryChecker(departments=departments)
    for path in _expand(paths):
        _load_file(path, checker, problems)
    return problems + checker.duplicate_problems()


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            faq_dir = path / "faq" if (path / "faq").is_dir() else path
            files.extend(sorted(faq_dir.glob("*.yaml")) + sorted(faq_dir.glob("*.yml")))
        else:
            files.append(path)
    return files


def _load_file(path: Path, checker: EntryChecker, problems: list[Problem]) -> list[FaqEntry]:
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        problems.append(exc.problem)
        return []
    except OSError as exc:
        problems.append(Problem(str(path), 1, f"ファイルを読めません: {exc.strerror}"))
        return []
    return _entries_of(doc, str(path), checker, problems)


def _entries_of(doc: Any, name: str, checker: EntryChecker, problems: list[Problem]) -> list[FaqEntry]:
    if not isinstance(doc, dict):
        problems.append(Problem(name, 1, "ファイルの形が違います", "先頭に category: と entries: を書いてください"))
        return []
    category = doc.get("category")
    if not isinstance(category, str) or not category.strip():
        problems.append(Problem(name, line_of(doc, "category") if "category" in doc else 1,
                                "category（カテゴリ名）がありません", "例: category: ごみ"))
        category = Path(name).stem
    items = doc.get("entries")
    if not isinstance(items, list):
        problems.append(Problem(name, line_of(doc, "entries") if "entries" in doc else 1,
                                "entries:（FAQ の一覧）がありません", "entries: の下に「- id: ...」で書いてください"))
        return []
    parsed = (checker.check(item, category=category.strip(), path=name, problems=problems) for item in items)
    return [entry for entry in parsed if entry is not None]
